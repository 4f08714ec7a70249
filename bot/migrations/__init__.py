"""Alembic migrations of the review store, run by ``bot.store`` at start."""
