"""CheckMsg's application: the review workflow, its store, report rendering, and the chat layer.

Its texts in other languages are its own catalogue, ``bot/messages/<lang>.toml``,
added to the engine's when the package is imported.
"""

from checks.i18n import add_catalogue

add_catalogue(__name__)
