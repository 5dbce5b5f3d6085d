"""The ticket aggregate: status machine, messages, attachments, timeline, children, merging."""
