"""HTTP routes for tickets, one module per audience: agents, requesters, the platform."""
