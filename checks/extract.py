"""Finding contact details, links and order ids in text.

Every pattern here is linear on long input: bounded repetitions, anchors that
cut the number of start positions, no nested quantifiers.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import phonenumbers
import regex

from . import normalize, prefilter

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


class _Taken:
    """Spans already claimed, kept in order of their starts. ``overlaps``
    reads only those starting less than the longest span's length before the
    span asked about (no other can reach into it): a walk over every claimed
    span made a text with hundreds of addresses, links and numbers quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0
        for span in spans:
            self.append(span)

    def append(self, span: tuple[int, int]) -> None:
        start, end = span
        at = bisect.bisect_right(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)
        self.longest = max(self.longest, end - start)

    def overlaps(self, span: tuple[int, int]) -> bool:
        start, end = span
        ends = self.ends
        first = bisect.bisect_right(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end, first)
        return any(start < ends[i] for i in range(first, last))


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
    if len(text) >= _NARROW_KEPT_FROM:  # the email, link, order id and phone scans of one check narrow the same text
        return _narrow_long(text, table is NARROW_DIGITS)
    return text.translate(table)


_NARROW_KEPT_FROM = 2_000


@functools.lru_cache(maxsize=8)
def _narrow_long(text: str, digits: bool) -> str:
    return text.translate(NARROW_DIGITS if digits else NARROW)
# Letters of addresses: a CJK character beside an address ends it
# ("info@example.comまで"), where \w would take it in.
_AW = r"\p{Latin}\p{Greek}\p{Cyrillic}\p{M}\p{Nd}_"
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303F\uFF00-\uFFEF"

_EMAIL = regex.compile(
    rf"(?<![{_AW}.+-])[{_AW}.+-]{{1,64}}\s?@\s?[{_AW}-]{{1,63}}(?:\.[{_AW}-]{{1,63}}){{1,6}}", _V
)
# An address whose dots have a space beside them ("service@lumiwood-lighting. com").
_EMAIL_SPACED = regex.compile(
    rf"(?<![{_AW}.+-])[{_AW}.+-]{{1,64}}\s?@\s?[{_AW}-]{{1,63}}(?:[ \t]{{0,3}}\.[ \t]{{0,3}}[{_AW}-]{{1,63}}){{1,6}}", _V
)
# The at sign and the dot spelled out, in the supported languages ("at sign",
# "Klammeraffe", "arobase", "arroba", "chiocciola", "アットマーク"), or bracketed.
_AT_WORDS = (
    r"at[- ]sign|at[- ]symbol|at[- ]zeichen|klammeraffe|arobase|arroba|chiocciola|chiocciolina|"
    r"apenstaartje|małpa|snabel-a|ät|at"
)
_DOT_WORDS = r"dot|punkt|point|punto|ponto|punt|nokta|kropka"
_AT = rf"(?:\s?[\[({{<]\s?(?:{_AT_WORDS}|@|#)\s?[\])}}>]\s?|\s(?:{_AT_WORDS}|@)\s|\s?(?:アットマーク|あっとまーく)\s?|(?<=[\w.])[#＃](?=\w))"
_DOT = rf"(?:\s?[\[({{<]\s?(?:{_DOT_WORDS}|\.)\s?[\])}}>]\s?|\s(?:{_DOT_WORDS})\s|\s?(?:ドット|点)\s?|\s\.\s|\.)"
# An obfuscated address is read from each at-form outwards: the name before
# it, the domain after it. Anchoring on the (rare) at-forms keeps the scan
# linear and lets "write directly at name [at] host [dot] com" find the name.
_AT_FORM = regex.compile(_AT, _V)
# The name may have its own dots written out ("mike dot chen at hotmail dot com").
_NAME_BEFORE = regex.compile(rf"(?<![\w.+-])(?:[\w.+-]{{1,64}}(?:\s(?:{_DOT_WORDS})\s|\s?[\[(](?:{_DOT_WORDS}|\.)[\])]\s?)){{0,3}}[\w.+-]{{1,64}}\Z", _V)
_DOMAIN_AFTER = regex.compile(rf"[\w-]{{1,63}}(?:{_DOT}[\w-]{{1,63}}){{1,4}}(?![\w-])", _V)
_DOT_FORM = regex.compile(rf"(?!\.){_DOT}", _V)  # a written-out or bracketed dot

# A mailbox named by its provider instead of its domain: "lumiwood88 at
# gmail", "the username is lumiwood.care on Gmail", "my QQ mail is 20394857".
_PROVIDERS = (
    r"gmail|googlemail|outlook|hotmail|yahoo|icloud|aol|gmx|web\.de|t-online|proton(?:mail)?|yandex|"
    r"qq|sina|foxmail|naver|libero|wanadoo|laposte"
)
_PROVIDER_AFTER = regex.compile(
    rf"(?<![\w.+-])(?P<name>[\w.+-]{{2,64}}+)(?:\s?@\s?|{_AT}|\s(?:on|at|bei|auf|sur|chez|en|su|in|via)\s)"
    rf"(?:{_PROVIDERS})\b(?![\w-]{{0,63}}\.[a-z])",
    _V,
)
_PROVIDER_FIRST = regex.compile(
    rf"\b(?:{_PROVIDERS})\b\s?(?:mail|e-?mail|account|address|adresse|konto|compte|cuenta|correo|indirizzo|邮箱|号)?\s?"
    r"(?:is|ist|est|es|è|:|：)\s?(?P<name>[\w.+-]{3,64})",
    _V,
)
# Before a bare name, these words say it is an address ("the username is ...").
_NAMED_BEFORE = regex.compile(
    r"(?:user\s?name|username|account|address|e-?mail|mail|benutzername|nutzername|adresse|konto|compte|identifiant|"
    r"cuenta|correo|usuario|indirizzo|utente|is|ist|est|es|è)\W{0,3}$",
    _V,
)
_NOT_A_NAME = frozenset("us me you him her them it this that our my your his their we one all".split())
_PROVIDER_HINT = regex.compile(rf"\b(?:{_PROVIDERS})\b", _V)
# One of these is in every _PROVIDER_HINT match (in the folded text): a text
# without any is not scanned (the scan costs ~40 ns a character).
_PROVIDER_LITERALS = tuple(_PROVIDERS.replace("\\.", ".").replace("(?:mail)?", "").split("|"))
# A domain that is a mailbox provider's (163.com and 126.com only as domains: as words they are numbers).
_MAIL_PROVIDER = regex.compile(rf"(?:{_PROVIDERS}|163|126|orange)\.", _V)


def _provider_mailboxes(text: str, taken: _Taken) -> list[Found]:
    found = []
    for m in _PROVIDER_AFTER.finditer(text):
        name = m.group("name")
        if name.lower() in _NOT_A_NAME or taken.overlaps(m.span()):
            continue
        marked = "@" in m.group() or any(c.isdigit() or c in "._+" for c in name)
        if marked or _NAMED_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            found.append(Found(m.span(), m.group()))
            taken.append(m.span())
    for m in _PROVIDER_FIRST.finditer(text):
        name = m.group("name")
        if taken.overlaps(m.span()) or not any(c.isdigit() or c in "._+" for c in name):
            continue
        found.append(Found(m.span(), m.group()))
        taken.append(m.span())
    return found


def emails(text: str) -> list[Found]:
    """Email addresses as a reader sees them (checks/normalize.py), with spans
    and values in ``text``."""
    reading = normalize.read(text)
    return [_original(text, reading, f) for f in _emails(reading.text)]


def _original(text: str, reading: normalize.Reading, found: Found) -> Found:
    span = reading.span(found.span)
    return Found(span, text[span[0] : span[1]])


def _emails(text: str) -> list[Found]:
    text = narrow(text)
    found = [Found((m.start(), m.end()), m.group()) for m in _EMAIL.finditer(text)]
    if "@" in text:
        found = [f for f in found if _plausible_domain(f.value.split("@")[-1])]
    taken = _Taken(f.span for f in found)
    for m in _EMAIL_SPACED.finditer(text) if "@" in text else ():
        # The longest reading that ends in a top-level domain ("x@host. com. Call us": not "Call").
        value = m.group()
        while "." in value.split("@")[-1]:
            head, tld = value.rsplit(".", 1)
            if tld.strip().islower() and is_tld(tld.strip()):
                break
            value = head.rstrip()
        else:
            continue
        span = (m.start(), m.start() + len(value))
        if " " in value and not taken.overlaps(span):
            found.append(Found(span, value))
            taken.append(span)
    for at in _AT_FORM.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, at.start() - 100), at.start())
        domain = _DOMAIN_AFTER.match(text, at.end())
        if name is None or domain is None or name.group().lower() in _NOT_A_NAME:
            continue  # "find us at fb dot com": "us" is no mailbox
        span = (name.start(), domain.end())
        value = text[span[0] : span[1]]
        plain_at = at.group().strip().lower() in ("at", "@")
        if plain_at and not _DOT_FORM.search(domain.group()) and not _MAIL_PROVIDER.match(domain.group()):
            continue  # "we are at example.com", "our shop at lumiwood.com" are links; "lumiwood at gmail.com" is mail
        if taken.overlaps(span) or text.startswith("/", span[1]):
            continue  # "the app at lumiwood[.]net/app": a path makes it a link
        if is_tld(regex.split(r"\W+", value.strip())[-1]):
            found.append(Found(span, value))
            taken.append(span)
    folded = prefilter.fold(text)
    if any(name in folded for name in _PROVIDER_LITERALS) and _PROVIDER_HINT.search(text):
        found += _provider_mailboxes(text, taken)
    return sorted(found, key=lambda f: f.span)


# --- links ------------------------------------------------------------------
_TRAIL = ".,;:!?)]}'\"”’»。、"
# Also defanged ("hxxps://"), as sellers write them to pass filters.
_SCHEME_URL = regex.compile(rf"(?<![{_AW}])(?:https?|hxxps?|ftp)://[^\s<>\"'`{_CJK}]{{1,2000}}", _V)
_WWW_URL = regex.compile(rf"(?<![{_AW}.@/-])www\.[^\s<>\"'`{_CJK}]{{1,2000}}", _V)
# Labels may be internationalised (münchen-leuchten.de); CJK runs are not
# taken as labels, since a CJK sentence has no spaces before an address.
_LABEL_CHARS = r"\p{Latin}\p{Greek}\p{Cyrillic}0-9"
_BARE = regex.compile(
    rf"(?<![{_AW}.@/\\-])(?:[{_LABEL_CHARS}](?:[{_LABEL_CHARS}-]{{0,61}}[{_LABEL_CHARS}])?\.){{1,4}}[a-z]{{2,24}}(?![{_AW}@-])(?:/[^\s<>\"'`{_CJK}]{{0,2000}})?",
    _V,
)
_DOTTED = re.compile(r"[a-z0-9\u0080-\U0010ffff]\.[a-z]")  # in every _BARE match (on lowered text)
_FILE_EXTENSIONS = frozenset(
    "pdf doc docx xls xlsx csv txt jpg jpeg png gif webp heic bmp svg zip rar 7z mp4 mov avi mp3 wav "
    "html htm exe dmg apk json xml py js ts md".split()
)
_COMMON_TLDS = frozenset(
    "com net org info biz io co shop store online site app me us uk de fr es it nl pl se tr jp cn hk tw "
    "ca au nz in sg ae eu ch at be dk no fi ie pt ru br mx kr ly gl to cc tv xyz top club link".split()
)


# One-letter domains that are real, much-used hosts: Telegram and WhatsApp
# invitations, shorteners.
_SHORT_HOSTS = frozenset({"t.me", "wa.me", "t.co", "g.co", "x.com", "j.mp", "u.to", "v.gd", "is.gd", "a.co", "m.me"})

# A domain whose dots are written out or hidden: "lumiwood dot com",
# "example(.)com", "lumiwood[.]net", "www . lumiwood . com", "sakura-home ドット jp".
_DOT_SEPARATOR = (
    rf"\s?[\[({{<]\s?(?:\.|dot|punkt|point|punto|ponto)\s?[\])}}>]\s?|\s(?:{_DOT_WORDS})\s|-(?:{_DOT_WORDS})-|\s?(?:ドット|点)\s?|[ \t]{{1,3}}\.[ \t]{{0,3}}|\.[ \t]{{1,3}}"
)
_SPELLED_LABEL = r"[\p{Latin}0-9](?:[\p{Latin}0-9-]{0,40}[\p{Latin}0-9])?"
_SPELLED_DOMAIN = regex.compile(
    rf"(?<![\w.@/-])(?P<host>{_SPELLED_LABEL}(?:(?:{_DOT_SEPARATOR}){_SPELLED_LABEL}){{0,3}})"
    rf"(?P<sep>{_DOT_SEPARATOR})(?P<tld>[a-z]{{2,6}})(?![\w@-])(?P<path>(?:\s?/\s?|\s(?:slash|schrägstrich|barra|barre)\s)[^\s<>\"'`]{{1,200}})?",
    _V,
)
_SPELLED_TLD_LIST = "com|net|org|info|biz|shop|store|online|site|io|app|xyz|top|cn|jp|uk|eu|nl|pl|ru|hk|tw|ca|au|de|fr|it|es"
# Where such a domain can be: a written-out or bracketed dot, a dot with a
# space before it, or a dot and a space before a top-level domain ("wood. com").
_SPELLED_HINT = regex.compile(
    rf"\s\.|\.[ \t]{{1,3}}(?=(?:{_SPELLED_TLD_LIST})\b)|[\[({{<]\s?(?:\.|dot|punkt|point|punto|ponto)\s?[\])}}>]|(?i:(?<![^\W_])(?:{_DOT_WORDS})(?![^\W_]))|ドット|点"
)
# Top-level domains read after a written-out dot. Two-letter ones that are
# also words ("el punto es que", "point de vue", "dot to dot") count only after
# the dot words of languages where they are not ("punkt de", "punto it").
_SPELLED_TLDS = frozenset("com net org info biz shop store online site io app xyz top cn jp uk eu nl pl ru hk tw ca au".split())
_SPELLED_TLDS_BY_WORD = {"punkt": {"de", "at", "ch"}, "point": {"fr", "be"}, "punto": {"it"}, "ドット": {"de", "fr", "it", "es"}}
_NOT_A_LABEL = frozenset(
    "the a an our my your this that his her its their and or of to on in at for with from is was be "
    "el la los las le les der die das den dem des du de un une una ein eine il lo y e o et und oder "
    "es est ist è al del per con su sur auf mit von".split()
)


# Substrings one of which every dot-form holds: most texts have none, and
# ``in`` finds that faster than the pattern.
_HINT_PARTS = (*_DOT_WORDS.split("|"), "ドット", "点", "[.", "(.", "{.", "<.", "[ ", "( ", "{ ", "< ")
_SPACE_DOT = re.compile(r"\s\.|\.[ \t]{1,3}(?:" + _SPELLED_TLD_LIST + r")\b")


def _hint_windows(text: str) -> Iterator[tuple[int, int]]:
    """Merged stretches of text around the dot-forms, from a word start."""
    low = text.lower()
    if not any(part in low for part in _HINT_PARTS) and not _SPACE_DOT.search(text):
        return iter(())

    def window(hint: regex.Match) -> tuple[int, int]:
        start, end = max(0, hint.start() - 200), min(len(text), hint.end() + 260)
        blank = text.rfind(" ", max(0, start - 64), start)
        return (blank + 1 if blank >= 0 else max(0, start - 64) if start else 0), end

    return _merged(window(hint) for hint in itertools.islice(_SPELLED_HINT.finditer(text), MAX_FOUND))


def _merged(windows: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Windows in order, overlapping ones joined."""
    current: tuple[int, int] | None = None
    for start, end in windows:
        if current and start <= current[1]:
            current = (current[0], max(end, current[1]))
            continue
        if current:
            yield current
        current = (start, end)
    if current:
        yield current


def _spelled_domains(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, host, value) of domains with written-out or spaced dots."""
    matches = (m for start, end in _hint_windows(text) for m in _SPELLED_DOMAIN.finditer(text, start, end))
    for m in matches:
        sep = m.group("sep").strip().strip("[](){}<>").strip().lower()
        tld = m.group("tld")
        bracketed = any(c in m.group("sep") for c in "[({<")
        if sep == "." and not bracketed and tld != tld.lower():
            continue  # "wood. Com..." starts a sentence
        allowed = tld.lower() in _SPELLED_TLDS or tld.lower() in _SPELLED_TLDS_BY_WORD.get(sep, ())
        if not (allowed or (bracketed and is_tld(tld))):
            continue
        labels = regex.split(rf"(?:{_DOT_SEPARATOR})", m.group("host"), flags=_V)
        if any(label.lower() in _NOT_A_LABEL for label in labels) or len(labels[-1]) < 2 or labels[-1].isdigit():
            continue
        host = ".".join(label.lower() for label in labels) + "." + tld.lower()
        yield m.start(), m.end(), host, m.group()


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


_HOST_END = regex.compile(r"[/?#:]")


def _host_of(url: str) -> str:
    url = url.translate(NARROW)
    rest = url.split("://", 1)[1] if "://" in url else url
    host = _HOST_END.split(rest, maxsplit=1)[0]
    return host.split("@")[-1].lower()


def links(text: str, exclude: list[tuple[int, int]] | None = None) -> list[Link]:
    """Links and bare domains as a reader sees them (checks/normalize.py), with
    spans and values in ``text``; ``exclude``: spans of ``text`` already claimed."""
    reading = normalize.read(text)
    taken = _Taken(exclude or [])
    found: list[Link] = []
    for link in _links(reading.text):
        span = reading.span(link.span)
        if taken.overlaps(span):
            continue
        taken.append(span)
        found.append(Link(span, text[span[0] : span[1]], link.scheme, link.host))
    return found


def _links(text: str) -> list[Link]:
    taken = _Taken()
    found: list[Link] = []
    text = narrow(text)

    def add(start: int, raw: str, scheme: str | None, host: str | None = None) -> None:
        value = _trim(raw)
        span = (start, start + len(value))
        if not value or taken.overlaps(span):
            return
        taken.append(span)
        found.append(Link(span, value, scheme, host or _host_of(value)))

    # Each pattern has a literal it cannot match without ("://", "www.", a dot
    # between a letter or digit and a letter); a text without it is not scanned.
    lowered = prefilter.fold(text)  # lower case as case-insensitive matching sees it
    schemes = _SCHEME_URL.finditer(text) if "://" in text else ()
    for m in schemes:
        add(m.start(), m.group(), m.group().split(":")[0].lower().replace("xx", "tt"))
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
        if not suffix or not domain or (len(domain) < 2 and f"{domain}.{suffix}" not in _SHORT_HOSTS):
            continue
        if "/" not in value and suffix.split(".")[-1] not in _COMMON_TLDS:
            continue
        if domain.isdigit():
            continue
        add(m.start(), m.group(), None)
    for start, _end, host, value in _spelled_domains(text):
        add(start, value, None, host)
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


def regions_for(
    marketplace: str | None, buyer_language: str | None, team_region: str | None, text: str, detected: str | None
) -> list[str]:
    """Regions whose numbers are read as phone numbers: the buyer's
    marketplace's (else the buyer language's), the team's own, and, when no
    marketplace is given, the region of the draft's language. A Chinese or
    Japanese passage (the team's own language pasted in) adds its region."""
    regions = [region_for(marketplace, buyer_language)]
    if team_region:
        regions.append(team_region.upper())
    if not marketplace and detected:
        regions.append(_LANGUAGE_REGIONS.get(detected, regions[0]))
    if not text.isascii():
        if _HAN.search(text):
            regions.append("CN")
        if _KANA.search(text):
            regions.append("JP")
    return list(dict.fromkeys(regions))


_HAN = regex.compile(r"\p{Han}")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_INTERNATIONAL = regex.compile(r"(?:\+|(?<!\d)00)\d[\d \-./()]{6,20}\d")
# A vanity number: a North American toll-free (or keyword-led) number with
# letters for digits, "1-800-FLOWERS", "(888) LUMI-WOOD".
_VANITY = regex.compile(
    r"(?<![\w-])(?:\+?1[\s.-]?)?\(?(?P<area>8(?:00|33|44|55|66|77|88)|[2-9]\d\d)\)?[\s.-]?"
    r"(?P<rest>(?=[A-Z0-9-]{0,4}[A-Z]{3})[A-Z0-9]{2,4}-?[A-Z0-9]{2,8})(?![\w-])"
)
# Digits glued to letters ("LW-2024-5561-88", "INV-2026-11-0042", "5561-88A")
# are part, model and document numbers.
_CODE_BEFORE = regex.compile(r"[A-Za-z][A-Za-z0-9]*-?$")
_CODE_AFTER = regex.compile(r"-?(?!x\d|ext)[A-Za-z]")
# Glued to a number, these still introduce a phone number ("Tel-030...", "WA+1415...").
_NUMBER_LABELS = frozenset("tel fax phone mobile mobil handy cell hotline whatsapp wa wechat vx viber line call ring tlf telefon telefono nr no num".split())


def _in_code(text: str, start: int, end: int) -> bool:
    before = _CODE_BEFORE.search(text, max(0, start - 12), start)
    if before is not None and before.group().rstrip("-").lower() in _NUMBER_LABELS:
        before = None
    return before is not None or bool(_CODE_AFTER.match(text, end))


def phones(
    text: str,
    region: str | list[str],
    blocked: list[tuple[int, int]],
    allowed: list[str],
    keyword: regex.Pattern | None,
) -> list[Found]:
    """Phone numbers valid for one of the regions or written internationally,
    read as a reader sees them (spelled digits, full-width digits, invisible
    characters: checks/normalize.py); spans and values in ``text``."""
    regions = [region] if isinstance(region, str) else list(region)
    reading = normalize.read(text)
    found: list[Found] = []
    taken = _Taken(blocked)
    for number in _phones(reading.text, regions, allowed, keyword):
        span = reading.span(number.span)
        if taken.overlaps(span):
            continue
        taken.append(span)
        found.append(Found(span, text[span[0] : span[1]]))
    return found


@functools.lru_cache(maxsize=8192)
def _numbers_in_window(
    window: str, region: str, leniency: int = phonenumbers.Leniency.VALID
) -> tuple[tuple[int, int, phonenumbers.PhoneNumber], ...]:
    """The numbers the matcher finds in one window (a digit run's, or the
    stretch after a phone keyword). Cached: a rewrite's re-check, and a
    team's templates, bring the same windows back."""
    matches = phonenumbers.PhoneNumberMatcher(window, region, leniency=leniency)
    return tuple((m.start, m.end, m.number) for m in matches)


@functools.lru_cache(maxsize=4096)
def _international(candidate: str) -> phonenumbers.PhoneNumber | None:
    """The number written with + or 00, when it counts (cached like the windows)."""
    dialled = candidate.startswith("00")  # "0043-2211-7" may be a batch code: only a valid number counts
    if dialled:
        candidate = "+" + candidate[2:]
    try:
        number = phonenumbers.parse(candidate, None)
    except phonenumbers.NumberParseException:
        return None
    return number if (phonenumbers.is_valid_number(number) if dialled else phonenumbers.is_possible_number(number)) else None


def _phones(text: str, regions: list[str], allowed: list[str], keyword: regex.Pattern | None) -> list[Found]:
    normalized = narrow(text, NARROW_DIGITS)  # same length: offsets stay valid
    allowed_e164 = {_e164(a, r) for a in allowed for r in regions} - {None}
    found: list[Found] = []
    taken = _Taken()

    def consider(start: int, end: int, number) -> None:
        span = (start, end)
        if taken.overlaps(span) or _in_code(normalized, start, end):
            return
        if phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) in allowed_e164:
            return
        taken.append(span)
        found.append(Found(span, text[start:end]))

    # The matcher costs ~1 ms per KB; run it only around digit runs long
    # enough to be a number (most of a message has none).
    # At most MAX_FOUND numbers: a text of nothing but numbers would
    # otherwise cost seconds (the matcher, and the overlap test per number).
    windows = list(itertools.islice(_digit_windows(normalized), MAX_FOUND))
    for region in regions:
        for start, end in windows:
            for match_start, match_end, number in _numbers_in_window(normalized[start:end], region):
                consider(start + match_start, start + match_end, number)
                if len(found) >= MAX_FOUND:
                    return sorted(found, key=lambda f: f.span)
    # Written with + or 00: valid whatever the marketplace.
    international = _INTERNATIONAL.finditer(normalized) if "+" in normalized or "00" in normalized else ()
    for m in itertools.islice(international, MAX_FOUND):
        number = _international(m.group())
        if number is not None:
            consider(m.start(), m.end(), number)
            if len(found) >= MAX_FOUND:
                return sorted(found, key=lambda f: f.span)
    for m in itertools.islice(_VANITY.finditer(normalized), MAX_FOUND) if _has_vanity_letters(normalized) else ():
        toll_free = m.group("area").startswith("8") and m.group("area")[1:] == m.group("area")[2] * 2
        led = keyword is not None and keyword.search(normalized, max(0, m.start() - 40), m.start()) is not None
        if not (toll_free or led):
            continue
        digits = phonenumbers.convert_alpha_characters_in_number(m.group("area") + m.group("rest"))
        digits = "".join(c for c in digits if c.isdigit())[:10]
        try:
            number = phonenumbers.parse(digits, "US")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            consider(m.start(), m.end(), number)
    # After a phone keyword (tel, call, WhatsApp...), accept merely possible numbers.
    if keyword is not None:
        for k in keyword.finditer(normalized):
            window_end = min(len(normalized), k.end() + 40)
            for region in regions:
                possible = _numbers_in_window(normalized[k.end() : window_end], region, phonenumbers.Leniency.POSSIBLE)
                for match_start, match_end, number in possible:
                    consider(k.end() + match_start, k.end() + match_end, number)
            if len(found) >= MAX_FOUND:
                break
    return sorted(found, key=lambda f: f.span)


_VANITY_LETTERS = regex.compile(r"\d[\s.)-]{0,2}[A-Z]{3}")


def _has_vanity_letters(text: str) -> bool:
    return _VANITY_LETTERS.search(text) is not None


_DIGIT_RUN = regex.compile(r"(?<![\d])\d[\d \t().\-–/]{4,40}+")
_WINDOW_MARGIN = 8


def _digit_windows(text: str) -> Iterator[tuple[int, int]]:
    """Merged windows around runs holding six or more digits."""
    runs = (m for m in _DIGIT_RUN.finditer(text) if sum(ch.isdigit() for ch in m.group()) >= 6)
    return _merged((max(0, m.start() - _WINDOW_MARGIN), min(len(text), m.end() + _WINDOW_MARGIN)) for m in runs)


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
