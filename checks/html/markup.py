"""HTML drafts: detection, parsing, the visible text and its map into the source.

An HTML draft is checked twice over. The text rules read its *visible text*
(what a buyer reads: block elements and ``<br>`` become line breaks, entities
are decoded, scripts, styles, comments and attribute values are left out),
and every character of that text remembers where it came from in the
submitted markup (:class:`SourceMap`), so a finding points at the source.
The HTML rules read the parsed tree (:attr:`Markup.soup`, BeautifulSoup over
``html.parser``, built in the same pass) and the CSS in it (see
:mod:`checks.html.css`), and report spans in source offsets. The tree leaves out
the whitespace between tags (outside ``<pre>``) and keeps attribute values
as strings (``class="a b"`` is not split): nothing reads the one, and the
selector code reads class strings as they are. ``Markup.release`` takes the
tree apart when the check is done.

Line breaks: ``<br>`` is one line break, an empty paragraph (``<p>&nbsp;</p>``,
``<p><br></p>``) is one line break, and the boundary between two blocks is
one line break when nothing else separates them. So three ``<br>`` in a row
give three newlines in the text, and ``style.line-breaks`` reports them.

Anchor targets are not visible text, but they are links: :meth:`Markup.links`
adds them to the links found in the text. Their spans lie in a virtual region
after the end of the text (``len(text) + 1`` onwards) which the offset map
sends to the ``href`` value in the source; ``doc.text`` never contains them.

Broken markup never raises: it is read the way ``html.parser`` reads it, and
:attr:`Markup.notes` says what looked wrong.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import regex
from bs4 import BeautifulSoup, NavigableString, Tag

from ..extract import Found, Link
from ..i18n import Joined, tr
from ..models import Edit

try:  # bs4's html.parser driver (private API): one parse for the text and the tree
    from bs4.builder._htmlparser import BeautifulSoupHTMLParser, HTMLParserTreeBuilder
except ImportError:  # pragma: no cover - another bs4 layout: two passes instead
    BeautifulSoupHTMLParser = HTMLParserTreeBuilder = None

# Tags that make HTML detection certain when ``format`` is not given. A lone
# "<b>" or "<3" in a chat message is not enough.
_DETECT = re.compile(
    r"<(?:p|br|div|table|tr|td|html|body|img|span|ul|ol|li|h[1-6]|font|center|strong|em|b|i|u)(?:\s[^<>]{0,2000})?/?>"
    r"|<a\s[^<>]{0,2000}href\s*=|<!doctype\s+html|</(?:p|div|table|td|span|a|b|strong)>",
    re.IGNORECASE,
)
_DETECT_STRONG = re.compile(r"<(?:p|br|div|table|html|body|img)\b|<a\s[^<>]{0,2000}href\s*=|<!doctype\s+html", re.IGNORECASE)

BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main menu nav ol p pre "
    "section summary table tbody tfoot thead tr ul".split()
)
# Blocks that, when they hold nothing but a non-breaking space or <br>, make an empty line.
_LINE_BLOCKS = frozenset("p div h1 h2 h3 h4 h5 h6 li".split())
_CELLS = frozenset(("td", "th"))
_HIDDEN_CONTENT = frozenset(("style", "script", "title", "template"))
VOID = frozenset("area base br col embed hr img input link meta param source track wbr basefont frame keygen".split())
# End tags a browser lets you leave out (not reported as unclosed or stray).
_OPTIONAL_END = frozenset(
    "p li td th tr thead tbody tfoot dt dd option optgroup colgroup caption html head body rb rt rp".split()
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,7};?|[a-zA-Z][a-zA-Z0-9]{0,31};?)")
_WS = " \t\n\r\f\xa0"
_BLANKS = " \t\n\r\f"  # HTML whitespace (a non-breaking space is text)
_SEGMENT = re.compile(r"[^ \t\n\r\f\xa0]+(?: [^ \t\n\r\f\xa0]+)*")
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
_TAG_NAME = re.compile(r"</?[^\s/>]+")
_CONDITIONAL = re.compile(r"\s*\[if\b[^\]]*\]>", re.IGNORECASE)
_CHECKABLE = re.compile(r"style|<font|<img|<a\s|<center", re.IGNORECASE)
MAX_NOTES = 5


def is_html(text: str, fmt: str | None) -> bool:
    """``format`` decides when given; otherwise tags a mail client would render do."""
    if fmt is not None:
        return fmt == "html"
    if "<" not in text:
        return False
    if _DETECT_STRONG.search(text):
        return True
    return len(_DETECT.findall(text)) >= 2


def escape_text(text: str) -> str:
    """Text to put into HTML source: escaped, newlines as ``<br>``."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def decode(raw: str, base: int) -> tuple[str, list[int], list[int]]:
    """Decode character references in ``raw`` (found at ``base`` in the source).

    Returns the decoded string and, for each of its characters, the start and
    end of the source it came from.
    """
    if "&" not in raw:
        return raw, list(range(base, base + len(raw))), list(range(base + 1, base + len(raw) + 1))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    while pos < len(raw):
        m = _ENTITY.search(raw, pos)
        if m is None:
            break
        _literal(raw, pos, m.start(), base, out, starts, ends)
        ref, consumed = _unescape_prefix(m.group())
        if consumed == 0:
            _literal(raw, m.start(), m.start() + 1, base, out, starts, ends)
            pos = m.start() + 1
            continue
        s, e = base + m.start(), base + m.start() + consumed
        for ch in ref:
            out.append(ch)
            starts.append(s)
            ends.append(e)
        pos = m.start() + consumed
    _literal(raw, pos, len(raw), base, out, starts, ends)
    return "".join(out), starts, ends


def _literal(raw: str, a: int, b: int, base: int, out: list[str], starts: list[int], ends: list[int]) -> None:
    if a < b:
        out.append(raw[a:b])
        starts.extend(range(base + a, base + b))
        ends.extend(range(base + a + 1, base + b + 1))


@functools.lru_cache(maxsize=2048)
def _unescape_prefix(ref: str) -> tuple[str, int]:
    """The decoded text of the longest character reference at the start of
    ``ref`` and how many characters it used (0: not a reference)."""
    if ref.endswith(";"):
        decoded = html.unescape(ref)
        if decoded != ref:
            return decoded, len(ref)
    for k in range(len(ref), 2, -1):
        head = ref[:k]
        decoded = html.unescape(head)
        if decoded != head:
            return decoded, k
    return "", 0


class SourceMap:
    """Where each character of the visible text came from: text position i
    -> (start, end) in the source.

    Stored as runs, not a pair of integers per character: a run either
    copies consecutive source characters (text i+k is source s+k) or maps
    every character to one span (a decoded entity, a line break made from
    ``<br>``). A 40 KB template has a few thousand runs."""

    __slots__ = ("_at", "_src", "_end", "_len")

    def __init__(self) -> None:
        self._at: list[int] = []  # text position where each run starts
        self._src: list[int] = []  # source start of the run's first character
        self._end: list[int] = []  # -1: a copying run; else the end of every character's span
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def add(self, start: int, end: int) -> None:
        """One more text character, from ``start``..``end`` of the source."""
        if end == start + 1:
            self.add_copy(start, 1)
            return
        self._at.append(self._len)
        self._src.append(start)
        self._end.append(end)
        self._len += 1

    def add_copy(self, start: int, count: int) -> None:
        """``count`` characters copied from the source at ``start``."""
        if self._end and self._end[-1] < 0 and self._src[-1] + (self._len - self._at[-1]) == start:
            self._len += count  # continues the last run
            return
        self._at.append(self._len)
        self._src.append(start)
        self._end.append(-1)
        self._len += count

    def pop(self) -> None:
        """Drop the last character."""
        self._len -= 1
        if self._at and self._at[-1] >= self._len:
            self._at.pop()
            self._src.pop()
            self._end.pop()

    def span(self, i: int) -> tuple[int, int]:
        """The source span of text position ``i`` (0 <= i < len)."""
        run = bisect.bisect_right(self._at, i) - 1
        end = self._end[run]
        if end < 0:
            start = self._src[run] + i - self._at[run]
            return start, start + 1
        return self._src[run], end

    def start(self, i: int) -> int:
        return self.span(i)[0]

    def end(self, i: int) -> int:
        return self.span(i)[1]

    def lists(self) -> tuple[list[int], list[int]]:
        """Every position's start and end (for tests and debugging)."""
        spans = [self.span(i) for i in range(self._len)]
        return [a for a, _ in spans], [b for _, b in spans]


@dataclass
class Attr:
    name: str
    value: str  # decoded
    span: tuple[int, int]  # the whole attribute, name to end of value
    value_span: tuple[int, int] | None  # the raw value, without quotes


@dataclass
class Href:
    value: str
    span: tuple[int, int]  # raw value in the source
    starts: list[int]
    ends: list[int]
    anchor: int  # source offset of the <a> start tag
    text_span: tuple[int, int]  # the anchor's visible text, in text offsets
    virtual: tuple[int, int] = (0, 0)  # where the value sits in the text's virtual region


@dataclass
class Markup:
    source: str
    text: str
    positions: SourceMap  # text position -> source span; then the href targets' virtual region
    soup: BeautifulSoup | None
    notes: list[str] = field(default_factory=list)
    hrefs: list[Href] = field(default_factory=list)
    start_tags: dict[int, int] = field(default_factory=dict)  # start offset -> end offset
    end_tags: dict[int, tuple[int, int]] = field(default_factory=dict)  # start offset -> end tag span
    line_starts: list[int] = field(default_factory=list)
    default_width: int = 600  # the maximum width when the template declares none
    rtl: bool = False  # the buyer reads right to left: right alignment is the default
    # The styles and cascade (checks.html.css.analysis), computed on first use and
    # taken apart with the tree; kept here so a check computes them once.
    styles: object | None = field(default=None, repr=False)

    # --- positions -------------------------------------------------------
    def source_span(self, span: tuple[int, int]) -> tuple[int, int]:
        """Map a span of the text (or of its virtual href region) into the source."""
        start, end = span
        positions = self.positions
        last = len(positions) - 1
        start = min(max(start, 0), last)
        first = positions.start(start)
        if end <= span[0]:
            return first, first
        end = min(end, last + 1)
        return first, max(positions.end(end - 1), first)

    def offset_of(self, tag: Tag) -> int:
        """Source offset of a tag's ``<``."""
        line = (tag.sourceline or 1) - 1
        return self.line_starts[min(line, len(self.line_starts) - 1)] + (tag.sourcepos or 0)

    def start_tag(self, tag: Tag) -> tuple[int, int]:
        start = self.offset_of(tag)
        end = self.start_tags.get(start)
        if end is None:
            close = self.source.find(">", start)
            end = close + 1 if close >= 0 else len(self.source)
        return start, end

    def element_span(self, tag: Tag) -> tuple[int, int]:
        """From the start tag to the end of the end tag (or the start tag alone)."""
        start, end = self.start_tag(tag)
        closing = self.end_tags.get(start)
        return (start, closing[1]) if closing else (start, end)

    def end_tag(self, tag: Tag) -> tuple[int, int] | None:
        return self.end_tags.get(self.offset_of(tag))

    def attrs(self, tag: Tag, only: frozenset[str] | None = None) -> dict[str, Attr]:
        """The tag's attributes with their source spans (last one wins, as in
        bs4); ``only``: just these names."""
        start, end = self.start_tag(tag)
        found: dict[str, Attr] = {}
        for key, value, (a, b), value_span in _tag_attrs(self.source[start:end]):
            if only is not None and key not in only:
                continue
            found[key] = Attr(key, value, (start + a, start + b), None if value_span is None else (start + value_span[0], start + value_span[1]))
        return found

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    # --- links -----------------------------------------------------------
    def links(self, found: list) -> list:
        """The links of the visible text plus the anchors' href targets."""
        out = list(found)
        for href in self.hrefs:
            scheme, host = url_host(href.value)
            if not host or scheme not in ("http", "https", "ftp", None):
                continue
            inside = [
                link for link in found
                if href.text_span[0] <= link.span[0] < href.text_span[1]
                and _same_url(link.value, href.value)
            ]
            if inside:
                continue
            out.append(Link(href.virtual, href.value, scheme, host))
        return sorted(out, key=lambda link: link.span)

    def emails(self, found: list) -> list:
        """The email addresses of the visible text plus ``mailto:`` targets."""
        out = list(found)
        for href in self.hrefs:
            if not href.value.lower().startswith("mailto:"):
                continue
            address = href.value[7:].split("?")[0].strip()
            if "@" not in address:
                continue
            if any(address.lower() == f.value.lower() for f in found):
                continue
            start = href.virtual[0] + 7
            out.append(Found((start, start + len(address)), address))
        return sorted(out, key=lambda f: f.span)

    def href_at(self, span: tuple[int, int]) -> Href | None:
        for href in self.hrefs:
            if href.virtual == span:
                return href
        return None

    def unwrap_anchor(self, href: Href) -> list:
        """Edits that remove an anchor's tags and keep what it wraps."""
        start = href.anchor
        edits = [Edit(span=(start, self.start_tags.get(start, href.span[1] + 1)), replacement="")]
        closing = self.end_tags.get(start)
        if closing:
            edits.append(Edit(span=closing, replacement=""))
        return edits

    def release(self) -> None:
        """Take the tree apart once the check is done. A BeautifulSoup tree is
        a web of cycles (parent, children, next and previous element) that
        only the cyclic garbage collector could free, in a pass over every
        object; taken apart, it is freed at once by reference counting."""
        if self.styles is not None:
            self.styles.__dict__.clear()
            self.styles = None
        if self.soup is not None:
            for child in list(self.soup.contents):
                child.decompose()
            self.soup.__dict__.clear()  # and the soup <-> builder loop
            self.soup = None


@functools.lru_cache(maxsize=4096)
def _tag_attrs(raw: str) -> tuple[tuple[str, str, tuple[int, int], tuple[int, int] | None], ...]:
    """Attributes of one start tag's source, with spans relative to it:
    (name, decoded value, whole attribute, raw value without quotes).
    Cached: templates repeat the same tags (``<td valign="top">``) many times."""
    name = _TAG_NAME.match(raw)
    pos = name.end() if name else 1
    out = []
    for m in _ATTR.finditer(raw, pos, max(pos, len(raw) - 1)):
        key = m.group(1).lower()
        value = m.group(2)
        if value is None:
            out.append((key, "", m.span(), None))
            continue
        vstart, vend = m.span(2)
        if value[:1] in "\"'":
            vstart += 1
            vend -= 1 if value[-1:] == value[:1] and len(value) > 1 else 0
        text = raw[vstart:vend]
        if "&" in text:
            text = decode(text, 0)[0]
        out.append((key, text, m.span(), (vstart, vend)))
    return tuple(out)


def url_host(url: str) -> tuple[str | None, str]:
    """(scheme, host) of an absolute or scheme-relative URL, or www. address."""
    url = url.strip()
    lowered = url.lower()
    if lowered.startswith("www."):
        url, lowered = "//" + url, "//" + lowered
    if not (lowered.startswith("//") or re.match(r"[a-z][a-z0-9+.-]*:", lowered)):
        return None, ""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return None, ""
    return (parts.scheme.lower() or None), host.lower()


def _same_url(a: str, b: str) -> bool:
    def norm(u: str) -> str:
        u = u.strip().lower().rstrip("/")
        for prefix in ("https://", "http://", "//"):
            u = u.removeprefix(prefix)
        return u

    return norm(a) == norm(b) and (a.lower().startswith("http:") == b.lower().startswith("http:"))


class _TextPass(HTMLParser):
    """One pass over the source: visible text with offsets, tag positions, notes."""

    def __init__(self, source: str, line_starts: list[int]) -> None:
        super().__init__(convert_charrefs=False)
        self.driver: HTMLParser = self  # whose position the events come at (see _SharedParser)
        self.source = source
        self.line_starts = line_starts
        self.pieces: list[str] = []
        self.positions = SourceMap()
        self.length = 0
        self.last = ""  # last character of the text so far
        self.breaks: list[tuple[int, int]] = []  # pending <br> / empty-line units
        self.boundary: tuple[int, int] | None = None  # pending block boundary
        self.space: tuple[int, int] | None = None  # pending cell separator
        self.skip = 0
        self.pre = 0
        self.blocks: list[list] = []  # [name, text length at open, saw nbsp, breaks at open, start offset]
        self.open: list[tuple[str, int]] = []
        self.start_tags: dict[int, int] = {}
        self.end_tags: dict[int, tuple[int, int]] = {}
        self.anchors: list[Href | None] = []
        self.hrefs: list[Href] = []
        self.problems: list[str] = []
        self.conditional: list[int] = []  # lines of conditional comments with checkable content

    # --- positions -------------------------------------------------------
    def pos(self) -> int:
        line, col = self.driver.getpos()
        return self.line_starts[line - 1] + col

    # --- text ------------------------------------------------------------
    def _put(self, ch: str, start: int, end: int) -> None:
        """One character of text, made from ``start``..``end`` of the source."""
        self.pieces.append(ch)
        self.positions.add(start, end)
        self.length += 1
        self.last = ch

    def _put_copy(self, text: str, start: int) -> None:
        """Text copied character for character from the source at ``start``."""
        self.pieces.append(text)
        self.positions.add_copy(start, len(text))
        self.length += len(text)
        self.last = text[-1]

    def _flush(self, at: tuple[int, int]) -> None:
        """Before visible text: write the pending line breaks or separator."""
        if self.length == 0:
            self.breaks.clear()
            self.boundary = None
            self.space = None
            return
        units = list(self.breaks)
        if not units and self.boundary is not None:
            units = [self.boundary]
        if units:
            self._trim_space()
            if self.last != "\n" or len(units) > 1:
                for s, e in units:
                    self._put("\n", s, e)
        elif self.space is not None and self.last not in " \n":
            s, e = self.space
            self._put(" ", s, e)
        self.breaks.clear()
        self.boundary = None
        self.space = None

    def _trim_space(self) -> None:
        if self.last == " " and self.pieces:
            piece = self.pieces[-1]
            self.pieces[-1] = piece[:-1]
            self.positions.pop()
            self.length -= 1
            if not self.pieces[-1]:
                self.pieces.pop()
            self.last = self.pieces[-1][-1] if self.pieces else ""

    def _text(self, raw: str, start: int) -> None:
        if self.skip:
            return
        if not self.pre and not raw.strip(_WS):  # blanks only: the indentation between tags
            self._blank(raw, start, start + 1)
            return
        copied = "&" not in raw  # the common case: one source character per text character
        if copied:
            text, starts, ends = raw, range(start, start + len(raw)), range(start + 1, start + len(raw) + 1)
        else:
            text, starts, ends = decode(raw, start)
        if self.pre:
            if text.strip(_WS):
                self._flush((start, start))
            for i, ch in enumerate(text):
                if ch == "\n" and self.length == 0:
                    continue
                self._put("\n" if ch in "\n\r" else (" " if ch in _WS else ch), starts[i], ends[i])
            return
        pos = 0
        # Segments: text whose only blanks are single spaces (nothing to collapse).
        for m in _SEGMENT.finditer(text):
            a, b = m.span()
            if a > pos:
                self._blank(text[pos:a], starts[pos], ends[pos])
            self._flush((starts[a], starts[a]))
            if copied:
                self._put_copy(m.group(), start + a)
            else:
                for k in range(a, b):
                    self._put(text[k], starts[k], ends[k])
            pos = b
        if pos < len(text):
            self._blank(text[pos:], starts[pos], ends[pos])

    def _blank(self, run: str, start: int, end: int) -> None:
        """A run of blanks: one space at most, none at the start of a line."""
        if "\xa0" in run and self.blocks:
            self.blocks[-1][2] = True
        if self.length and self.last not in " \n" and not self.breaks and self.boundary is None:
            self._put(" ", start, end)

    def handle_comment(self, data: str) -> None:
        # <!--[if mso]>...<![endif]-->: markup only Outlook renders. Layout-only
        # ghost tables are common and harmless; styles, images or text are not checked.
        if _CONDITIONAL.match(data) and (_CHECKABLE.search(data) or re.sub(r"<[^>]*>?|\[[^\]]*\]>?", "", data).strip()):
            self.conditional.append(self.driver.getpos()[0])

    def handle_data(self, data: str) -> None:
        start = self.pos()
        if data[:1] == "<" and re.match(r"<[!/?a-zA-Z]", data):
            self.problems.append(tr("html.problem.never-closes", "a tag or comment that never closes at line {line}", line=self.driver.getpos()[0]))
            return
        self._text(data, start)

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))

    def _reference(self, length: int) -> None:
        start = self.pos()
        end = start + length
        if self.source.startswith(";", end):
            end += 1
        self._text(self.source[start:end], start)

    # --- tags ------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, True)

    def _tag(self, tag: str, attrs, selfclosing: bool) -> None:
        start = self.pos()
        raw = self.driver.get_starttag_text() or ""
        end = start + len(raw)
        self.start_tags[start] = end
        self._start(tag, attrs, start, end, selfclosing or raw.endswith("/>"))

    def _start(self, tag: str, attrs, start: int, end: int, selfclosing: bool) -> None:
        if tag in _HIDDEN_CONTENT:
            if not selfclosing:
                self.skip += 1
                self.open.append((tag, start))
            return
        if tag == "br":
            self._br(start, end)
            return
        if tag in BLOCK:
            self._boundary(start, end)
            if tag in _LINE_BLOCKS and not selfclosing:
                self.blocks.append([tag, self.length, False, len(self.breaks), start])
        elif tag in _CELLS:
            if self.space is None:
                self.space = (start, end)
        if tag == "pre" and not selfclosing:
            self.pre += 1
        if tag == "a" and not selfclosing:
            self.anchors.append(self._href(start, end) if dict(attrs).get("href") is not None else None)
        if tag not in VOID and not selfclosing:
            self.open.append((tag, start))

    def _href(self, start: int, end: int) -> Href | None:
        """The anchor's first ``href`` with its value mapped into the source."""
        raw = self.source[start:end]
        for key, _value, _span, value_span in _tag_attrs(raw):
            if key != "href" or value_span is None:
                continue
            vs, ve = value_span
            text, starts, ends = decode(raw[vs:ve], start + vs)
            lead = len(text) - len(text.lstrip())
            text = text.strip()
            starts, ends = starts[lead : lead + len(text)], ends[lead : lead + len(text)]
            return Href(text, (start + vs, start + ve), starts, ends, start, (self.length, self.length))
        return None

    def _br(self, start: int, end: int) -> None:
        if self.skip:
            return
        self.breaks.append((start, end))
        self.space = None

    def _boundary(self, start: int, end: int) -> None:
        if self.boundary is None:
            self.boundary = (start, end)
        self.space = None

    def handle_endtag(self, tag: str) -> None:
        start = self.pos()
        close = self.source.find(">", start)
        end = close + 1 if close >= 0 else len(self.source)
        if tag == "br":  # </br> is a line break in every browser
            self._br(start, end)
            return
        opened = self._close(tag, start, end)
        if tag in _HIDDEN_CONTENT:
            if opened:
                self.skip = max(0, self.skip - 1)
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag == "a" and self.anchors:
            href = self.anchors.pop()
            if href is not None:
                href.text_span = (href.text_span[0], self.length)
                self.hrefs.append(href)
        if tag in BLOCK:
            if tag in _LINE_BLOCKS:
                self._close_block(tag, start, end)
            self._boundary(start, end)

    def _close_block(self, tag: str, start: int, end: int) -> None:
        for i in range(len(self.blocks) - 1, -1, -1):
            if self.blocks[i][0] != tag:
                continue
            name, length, nbsp, breaks, opened_at = self.blocks[i]
            del self.blocks[i:]
            if self.length == length and nbsp and len(self.breaks) == breaks:
                self.breaks.append((opened_at, end))  # <p>&nbsp;</p>: one empty line
            return

    def _close(self, tag: str, start: int, end: int) -> bool:
        for i in range(len(self.open) - 1, -1, -1):
            name, opened_at = self.open[i]
            if name != tag:
                continue
            for inner, inner_at in self.open[i + 1 :]:
                if inner not in _OPTIONAL_END and inner not in ("a",):
                    self.problems.append(tr("html.problem.not-closed-before", "<{inner}> at line {line} is not closed before </{tag}>", inner=inner, line=self.line(inner_at), tag=tag))
            del self.open[i:]
            self.end_tags[opened_at] = (start, end)
            return True
        if tag not in _OPTIONAL_END:
            self.problems.append(tr("html.problem.stray-end", "stray </{tag}> at line {line}", tag=tag, line=self.driver.getpos()[0]))
        return False

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def finish(self) -> None:
        self.close()
        self.wrap_up()

    def wrap_up(self) -> None:
        """After the last event: unclosed elements and anchors, the trailing space."""
        for name, at in self.open:
            if name not in _OPTIONAL_END:
                self.problems.append(tr("html.problem.never-closed", "<{name}> at line {line} is never closed", name=name, line=self.line(at)))
        while self.anchors:
            href = self.anchors.pop()
            if href is not None:
                href.text_span = (href.text_span[0], self.length)
                self.hrefs.append(href)
        self._trim_space()


class _TagCounts(dict):
    """A multiset of tag names with the list methods bs4's html.parser driver
    calls on its ``already_closed_empty_element``. bs4 keeps a list there,
    adds an entry for every void element (``<img>``, ``<br>``) and searches
    it at every end tag: on a long template that is a scan of hundreds of
    names per end tag."""

    def append(self, tag: str) -> None:
        self[tag] = self.get(tag, 0) + 1

    def remove(self, tag: str) -> None:
        left = self[tag] - 1
        if left:
            self[tag] = left
        else:
            del self[tag]


if BeautifulSoupHTMLParser is not None:

    class _SharedParser(BeautifulSoupHTMLParser):
        """bs4's html.parser driver that also hands every event to a
        :class:`_TextPass`: the tree and the visible text from one pass.

        bs4 calls its own handlers from inside others (a character reference
        becomes ``handle_data``, ``<br/>`` a start and an end tag); only the
        events html.parser itself sends reach the text pass."""

        scan: _TextPass
        _inner = 0

        def handle_starttag(self, tag, attrs, handle_empty_element=True):
            if not self._inner:
                self.scan.handle_starttag(tag, attrs)
            self._inner += 1
            super().handle_starttag(tag, attrs, handle_empty_element)
            self._inner -= 1

        def handle_startendtag(self, tag, attrs):
            if not self._inner:
                self.scan.handle_startendtag(tag, attrs)
            self._inner += 1
            super().handle_startendtag(tag, attrs)
            self._inner -= 1

        def handle_endtag(self, tag, check_already_closed=True):
            if not self._inner:
                self.scan.handle_endtag(tag)
            self._inner += 1
            super().handle_endtag(tag, check_already_closed)
            self._inner -= 1

        def handle_data(self, data):
            if not self._inner:
                self.scan.handle_data(data)
                if not self.scan.pre and not data.strip(_BLANKS):
                    return  # indentation between tags: no node in the tree (nothing reads it)
            self._inner += 1
            super().handle_data(data)
            self._inner -= 1

        def handle_charref(self, name):
            if not self._inner:
                self.scan.handle_charref(name)
            self._inner += 1
            super().handle_charref(name)
            self._inner -= 1

        def handle_entityref(self, name):
            if not self._inner:
                self.scan.handle_entityref(name)
            self._inner += 1
            super().handle_entityref(name)
            self._inner -= 1

        def handle_comment(self, data):
            if not self._inner:
                self.scan.handle_comment(data)
            self._inner += 1
            super().handle_comment(data)
            self._inner -= 1

    class _SharedBuilder(HTMLParserTreeBuilder):
        """The ``html.parser`` tree builder, driving a :class:`_SharedParser`."""

        def __init__(self, scan: _TextPass) -> None:
            super().__init__(multi_valued_attributes=None)  # class="a b" stays a string (see parse)
            self.scan = scan

        def feed(self, markup) -> None:
            def shared(soup, *args, **kwargs):
                parser = _SharedParser(soup, *args, **kwargs)
                parser.already_closed_empty_element = _TagCounts()
                parser.scan = self.scan
                self.scan.driver = parser
                return parser

            super().feed(markup, _parser_class=shared)


def _shared_pass(source: str, scan: _TextPass) -> BeautifulSoup | None:
    """Parse once for both the tree and ``scan``; None when that is not
    possible (then the caller runs the two passes it would otherwise share)."""
    if BeautifulSoupHTMLParser is None:
        return None
    builder = _SharedBuilder(scan)
    try:
        soup = BeautifulSoup(source, builder=builder)
        scan.wrap_up()
    except Exception:
        return None
    finally:
        builder.scan, scan.driver = None, None  # no cycle through the parser (the pass is over)
    return soup


def _drop_blank_strings(soup: BeautifulSoup) -> None:
    """The tree as the shared pass builds it: no whitespace-only text between
    tags outside ``<pre>`` (nothing reads it; it would cost a node each)."""
    for string in list(soup.find_all(string=True)):
        if type(string) is NavigableString and not string.strip(_BLANKS) and string.find_parent("pre") is None:
            string.extract()


def line_offsets(source: str) -> list[int]:
    """Where each line of ``source`` starts."""
    starts = [0]
    find = source.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


# A start tag whose attribute quotes close within a bounded distance.
# html.parser rescans to the end of the input for every start tag whose quote
# never closes (quadratic); such tags are read as text instead.
_WHOLE_TAG = regex.compile(
    r"""<[A-Za-z][^\s/>]{0,100}+(?:[\s/]++(?:[^\s"'>/=]++(?:\s*+=\s*+(?:"[^"]{0,8192}+"|'[^']{0,8192}+'|[^\s"'=<>`]++))?)?)*+\s*+/?>"""
)


# The ``<`` of a start tag that is not whole (one C-level scan, no Python per tag).
_UNCLOSED_TAG = regex.compile(r"(?=<[A-Za-z])(?!" + _WHOLE_TAG.pattern + r")<")


def _defuse_unclosed_tags(source: str) -> tuple[str, int]:
    """Blank the ``<`` of start tags that never close; same length, so offsets hold."""
    bad = [m.start() for m in _UNCLOSED_TAG.finditer(source)]
    if not bad:
        return source, 0
    chars = list(source)
    for at in bad:
        chars[at] = " "
    return "".join(chars), len(bad)


def parse(source: str) -> Markup:
    """Parse an HTML draft. Never raises on bad markup: it notes it."""
    line_starts = line_offsets(source)
    notes: list[str] = []
    original = source
    source, defused = _defuse_unclosed_tags(source)
    if defused:
        notes.append(tr("note.html-unclosed-tags", "{count} tag(s) never close (a missing quote or '>'); they were read as text.", count=defused))
    soup = _shared_pass(source, scan := _TextPass(source, line_starts))
    if soup is None:  # the two passes, separately (a parser error, another bs4)
        scan = _TextPass(source, line_starts)
        try:
            scan.feed(source)
            scan.finish()
        except Exception as exc:  # html.parser is tolerant; this is a last resort
            notes.append(tr("note.html-unreadable", "The HTML could not be read to the end ({error}); it was checked as far as it parses.", error=type(exc).__name__))
    scan.driver = None  # the pass is over; no loop back to itself
    text = "".join(scan.pieces)
    positions = scan.positions
    if scan.problems:
        listed = Joined(scan.problems[:MAX_NOTES])
        more = tr("note.html-more", " (and {count} more)", count=len(scan.problems) - MAX_NOTES) if len(scan.problems) > MAX_NOTES else ""
        notes.append(tr("note.html-malformed", "The HTML is malformed: {problems}{more}. It was checked as far as it parses.", problems=listed, more=more))
    if scan.conditional:
        lines = ", ".join(str(line) for line in scan.conditional[:MAX_NOTES])
        notes.append(
            tr(
                "note.html-conditional",
                "Outlook-only markup in conditional comments (<!--[if ...]>, line {lines}) was not checked; check it by hand or remove it.",
                lines=lines,
            )
        )
    if soup is None:
        try:
            # Attribute values stay strings: splitting every class attribute
            # into a list costs a tenth of the parse, and the selector code
            # (soupsieve and ours) reads class strings as they are.
            soup = BeautifulSoup(source, "html.parser", multi_valued_attributes=None)
            _drop_blank_strings(soup)
        except Exception as exc:  # pragma: no cover - bs4 with html.parser does not raise on markup
            notes.append(tr("note.html-unparsed", "The HTML could not be parsed ({error}); the HTML style rules did not run.", error=type(exc).__name__))
            soup = None
    # The end sentinel, then the virtual region where href targets live.
    end_at = positions.end(len(text) - 1) if text else 0
    positions.add(end_at, end_at)
    for href in scan.hrefs:
        base = len(positions)
        href.virtual = (base, base + len(href.value))
        if href.starts:
            for start, end in zip(href.starts, href.ends, strict=True):
                positions.add(start, end)
        else:
            positions.add(href.span[0], href.span[1])
        if not href.value:
            href.virtual = (base, base)
        positions.add(href.span[1], href.span[1])  # a gap between two targets
    return Markup(
        source=original,
        text=text,
        positions=positions,
        soup=soup,
        notes=notes,
        hrefs=sorted(scan.hrefs, key=lambda h: h.anchor),
        start_tags=scan.start_tags,
        end_tags=scan.end_tags,
        line_starts=line_starts,
    )
