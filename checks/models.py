"""The data the engine takes and gives: drafts, context, findings, reports."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, WrapValidator, field_validator

from .i18n import LANGUAGE_NAMES, Text, tr


def _keep_text(value: Any, handler: Any) -> Any:
    return value if isinstance(value, Text) else handler(value)


# A text a person reads: a plain str, or a Text that keeps its catalogue key
# (checks/i18n.py) until the report is localized.
Readable = Annotated[str, WrapValidator(_keep_text)]

ORDER_ID_FORM = r"^\d{3}-\d{7}-\d{7}$"

# Validation context for a Context from a source that is not a person typing:
# read back from the review store (checked when it was submitted; the checks
# below may have grown stricter since, and an old draft must still open) or
# Amazon's own order data. Only the parsing applies.
TRUSTED = {"trusted": True}


def _trusted(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("trusted"))


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Context(BaseModel):
    """What is known about the order and the conversation (all optional).

    Absent keys are unknown, never false: a rule that needs one stays silent
    and the report lists it under ``missing_context``.
    """

    model_config = ConfigDict(extra="ignore")

    order_id: str | None = None
    buyer_language: str | None = None
    marketplace: str | None = None
    order_date: dt.date | None = None
    delivery_date: dt.date | None = None
    today: dt.date | None = None
    proactive: bool = True
    previous_review_requests: int | None = Field(default=None, ge=0)
    format: Literal["text", "html"] | None = None
    attachments: list[str] | None = None

    @field_validator("order_id")
    @classmethod
    def _order_id(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None or _trusted(info):
            return value
        value = value.strip()
        if not re.fullmatch(ORDER_ID_FORM, value):
            raise ValueError(
                tr("validation.order-id", "{value!r} is not an Amazon order id: write its 3-7-7 digits, e.g. 113-1234567-1234567", value=value)
            )
        return value

    @field_validator("buyer_language")
    @classmethod
    def _bcp47(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None or _trusted(info):
            return value
        import langcodes  # only when a language is given: keeps `checkmsg check` quick to start

        value = value.strip().replace("_", "-")
        if not value or not langcodes.tag_is_valid(value):
            raise ValueError(tr("validation.bcp47", "not a BCP-47 language tag: {value!r}; write e.g. de, en-GB or ja", value=value))
        if value.split("-")[0].lower() not in LANGUAGE_NAMES:
            raise ValueError(
                tr(
                    "validation.unknown-language",
                    "CheckMsg does not know the language {value!r}; it knows {known}",
                    value=value,
                    known=", ".join(sorted(LANGUAGE_NAMES)),
                )
            )
        return value

    @field_validator("marketplace")
    @classmethod
    def _marketplace(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None or _trusted(info):
            return value
        from .language import MARKETPLACE_LANGUAGES

        value = value.strip().lower()
        for prefix in ("https://", "http://", "www."):
            value = value.removeprefix(prefix)
        value = value.rstrip("/")
        if value not in MARKETPLACE_LANGUAGES:
            close = difflib.get_close_matches(value, list(MARKETPLACE_LANGUAGES), n=1, cutoff=0.75)
            known = close[0] if close else ", ".join(sorted(MARKETPLACE_LANGUAGES))
            key, hint = ("validation.marketplace-close", "did you mean {known}?") if close else ("validation.marketplace-list", "write one of {known}")
            raise ValueError(
                tr("validation.marketplace", "{value!r} is not an Amazon marketplace; {hint}", value=value, hint=tr(key, hint, known=known))
            )
        return value

    @field_validator("order_date", "delivery_date", "today", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        """Dates as people type them, refused in our words (not pydantic's "input is too short")."""
        if not isinstance(value, str):
            return value
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            raise ValueError(tr("validation.iso-date", "{value!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14", value=value)) from None

    @field_validator("order_date", "delivery_date")
    @classmethod
    def _not_ahead(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        if value is None or _trusted(info):
            return value
        # A day of slack: the marketplace's date may be ahead of this machine's.
        latest = dt.date.today() + dt.timedelta(days=1)
        if value > latest:
            raise ValueError(tr("validation.future", "{value} is in the future; give the date it happened", value=value.isoformat()))
        order_date = info.data.get("order_date")
        if info.field_name == "delivery_date" and order_date is not None and value < order_date:
            raise ValueError(
                tr(
                    "validation.delivered-before-ordered",
                    "{value} is before the order date {order_date}; an order is delivered after it is placed",
                    value=value.isoformat(),
                    order_date=order_date.isoformat(),
                )
            )
        return value

    @field_validator("today")
    @classmethod
    def _today_after_dates(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        if _trusted(info):
            return value
        for name in ("order_date", "delivery_date"):
            other = info.data.get(name)
            if value is not None and other is not None and value < other:
                raise ValueError(
                    tr(
                        "validation.today-too-early",
                        "{value} is before the {what} {other}; check as of a day after it",
                        value=value.isoformat(),
                        what=tr("validation.what." + name, name.replace("_", " ")),
                        other=other.isoformat(),
                    )
                )
        return value

    def given(self) -> set[str]:
        """Names of the keys the caller actually supplied."""
        return set(self.model_fields_set)


class Draft(BaseModel):
    """A message a seller wants to send, with what is known around it."""

    text: str
    context: Context = Field(default_factory=Context)


class Edit(BaseModel):
    """Replace ``span`` of the submitted text with ``replacement``."""

    span: tuple[int, int]
    replacement: str


class Fix(BaseModel):
    """A mechanical correction, LanguageTool style: edits over the draft."""

    title: Readable
    edits: list[Edit]


class Finding(BaseModel):
    rule: str
    severity: Severity
    message: Readable
    span: tuple[int, int] | None = None
    excerpt: str | None = None
    guideline: Readable
    fix: Fix | None = None

    def public(self) -> dict:
        """The JSON shape of the batch output and the chat replies."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "span": list(self.span) if self.span else None,
            "excerpt": self.excerpt,
            "guideline": self.guideline,
            "fix": self.fix.model_dump(mode="json") if self.fix else None,
        }


class Guidance(BaseModel):
    """What a person must do about a finding that has no mechanical fix."""

    rule: str
    text: Readable


class Report(BaseModel):
    findings: list[Finding]
    language: str | None
    missing_context: dict[str, list[str]] = Field(default_factory=dict)
    notes: list[Readable] = Field(default_factory=list)
    rewrite: str | None = None  # the draft with every mechanical fix applied (checks/rewrite/)
    diff: str | None = None  # unified diff of the rewrite against the draft; None when unchanged
    guidance: list[Guidance] = Field(default_factory=list)  # what a person must still do (from the re-check)
    # The rewrite checked again with the same context: the rule ids still found on it
    # (empty when it checks clean), "ready" / "needs-person" / "none" (no rewrite:
    # do not send), and that status as a sentence. None / empty without a rewrite.
    remaining: list[str] = Field(default_factory=list)
    rewrite_status: Literal["ready", "needs-person", "none"] | None = None
    rewrite_verdict: Readable | None = None

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def rule_ids(self) -> list[str]:
        return sorted({f.rule for f in self.findings})
