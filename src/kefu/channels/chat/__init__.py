"""Live chat: the widget's WebSocket, the bot first and then a person, in one conversation."""
