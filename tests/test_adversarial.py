"""No input makes a check run away; input that cannot be a message gets a clear error."""

from __future__ import annotations

import time

import pytest

from checks import MAX_DRAFT_CHARS, MAX_TEXT_CHARS, Draft, DraftError, check

# Shapes that make naive patterns backtrack: long runs with no terminator.
ADVERSARIAL = {
    "letters": "a",
    "dots": ".",
    "ats": "@",
    "digits": "1",
    "digit-groups": "123-",
    "urls": "http://a.b/",
    "www": "www.",
    "emoji": "😀",
    "unclosed-tags": '<a href="',
    "obfuscated-at-dot": "x at y dot ",
    "newline-space": "\n \n x",
    "colons": ":a",
    "mixed-scripts": "abc 中文 def. ",
    "plus-signs": "+1 ",
    "phone-numbers": "212-555-0143 ",
    "review-requests": "leave a 5-star review ",
    "email-ish": "a@a.",
    # Disguises the reader's text undoes (checks/normalize.py) and the patterns for them.
    "spaced-letters": "a b ",
    "spaced-dots": "x . ",
    "spelled-digits": "four one ",
    "spelled-digit-pairs": "trente-quatre, ",
    "digits-half-spelled": "five 55 ",
    "cjk-digits": "一二三・",
    "spelled-dots": "x dot ",
    "bracket-dots": "x(.)",
    "at-words": "x arroba y punto ",
    "providers": "a at gmail ",
    "vanity": "1-800-FLOWERS ",
    "codes": "LW-2024-",
    "platforms": "WA add ",
    "zero-width": "a\u200b",
    "confusables": "а@",
    "full-width": "ｘ＠",
    # Batch 8's disguises: hyphenated letters and number words, l/O for digits,
    # reversed addresses, numbers told in parts, keypad words, app nicknames.
    "hyphenated-letters": "l-u-m-i ",
    "hyphenated-number-words": "double-",
    "hyphenated-digit-words": "one-",
    "letter-digits": "4l5 8O2-",
    "reversed-addresses": "moc.a@b ",
    "dotted-at-runs": "a.b.c@",
    "parts-then": "612 then ",
    "parts-prefix": "prefijo 612. marque 34 ",
    "spoken-hundreds": "oh-seven double-oh nine hundred, ",
    "keypad-words": "1-800 followed by LUMIWAVE on the keypad ",
    "app-nicknames": "the green chat app @a_b on the 'gram ",
}
# A runaway pattern takes minutes on these; the budget only catches that.
# Real timings are in bench/bench_adversarial.py.
RUNAWAY_SECONDS = 10


@pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
async def test_adversarial_text_at_the_size_limit_finishes(unit):
    text = (unit * (MAX_TEXT_CHARS // len(unit) + 1))[:MAX_TEXT_CHARS]
    started = time.perf_counter()
    report = await check(Draft(text=text))
    assert time.perf_counter() - started < RUNAWAY_SECONDS
    assert all(sum(f.rule == rule for f in report.findings) <= 50 for rule in report.rule_ids())


@pytest.mark.parametrize("size", [MAX_TEXT_CHARS + 1, MAX_DRAFT_CHARS + 1, 1_000_000])
async def test_oversized_draft_is_refused_with_the_limit_named(size):
    with pytest.raises(DraftError, match="at most"):
        await check(Draft(text="a" * size))


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \n"])
async def test_empty_draft_is_refused(text):
    with pytest.raises(DraftError, match="empty"):
        await check(Draft(text=text))


async def test_binary_draft_is_refused():
    with pytest.raises(DraftError, match="binary"):
        await check(Draft(text="PK\x03\x04\x00\x00binary\x00data"))


async def test_long_html_source_with_short_text_is_accepted():
    """A 100 KB template is fine: the limit on text is on what the buyer reads."""
    cell = '<td style="padding:4px">x</td>'
    html = "<table>" + "<tr>" + cell * 3300 + "</tr></table><p>Order 113-1234567-1234567 ships today.</p>"
    assert MAX_TEXT_CHARS < len(html) < MAX_DRAFT_CHARS
    report = await check(Draft(text=html))
    assert report is not None


def test_narrow_equals_translate():
    """extract.narrow skips str.translate only when the table would change nothing."""
    import random

    from checks import extract

    rnd = random.Random(7)
    pool = [chr(c) for c in [*range(0x2008, 0x2300), *range(0x3000, 0x3008), *range(0x30F8, 0x3100), *range(0xFF00, 0xFF80), *range(32, 127)]]
    for _ in range(3000):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 8)))
        for table in (extract.NARROW, extract.NARROW_DIGITS):
            assert extract.narrow(text, table) == text.translate(table)


def test_a_text_of_phone_numbers_stops_at_the_extraction_cap():
    from checks import extract

    text = "212-555-0143 " * 4000
    found = extract.phones(text, "US", [], [], None)
    assert len(found) == extract.MAX_FOUND
    assert found[0].span == (0, 12) and found[0].value == "212-555-0143"
    assert [f.span for f in found] == sorted(f.span for f in found)
