"""Rule families, one module per guideline family. Importing registers them."""

from . import content, contact, html, language, order, promo, reviews, style  # noqa: F401
