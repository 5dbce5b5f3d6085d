"""End users of the platform, including anonymous ones, and their VIP level."""
