"""Outbound webhooks: signed POSTs of ticket events to the URLs administrators subscribe."""
