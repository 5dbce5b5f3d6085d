"""Read-only metrics for supervisors: live queues, response and resolution times, interim SLA
risk, satisfaction, bot containment and trending categories. Every figure is an SQL aggregate."""
