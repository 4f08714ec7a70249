"""The data the engine takes and gives: drafts, context, findings, reports."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WrapValidator, field_validator

from .i18n import Text, tr


def _keep_text(value: Any, handler: Any) -> Any:
    return value if isinstance(value, Text) else handler(value)


# A text a person reads: a plain str, or a Text that keeps its catalogue key
# (checks/i18n.py) until the report is localized.
Readable = Annotated[str, WrapValidator(_keep_text)]


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

    @field_validator("buyer_language")
    @classmethod
    def _bcp47(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().replace("_", "-")
        if not value or not all(part.isalnum() for part in value.split("-")):
            raise ValueError(tr("validation.bcp47", "not a BCP-47 language tag: {value!r}", value=value))
        return value

    @field_validator("marketplace")
    @classmethod
    def _marketplace(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().lower()
        for prefix in ("https://", "http://", "www."):
            value = value.removeprefix(prefix)
        return value.rstrip("/")

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
