"""Finding contact details, links and order ids in text.

Every pattern here is linear on long input: bounded repetitions, anchors that
cut the number of start positions, no nested quantifiers.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import phonenumbers
import regex

from . import prefilter

_V = regex.IGNORECASE
# No rule reports more than 50 findings; extraction stops a little later.
MAX_FOUND = 100


@dataclass(frozen=True)
class Found:
    span: tuple[int, int]
    value: str


@dataclass(frozen=True)
class Link(Found):
    scheme: str | None  # "http", "https", or None for a bare domain / www.
    host: str


@dataclass
class OrderIds:
    valid: list[Found] = field(default_factory=list)
    malformed: list[Found] = field(default_factory=list)


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


# --- emails -----------------------------------------------------------------
# Full-width forms (Japanese and Chinese input methods) read as their ASCII
# letters: one character for one, so offsets stay valid.
NARROW = str.maketrans(prefilter.FULL_WIDTH)
# For digits (order ids, phone numbers) also the dashes those input methods type.
NARROW_DIGITS = str.maketrans(prefilter.FULL_WIDTH | {c: ord("-") for c in (0x2010, 0x2011, 0x2212, 0x30FC, 0xFF70)})
# str.translate walks a long text slowly (~80 ns a character, several times
# a check): it is skipped when none of the table's characters occurs.
_TRANSLATED = {
    id(table): re.compile("[" + "".join(re.escape(chr(c)) for c in table) + "]")  # re: 10x faster here
    for table in (NARROW, NARROW_DIGITS)
}


def narrow(text: str, table: dict = NARROW) -> str:
    """``text.translate(table)`` for NARROW or NARROW_DIGITS, without the walk when it changes nothing."""
    if text.isascii() or _TRANSLATED[id(table)].search(text) is None:
        return text
    return text.translate(table)
# Letters of addresses: a CJK character beside an address ends it
# ("info@example.comまで"), where \w would take it in.
_AW = r"\p{Latin}\p{Greek}\p{Cyrillic}\p{M}\p{Nd}_"
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303F\uFF00-\uFFEF"

_EMAIL = regex.compile(
    rf"(?<![{_AW}.+-])[{_AW}.+-]{{1,64}}\s?@\s?[{_AW}-]{{1,63}}(?:\.[{_AW}-]{{1,63}}){{1,6}}", _V
)
_AT = r"(?:\s?[\[({<]\s?(?:at|@)\s?[\])}>]\s?|\s(?:at)\s)"
_DOT = r"(?:\s?[\[({<]\s?(?:dot|\.)\s?[\])}>]\s?|\s(?:dot)\s|\.)"
_OBFUSCATED = regex.compile(
    rf"(?<![\w.+-])[\w.+-]{{1,64}}{_AT}[\w-]{{1,63}}(?:{_DOT}[\w-]{{1,63}}){{1,4}}(?![\w-])", _V
)

_OBFUSCATION_HINT = regex.compile(r"\bdot\b|[\[({<]\s?(?:at|dot|@|\.)\s?[\])}>]", _V)


def emails(text: str) -> list[Found]:
    text = narrow(text)
    found = [Found((m.start(), m.end()), m.group()) for m in _EMAIL.finditer(text)]
    if "@" in text:
        found = [f for f in found if _plausible_domain(f.value.split("@")[-1])]
    taken = [f.span for f in found]
    if not _OBFUSCATION_HINT.search(text):
        return sorted(found, key=lambda f: f.span)
    # Overlapped: "write directly at name [at] host [dot] com" must not let the
    # candidate starting at "directly" hide the real one.
    for m in _OBFUSCATED.finditer(text, overlapped=True):
        value = m.group()
        if _overlaps((m.start(), m.end()), taken) or not _OBFUSCATION_HINT.search(value):
            continue
        tld = regex.split(r"\W+", value.strip())[-1]
        if is_tld(tld):
            found.append(Found((m.start(), m.end()), value))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.span)


# --- links ------------------------------------------------------------------
_TRAIL = ".,;:!?)]}'\"”’»。、"
_SCHEME_URL = regex.compile(rf"(?<![{_AW}])(?:https?|ftp)://[^\s<>\"'`{_CJK}]{{1,2000}}", _V)
_WWW_URL = regex.compile(rf"(?<![{_AW}.@/-])www\.[^\s<>\"'`{_CJK}]{{1,2000}}", _V)
_BARE = regex.compile(
    rf"(?<![{_AW}.@/\\-])(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.){{1,4}}[a-z]{{2,24}}(?![{_AW}@-])(?:/[^\s<>\"'`{_CJK}]{{0,2000}})?",
    _V,
)
_DOTTED = re.compile(r"[a-z0-9]\.[a-z]")  # in every _BARE match (on lowered text)
_FILE_EXTENSIONS = frozenset(
    "pdf doc docx xls xlsx csv txt jpg jpeg png gif webp heic bmp svg zip rar 7z mp4 mov avi mp3 wav "
    "html htm exe dmg apk json xml py js ts md".split()
)
_COMMON_TLDS = frozenset(
    "com net org info biz io co shop store online site app me us uk de fr es it nl pl se tr jp cn hk tw "
    "ca au nz in sg ae eu ch at be dk no fi ie pt ru br mx kr ly gl to cc tv xyz top club link".split()
)


@functools.lru_cache(maxsize=1)
def _tld_extractor():
    import tldextract

    # No suffix-list download and no cache files: use the snapshot in the wheel.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@functools.lru_cache(maxsize=4096)
def split_host(host: str) -> tuple[str, str, str]:
    parts = _tld_extractor()(host.lower())
    return parts.subdomain, parts.domain, parts.suffix


def is_tld(label: str) -> bool:
    return bool(label) and split_host(f"example.{label}")[2] == label.lower()


def _plausible_domain(host: str) -> bool:
    return bool(split_host(host.rstrip(".").replace("．", "."))[2])


def _trim(value: str) -> str:
    while value and value[-1] in _TRAIL:
        if value[-1] == ")" and value.count("(") >= value.count(")"):
            break
        value = value[:-1]
    return value


def _host_of(url: str) -> str:
    url = url.translate(NARROW)
    rest = url.split("://", 1)[1] if "://" in url else url
    host = regex.split(r"[/?#:]", rest, maxsplit=1)[0]
    return host.split("@")[-1].lower()


def links(text: str, exclude: list[tuple[int, int]] | None = None) -> list[Link]:
    taken = list(exclude or [])
    found: list[Link] = []
    text = narrow(text)

    def add(start: int, raw: str, scheme: str | None) -> None:
        value = _trim(raw)
        span = (start, start + len(value))
        if not value or _overlaps(span, taken):
            return
        taken.append(span)
        found.append(Link(span, value, scheme, _host_of(value)))

    # Each pattern has a literal it cannot match without ("://", "www.", a dot
    # between a letter or digit and a letter); a text without it is not scanned.
    lowered = prefilter.fold(text)  # lower case as case-insensitive matching sees it
    schemes = _SCHEME_URL.finditer(text) if "://" in text else ()
    for m in schemes:
        add(m.start(), m.group(), m.group().split(":")[0].lower())
    for m in _WWW_URL.finditer(text) if "www." in lowered else ():
        add(m.start(), m.group(), None)
    for m in _BARE.finditer(text) if _DOTTED.search(lowered) else ():
        value = _trim(m.group())
        host = _host_of(value)
        labels = host.split(".")
        tld = labels[-1]
        if tld in _FILE_EXTENSIONS and "/" not in value:
            continue
        _sub, domain, suffix = split_host(host)
        if not suffix or not domain or len(domain) < 2:
            continue
        if "/" not in value and suffix.split(".")[-1] not in _COMMON_TLDS:
            continue
        if domain.isdigit():
            continue
        add(m.start(), m.group(), None)
    return sorted(found, key=lambda f: f.span)


AMAZON_HOSTS = frozenset({"amzn.to", "amzn.com", "amzn.eu", "amzn.asia", "a.co"})
# amazon.<any marketplace suffix>, and Amazon's own image hosts.
AMAZON_DOMAINS = frozenset({"amazon", "media-amazon", "ssl-images-amazon", "images-amazon"})


def is_amazon(host: str) -> bool:
    _sub, domain, suffix = split_host(host)
    return domain in AMAZON_DOMAINS or f"{domain}.{suffix}" in AMAZON_HOSTS


def host_allowed(host: str, allowed: list[str]) -> bool:
    host = host.lower().rstrip(".")
    for entry in allowed:
        entry = entry.lower().strip().lstrip("*.")
        if host == entry or host.endswith("." + entry):
            return True
    return False


# --- order ids --------------------------------------------------------------
_ORDER_ID = regex.compile(r"(?<![\d-])\d{3}-\d{7}-\d{7}(?![\d-])")
# Three dash-separated digit groups that add up to roughly an order id.
_ORDER_LIKE = regex.compile(r"(?<![\d-])\d{2,5}-\d{4,9}-\d{4,9}(?![\d-])")
_ORDER_UNGROUPED = regex.compile(r"(?<![\d-])\d{15,19}(?![\d-])")


def order_ids(text: str, reference: regex.Pattern | None) -> OrderIds:
    text = narrow(text, NARROW_DIGITS)  # "２５０－１２３４５６７－１２３４５６７" is an order id
    result = OrderIds()
    for m in _ORDER_ID.finditer(text):
        result.valid.append(Found((m.start(), m.end()), m.group()))
    for m in _ORDER_LIKE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group())
        if _ORDER_ID.fullmatch(m.group()) or not 14 <= digits <= 20:
            continue
        result.malformed.append(Found((m.start(), m.end()), m.group()))
    if reference is not None:
        # "order 11312345671234567": an ungrouped id right after the word order.
        for m in _ORDER_UNGROUPED.finditer(text):
            before = text[max(0, m.start() - 30) : m.start()]
            if reference.search(before):
                result.malformed.append(Found((m.start(), m.end()), m.group()))
    return result


# --- phone numbers ----------------------------------------------------------
_REGIONS = {
    "amazon.com": "US", "amazon.ca": "CA", "amazon.com.mx": "MX", "amazon.com.br": "BR",
    "amazon.co.uk": "GB", "amazon.ie": "IE", "amazon.de": "DE", "amazon.at": "AT",
    "amazon.fr": "FR", "amazon.com.be": "BE", "amazon.es": "ES", "amazon.it": "IT",
    "amazon.nl": "NL", "amazon.pl": "PL", "amazon.se": "SE", "amazon.com.tr": "TR",
    "amazon.co.jp": "JP", "amazon.cn": "CN", "amazon.in": "IN", "amazon.com.au": "AU",
    "amazon.sg": "SG", "amazon.ae": "AE", "amazon.sa": "SA", "amazon.eg": "EG",
}
_LANGUAGE_REGIONS = {
    "en": "US", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "ja": "JP", "nl": "NL",
    "pl": "PL", "sv": "SE", "tr": "TR", "zh": "CN", "pt": "BR", "ar": "AE",
}


def region_for(marketplace: str | None, buyer_language: str | None) -> str:
    if marketplace and marketplace in _REGIONS:
        return _REGIONS[marketplace]
    if buyer_language:
        parts = buyer_language.split("-")
        if len(parts) > 1 and len(parts[1]) == 2:
            return parts[1].upper()
        return _LANGUAGE_REGIONS.get(parts[0].lower(), "US")
    return "US"


_INTERNATIONAL = regex.compile(r"(?:\+|(?<!\d)00)\d[\d \-./()]{6,20}\d")


def phones(
    text: str,
    region: str,
    blocked: list[tuple[int, int]],
    allowed: list[str],
    keyword: regex.Pattern | None,
) -> list[Found]:
    """Phone numbers valid for the marketplace's region or written internationally."""
    normalized = narrow(text, NARROW_DIGITS)  # same length: offsets stay valid
    allowed_e164 = {_e164(a, region) for a in allowed} - {None}
    found: list[Found] = []
    taken = list(blocked)

    def consider(start: int, end: int, number) -> None:
        span = (start, end)
        if _overlaps(span, taken):
            return
        if phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) in allowed_e164:
            return
        taken.append(span)
        found.append(Found(span, text[start:end]))

    # The matcher costs ~1 ms per KB; run it only around digit runs long
    # enough to be a number (most of a message has none).
    # At most MAX_FOUND numbers: a text of nothing but numbers would
    # otherwise cost seconds (the matcher, and the overlap test per number).
    for start, end in itertools.islice(_digit_windows(normalized), MAX_FOUND):
        window = normalized[start:end]
        for match in phonenumbers.PhoneNumberMatcher(window, region, leniency=phonenumbers.Leniency.VALID):
            consider(start + match.start, start + match.end, match.number)
            if len(found) >= MAX_FOUND:
                return sorted(found, key=lambda f: f.span)
    # Written with + or 00: valid whatever the marketplace.
    international = _INTERNATIONAL.finditer(normalized) if "+" in normalized or "00" in normalized else ()
    for m in itertools.islice(international, MAX_FOUND):
        candidate = m.group()
        if candidate.startswith("00"):
            candidate = "+" + candidate[2:]
        try:
            number = phonenumbers.parse(candidate, None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            consider(m.start(), m.end(), number)
            if len(found) >= MAX_FOUND:
                return sorted(found, key=lambda f: f.span)
    # After a phone keyword (tel, call, WhatsApp...), accept merely possible numbers.
    if keyword is not None:
        for k in keyword.finditer(normalized):
            window_end = min(len(normalized), k.end() + 40)
            for match in phonenumbers.PhoneNumberMatcher(
                normalized[k.end() : window_end], region, leniency=phonenumbers.Leniency.POSSIBLE
            ):
                consider(k.end() + match.start, k.end() + match.end, match.number)
            if len(found) >= MAX_FOUND:
                break
    return sorted(found, key=lambda f: f.span)


_DIGIT_RUN = regex.compile(r"(?<![\d])\d[\d \t().\-–/]{4,40}+")
_WINDOW_MARGIN = 8


def _digit_windows(text: str) -> Iterator[tuple[int, int]]:
    """Merged windows around runs holding six or more digits."""
    current: tuple[int, int] | None = None
    for m in _DIGIT_RUN.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) < 6:
            continue
        start, end = max(0, m.start() - _WINDOW_MARGIN), min(len(text), m.end() + _WINDOW_MARGIN)
        if current and start <= current[1]:
            current = (current[0], end)
            continue
        if current:
            yield current
        current = (start, end)
    if current:
        yield current


def _e164(raw: str, region: str) -> str | None:
    try:
        return phonenumbers.format_number(phonenumbers.parse(raw, region), phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return None


# --- emoji --------------------------------------------------------------------
_EMOJI = regex.compile(
    r"(?:[\p{Regional_Indicator}]{2})"
    r"|(?:[0-9#*]\uFE0F?\u20E3)"
    r"|(?:(?![\u00A9\u00AE\u2122])\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]{0,3}"
    r"(?:\u200D\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]{0,3}){0,8})",
    0,
)
# No emoji lies below U+203C once (c) and (r) are left out (the keycap's
# U+20E3 and the regional indicators lie above it): text without such a
# character is not scanned for emoji.
_PAST_EMOJI_FLOOR = re.compile("[\u203c-\U0010ffff]")
_SHORTCODE = regex.compile(r"(?<![\w:/]):[a-z0-9][a-z0-9_+\-]{1,40}:(?![\w/])")
_EMOTICON = regex.compile(r"(?<!\S)(?:[:;=]-?[)(DPp]|<3)(?![\w(])")


def emoji(text: str, limit: int = MAX_FOUND) -> list[Found]:
    found: list[Found] = []
    patterns = [_EMOTICON]
    if not text.isascii() and _PAST_EMOJI_FLOOR.search(text):
        patterns.append(_EMOJI)
    if ":" in text:
        patterns.append(_SHORTCODE)
    for pattern in patterns:
        found += [Found((m.start(), m.end()), m.group()) for m in itertools.islice(pattern.finditer(text), limit)]
    return sorted(found, key=lambda f: f.span)[:limit]
