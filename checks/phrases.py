"""Phrase knowledge per language, kept as data in ``checks/phrases/<lang>.toml``.

Each table of a file is a concept (``review_request``, ``coupon``...) holding
``patterns``: regular expressions matched case-insensitively within one
sentence. Patterns must stay linear: no nested quantifiers, bounded gaps
(``\\W+(?:\\w+\\W+){0,3}`` style) instead of ``.*``.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

import regex

_FLAGS = regex.IGNORECASE


@functools.cache
def _table(lang: str) -> dict[str, dict]:
    try:
        raw = resources.files(__package__).joinpath("phrases", f"{lang}.toml").read_text("utf-8")
    except FileNotFoundError:
        return {}
    return tomllib.loads(raw)


_LANGUAGE_FILE = regex.compile(r"[a-z]{2,3}\.toml")


@functools.lru_cache(maxsize=1)
def languages() -> list[str]:
    """Languages with phrase data (files named by ISO code; other files hold other data)."""
    folder = resources.files(__package__).joinpath("phrases")
    return sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if _LANGUAGE_FILE.fullmatch(p.name))


@functools.cache
def pattern(lang: str, concept: str) -> regex.Pattern | None:
    """One compiled alternation of the concept's patterns for ``lang``, or None."""
    entry = _table(lang).get(concept)
    if not entry or not entry.get("patterns"):
        return None
    joined = "|".join(f"(?:{p})" for p in entry["patterns"])
    return regex.compile(joined, _FLAGS)


def concepts(lang: str) -> list[str]:
    """The concepts with patterns in ``lang``'s file."""
    return [name for name, entry in _table(lang).items() if isinstance(entry, dict) and entry.get("patterns")]


def patterns(lang: str, concept: str) -> list[str]:
    entry = _table(lang).get(concept)
    return list(entry.get("patterns", ())) if entry else []


def words(lang: str, concept: str) -> list[str]:
    entry = _table(lang).get(concept)
    return list(entry.get("words", ())) if entry else []
