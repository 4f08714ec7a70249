"""Rule families, one module per guideline family. Importing registers them
(how to add a rule: ``README.md`` beside this file)."""

from ..registry import RULES, Rule
from . import contact, content, html, language, order, promo, reviews, style  # noqa: F401


def all_rules() -> dict[str, Rule]:
    """Every registered rule by id, in registration order (family by family)."""
    return RULES
