"""Spell checking with Hunspell dictionaries from the system (``/usr/share/hunspell``)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import regex

DICTIONARY_DIRS = [
    Path(p) for p in os.environ.get("CHECKMSG_HUNSPELL_PATH", "").split(os.pathsep) if p
] + [Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"), Path("/usr/local/share/hunspell")]

# Language -> dictionaries; a word is correct if any of them accepts it.
DICTIONARIES: dict[str, tuple[str, ...]] = {
    "en": ("en_US", "en_GB"),
    "de": ("de_DE",),
    "fr": ("fr_FR", "fr"),
    "es": ("es_ES",),
    "it": ("it_IT",),
    "nl": ("nl_NL", "nl"),
    "pl": ("pl_PL",),
    "sv": ("sv_SE",),
    "tr": ("tr_TR",),
}

WORD = regex.compile(r"(?<![\w@./\\-])\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*){0,3}(?![\w@/\\]|\.\w)", regex.V1)


def _find(name: str) -> Path | None:
    for folder in DICTIONARY_DIRS:
        if (folder / f"{name}.dic").exists() and (folder / f"{name}.aff").exists():
            return folder
    return None


@functools.lru_cache(maxsize=None)
def checkers(lang: str) -> tuple:
    """Hunspell objects for ``lang``; empty when no dictionary is installed."""
    import hunspell

    found = []
    for name in DICTIONARIES.get(lang, ()):
        folder = _find(name)
        if folder is not None:
            found.append(hunspell.Hunspell(name, hunspell_data_dir=str(folder)))
            if lang == "en" or len(found) == 1:
                continue
    # One dictionary per language is enough except English (US and UK spellings).
    return tuple(found if lang == "en" else found[:1])


def correct(word: str, lang: str) -> bool:
    return any(h.spell(word) for h in checkers(lang))


def suggestions(word: str, lang: str) -> list[str]:
    seen: list[str] = []
    for h in checkers(lang):
        for s in h.suggest(word):
            if s not in seen:
                seen.append(s)
        break  # the first dictionary's suggestions are ranked best
    return seen
