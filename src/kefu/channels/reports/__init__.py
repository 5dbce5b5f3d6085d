"""The "..." report button and the platform's report API, filing through kefu.trust."""
