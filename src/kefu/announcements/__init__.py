"""Announcements: notices of new features, events and policy changes for readers."""
