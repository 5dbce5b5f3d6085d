"""Macros: canned replies in zh and en with placeholders, optionally setting status, priority
and tags when an agent applies one to a ticket."""
