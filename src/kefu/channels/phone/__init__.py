"""Phone calls agents log: on a contact, and on a ticket's timeline as an internal note."""
