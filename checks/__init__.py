"""CheckMsg's rule engine: text and context in, findings out. No I/O."""

from .engine import check, preload, validate_text
from .errors import MAX_DRAFT_CHARS, MAX_TEXT_CHARS, DraftError
from .models import Context, Draft, Edit, Finding, Fix, Guidance, Report, Severity
from .rules import all_rules
from .settings import CheckSettings, RuleSetting

__all__ = [
    "MAX_DRAFT_CHARS",
    "MAX_TEXT_CHARS",
    "CheckSettings",
    "Context",
    "Draft",
    "DraftError",
    "Edit",
    "Finding",
    "Fix",
    "Guidance",
    "Report",
    "RuleSetting",
    "Severity",
    "all_rules",
    "check",
    "preload",
    "validate_text",
]
