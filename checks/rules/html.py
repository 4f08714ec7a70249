"""HTML template style rules. Registered now; implemented by the HTML issue."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..models import Severity
from ..registry import Example, Hit, Rule, register

SECTION = "Guidelines, 'Style' (HTML messages)"


def _pending(rule_id: str, summary: str, guideline: str) -> type[Rule]:
    class Pending(Rule):
        __doc__ = f"{summary}\n\nNot implemented yet: waits for the HTML templates issue."
        id = rule_id
        severity = Severity.ERROR
        message = summary
        implemented = False
        violating = Example("<p>x</p>", {"format": "html"})
        compliant = Example("<p>x</p>", {"format": "html"})

        def find(self, doc: Document) -> Iterator[Hit]:
            return iter(())

    Pending.guideline = f"{guideline} ({SECTION})"
    Pending.__name__ = Pending.__qualname__ = "Html" + rule_id.split(".")[1].title().replace("-", "")
    return register(Pending)


for _id, _summary, _guideline in [
    ("html.gif", "A GIF image.", "No GIFs."),
    ("html.tracking-pixel", "A tracking pixel: a tiny or hidden image, or an image URL with tracking parameters.", "No tracking pixels."),
    ("html.insecure-image", "An image loaded over http://.", "No images over http."),
    ("html.font-override", "Overrides Amazon's default line height, font family or font colour.", "Do not override the default line height, font family or font colour."),
    ("html.font-sizes", "Fonts in more than three distinct sizes.", "No more than three font sizes."),
    ("html.alignment", "Centred or otherwise re-aligned body text.", "No centred or re-aligned body text."),
    ("html.margin", "A margin or padding wider than 20% of the maximum width.", "Margins no wider than 20% of the maximum width."),
    ("html.image-width", "An image wider than 80% of the maximum width.", "Images no wider than 80% of the maximum width."),
    ("html.logo-link", "An image (logo) that links to the seller's website.", "No logo linking to the seller's website."),
    ("html.accessibility", "A WCAG problem: image without alt text, link without text, low contrast.", "No accessibility problems (WCAG)."),
]:
    _pending(_id, _summary, _guideline)
