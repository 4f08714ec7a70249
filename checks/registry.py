"""One registry of rules. A rule documents itself and carries its own examples.

Adding a rule: subclass :class:`Rule` in the module of its guideline family
under ``checks/rules/``, give it the id from ``rules.md``, a docstring, a
guideline paraphrase and a violating/compliant example pair, and decorate it
with :func:`register`. ``tests/test_registry.py`` runs the examples; the
step by step guide is ``checks/rules/README.md``.

This module does not import the rule families (they import it):
``checks.rules.all_rules()`` is the registry with every family loaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from .document import Document, negated
from .i18n import Text
from .models import Fix, Severity


@dataclass(frozen=True)
class Hit:
    """Where a rule fired, in the checked text's offsets.

    ``source=True``: ``span`` and the fix's edits are already offsets into the
    submitted source (the HTML rules), so the engine does not map them.
    """

    span: tuple[int, int] | None = None
    message: str | None = None
    fix: Fix | None = None
    source: bool = False


@dataclass(frozen=True)
class Example:
    text: str
    context: dict = field(default_factory=dict)


class Rule:
    """Base of every rule: id, severity, guideline, examples, and ``find``."""

    id: ClassVar[str]
    severity: ClassVar[Severity]
    message: ClassVar[str]
    guideline: ClassVar[str]
    violating: ClassVar[Example]
    compliant: ClassVar[Example]
    # Context keys the rule needs; a tuple entry is satisfied by any one of its keys.
    needs: ClassVar[tuple[str | tuple[str, ...], ...]] = ()
    # False for rules that wait on a later issue (html.* before the HTML work lands).
    implemented: ClassVar[bool] = True

    def find(self, doc: Document) -> Iterator[Hit]:  # pragma: no cover - abstract
        raise NotImplementedError

    @classmethod
    def preload(cls) -> None:
        """Start loading what this rule needs and is slow to load (a model), in
        the background, so the first check does not wait for it. Called once
        per process for every registered rule (:func:`preload_all`); most
        rules load nothing."""

    def say(self, **params: object) -> Text:
        """This rule's ``message`` with ``params`` filled in; it stays
        translatable (``checks/messages/<lang>.toml``, under the rule id)."""
        return Text(self.id, self.message, **params)

    def missing(self, given: set[str]) -> list[str]:
        lacking: list[str] = []
        for need in self.needs:
            options = need if isinstance(need, tuple) else (need,)
            if not any(option in given for option in options):
                lacking.append(" or ".join(options))
        return lacking

    @classmethod
    def documentation(cls) -> str:
        return (cls.__doc__ or "").strip()


class PhraseRule(Rule):
    """A rule that is pure phrase data: it fires on each sentence matching
    ``concept`` (``checks/phrases/<lang>.toml``), unless a negation stands
    within ``negation_window`` characters before the match."""

    concept: ClassVar[str]
    negation_window: ClassVar[int | None] = None

    def find(self, doc: Document) -> Iterator[Hit]:
        for sentence, match in doc.matches(self.concept):
            if self.negation_window is None or not negated(doc, sentence, match, window=self.negation_window):
                yield Hit(sentence.span_of(match))


RULES: dict[str, Rule] = {}
INTERNAL_ERROR = "engine.internal-error"


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add one instance of the rule to the registry."""
    for attr in ("id", "severity", "message", "guideline", "violating", "compliant"):
        if not hasattr(cls, attr):
            raise TypeError(f"rule {cls.__name__} lacks {attr!r}")
    if not cls.documentation():
        raise TypeError(f"rule {cls.id} has no docstring")
    if cls.id in RULES:
        raise ValueError(f"rule id {cls.id} registered twice")
    RULES[cls.id] = cls()
    return cls


def preload_all() -> None:
    """Every registered rule's :meth:`Rule.preload`."""
    for rule in RULES.values():
        rule.preload()
