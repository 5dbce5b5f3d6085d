"""The e-mail channel: mail in (SMTP listener, IMAP polling, .eml files) becomes tickets and
replies; staff replies go back out by SMTP, threaded so mail clients keep one conversation."""
