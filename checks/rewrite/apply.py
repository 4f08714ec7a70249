"""Applying the planned edits: merged without overlaps, whitespace tidied where text went."""

from __future__ import annotations

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


def apply_edits(source: str, edits: list[Edit]) -> str:
    """``source`` with ``edits`` applied; where text was removed, the whitespace
    left on both sides is made tidy."""
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
        text, floor = _tidy(text, at, points, newline, trailing)
    return text


def _tidy(text: str, at: int, points: list[int], newline: str, trailing: str) -> tuple[str, int]:
    """Tidy the whitespace run around the junction ``at``; returns the text and
    where the run began. The run keeps the widest break of the original
    whitespace it joins (removing a paragraph between two blank lines leaves
    one blank line; a line between two lines leaves one line break)."""
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
    breaks = max(text[a:b].count("\n") for a, b in zip(cuts, cuts[1:]))
    if breaks:
        last = text[i:k].rsplit("\n", 1)[1]
        indent = last if k - len(last) > at else ""  # indentation of a line that was kept
        middle = newline * min(2, breaks) + indent
    elif text[k] in ".,;:!?)）。，" or text[i - 1] in "(（":
        middle = ""
    else:
        middle = " "
    return text[:i] + middle + text[k:], i
