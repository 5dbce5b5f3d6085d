"""Background jobs: durable, retried with backoff, enqueued inside the caller's transaction."""
