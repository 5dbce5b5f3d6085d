"""Real-time fan-out: who should hear that something changed, across web processes."""
