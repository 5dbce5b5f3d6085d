"""The append-only audit log of security-relevant and administrative actions."""
