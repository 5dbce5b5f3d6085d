"""Staff, roles, teams, skills, sessions, API tokens and end-user identity."""
