"""HTML template style rules.

They read the parsed draft (``doc.html``, see :mod:`checks.html.markup`) and its
styles (:mod:`checks.html.css`) and report spans in the submitted source
(``Hit(source=True)``). On plain-text drafts they stay silent.

The maximum width the margin and image rules measure against is the width
the template declares for its outer container (``max-width`` or ``width`` in
CSS, or a ``width`` attribute, on the outermost element that holds text),
else ``CheckSettings.html_max_width``, else 600 px.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import parse_qsl, unquote, urlsplit

from bs4 import CData, NavigableString, PageElement, Tag

from .. import extract
from ..document import Document
from ..html import css
from ..html.css import FONT_OVERRIDES, HORIZONTAL, NEUTRAL, Decl, contrast, horizontal_sides, length_px, token_px
from ..html.markup import Markup, url_host
from ..i18n import tr
from ..models import Edit, Fix, Severity
from ..registry import Example, Hit, Rule, register

SECTION = "Guidelines, 'Style' (HTML messages)"
CONTENT = "Guidelines, 'Content that is not permitted'"
HTML = {"format": "html"}
MARGIN_SHARE = 0.20
IMAGE_SHARE = 0.80
TINY_PX = 2.0
NORMAL_CONTRAST = 4.5
LARGE_CONTRAST = 3.0

# Query keys that identify the recipient or the campaign.
_TRACKING_KEYS = re.compile(
    r"^(?:utm_\w+|mc_[ce]id|_hs(?:enc|mi)|mkt_tok|vero_\w+|oly_\w+|ck_subscriber_id|rid|uid|eid|sid|"
    r"user_?id|subscriber(?:_id)?|recipient(?:_id)?|email|track(?:ing)?(?:_?id)?|trk\w*|pixel|beacon|open|"
    r"campaign(?:_id)?|cmp(?:id)?|click_?id|msg_?id|message_?id|gclid|fbclid|yclid|_ke)$",
    re.IGNORECASE,
)
# Path parts of open-tracking endpoints: /open, /track/..., /pixel.png, /beacon.gif, /wf/open
_TRACKING_PATH = re.compile(r"(?:^|/)(?:open|opens|track|tracking|trk|pixel|beacon|wf/open)(?:\.\w{2,4})?(?:/|$)", re.IGNORECASE)
_ORDER_ID = re.compile(r"\d{3}-\d{7}-\d{7}")
_EMAILISH = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)


def _markup(doc: Document) -> Markup | None:
    """The parsed draft with its styles computed, or None for plain text."""
    markup = getattr(doc, "html", None)
    if markup is None or markup.soup is None:
        return None
    _ = css.analysis(markup).cascade  # computed here, once, for every html rule
    return markup


def _remove(title: str, edits: list[Edit]) -> Fix:
    return Fix(title=title, edits=edits)


def _remove_element(markup: Markup, tag: Tag) -> list[Edit]:
    return [Edit(span=markup.element_span(tag), replacement="")]


def _images(markup: Markup) -> Iterator[tuple[Tag, list[str]]]:
    """Every image element with the URLs it loads (src and srcset)."""
    for tag in css.analysis(markup).tags("img", "source", "input", "image"):
        if tag.name == "input" and str(tag.get("type", "")).lower() != "image":
            continue
        urls = []
        for key in ("src", "href", "xlink:href"):
            value = tag.get(key)
            if isinstance(value, str) and value.strip():
                urls.append(value.strip())
        srcset = tag.get("srcset")
        if isinstance(srcset, str):
            urls += [part.strip().split()[0] for part in srcset.split(",") if part.strip()]
        yield tag, urls


def _css_urls(decl: Decl) -> list[str]:
    urls = []
    for token in decl.tokens:
        if token.type == "url":
            urls.append(token.value.strip())
        elif token.type == "function" and token.lower_name in ("url", "image-set", "-webkit-image-set"):
            for arg in token.arguments:
                if arg.type == "string":
                    urls.append(arg.value.strip())
                elif arg.type == "url":
                    urls.append(arg.value.strip())
    return urls


def _background_decls(markup: Markup) -> list[Decl]:
    return [d for d in css.analysis(markup).decls if d.prop in ("background", "background-image", "content", "list-style-image", "list-style") and _css_urls(d)]


def _decl_title(decl: Decl) -> str:
    return tr("fix.remove-attribute", "Remove the attribute") if decl.origin == "attr" else tr("fix.remove-tag", "Remove the tag") if decl.origin == "tag" else tr("fix.remove-declaration", "Remove the declaration")


def _is_gif(url: str, declared: str | None = None) -> bool:
    if declared and declared.strip().lower() == "image/gif":
        return True
    lowered = url.strip().lower()
    if lowered.startswith("data:"):
        return lowered.startswith("data:image/gif")
    try:
        path = urlsplit(lowered).path
    except ValueError:
        path = lowered.split("?")[0].split("#")[0]
    return unquote(path).rstrip("/").endswith(".gif")


@register
class Gif(Rule):
    """A GIF image: an ``<img>`` or ``<source>`` whose address ends in ``.gif``
    (also ``cid:name.gif``), an inline ``data:image/gif``, a declared
    ``type="image/gif"``, or a GIF as a CSS or ``background`` attribute
    background.

    Why: Amazon does not allow GIFs, animated or not. Use instead: a still
    PNG or JPEG image, or no image.
    """

    id = "html.gif"
    severity = Severity.ERROR
    message = "GIF images are not allowed; use a still PNG or JPEG image."
    guideline = f"No GIFs. ({SECTION})"
    violating = Example('<p>Thank you for your order.</p><img src="https://example.com/thanks.gif" alt="Thanks">', HTML)
    compliant = Example('<p>Thank you for your order.</p><img src="https://example.com/thanks.png" alt="Thanks">', HTML)

    def find(self, doc: Document) -> Iterator[Hit]:
        markup = _markup(doc)
        if markup is None:
            return
        for tag, urls in _images(markup):
            declared = tag.get("type") if isinstance(tag.get("type"), str) else None
            if any(_is_gif(url, declared) for url in urls) or (declared and _is_gif("", declared)):
                span = markup.start_tag(tag)
                yield Hit(span, fix=_remove(tr("fix.remove-gif", "Remove the GIF"), _remove_element(markup, tag)), source=True)
        for decl in _background_decls(markup):
            if any(_is_gif(url) for url in _css_urls(decl)):
                yield Hit(decl.span, fix=_remove(tr("fix.remove-gif-background", "Remove the GIF background"), decl.removal), source=True)


def _dimension(markup: Markup, tag: Tag, prop: str) -> float | None:
    own = css.analysis(markup).own_decls(tag)
    decl = own.get(prop)
    if decl is None:
        return None
    style = css.analysis(markup).style_of(tag)
    parent = css.analysis(markup).style_of(tag.parent) if isinstance(tag.parent, Tag) else None
    return length_px(decl.tokens, style.size, parent.width if parent else css.analysis(markup).max_width)


def _tracking_url(url: str) -> str | None:
    """Why an image address looks like a tracker, or None."""
    if url.lower().startswith(("data:", "cid:")):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if _TRACKING_KEYS.match(key):
            return tr("html.tracking.parameter", "the address carries the tracking parameter '{key}'", key=key)
        if _ORDER_ID.search(value) or _EMAILISH.fullmatch(value):
            return tr("html.tracking.order-id", "the address carries the buyer's order id") if _ORDER_ID.search(value) else tr("html.tracking.email", "the address carries the buyer's email address")
    if _TRACKING_PATH.search(parts.path):
        return tr("html.tracking.endpoint", "the address is an open-tracking endpoint")
    return None


@register
class TrackingPixel(Rule):
    """A tracking pixel: an image no larger than 2 × 2 px (or 0 px in one
    direction), a hidden image (``display:none``, ``visibility:hidden``,
    ``opacity:0``, ``hidden``, also by a hidden parent), or an image whose
    address carries tracking parameters (``utm_*``, recipient ids such as
    ``uid``/``rid``, the buyer's order id or email) or points at an
    open-tracking endpoint (``/open``, ``/track``, ``/pixel``, ``/beacon``).

    Why: Amazon forbids tracking pixels and any tracking of buyer messages.
    Use instead: no tracking; images from plain addresses.
    """

    id = "html.tracking-pixel"
    severity = Severity.ERROR
    message = "Tracking pixels and tracked image addresses are not allowed ({reason})."
    guideline = f"No tracking pixels. ({CONTENT})"
    violating = Example(
        '<p>Your parcel arrives on Monday.</p><img src="https://mail.example.com/open?uid=8841" width="1" height="1" alt="">', HTML
    )
    compliant = Example('<p>Your parcel arrives on Monday.</p><img src="https://example.com/logo.png" width="120" alt="Logo">', HTML)

    def find(self, doc: Document) -> Iterator[Hit]:
        markup = _markup(doc)
        if markup is None:
            return
        for tag, urls in _images(markup):
            if tag.name == "source":
                continue
            reason = self._reason(markup, tag, urls)
            if reason:
                fix = _remove(tr("fix.remove-tracking-image", "Remove the tracking image"), _remove_element(markup, tag))
                yield Hit(markup.start_tag(tag), self.say(reason=reason), fix, source=True)

    def _reason(self, markup: Markup, tag: Tag, urls: list[str]) -> str | None:
        width, height = _dimension(markup, tag, "width"), _dimension(markup, tag, "height")
        given = [d for d in (width, height) if d is not None]
        if given and (all(d <= TINY_PX for d in given) or any(d == 0 for d in given)):
            return tr("html.tracking.tiny", "a {}×{} px image", *(f"{d:g}" if d is not None else "?" for d in (width, height)))
        style = css.analysis(markup).style_of(tag)
        if style.hidden:
            return tr("html.tracking.hidden", "a hidden image")
        for url in urls:
            reason = _tracking_url(url)
            if reason:
                return reason
        return None


@register
class InsecureImage(Rule):
    """An image loaded over ``http://``: ``<img src>``, ``srcset``, a
    ``background`` attribute or a CSS ``url(...)``.

    Why: images must load over https. The image address is not a link, so
    this is not ``link.insecure``. Use instead: the same image served over
    https (check that the https address works; CheckMsg never rewrites it for
    you).
    """

    id = "html.insecure-image"
    severity = Severity.ERROR
    message = "Images must load over https://, not http://."
    guideline = f"No images over http. ({SECTION})"
    violating = Example('<p>The wiring diagram:</p><img src="http://example.com/diagram.png" alt="Wiring diagram">', HTML)
    compliant = Example('<p>The wiring diagram:</p><img src="https://example.com/diagram.png" alt="Wiring diagram">', HTML)

    def find(self, doc: Document) -> Iterator[Hit]:
        markup = _markup(doc)
        if markup is None:
            return
        for tag, urls in _images(markup):
            if any(url.lower().startswith("http://") for url in urls):
                fix = _remove(tr("fix.remove-image-or-https", "Remove the image (or serve it over https)"), _remove_element(markup, tag))
                yield Hit(markup.start_tag(tag), fix=fix, source=True)
        for decl in _background_decls(markup):
            if any(url.lower().startswith("http://") for url in _css_urls(decl)):
                yield Hit(decl.span, fix=_remove(tr("fix.remove-background-image", "Remove the background image"), decl.removal), source=True)


def _overrides(decl: Decl) -> bool:
    if decl.prop not in FONT_OVERRIDES:
        return False
    if decl.text in NEUTRAL or not decl.text:
        return False
    if decl.prop == "line-height" and decl.text == "normal":
        return False
    return True


@register
class FontOverride(Rule):
    """An override of Amazon's default line height, font family or font
    colour: ``color``, ``font-family``, ``line-height`` or the ``font``
    shorthand in a ``style`` attribute or a ``<style>`` block, or
    ``<font face|color>`` and ``<body text>``. (``inherit``, ``initial``,
    ``unset`` and ``line-height: normal`` keep the default and are not
    reported.)

    Why: Amazon renders messages in its own typography. Use instead: no font
    styling; emphasis with ``<strong>`` or ``<em>``.
    """

    id = "html.font-override"
    severity = Severity.ERROR
    message = "Do not override Amazon's default {what}."
    guideline = f"Do not override the default line height, font family or font colour. ({SECTION})"
    violating = Example('<p style="font-family:Georgia,serif;">Your order ships on Monday.</p>', HTML)
    compliant = Example("<p>Your order ships on <strong>Monday</strong>.</p>", HTML)

    _WHAT = {"color": tr("html.what.color", "font colour"), "font-family": tr("html.what.font-family", "font family"), "line-height": tr("html.what.line-height", "line height"), "font": tr("html.what.font", "font")}

    def find(self, doc: Document) -> Iterator[Hit]:
        markup = _markup(doc)
        if markup is None:
            return
        for decl in css.analysis(markup).decls:
            if _overrides(decl):
                what = self._WHAT[decl.prop]
                yield Hit(decl.span, self.say(what=what), _remove(_decl_title(decl), decl.removal), source=True)


@register
class FontSizes(Rule):
    """Text in more than three distinct font sizes. Counted over the visible
    text after the cascade: ``font-size`` (also in ``font``), ``<font size>``,
    and the default sizes of headings and ``<small>``; sizes are compared in
    px, rounded to half a pixel.

    Why: Amazon allows at most three font sizes in a message. Use instead:
    the default size for the body, and at most two more (e.g. one heading
    size and one for fine print).
    """

    id = "html.font-sizes"
    severity = Severity.ERROR
    message = "The text uses {count} font sizes ({sizes}); use no more than three."
    guideline = f"No more than three font sizes. ({SECTION})"
    violating = Example(
        '<h1>Setup</h1><h2>Step one</h2><p>Fill the tank.</p><p style="font-size:11px">Model TN-E20</p>', HTML
    )
    compliant = Example("<h2>Setup</h2><p>Fill the tank before the first use.</p>", HTML)

    def find(self, doc: Document) -> Iterator[Hit]:
        markup = _markup(doc)
        if markup is None:
            return
        analysis = css.analysis(markup)
        seen: dict[float, object] = {}
        for run in analysis.texts:
            size = round(run.style.size * 2) / 2
            if size not in seen:
                seen[size] = run
        if len(seen) <= 3:
            return
        fourth = list(seen.values())[3]
        decl = fourth.style.size_decl
        span = decl.span if decl is not None else markup.start_tag(fourth.element)
        sizes = ", ".join(f"{s:g}px" for s in sorted(seen))
        yield Hit(span, self.say(count=len(seen), sizes=sizes), source=True)


_RE_ALIGNED = frozenset(("center", "right", "end", "-webkit-center", "-moz-center", "-khtml-center", "-webkit-right", "-moz-right"))


def _realigned(value: str, rtl: bool) -> bool:
    value = value.strip().lower()
    if rtl:
        return value in ("center", "left", "end", "-webkit-center", "-moz-center", "-webkit-left", "-moz-left")
    return value in _RE_ALIGNED


@register
class Alignment(Rule):
    """Centred or otherwise re-aligned body text: visible text whose
    alignment, after the cascade, is not the start of the line (left, or
    right for right-to-left text). Set by ``text-align``, an ``align``
    attribute on a text container (``p``, ``div``, ``td``...) or ``<center>``.
    ``justify`` keeps the start edge and is not reported; centring a table or
    an image (``<table align="center">``, ``margin: auto``) is not text
    alignment and is not reported.

    Why: Amazon does not allow centred or otherwise re-aligned body text. Use
    instead: the default alignment.
    """

    id = "html.alignment"
    severity = Severity.ERROR
    message = "Body text must keep the default alignment (here: {value})."
    guideline = f"No centred or otherwise re-aligned body text. ({SECTION})"
    violating = Example('<p style="text-align:center;">Your parcel arrives on Monday.</p>', HTML)
    compliant = Example("<p>Your parcel arrives on Monday.</p>", HTML)

    def find(self, doc: Document) -> Iterator[Hit]:
        markup = _markup(doc)
        if markup is None:
            return
        analysis = css.analysis(markup)
        reported: set[int] = set()
        for run in analysis.texts:
            decl = run.style.align_decl
            if decl is None or id(decl) in reported or not _realigned(run.style.align, run.style.rtl):
                continue
            reported.add(id(decl))
            yield Hit(
                decl.span,
                self.say(value=run.style.align),
                _remove(tr("fix.remove-alignment", "Remove the alignment"), decl.removal),
                source=True,
            )


@register
class Margin(Rule):
    """A left or right margin or padding wider than 20% of the maximum width
    (``margin``, ``padding`` and their side and inline forms, in ``style``
    attributes and ``<style>`` blocks, and ``hspace``). Percentages are taken
    of the containing width; ``em`` of the font size.

    Why: Amazon limits margins to 20% of the maximum width. Use instead: a
    smaller margin, or none.
    """

    id = "html.margin"
    severity = Severity.ERROR
    message = "A {kind} of {px:g}px is {share:.0%} of the {width:g}px maximum width; the limit is 20%."
    guideline = f"Margins no wider than 20% of the maximum width. ({SECTION})"
    violating = Example('<div style="max-width:600px;"><div style="padding:0 180px;"><p>Your parcel arrives on Monday.</p></div></div>', HTML)
    compliant = Example('<div style="max-width:600px;"><div style="padding:0 16px;"><p>Your parcel arrives on Monday.</p></div></div>', HTML)

    def find(self, doc: Document) -> Iterator[Hit]:
        markup = _markup(doc)
        if markup is None:
            return
        analysis = css.analysis(markup)
        limit = analysis.max_width * MARGIN_SHARE
        for decl in analysis.decls:
            kind = HORIZONTAL.get(decl.prop)
            if kind is None:
                continue
            if decl.element is not None:
                style = analysis.style_of(decl.element)
                parent = decl.element.parent
                container = analysis.style_of(parent).width if isinstance(parent, Tag) else analysis.max_width
                font = style.size
            else:
                container, font = analysis.max_width, 16.0
            widest = 0.0
            for token in horizontal_sides(decl):
                px = token_px(token, font, container)
                if px is not None:
                    widest = max(widest, px)
            if widest > limit:
                message = self.say(kind=tr("css." + kind, kind), px=round(widest, 1), share=widest / analysis.max_width, width=analysis.max_width)
                yield Hit(decl.span, message, _remove(tr("fix.remove-kind", "Remove the {kind}", kind=tr("css." + kind, kind)), decl.removal), source=True)


@register
class ImageWidth(Rule):
    """An image wider than 80% of the maximum width, by its ``width``
    attribute or CSS ``width`` (percentages of the containing width, capped
    by ``max-width``). An image without a declared width is not judged.

    Why: Amazon limits images to 80% of the maximum width. Use instead: a
    narrower image.
    """

    id = "html.image-width"
    severity = Severity.ERROR
    message = "The image is {px:g}px wide, {share:.0%} of the {width:g}px maximum width; the limit is 80%."
    guideline = f"Images no wider than 80% of the maximum width. ({SECTION})"
    violating = Example('<p>The diagram:</p><img src="https://example.com/d.png" alt="Diagram" width="600">', HTML)
    compliant = Example('<p>The diagram:</p><img src="https://example.com/d.png" alt="Diagram" width="400">', HTML)

    def find(self, doc: Document) -> Iterator[Hit]:
        markup = _markup(doc)
        if markup is None:
            return
        analysis = css.analysis(markup)
        limit = analysis.max_width * IMAGE_SHARE
        for tag in css.analysis(markup).tags("img", "input"):
            if tag.name == "input" and str(tag.get("type", "")).lower() != "image":
                continue
            width = _dimension(markup, tag, "width")
            if width is None:
                continue
            cap = _dimension(markup, tag, "max-width")
            if cap is not None:
                width = min(width, cap)
            if width <= limit:
                continue
            fix = None
            own = analysis.own_decls(tag)
            if "height" not in own:
                decl = own["width"]
                new = f'width="{int(limit)}"' if decl.origin == "attr" else f"width:{int(limit)}px"
                fix = Fix(title=tr("fix.image-width", "Make the image {px}px wide", px=int(limit)), edits=[Edit(span=decl.span, replacement=new)])
            message = self.say(px=round(width, 1), share=width / analysis.max_width, width=analysis.max_width)
            yield Hit(markup.start_tag(tag), message, fix, source=True)


def _website(doc: Document, href: str) -> str | None:
    scheme, host = url_host(href)
    if not host or scheme not in ("http", "https", None):
        return None
    if extract.is_amazon(host) or extract.host_allowed(host, doc.settings.allowed_domains):
        return None
    return host


@register
class LogoLink(Rule):
    """An image (a logo) inside a link to a website outside Amazon and the
    team's allow-list. The link's address is also reported as
    ``link.external``.

    Why: a logo may not link to the seller's website. Use instead: the logo
    without a link.
    """

    id = "html.logo-link"
    severity = Severity.ERROR
    message = "An image must not link to a website outside Amazon ({host})."
    guideline = f"No logo linking to the seller's website. ({CONTENT})"
    violating = Example('<a href="https://www.example-shop.com"><img src="cid:logo.png" alt="Example Shop"></a><p>Your refund was issued.</p>', HTML)
    compliant = Example('<img src="cid:logo.png" alt="Example Shop"><p>Your refund was issued.</p>', HTML)

    def find(self, doc: Document) -> Iterator[Hit]:
        markup = _markup(doc)
        if markup is None:
            return
        with_image = _anchors_holding(css.analysis(markup).tags("img", "image", "picture", "svg"))
        for anchor in css.analysis(markup).tags("a"):
            if not anchor.has_attr("href") or id(anchor) not in with_image:
                continue
            host = _website(doc, str(anchor["href"]))
            if host is None:
                continue
            edits = [Edit(span=markup.start_tag(anchor), replacement="")]
            closing = markup.end_tag(anchor)
            if closing:
                edits.append(Edit(span=closing, replacement=""))
            yield Hit(markup.element_span(anchor), self.say(host=host), _remove(tr("fix.unlink-image", "Remove the link, keep the image"), edits), source=True)


def _anchors_holding(nodes: Iterable[PageElement]) -> set[int]:
    """ids of the <a> elements that hold one of ``nodes``. One walk up from
    each node, stopping where an earlier walk passed: linear in the tree,
    where asking each anchor (find, get_text) is quadratic when anchors nest
    (html.parser nests unclosed ones: 20,000 characters of them took seconds)."""
    anchors: set[int] = set()
    seen: set[int] = set()
    for node in nodes:
        parent = node.parent
        while parent is not None and id(parent) not in seen:
            seen.add(id(parent))
            if parent.name == "a":
                anchors.add(id(parent))
            parent = parent.parent
    return anchors


def _inside_anchor(nodes: Iterable[Tag]) -> set[int]:
    """ids of those ``nodes`` that have an <a> around them, each ancestor looked at once."""
    answer: dict[int, bool] = {}  # id(element) -> it is an <a> or inside one
    inside: set[int] = set()
    for node in nodes:
        path, parent = [], node.parent
        while parent is not None and id(parent) not in answer and parent.name != "a":
            path.append(parent)
            parent = parent.parent
        found = parent is not None and (parent.name == "a" or answer[id(parent)])
        for element in path:
            answer[id(element)] = found
        if found:
            inside.add(id(node))
    return inside


def _naming_content(markup: Markup) -> Iterator[PageElement]:
    """What gives a link its text: visible strings (the kinds get_text reads) and images' alt text."""
    if markup.soup is not None:
        for string in markup.soup.find_all(string=True):
            if type(string) in (NavigableString, CData) and string.strip():
                yield string
    for image in css.analysis(markup).tags("img"):
        alt = image.get("alt")
        if isinstance(alt, str) and alt.strip():
            yield image


def _named_by_attributes(anchor: Tag) -> bool:
    if any(isinstance(anchor.get(key), str) and anchor.get(key).strip() for key in ("aria-label", "title")):
        return True
    return bool(anchor.get("aria-labelledby"))


@register
class Accessibility(Rule):
    """A WCAG problem that can be checked in the markup: an image without an
    ``alt`` attribute (``alt=""`` marks a decorative image and is fine), a
    link without text (no text, no image ``alt``, no ``aria-label`` or
    ``title``), or text whose contrast with its background is below 4.5:1
    (3:1 for large text, WCAG 1.4.3), where a colour or background is set;
    unset colours are Amazon's black on white.

    Why: Amazon requires messages without accessibility problems. Use
    instead: alt text on every image, text in every link, the default text
    colour.
    """

    id = "html.accessibility"
    severity = Severity.ERROR
    message = "Accessibility problem: {problem}."
    guideline = f"No accessibility problems (WCAG). ({SECTION})"
    violating = Example('<p>The wiring diagram:</p><img src="https://example.com/diagram.png">', HTML)
    compliant = Example('<p>The wiring diagram:</p><img src="https://example.com/diagram.png" alt="Wiring diagram">', HTML)

    def find(self, doc: Document) -> Iterator[Hit]:
        markup = _markup(doc)
        if markup is None:
            return
        hits: list[Hit] = []
        linked = _inside_anchor(css.analysis(markup).tags("img"))
        for image in css.analysis(markup).tags("img"):
            if image.has_attr("alt") or str(image.get("aria-hidden", "")).lower() == "true":
                continue
            if str(image.get("role", "")).lower() in ("presentation", "none"):
                continue
            start, end = markup.start_tag(image)
            fix = None
            if id(image) not in linked:
                close = end - 2 if markup.source[start:end].endswith("/>") else end - 1
                fix = Fix(title=tr("fix.alt-text", 'Mark the image as decorative (alt=""), or describe it'), edits=[Edit(span=(close, close), replacement=' alt=""')])
            hits.append(Hit((start, end), self.say(problem=tr("html.a11y.no-alt", "an image without alt text")), fix, source=True))
        named = _anchors_holding(_naming_content(markup))
        for anchor in css.analysis(markup).tags("a"):
            if anchor.has_attr("href") and id(anchor) not in named and not _named_by_attributes(anchor):
                hits.append(Hit(markup.element_span(anchor), self.say(problem=tr("html.a11y.empty-link", "a link without text")), source=True))
        hits.extend(self._contrast(markup))
        yield from sorted(hits, key=lambda h: h.span)

    def _contrast(self, markup: Markup) -> Iterator[Hit]:
        analysis = css.analysis(markup)
        reported: set[tuple[int, int]] = set()
        for run in analysis.texts:
            style = run.style
            if style.color_decl is None and style.background_decl is None or style.background_unknown:
                continue
            fg = style.color or (0.0, 0.0, 0.0, 1.0)
            bg = style.background or (1.0, 1.0, 1.0, 1.0)
            ratio = contrast(fg, bg)
            large = style.size >= 24 or style.size >= 18.66 and style.bold
            needed = LARGE_CONTRAST if large else NORMAL_CONTRAST
            if ratio >= needed:
                continue
            key = (id(style.color_decl), id(style.background_decl))
            if key in reported:
                continue
            reported.add(key)
            decl = style.color_decl or style.background_decl
            fix = None
            if style.color_decl is not None and style.background_decl is None:
                fix = _remove(tr("fix.remove-text-colour", "Remove the text colour"), style.color_decl.removal)
            problem = tr("html.a11y.contrast", "text contrast {ratio:.2f}:1 is below {needed:g}:1", ratio=ratio, needed=needed)
            yield Hit(decl.span, self.say(problem=problem), fix, source=True)
