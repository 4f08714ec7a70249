"""CheckMsg's application: the review workflow, its store, and the chat bots."""
