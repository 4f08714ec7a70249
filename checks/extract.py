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
# Spoken in Japanese, Chinese and Korean: "アットマーク" / "アット", "艾特" (a
# loan of "at"), "골뱅이"; the dot "ドット", "点" / "點", "닷".
_CJK_AT = "アットマーク|あっとまーく|アット|あっと|艾特|爱特|골뱅이"
_CJK_DOT = "ドット|どっと|点|點|닷"
_AT_LATIN = rf"\s?[\[({{<]\s?(?:{_AT_WORDS}|@|#)\s?[\])}}>]\s?|\s(?:{_AT_WORDS}|@)\s|(?<=[\w.])[#＃](?=\w)"
_AT = rf"(?:{_AT_LATIN}|\s?(?:{_CJK_AT})\s?)"
_DOT = rf"(?:\s?[\[({{<]\s?(?:{_DOT_WORDS}|\.)\s?[\])}}>]\s?|\s(?:{_DOT_WORDS})\s|\s?(?:{_CJK_DOT})\s?|\s\.\s|\.)"
# An obfuscated address is read from each at-form outwards: the name before
# it, the domain after it. Anchoring on the (rare) at-forms keeps the scan
# linear and lets "write directly at name [at] host [dot] com" find the name.
# Found in two passes, the CJK forms' only in a text holding one (their
# alternation tried at every position of every text cost 0.2 ms a draft).
_AT_FORM_LATIN = regex.compile(_AT_LATIN, _V)
_AT_FORM_CJK = regex.compile(rf"\s?(?:{_CJK_AT})\s?")
_CJK_AT_HINT = re.compile(_CJK_AT)
# The name may have its own dots written out ("mike dot chen at hotmail dot com").
# Names and labels of Latin (Greek, Cyrillic) letters and digits: a CJK
# letter is no part of them, and "点" or "ドット" between them is a dot, never
# a letter (as \w it made "x艾特y点x艾特y点..." split every way: minutes).
_NAME_BEFORE = regex.compile(rf"(?<![{_AW}.+-])(?:[{_AW}.+-]{{1,64}}(?:\s(?:{_DOT_WORDS})\s|\s?[\[(](?:{_DOT_WORDS}|\.)[\])]\s?)){{0,3}}[{_AW}.+-]{{1,64}}\Z", _V)
_NOT_LABEL = regex.compile(rf"[^{_AW}-]+")  # between the labels of a domain ("163点com": "163", "com")
_DOMAIN_AFTER = regex.compile(rf"[{_AW}-]{{1,63}}+(?:{_DOT}[{_AW}-]{{1,63}}+){{1,4}}(?![{_AW}-])", _V)
# A written-out or bracketed dot; a dot with spaces round it is not one:
# "book at lumiwave . co . uk" is a spaced link, like "book at lumiwave.co.uk".
_DOT_FORM = regex.compile(rf"(?!\s?\.){_DOT}", _V)
# A path after the domain, its slash spaced or spoken, makes it a link ("lumiwave . co . uk / booking").
_SLASH_WORDS = r"slash|schrägstrich|barra|barre|barra\s+inclinada|schuine\s+streep|ukośnik|snedstreck|eğik\s+çizgi|スラッシュ|斜杠|斜線"
_PATH_NEXT = regex.compile(rf"[ \t]{{0,3}}/|\s(?:{_SLASH_WORDS})\s", _V)

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
# The mailbox's name given in a clause of its own near the provider ("our
# mailbox is on Outlook, the username is lumiwood_cs", "QQ邮箱，号码是
# 2837465910"): an account-name word, then the name. A number names a
# mailbox only at QQ, whose addresses are numbers.
_ACCOUNT_WORDS = (
    r"user\s?name|login(?:\s+name)?|account\s+(?:name|id)|mailbox\s+name|benutzername|nutzername|kontoname|anmeldename|"
    r"nom\s+d[\x27’]utilisateur|identifiant|nombre\s+de\s+usuario|usuario|nome\s+utente|gebruikersnaam|"
    r"nazwa\s+użytkownika|användarnamn|kullanıcı\s+adı|ユーザー?名|アカウント名?|用户名|用戶名|账号|帳號|账户|帳戶"
)
_NUMBER_WORDS = r"number|no\.|nummer|numéro|número|numero|numara|号码|號碼|号|號|番号"
_ACCOUNT_NAME = regex.compile(
    rf"(?:(?P<account>{_ACCOUNT_WORDS})|(?P<number>{_NUMBER_WORDS}))\W{{0,3}}"
    r"(?:(?:is|ist|est|es|è|är|jest|to|would\s+be|lautet|=|は|是|为|為)\W{0,3})?(?P<name>[\w.+-]{3,64})",
    _V,
)
_SENTENCE_END = regex.compile(r"[.!?。！？](?:\s|$)|\n")
# How far from the provider's name the account name may stand, in characters.
_ACCOUNT_REACH = 90
# Latin boundaries, not \\b: "我们的QQ邮箱" names QQ too.
_PROVIDER_HINT = regex.compile(rf"(?<![A-Za-z0-9_])(?:{_PROVIDERS})(?![A-Za-z0-9_])", _V)
# Substrings one of which every provider's name holds: most texts have none,
# and ``in`` finds that faster than the pattern.
_PROVIDER_PARTS = tuple(regex.sub(r"\\|\(.*?\)\??", "", part) for part in _PROVIDERS.split("|"))


def _names_provider(text: str) -> bool:
    low = text.lower()
    return any(part in low for part in _PROVIDER_PARTS) and _PROVIDER_HINT.search(text) is not None
# A domain that is a mailbox provider's (163.com and 126.com only as domains: as words they are numbers).
_MAIL_PROVIDER = regex.compile(rf"(?:{_PROVIDERS}|163|126|orange)\s?\.", _V)


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
    for provider in itertools.islice(_PROVIDER_HINT.finditer(text), MAX_FOUND):
        span = _account_named(text, provider)
        if span is not None and not taken.overlaps(span):
            found.append(Found(span, text[span[0] : span[1]]))
            taken.append(span)
    return found


def _account_named(text: str, provider: regex.Match) -> tuple[int, int] | None:
    """The span from the provider to an account name given in the same sentence, or None."""
    start, end = max(0, provider.start() - _ACCOUNT_REACH), min(len(text), provider.end() + _ACCOUNT_REACH)
    qq = provider.group().lower() == "qq"
    for m in _ACCOUNT_NAME.finditer(text, start, end):
        name = m.group("name").rstrip(".-")
        if m.group("number") is not None:
            if not (qq and name.isdigit() and 5 <= len(name) <= 11):
                continue
        elif len(name) < 3 or name.lower() in _NOT_A_NAME or name.lower() in _NOT_A_LABEL or not any(c.isalpha() for c in name):
            continue  # "the username is the same", "account id 113-5820417"
        first, last = min(provider.start(), m.start()), max(provider.end(), m.start("name") + len(name))
        ends = len(list(itertools.islice(_SENTENCE_END.finditer(text, first, last), 2)))
        # The name and the provider in one sentence; or in two sentences next to each
        # other when the name is one only a mailbox has ("Our mailbox name is
        # lumi.care.2024. It is a Gmail account.").
        if ends == 0 or (ends == 1 and m.group("account") is not None and any(c.isdigit() or c in "._+" for c in name)):
            return first, last
    return None


def _spelled_mailbox(at: regex.Match, name: str, domain: str) -> bool:
    """After a plain "at" or "@", the domain's dots say mail: written out or
    bracketed ("lumiwood at shop dot com"), or spaced after "@" or after a
    name only a mailbox has ("support at lumiwood . com"); "book your slot
    at lumiwood . co . uk" is a link."""
    if _DOT_FORM.search(domain):
        return True
    if not _SPACED_DOT.search(domain):
        return False
    name = name.lower()
    return "@" in at.group() or name in _MAILBOX_NAMES or any(c.isdigit() or c in "._+-" for c in name)


_SPACED_DOT = regex.compile(r"\s\.|\.\s")
# Names of mailboxes, not of anything else one is "at".
_MAILBOX_NAMES = frozenset(
    "info support service services sales contact help hello admin office care team cs mail email kundendienst kundenservice "
    "kontakt hilfe sav contacto soporte atencion ventas assistenza supporto vendite klantenservice obsluga kundtjanst destek".split()
)


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
    ats: Iterable[regex.Match] = _AT_FORM_LATIN.finditer(text)
    if not text.isascii() and _CJK_AT_HINT.search(text):
        ats = sorted([*ats, *_AT_FORM_CJK.finditer(text)], key=lambda m: m.start())
    for at in ats:
        name = _NAME_BEFORE.search(text, max(0, at.start() - 100), at.start())
        domain = _DOMAIN_AFTER.match(text, at.end())
        if name is None or domain is None or name.group().lower() in _NOT_A_NAME:
            continue  # "find us at fb dot com": "us" is no mailbox
        span = (name.start(), domain.end())
        value = text[span[0] : span[1]]
        plain_at = at.group().strip().lower() in ("at", "@")
        if plain_at and not _MAIL_PROVIDER.match(domain.group()) and not _spelled_mailbox(at, name.group(), domain.group()):
            continue  # "we are at example.com", "our shop at lumiwood.com" are links; "lumiwood at gmail.com" is mail
        if taken.overlaps(span) or _PATH_NEXT.match(text, span[1]):
            continue  # "the app at lumiwood[.]net/app": a path makes it a link
        if is_tld(_NOT_LABEL.split(domain.group())[-1]):
            found.append(Found(span, value))
            taken.append(span)
    if "@" in text:
        found += _reversed_addresses(text, taken)
    if _names_provider(text):
        found += _provider_mailboxes(text, taken)
    return sorted(found, key=lambda f: f.span)


# Written backwards ("moc.kooltuo@plehevawimul", "read it from right to
# left"): the dots before the at sign, none after it, and read from the end
# it is an address with a real top-level domain.
_AT_TOKEN = regex.compile(rf"(?<![{_AW}.+-])[{_AW}-]{{2,24}}(?:\.[{_AW}-]{{1,63}}){{1,4}}@[{_AW}+-]{{1,64}}(?![{_AW}.@+-])", _V)


def _reversed_addresses(text: str, taken: _Taken) -> list[Found]:
    found = []
    for m in itertools.islice(_AT_TOKEN.finditer(text), MAX_FOUND):
        backwards = m.group()[::-1]
        domain = backwards.rsplit("@", 1)[1]
        tld = domain.rsplit(".", 1)[1]
        if taken.overlaps(m.span()) or not (tld.isalpha() and tld.islower() and is_tld(tld)) or not _plausible_domain(domain):
            continue
        found.append(Found(m.span(), m.group()))
        taken.append(m.span())
    return found


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
    rf"(?P<sep>{_DOT_SEPARATOR})(?P<tld>[a-z]{{2,6}})(?![\w@-])(?P<path>(?:\s?/\s?|\s(?:{_SLASH_WORDS})\s)[^\s<>\"'`]{{1,200}})?",
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
        labels = regex.split(rf"(?:{_DOT_SEPARATOR})", m.group("host"), flags=_V)
        allowed = tld.lower() in _SPELLED_TLDS or tld.lower() in _SPELLED_TLDS_BY_WORD.get(sep, ())
        # Any top-level domain when nothing but an address has this shape: "www"
        # first, a path after, or two written-out dots ("www punto luzhogar
        # punto es barra manuales", "lojaluz ponto com ponto br").
        shaped = labels[0].lower() == "www" or m.group("path") is not None or len(labels) > 1
        if not (allowed or ((bracketed or shaped) and is_tld(tld))):
            continue
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
    for start, host, value in _idn_domains(text) if not text.isascii() else ():
        add(start, value, None, host)
    return sorted(found, key=lambda f: f.span)


# Domains whose name is written in Japanese, Chinese or Korean letters
# ("ルミウェーブ.jp/manual", "鲁米光.com", "lumiwave.中国"). A CJK sentence has
# no space before an address, so the name is the run of one script's letters
# before the dot (not "の取扱説明書は"), and the top-level domain one that
# such sites use: a full stop in a sentence is "。", and a Latin word right
# after a CJK letter and a dot is rare.
_IDN_LETTERS = r"\p{Katakana}\p{Han}\p{Hangul}ー"
_IDN_TLDS = "com|net|org|info|biz|shop|store|online|site|app|jp|cn|kr|tw|hk|co\\.jp|ne\\.jp|or\\.jp|com\\.cn|co\\.kr|com\\.tw|com\\.hk"
_IDN_CJK_TLDS = "中国|中國|公司|网络|網絡|在线|网址|商店|コム|みんな|香港|台湾|台灣|한국"
_IDN_DOT = regex.compile(
    rf"(?<=[{_IDN_LETTERS}])\.(?P<tld>(?-i:{_IDN_TLDS}))(?![A-Za-z0-9@-])|(?<=[\p{{Latin}}0-9{_IDN_LETTERS}])\.(?P<tld>{_IDN_CJK_TLDS})"
)
_IDN_NAME_BEFORE = regex.compile(rf"(?<![{_IDN_LETTERS}A-Za-z0-9.-])[{_IDN_LETTERS}A-Za-z0-9-]{{1,63}}(?:\.[{_IDN_LETTERS}A-Za-z0-9-]{{1,63}}){{0,3}}\Z")
_IDN_LETTER = regex.compile(rf"[{_IDN_LETTERS}]")
_AMAZON_NAMES = frozenset({"アマゾン", "亚马逊", "亞馬遜", "아마존"})  # "アマゾン.co.jp" is Amazon
_IDN_PATH = regex.compile(rf"/[^\s<>\"'`{_CJK}]{{0,2000}}")


def _idn_domains(text: str) -> Iterator[tuple[int, str, str]]:
    """(start, host, value) of domains named in CJK letters."""
    for dot in itertools.islice(_IDN_DOT.finditer(text), MAX_FOUND):
        name = _IDN_NAME_BEFORE.search(text, max(0, dot.start() - 256), dot.start())
        if name is None or not _IDN_LETTER.search(name.group() + dot.group("tld")) or name.group() in _AMAZON_NAMES:
            continue
        path = _IDN_PATH.match(text, dot.end())
        end = path.end() if path else dot.end()
        yield name.start(), (name.group() + dot.group()).lower(), text[name.start() : end]


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
    normalized = _plain_separators(narrow(text, NARROW_DIGITS))  # same length: offsets stay valid
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
    for start, end, number in _described_numbers(normalized, regions):
        consider(start, end, number)
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


# A toll-free code and a word to type on the keypad, told in words ("1-800
# followed by our shop name LUMIWAVE on the keypad"): seven capitals near a
# word for the keypad or its letters.
_VANITY_SAID = regex.compile(
    r"(?<![\w-])(?:\+?1[\s.-]?)\(?(?P<area>8(?:00|33|44|55|66|77|88))\)?(?![\w-])[^\n\d]{1,60}?(?-i:\b(?P<word>[A-Z]{7,12})\b)"
)
_KEYPAD_WORDS = regex.compile(
    r"\b(?:key\s?pad|keys|dial\s?pad|phone\s+pad|spell\w{0,3}|tastatur|tasten|wähltasten|clavier|touches|"
    r"teclado|teclas|tastiera|tasti)\b",
    regex.IGNORECASE,
)
_TOLL_FREE_HINT = re.compile(r"8(?:00|33|44|55|66|77|88)")
# A number told in parts, over a sentence or two: after "the area code is"
# or joined by words that go on ("El prefijo es el 612. Después marque 34 56
# 78", "415, then 823, then 6601").
_PREFIX_WORDS = (
    r"area\s+code|dialling\s+code|dialing\s+code|prefix|prefijo|código\s+de\s+área|vorwahl|indicatif|prefisso|kierunkowy|riktnummer|alan\s+kodu|netnummer"
)
_PREFIX_PART = regex.compile(rf"\b(?:{_PREFIX_WORDS})\b[^\d\n]{{0,20}}?(?<![\d+])(?P<part>\+?\d{{2,5}})(?![\d.,]\d)", regex.IGNORECASE)
# A substring of each prefix word: most texts hold none, and ``in`` finds that fastest.
_PREFIX_PARTS = ("code", "prefi", "vorwahl", "indicatif", "código", "kierunkowy", "riktnummer", "alan kodu", "netnummer")
# Words that go on to the next part (looked for only between two parts).
_GOES_ON = regex.compile(
    r"\b(?:then|followed\s+by|next|after\s+that|the\s+rest|dial|después|despues|luego|marque\w{0,2}|marca\w{0,2}|dann|danach|anschließend|wählen|"
    r"puis|ensuite|composez|suivi\s+de|poi|quindi|seguito\s+da|componga|digiti|resto|reste|rest)\b",
    regex.IGNORECASE,
)
# A first part: a short group of digits standing alone (not in "112-4837261-9051736" or "2.5").
_PART = regex.compile(r"(?<![\d+])\+?\d{2,5}(?![\d.,\-]?\d)")
# Parts joined by "then" make a number only where a phone is spoken of: a
# word for calling or for the number before the first part, or "dial" between parts.
_PHONE_CONTEXT = regex.compile(
    r"\b(?:call\w{0,3}|ring|phone|tel|telephone|mobile|cell|hotline|line|dial\w{0,3}|number|llam\w{0,5}|tel[ée]fono|m[óo]vil|n[úu]mero|"
    r"marque\w{0,2}|appel\w{0,4}|t[ée]l[ée]phone|portable|num[ée]ro|compos\w{0,3}|anruf\w{0,2}|ruf\w{0,2}|telefon\w{0,2}|handy|nummer|"
    r"w[äa]hl\w{0,2}|chiam\w{0,4}|cellulare|numero|compon\w{0,3}|digiti)\b",
    regex.IGNORECASE,
)
_NEXT_PART = regex.compile(r"(?P<gap>[^\d\n]{1,50}?)(?P<part>\d{2,8}(?:[ \t.\-]\d{1,4}){0,4})(?!\d)")
_MAX_PARTS = 4


def _described_numbers(text: str, regions: list[str]) -> Iterator[tuple[int, int, phonenumbers.PhoneNumber]]:
    """Numbers told rather than written: a keypad word after a toll-free code, or parts joined by words."""
    if _TOLL_FREE_HINT.search(text) and _KEYPAD_WORDS.search(text):
        for m in itertools.islice(_VANITY_SAID.finditer(text), MAX_FOUND):
            around = text[m.start("word") - 60 if m.start("word") > 60 else 0 : m.end() + 40]
            if not _KEYPAD_WORDS.search(around):
                continue
            digits = m.group("area") + phonenumbers.convert_alpha_characters_in_number(m.group("word")[:7])
            number = _valid(digits, ["US"])
            if number is not None:
                yield m.start(), m.end("word"), number
    low = text.lower()
    led = set()
    if any(part in low for part in _PREFIX_PARTS):
        led = {m.start("part") for m in itertools.islice(_PREFIX_PART.finditer(text), MAX_FOUND)}
    for first in itertools.islice(_PART.finditer(text), 20 * MAX_FOUND):
        digits, end, parts = first.group(), first.end(), 1
        while parts < _MAX_PARTS:
            nxt = _NEXT_PART.match(text, end)
            if nxt is None or not ((parts == 1 and first.start() in led) or _GOES_ON.search(nxt.group("gap"))):
                break
            digits, end, parts = digits + nxt.group("part"), nxt.end(), parts + 1
        if parts < 2:
            continue
        if first.start() not in led and not _PHONE_CONTEXT.search(text, max(0, first.start() - 60), end):
            continue
        number = _valid("".join(c for c in digits if c.isdigit() or c == "+"), regions)
        if number is not None:
            yield first.start(), end, number


def _valid(digits: str, regions: list[str]) -> phonenumbers.PhoneNumber | None:
    """The number the digits make, valid in one of the regions (or internationally with a +), or None."""
    if not 7 <= sum(c.isdigit() for c in digits) <= 15:
        return None
    for region in regions:
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number
    return None


# Digit groups parted by a mark a dialler does not know ("415 • 823 • 6601",
# "139·2876·5412", "0161 | 496 | 0732", "030_2246_8197"): the marks read as
# spaces. Only between groups of digits that stand alone ("LW_2024_5561" is a
# part number).
# (The katakana middle dot is a dot already: checks/normalize.py.)
_SEPARATED = regex.compile(r"(?<!\w|\d\.)\d{1,5}(?:[ \t]{0,2}[•·∙‧|_*~][ \t]{0,2}\d{1,5}){1,6}+(?!\w|\.\d)")
_SEPARATOR_MARKS = re.compile(r"[•·∙‧|_*~]")


def _plain_separators(text: str) -> str:
    if not _SEPARATOR_MARKS.search(text):
        return text
    pieces, last = [], 0
    for m in _SEPARATED.finditer(text):
        pieces += [text[last : m.start()], _SEPARATOR_MARKS.sub(" ", m.group())]
        last = m.end()
    return "".join(pieces) + text[last:] if pieces else text


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
