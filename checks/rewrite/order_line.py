"""The order id line a proactive message without one gets."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..document import Document



def order_line_edit(text: str, line: str, doc: Document) -> tuple[int, str]:
    """Where the order id line goes (after a greeting line, else first) and
    the text inserted there."""
    first_end = text.find("\n")
    first = text[: first_end if first_end >= 0 else len(text)].strip()
    greeting = doc.phrase("greeting")
    is_greeting = first_end >= 0 and (
        (greeting is not None and greeting.search(first) and len(first.split()) <= 6)
        or (first.endswith((",", ":", "，")) and len(first.split()) <= 6)
    )
    nl = "\r\n" if "\r\n" in text else "\n"  # the draft's own line ending
    if not is_greeting:
        return 0, line + nl * 2
    at = first_end + 1
    blank = False
    while at < len(text) and text[at] in "\r\n \t":
        blank = blank or text[at] == "\n"
        at += 1
    if at >= len(text):  # nothing after the greeting: the line goes after it, one blank line between
        return len(text.rstrip(" \t\r\n")), nl * 2 + line
    line_start = text.rfind("\n", 0, at) + 1
    return line_start, line + (nl * 2 if blank else nl)


def insert_order_line(text: str, line: str, doc: Document) -> str:
    at, inserted = order_line_edit(text, line, doc)
    return text[:at] + inserted + text[at:]
