"""Triage: what a request is about, how urgent it is, its language, mood and scam risk."""
