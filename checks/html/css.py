"""The styles of an HTML draft: every declaration with its place in the source,
and a simplified cascade over the tree (what the HTML style rules need).

Declarations come from ``style=`` attributes and ``<style>`` blocks (parsed
with tinycss2), from presentational attributes (``align``, ``bgcolor``,
``width``, ``<font face color size>``) and from the defaults of a few tags
(``<center>``, headings, ``<small>``). The cascade is deliberately simple:
tag defaults < attributes < ``<style>`` rules in source order < ``style=``,
with ``!important`` on top; selector specificity is ignored, selectors are
matched with soupsieve (state pseudo-classes such as ``:hover`` match nothing).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import soupsieve
import tinycss2
import tinycss2.color3
from bs4 import NavigableString, Tag

from ..i18n import keyed, tr
from ..models import Edit
from .markup import Markup, decode, line_offsets

DEFAULT_MAX_WIDTH = 600
BASE_FONT = 16.0
# Declarations that change the font colour, family or line height.
FONT_OVERRIDES = frozenset(("color", "font-family", "line-height", "font"))
NEUTRAL = frozenset(("inherit", "initial", "unset", "revert", "revert-layer", "currentcolor"))
HORIZONTAL = {
    "margin": "margin", "margin-left": "margin", "margin-right": "margin",
    "margin-inline": "margin", "margin-inline-start": "margin", "margin-inline-end": "margin",
    "padding": "padding", "padding-left": "padding", "padding-right": "padding",
    "padding-inline": "padding", "padding-inline-start": "padding", "padding-inline-end": "padding",
}
_HEADING_SIZES = {"h1": 2.0, "h2": 1.5, "h3": 1.17, "h4": 1.0, "h5": 0.83, "h6": 0.67}
_KEYWORD_SIZES = {
    "xx-small": 9, "x-small": 10, "small": 13, "medium": 16, "large": 18, "x-large": 24,
    "xx-large": 32, "xxx-large": 48,
}
_FONT_TAG_SIZES = {1: 10, 2: 13, 3: 16, 4: 18, 5: 24, 6: 32, 7: 48}
_STATE_PSEUDO = re.compile(
    r"::|:(?:hover|active|focus|focus-within|focus-visible|visited|link|before|after|first-line|first-letter|"
    r"placeholder|selection|target|checked|disabled|enabled)\b",
    re.IGNORECASE,
)
_BOLD_TAGS = frozenset(("b", "strong", "th", *_HEADING_SIZES))
# Attributes that style an element (see Analysis._attr_decl), and style itself.
_STYLING_ATTRS = frozenset(
    ("style", "align", "bgcolor", "background", "color", "face", "size", "text", "width", "height", "hspace", "hidden")
)
_INHERITED = ("align", "color", "size", "rtl", "hidden", "bold")


@dataclass(eq=False)
class Decl:
    """One declaration (or presentational attribute) and how to remove it."""

    prop: str
    tokens: list  # tinycss2 component values, whitespace and comments kept
    text: str  # the value, serialized, lower case, stripped
    important: bool
    span: tuple[int, int]  # source span of the declaration or attribute
    cuts: list[tuple[int, int]]  # source spans whose removal drops the declaration
    origin: str  # "style", "sheet", "attr", "tag"
    order: int = 0
    element: Tag | None = None
    selector: str | None = None

    @property
    def removal(self) -> list[Edit]:
        return [Edit(span=span, replacement="") for span in self.cuts]

    @property
    def rank(self) -> tuple[int, int, int]:
        origin = {"tag": 0, "attr": 1, "sheet": 2, "style": 3}[self.origin]
        return (1 if self.important else 0, origin, self.order)


@dataclass(eq=False)
class Computed:
    """Styles of one element after inheritance, as far as the rules need them."""

    align: str = "start"
    align_decl: Decl | None = None
    color: tuple | None = None  # RGBA 0..1 or None for the default (black)
    color_decl: Decl | None = None
    background: tuple | None = None  # effective background RGBA, None = default white
    background_decl: Decl | None = None
    background_unknown: bool = False  # an image behind: contrast cannot be judged
    size: float = BASE_FONT
    size_decl: Decl | None = None
    rtl: bool = False
    hidden: bool = False
    bold: bool = False
    width: float = DEFAULT_MAX_WIDTH  # content width, for percentages of children


@dataclass
class TextRun:
    """Visible text directly inside an element."""

    element: Tag
    style: Computed


class Analysis:
    """Declarations, cascade and computed styles of one parsed draft."""

    def __init__(self, markup: Markup) -> None:
        self.markup = markup
        self.notes = markup.notes  # shared: they reach the report
        self.decls: list[Decl] = []  # every declaration, in source order
        self.sheet_rules: list[tuple[str, list[Decl]]] = []
        self.own: dict[int, dict[str, Decl]] = {}  # id(element) -> prop -> winning decl
        self.computed: dict[int, Computed] = {}
        self.texts: list[TextRun] = []
        self.has_text: dict[int, bool] = {}
        self.elements: list[Tag] = []
        soup = markup.soup
        if soup is None:
            return
        self.elements = soup.find_all(True)
        self._order = 0
        for element in self.elements:
            self._element_decls(element)
        for style in self.tags("style"):
            self._sheet(style)
        self._match_sheets()
        self.decls.sort(key=lambda d: d.span)

    def tags(self, *names: str) -> list[Tag]:
        """Elements with one of these names, in document order."""
        if len(names) == 1:
            return self._by_name.get(names[0], [])
        wanted = set(names)
        return [element for element in self.elements if element.name in wanted]

    @functools.cached_property
    def _by_name(self) -> dict[str, list[Tag]]:
        index: dict[str, list[Tag]] = {}
        for element in self.elements:
            index.setdefault(element.name, []).append(element)
        return index

    # --- collecting declarations -----------------------------------------
    def _add(self, element: Tag | None, decl: Decl) -> None:
        self._order += 1
        decl.order = self._order
        if element is not None:
            own = self.own.setdefault(id(element), {})
            for prop in _longhands(decl):
                current = own.get(prop)
                if current is None or decl.rank >= current.rank:
                    own[prop] = decl

    def _element_decls(self, element: Tag) -> None:
        name = element.name
        markup = self.markup
        if name == "center":
            self._add(element, self._tag_decl(element, "text-align", "center"))
        elif name in _HEADING_SIZES:
            self._add(element, self._tag_decl(element, "font-size", f"{_HEADING_SIZES[name]}em"))
        elif name in ("small", "big"):
            self._add(element, self._tag_decl(element, "font-size", "smaller" if name == "small" else "larger"))
        if _STYLING_ATTRS.isdisjoint(element.attrs):
            return
        attrs = markup.attrs(element, only=_STYLING_ATTRS)
        for key, attr in attrs.items():
            decl = self._attr_decl(element, key, attr)
            if decl is not None:
                self.decls.append(decl)
                self._add(element, decl)
        style = attrs.get("style")
        if style is not None and style.value_span is not None:
            self._inline(element, style)

    def _tag_decl(self, element: Tag, prop: str, value: str) -> Decl:
        start, end = self.markup.start_tag(element)
        edits = [(start, end)]
        closing = self.markup.end_tag(element)
        if closing:
            edits.append(closing)
        tokens = _tokens(value)
        return Decl(prop, tokens, value, False, (start, end), edits, "tag", element=element)

    def _attr_decl(self, element: Tag, key: str, attr) -> Decl | None:
        name = element.name
        prop = None
        value = attr.value.strip()
        if key == "align" and name not in ("img", "table", "iframe", "object", "embed", "input", "legend", "caption", "hr"):
            prop = "text-align"
            value = {"middle": "center", "absmiddle": "center"}.get(value.lower(), value)
        elif key == "bgcolor":
            prop, value = "background-color", _legacy_color(value)
        elif key == "background":
            prop, value = "background-image", f"url({_css_string(value)})"
        elif name in ("font", "basefont") and key == "color":
            prop, value = "color", _legacy_color(value)
        elif name in ("font", "basefont") and key == "face":
            prop, value = "font-family", value
        elif name in ("font", "basefont") and key == "size":
            prop, value = "font-size", _font_tag_size(value)
        elif name == "body" and key == "text":
            prop, value = "color", _legacy_color(value)
        elif key in ("width", "height") and name in ("img", "table", "td", "th", "div", "input", "col"):
            prop = key
            value = value + "px" if re.fullmatch(r"\d+(?:\.\d+)?", value) else value
        elif key == "hspace" and name == "img":
            prop = "margin-left"
            value = value + "px" if value.isdigit() else value
        elif key == "hidden":
            prop, value = "display", "none"
        if prop is None or not value:
            return None
        start, end = attr.span
        # Take the whitespace before the attribute with it.
        while start > 0 and self.markup.source[start - 1] in " \t\n\r":
            start -= 1
        tokens, text = _value(value)
        return Decl(prop, tokens, text, False, attr.span, [(start, attr.span[1])], "attr", element=element)

    def _inline(self, element: Tag, attr) -> None:
        vs, ve = attr.value_span
        raw = self.markup.source[vs:ve]
        text, starts, ends = decode(raw, vs)
        parsed = _parse_declarations(text)
        found: list[tuple[Decl, int, int]] = []
        for item, a, b, serialized in parsed:
            if item.type == "error":
                self._css_note(tr("css.where.style-attribute", "style attribute"), self.markup.line_of(vs), item)
                continue
            if item.type != "declaration":
                continue
            decl = Decl(
                item.lower_name,
                list(item.value),
                serialized,
                item.important,
                (starts[a], ends[b - 1]),
                [],
                "style",
                element=element,
            )
            found.append((decl, a, b))
        for decl, a, b in found:
            if len(found) == 1 and not text[:a].strip(" ;\t\n") and not text[b:].strip(" ;\t\n"):
                start, end = attr.span
                while start > 0 and self.markup.source[start - 1] in " \t\n\r":
                    start -= 1
                decl.cuts = [(start, attr.span[1])]
            else:
                cut = _after_declaration(text, b)
                end_src = starts[cut] if cut < len(text) else ve
                decl.cuts = [(starts[a], end_src)]
            self.decls.append(decl)
            self._add(element, decl)

    def _sheet(self, style: Tag) -> None:
        _start, content_start = self.markup.start_tag(style)
        closing = self.markup.end_tag(style)
        content_end = closing[0] if closing else len(self.markup.source)
        base = content_start
        for event in _parse_sheet(self.markup.source[content_start:content_end]):
            if event[0] == "error":
                _kind, at, error = event
                self._css_note(tr("css.where.style-block", "<style> block"), self.markup.line_of(base + at), error)
                continue
            _kind, selector, found = event
            decls = [
                Decl(prop, list(tokens), text, important, (base + start, base + end),
                     [(base + start, base + cut)], "sheet", selector=selector)
                for prop, tokens, text, important, start, end, cut in found
            ]
            self.decls.extend(decls)
            self.sheet_rules.append((selector, decls))

    def _css_note(self, where: str, line: int, error) -> None:
        if len(self.notes) < 5:
            self.notes.append(tr("note.css-parse-error", "CSS parse error in a {where} (line {line}): {error}; the rest of it was checked.", where=where, line=line, error=_css_error(error)))

    def _match_sheets(self) -> None:
        index = SelectorIndex(self.elements)
        for selector, decls in self.sheet_rules:
            if not decls:
                continue
            for element in index.select(selector):
                for decl in decls:
                    self._add(element, decl)

    # --- the cascade -----------------------------------------------------
    @functools.cached_property
    def max_width(self) -> float:
        """The width the template declares for its outer container, else the configured or default one."""
        _ = self.cascade  # computing the cascade sets the width
        return self._max_width

    @functools.cached_property
    def cascade(self) -> dict[int, Computed]:
        self._max_width = float(self.markup.default_width)
        soup = self.markup.soup
        if soup is None:
            return {}
        self._mark_text(soup)
        self._max_width = self._declared_width() or float(self.markup.default_width)
        root = Computed(width=self._max_width, rtl=self.markup.rtl)
        computed = self.computed
        stack: list[tuple[Tag, Computed]] = [(soup, root)]
        while stack:
            element, parent = stack.pop()
            style = self._compute(element, parent) if element is not soup else parent
            computed[id(element)] = style
            has_text = False
            children = []
            for child in element.contents:
                if isinstance(child, Tag):
                    if child.name in ("style", "script", "title", "head", "template"):
                        continue
                    children.append(child)
                elif type(child) is NavigableString and not has_text and child.strip():
                    has_text = True
            if has_text and element is not soup and not style.hidden:
                self.texts.append(TextRun(element, style))
            elif has_text and element is soup:
                self.texts.append(TextRun(element, style))
            for child in reversed(children):
                stack.append((child, style))
        return computed

    def _mark_text(self, soup) -> None:
        """has_text[id(el)]: the element's subtree holds visible text."""
        order: list[Tag] = []
        stack = [soup]
        while stack:
            element = stack.pop()
            order.append(element)
            for child in element.contents:
                if isinstance(child, Tag) and child.name not in ("style", "script", "title", "head", "template"):
                    stack.append(child)
        has = self.has_text
        for element in reversed(order):
            found = has.get(id(element), False)
            if not found:
                for child in element.contents:
                    if type(child) is NavigableString and child.strip():
                        found = True
                        break
            if found:
                has[id(element)] = True
                parent = element.parent
                if parent is not None:
                    has[id(parent)] = True

    def _declared_width(self) -> float | None:
        for element in self.elements:
            if element.name in ("img", "style", "head", "col", "input") or not self.has_text.get(id(element)):
                continue
            own = self.own.get(id(element), {})
            for prop in ("max-width", "width"):
                decl = own.get(prop)
                if decl is None:
                    continue
                px = length_px(decl.tokens, BASE_FONT, None)
                if px and px > 50:
                    return px
        return None

    def _compute(self, element: Tag, parent: Computed) -> Computed:
        own = self.own.get(id(element))
        name = element.name
        if not own and name not in _BOLD_TAGS and not _has_dir(element):
            return parent  # nothing of its own: the parent's style, shared (never mutated)
        own = own or {}
        style = Computed(
            align=parent.align, align_decl=parent.align_decl, color=parent.color, color_decl=parent.color_decl,
            background=parent.background, background_decl=parent.background_decl,
            background_unknown=parent.background_unknown, size=parent.size, size_decl=parent.size_decl,
            rtl=parent.rtl, hidden=parent.hidden, bold=parent.bold, width=parent.width,
        )
        if name in _BOLD_TAGS:
            style.bold = True
        direction = element.attrs.get("dir")
        if isinstance(direction, str) and direction.lower() in ("rtl", "ltr"):
            style.rtl = direction.lower() == "rtl"
        if not own:
            return style
        if "direction" in own and own["direction"].text in ("rtl", "ltr"):
            style.rtl = own["direction"].text == "rtl"
        decl = own.get("text-align")
        if decl is not None and decl.text not in NEUTRAL:
            style.align, style.align_decl = decl.text, decl
        decl = own.get("color")
        if decl is not None:
            rgba = parse_color(decl)
            if rgba is not None:
                style.color, style.color_decl = rgba, decl
        decl = own.get("background-color")
        if decl is not None:
            rgba = parse_color(decl)
            if rgba is not None and rgba[3] > 0:
                under = parent.background or (1.0, 1.0, 1.0, 1.0)
                style.background, style.background_decl = _over(rgba, under), decl
                style.background_unknown = False
        decl = own.get("background-image")
        if decl is not None and "url(" in decl.text:
            style.background_unknown = True
        decl = own.get("font-size")
        if decl is not None:
            size = font_size_px(decl, parent.size)
            if size is not None:
                style.size, style.size_decl = size, decl
        decl = own.get("font-weight")
        if decl is not None:
            style.bold = decl.text in ("bold", "bolder") or (decl.text.isdigit() and int(decl.text) >= 600)
        decl = own.get("display")
        if decl is not None and decl.text == "none":
            style.hidden = True
        decl = own.get("visibility")
        if decl is not None and decl.text in ("hidden", "collapse"):
            style.hidden = True
        decl = own.get("opacity")
        if decl is not None and decl.text in ("0", "0.0", "0%"):
            style.hidden = True
        decl = own.get("width")
        if decl is not None and name not in ("img",):
            px = length_px(decl.tokens, style.size, parent.width)
            if px:
                style.width = min(px, parent.width) if parent.width else px
        decl = own.get("max-width")
        if decl is not None:
            px = length_px(decl.tokens, style.size, parent.width)
            if px:
                style.width = min(style.width, px)
        return style

    def style_of(self, element: Tag) -> Computed:
        return self.cascade.get(id(element)) or Computed(width=self.max_width)

    def own_decls(self, element: Tag) -> dict[str, Decl]:
        _ = self.cascade  # computing the cascade fills self.own
        return self.own.get(id(element), {})


# --- helpers -------------------------------------------------------------------


def _has_dir(element: Tag) -> bool:
    return "dir" in element.attrs


def _longhands(decl: Decl) -> list[str]:
    prop = decl.prop
    if prop == "font":
        return ["font", "font-size", "font-family", "line-height"]
    if prop == "background":
        out = ["background"]
        if parse_color(decl) is not None:
            out.append("background-color")
        if "url(" in decl.text:
            out.append("background-image")
        return out
    return [prop]


class SelectorIndex:
    """Selector matching fast enough for 100 KB templates: elements indexed by
    tag, class and id; compounds of tag, ``.class`` and ``#id`` joined by
    descendant or child combinators are matched here, anything else
    (attribute selectors, structural pseudo-classes, sibling combinators) by
    soupsieve on the candidates of the last compound only."""

    def __init__(self, elements: list[Tag]) -> None:
        self.elements = elements
        self.by_tag: dict[str, list[Tag]] = {}
        self.by_class: dict[str, list[Tag]] = {}
        self.by_id: dict[str, list[Tag]] = {}
        for element in elements:
            self.by_tag.setdefault(element.name, []).append(element)
            classes = element.attrs.get("class")
            if classes:
                for name in classes if isinstance(classes, list) else str(classes).split():
                    self.by_class.setdefault(name, []).append(element)
            ident = element.attrs.get("id")
            if isinstance(ident, str):
                self.by_id.setdefault(ident, []).append(element)

    def select(self, selector: str) -> list[Tag]:
        found: list[Tag] = []
        for part in _split_commas(selector):
            part = part.strip()
            if not part or _STATE_PSEUDO.search(part):
                continue
            found.extend(self._select_one(part))
        return found

    def _select_one(self, selector: str) -> list[Tag]:
        chain = _chain(selector)
        if chain is None:
            return []
        last = chain[-1][1]
        candidates = self._candidates(last)
        simple = all(_SIMPLE.fullmatch(c) for _comb, c in chain) and all(comb in (" ", ">", "") for comb, _c in chain)
        if simple:
            compiled = [(comb, _compound(c)) for comb, c in chain]
            return [el for el in candidates if _matches_chain(el, compiled, len(compiled) - 1)]
        matcher = _compile(selector)
        if matcher is None:
            return []
        out = []
        for element in candidates:
            try:
                if matcher.match(element):
                    out.append(element)
            except Exception:  # soupsieve on odd markup: no match
                continue
        return out

    def _candidates(self, compound: str) -> list[Tag]:
        m = _SIMPLE_PARTS.match(compound)
        tag, rest = (m.group(1) or "", m.group(2) or "") if m else ("", "")
        ids = re.findall(r"#([\w-]+)", rest)
        classes = re.findall(r"\.([\w-]+)", rest)
        if ids:
            return self.by_id.get(ids[0], [])
        if classes:
            return self.by_class.get(classes[0], [])
        if tag and tag != "*":
            return self.by_tag.get(tag.lower(), [])
        return self.elements


_SIMPLE = re.compile(r"(?:[a-zA-Z][\w-]*|\*)?(?:[.#][\w-]+)*")
_SIMPLE_PARTS = re.compile(r"([a-zA-Z][\w-]*|\*)?((?:[.#][\w-]+|\[[^\]]*\]|:{1,2}[\w-]+(?:\([^)]*\))?)*)")
_COMBINATOR = re.compile(r"\s*([>+~])\s*|\s+")


def _chain(selector: str) -> list[tuple[str, str]] | None:
    """[(combinator before it, compound)], outside brackets and parentheses."""
    out: list[tuple[str, str]] = []
    depth = 0
    start = 0
    comb = ""
    i = 0
    n = len(selector)
    while i < n:
        ch = selector[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch.isspace() or ch in ">+~"):
            m = _COMBINATOR.match(selector, i)
            if m and m.end() > i:
                if selector[start:i]:
                    out.append((comb, selector[start:i]))
                comb = (m.group(1) or " ") if out else ""
                i = start = m.end()
                continue
        i += 1
    if selector[start:]:
        out.append((comb, selector[start:]))
    return out or None


def _compound(text: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    m = re.match(r"([a-zA-Z][\w-]*|\*)?", text)
    tag = m.group(1).lower() if m and m.group(1) and m.group(1) != "*" else None
    ids = re.findall(r"#([\w-]+)", text)
    classes = tuple(re.findall(r"\.([\w-]+)", text))
    return tag, (ids[0] if ids else None), classes


def _matches(element: Tag, compound: tuple) -> bool:
    tag, ident, classes = compound
    if tag is not None and element.name != tag:
        return False
    if ident is not None and element.attrs.get("id") != ident:
        return False
    if classes:
        have = element.attrs.get("class") or []
        if isinstance(have, str):
            have = have.split()
        if not all(c in have for c in classes):
            return False
    return True


def _matches_chain(element: Tag, chain: list, index: int) -> bool:
    comb, compound = chain[index]
    if not _matches(element, compound):
        return False
    if index == 0:
        return True
    parent = element.parent
    if comb == ">":
        return isinstance(parent, Tag) and parent.name != "[document]" and _matches_chain(parent, chain, index - 1)
    while isinstance(parent, Tag) and parent.name != "[document]":
        if _matches_chain(parent, chain, index - 1):
            return True
        parent = parent.parent
    return False


@functools.lru_cache(maxsize=1024)
def _compile(selector: str):
    try:
        return soupsieve.compile(selector)
    except Exception:  # unsupported or invalid selector
        return None


def _split_commas(text: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return out


def _serialize(tokens: list) -> str:
    return tinycss2.serialize(tokens).strip().lower()


@functools.lru_cache(maxsize=4096)
def _value(value: str) -> tuple[list, str]:
    """A value's tokens and their serialized text (cached, never mutated)."""
    tokens = _tokens(value)
    return tokens, _serialize(tokens)


@functools.lru_cache(maxsize=4096)
def _tokens(value: str) -> list:
    """Component values of a CSS value (cached: templates repeat them; never mutated)."""
    return tinycss2.parse_component_value_list(value)


def _index(lines: list[int], node) -> int:
    line = max(1, getattr(node, "source_line", 1) or 1)
    column = max(1, getattr(node, "source_column", 1) or 1)
    return lines[min(line, len(lines)) - 1] + column - 1


@functools.lru_cache(maxsize=4096)
def _parse_declarations(text: str) -> tuple[tuple[object, int, int, str], ...]:
    """Declarations of a style attribute with their [start, end) in ``text``
    and their serialized value (cached: templates repeat their inline
    styles; the nodes are never mutated)."""
    prepared = text.replace("\r", " ").replace("\f", " ").replace("\x00", "\ufffd")
    lines = line_offsets(prepared)
    out = []
    for item in tinycss2.parse_blocks_contents(prepared, skip_comments=True, skip_whitespace=True):
        start = _index(lines, item)
        if item.type == "declaration":
            out.append((item, start, _declaration_end(prepared, start), _serialize(list(item.value))))
        else:
            out.append((item, start, start, ""))
    return tuple(out)


@functools.lru_cache(maxsize=256)
def _parse_sheet(css: str) -> tuple:
    """A ``<style>`` block, read once per distinct block (a team's templates
    share theirs): in source order, ("error", offset, node) and ("rule",
    selector, declarations), each declaration as (property, tokens, value,
    important, start, end, end of its removal), offsets into ``css``."""
    prepared = css.replace("\r", " ").replace("\f", " ").replace("\x00", "\ufffd")
    lines = line_offsets(prepared)
    out: list[tuple] = []
    _sheet_rules(tinycss2.parse_stylesheet(prepared, skip_comments=True, skip_whitespace=True), css, lines, out)
    return tuple(out)


def _sheet_rules(rules, css: str, lines: list[int], out: list[tuple]) -> None:
    for rule in rules:
        if rule.type == "error":
            out.append(("error", _index(lines, rule), rule))
        elif rule.type == "qualified-rule":
            selector = tinycss2.serialize(rule.prelude).strip()
            found = []
            nested = []
            for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
                if item.type == "declaration":
                    start = _index(lines, item)
                    end = _declaration_end(css, start)
                    tokens = tuple(item.value)
                    found.append((item.lower_name, tokens, _serialize(tokens), item.important, start, end, _after_declaration(css, end)))
                elif item.type == "error":
                    out.append(("error", _index(lines, item), item))
                elif item.type == "qualified-rule":
                    nested.append(item)
            out.append(("rule", selector, tuple(found)))
            if nested:  # CSS nesting: treat nested rules as rules of their own
                _sheet_rules(nested, css, lines, out)
        elif rule.type == "at-rule" and rule.content is not None:
            if rule.lower_at_keyword in ("media", "supports", "document", "layer", "container"):
                inner = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
                _sheet_rules([r for r in inner if r.type != "declaration"], css, lines, out)
            # @font-face, @page, @keyframes: they define things, they do not style the text


def _declaration_end(css: str, start: int) -> int:
    """End of the declaration starting at ``start``: before the next top-level
    ``;`` or ``}`` (quotes, comments and brackets respected), trailing blanks trimmed."""
    depth = 0
    i = start
    n = len(css)
    quote = None
    while i < n:
        ch = css[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif css.startswith("/*", i):
            close = css.find("*/", i + 2)
            i = n if close < 0 else close + 1
        elif ch in "([{":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "}":
            if depth == 0:
                break
            depth -= 1
        elif ch == ";" and depth == 0:
            break
        i += 1
    end = i
    while end > start and css[end - 1] in " \t\n\r\f":
        end -= 1
    return end


def _after_declaration(css: str, end: int) -> int:
    """Where a removal of the declaration ending at ``end`` should stop: past its
    ``;`` and the blanks after it."""
    i = end
    while i < len(css) and css[i] in " \t\n\r\f":
        i += 1
    if i < len(css) and css[i] == ";":
        i += 1
        while i < len(css) and css[i] in " \t\n\r\f":
            i += 1
    return i


def _legacy_color(value: str) -> str:
    value = value.strip()
    if re.fullmatch(r"[0-9a-fA-F]{3}|[0-9a-fA-F]{6}", value):
        return "#" + value
    return value


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _font_tag_size(value: str) -> str:
    value = value.strip()
    try:
        if value[:1] in "+-":
            size = 3 + int(value)
        else:
            size = int(value)
    except ValueError:
        return ""
    return f"{_FONT_TAG_SIZES[min(7, max(1, size))]}px"


def _significant(tokens: list) -> list:
    return [t for t in tokens if t.type not in ("whitespace", "comment")]


def parse_color(decl: Decl) -> tuple | None:
    """RGBA (0..1) of a colour declaration, the colour part of ``background``."""
    tokens = _significant(decl.tokens)
    if decl.prop == "background":
        for token in tokens:
            rgba = _color(token)
            if rgba is not None:
                return rgba
        return None
    if len(tokens) != 1:
        return None
    return _color(tokens[0])


def _color(token) -> tuple | None:
    if token.type == "ident" and token.lower_value in NEUTRAL:
        return None
    try:
        rgba = tinycss2.color3.parse_color(token)
    except Exception:  # a value tinycss2 cannot read is not a colour we know
        return None
    if rgba is None or isinstance(rgba, str):
        return None
    return tuple(rgba)


def length_px(tokens: list, font: float, container: float | None) -> float | None:
    """A single length in px (None when unknown, auto, or not a length)."""
    values = _significant(tokens)
    if len(values) != 1:
        return None
    return token_px(values[0], font, container)


def token_px(token, font: float, container: float | None) -> float | None:
    if token.type == "number" and token.value == 0:
        return 0.0
    if token.type == "percentage":
        return None if container is None else container * token.value / 100
    if token.type != "dimension":
        return None
    unit = token.lower_unit
    value = token.value
    factor = {
        "px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4,
        "em": font, "rem": BASE_FONT, "ex": font / 2, "ch": font / 2,
    }.get(unit)
    if factor is None and unit in ("vw", "vmin", "vmax") and container is not None:
        return container * value / 100
    return None if factor is None else value * factor


def font_size_px(decl: Decl, parent: float) -> float | None:
    tokens = _significant(decl.tokens)
    if decl.prop == "font":
        for token in tokens:
            size = _size_token(token, parent)
            if size is not None:
                return size
        return None
    if len(tokens) != 1:
        return None
    return _size_token(tokens[0], parent)


def _size_token(token, parent: float) -> float | None:
    if token.type == "ident":
        word = token.lower_value
        if word in _KEYWORD_SIZES:
            return float(_KEYWORD_SIZES[word])
        if word == "smaller":
            return parent / 1.2
        if word == "larger":
            return parent * 1.2
        return None
    if token.type == "percentage":
        return parent * token.value / 100
    if token.type == "dimension" and token.lower_unit in ("em",):
        return parent * token.value
    return token_px(token, parent, None)


def horizontal_sides(decl: Decl) -> list:
    """The tokens giving the left and right sides of a margin or padding declaration."""
    values = _significant(decl.tokens)
    prop = decl.prop
    if prop in ("margin", "padding"):
        if not values or len(values) > 4:
            return []
        if len(values) == 1:
            return [values[0]]
        if len(values) in (2, 3):
            return [values[1]]
        return [values[1], values[3]]
    if prop.endswith("-inline"):
        return values[:2]
    return values[:1]


def _over(top: tuple, under: tuple) -> tuple:
    alpha = top[3]
    return tuple(top[i] * alpha + under[i] * (1 - alpha) for i in range(3)) + (1.0,)


def luminance(rgba: tuple) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgba[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: tuple, bg: tuple) -> float:
    fg = _over(fg, bg) if fg[3] < 1 else fg
    a, b = luminance(fg), luminance(bg)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def _css_error(error) -> str:
    """A tinycss2 ParseError's reason (English) under one of our keys, so it can be translated."""
    message, kind = str(error.message), str(getattr(error, "kind", ""))
    if kind == "eof-in-string":
        return keyed("css.error.eof-in-string", message)
    if kind == "eof-in-url":
        return keyed("css.error.eof-in-url", message)
    if message.startswith("Unmatched "):
        return keyed("css.error.unmatched", message, char=kind)
    if message.startswith("Expected ':' after declaration name"):
        return keyed("css.error.colon", message)
    if message.startswith("Expected <ident> for declaration name"):
        return keyed("css.error.name", message)
    if "reached before {} block for a qualified rule" in message:
        return keyed("css.error.no-block", message)
    if message.startswith("Declaration contains {} block"):
        return keyed("css.error.block-in-declaration", message)
    return message


def analysis(markup: Markup) -> Analysis:
    """The draft's styles and cascade, computed once per parse (kept on the
    ``Markup`` and taken apart with its tree by ``Markup.release``)."""
    if markup.styles is None:
        markup.styles = Analysis(markup)
    return markup.styles
