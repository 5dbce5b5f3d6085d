"""Channel adapters: each turns outside traffic into ticket messages and carries replies
back out."""
