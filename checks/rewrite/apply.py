"""Applying the planned edits: merged without overlaps, whitespace tidied where text went."""

from __future__ import annotations

import itertools

import regex

from ..models import Edit

_WS = " \t\r\n"



def merge(edits: list[Edit], source: str = "") -> list[Edit]:
    """Edits sorted and without overlaps: an edit inside an accepted one is
    dropped (a removed sentence takes its fragments' fixes along), and of two
    crossing edits the first wins."""
    out: list[Edit] = []
    seen: set[tuple[tuple[int, int], str]] = set()
    for edit in sorted(edits, key=lambda e: (e.span[0], -(e.span[1] - e.span[0]))):
        key = (edit.span, edit.replacement)
        if key in seen:
            continue
        # Accepted edits do not overlap and start in order: the last one ends last.
        if out and _clash(*edit.span, *out[-1].span):
            last = out[-1]
            if edit.span[1] <= last.span[1] or last.replacement:
                continue  # inside the last edit, or crossing a replacement: the first wins
            # A removal crossed by a longer edit (an emoji and its sentence): both apply.
            start = last.span[0]
            if edit.replacement:  # keep the whitespace the removal took before the replaced text
                while start < edit.span[0] and source[start : start + 1] in (" ", "\t"):
                    start += 1
            edit = Edit(span=(start, edit.span[1]), replacement=edit.replacement)
            out.pop()
        seen.add(key)
        out.append(edit)
    return out


def _clash(start: int, end: int, s: int, e: int) -> bool:
    if start == end:  # an insertion clashes only strictly inside another edit
        return s < start < e
    if s == e:
        return start < s < end
    return start < e and s < end


def apply_edits(source: str, edits: list[Edit], html: bool = False) -> str:
    """``source`` with ``edits`` applied; where text was removed, the whitespace
    left on both sides is made tidy, and in HTML (``html``) the markup the
    removal emptied goes: an empty ``style`` attribute, an element left with
    nothing inside (a list item without its text), a space before ``>``."""
    merged = merge(edits, source)  # idempotent: suggest() passes merged edits
    if not merged:
        return source
    newline = "\r\n" if "\r\n" in source else "\n"
    pieces: list[str] = []
    junctions: list[int] = []
    pos = length = 0
    for edit in merged:
        start, end = edit.span
        pieces.append(source[pos:start])
        length += start - pos
        if not edit.replacement:
            junctions.append(length)
        pieces.append(edit.replacement)
        length += len(edit.replacement)
        pos = end
    pieces.append(source[pos:])
    text = "".join(pieces)
    trailing = source[len(source.rstrip(_WS)) :]
    points = sorted(set(junctions))
    floor = len(text) + 1
    for at in reversed(points):
        if at >= floor:  # in the whitespace run just tidied
            continue
        text, floor = _tidy(text, at, points, newline, trailing, html)
        if html:
            text = _tidy_markup(text, floor)
    return text


# Markup a removal can leave empty: an attribute, an element, the space before ">".
_EMPTY_STYLE = regex.compile(r"""\s+style\s*=\s*(?:"[\s;]*"|'[\s;]*')""", regex.IGNORECASE)
_EMPTY_ELEMENT = regex.compile(r"<(p|li|div|span|td|th|h[1-6]|ul|ol|b|strong|em|i|a|font|center)\b[^<>]{0,300}>(?:\s|&nbsp;)*</\1\s*>", regex.IGNORECASE)
_SPACE_BEFORE_CLOSE = regex.compile(r"(<[a-zA-Z][\w-]*)\s+(/?>)")


def _tidy_markup(text: str, at: int, reach: int = 400) -> str:
    """Remove the markup emptied at the junction ``at`` (repeatedly: a list
    whose last item went goes too); markup elsewhere is the author's and stays."""
    for _ in range(8):
        lo, hi = max(0, at - reach), min(len(text), at + reach)
        for pattern, replacement in ((_EMPTY_STYLE, ""), (_EMPTY_ELEMENT, ""), (_SPACE_BEFORE_CLOSE, r"\1\2")):
            found = next((m for m in pattern.finditer(text, lo, hi) if m.start() <= at <= m.end()), None)
            if found is not None:
                text = text[: found.start()] + found.expand(replacement) + text[found.end() :]
                at = found.start()
                if pattern is _EMPTY_ELEMENT:  # the element's two line breaks become one
                    left, right = at, at
                    while left > 0 and text[left - 1] in _WS:
                        left -= 1
                    while right < len(text) and text[right] in _WS:
                        right += 1
                    keep = max(text[left:at], text[at:right], key=lambda run: (run.count("\n"), len(run)))
                    text = text[:left] + keep + text[right:]
                    at = left
                break
        else:
            return text
    return text


def _tidy(text: str, at: int, points: list[int], newline: str, trailing: str, html: bool = False) -> tuple[str, int]:
    """Tidy the whitespace run around the junction ``at``; returns the text and
    where the run began. The run keeps the widest break of the original
    whitespace it joins (removing a paragraph between two blank lines leaves
    one blank line; a line between two lines leaves one line break)."""
    at = min(at, len(text))  # an earlier tidy at the end of the text may have shortened it past the junction
    i = at
    while i > 0 and text[i - 1] in _WS:
        i -= 1
    k = at
    while k < len(text) and text[k] in _WS:
        k += 1
    if k == len(text):
        return text[:i] + (trailing if trailing.count("\n") <= 2 and i else ""), i
    if i == 0:
        return text[k:], 0
    cuts = [i] + [p for p in points if i < p < k] + [k]
    breaks = max(text[a:b].count("\n") for a, b in itertools.pairwise(cuts))
    if breaks:
        last = text[i:k].rsplit("\n", 1)[1]
        indent = last if k - len(last) > at else ""  # indentation of a line that was kept
        middle = newline * min(2, breaks) + indent
    elif text[k] in ".,;:!?)）。，" or text[i - 1] in "(（":
        middle = ""
        if text[k] in ".,;:!?。，！？" and text[i - 1] in ",;:，；：":  # "cell, ___." -> "cell."
            i -= 1
    elif html and (i == k or text[k] in ">\"'/" or text[i - 1] in ">\"'=" or text.startswith("</", k)):
        middle = ""  # none was there, or inside a tag: no space before ">" or in an emptied attribute value
    else:
        middle = " "
    return text[:i] + middle + text[k:], i
