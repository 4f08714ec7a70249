"""CheckMsg in Slack: /checkmsg, its dialog, a message shortcut, watched channels, approval buttons."""
