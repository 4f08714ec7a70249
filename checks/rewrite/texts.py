"""The texts the rewrite writes into a draft (checks/phrases/rewrite.toml), per language."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

from .. import phrases

PLACEHOLDER = "[ORDER ID]"


@functools.lru_cache(maxsize=1)
def _texts() -> dict[str, dict]:
    raw = resources.files("checks").joinpath("phrases", "rewrite.toml").read_text("utf-8")
    return tomllib.loads(raw)


def phrase_text(lang: str, key: str) -> str | None:
    """A text the rewrite writes: ``[key] text`` in ``<lang>.toml``, else ``rewrite.toml``."""
    entry = phrases._table(lang).get(key)
    if isinstance(entry, dict) and isinstance(entry.get("text"), str):
        return entry["text"]
    return _texts().get(lang, {}).get(key)
