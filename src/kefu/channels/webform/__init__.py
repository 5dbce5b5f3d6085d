"""The in-app "Help & Feedback" form and the website's message form."""
