"""The cheap tests that let a check skip a scan are exact: they never skip a
scan that could have found something."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checks import extract


def test_no_emoji_lies_below_the_floor():
    below = [hex(c) for c in range(0x203C) if extract._EMOJI.match(chr(c))]
    assert below == []
    assert extract._PAST_EMOJI_FLOOR.search("‼") and not extract._PAST_EMOJI_FLOOR.search("© ® — é")
    assert [f.value for f in extract.emoji("fine — 👍 ©")] == ["👍"]


def test_every_bare_domain_holds_the_dotted_literal():
    samples = ["shop.example.com", "Example.COM/path", "a1.de", "x-y.co.uk", "sub.ſhop.com"]
    for sample in samples:
        for m in extract._BARE.finditer(sample):
            assert extract._DOTTED.search(extract.prefilter.fold(m.group())), m.group()


def test_links_are_found_with_the_gates_in_place():
    text = "See https://x.example/a, WWW.Example.org and shop.example.com or a.b"
    values = [link.value for link in extract.links(text)]
    assert values == ["https://x.example/a", "WWW.Example.org", "shop.example.com"]
    assert extract.links("No address here. Mr. Smith, 3.5 cm.") == []


def test_doubled_word_pattern_keeps_its_boundaries():
    from checks.rules.style import _DOUBLED

    found = [m.group() for m in _DOUBLED.finditer("the the end; re-do do; it's s; Das das; x-the the")]
    assert found == ["the the", "Das das"]
    assert regex.search(_DOUBLED, "that that") is not None


_TRICKY = ["word", "we're", "e-mail", "x.y", "a/b", "@h", "-x", "é", "e\u0301", "ß", "ÖL", "日本", "1st", "it's.", "'q'", "\\z", "(a)", ".", "x.", "_"]
_BLANKS = [" ", "\n", "\t", "\xa0", "\u3000", "\u2028", "\x1c", "  \n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TRICKY) | st.text(max_size=6), st.sampled_from(_BLANKS) | st.just("")), max_size=12))
def test_distinct_words_token_by_token_equals_one_scan(parts):
    from checks import spelling

    text = "".join(token + blank for token, blank in parts)
    assert spelling.distinct_words(text) == set(spelling.WORD.findall(text))


_DOT_FORMS = ["dot", "DOT", "punkt", "Point", "punto", "ドット", "点", "[.]", "(.)", "{ . }", "< dot >", " . ", "\n.", "\t.", "\xa0.", ". com", ". It", ".", "x.y"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DOT_FORMS) | st.text(max_size=5), max_size=10))
def test_spelled_domains_are_looked_for_wherever_a_dot_form_is(parts):
    """The substring test before the dot-form pattern skips no text the pattern would find something in."""
    text = " ".join(parts)
    windows = list(extract._hint_windows(text))
    assert bool(windows) == bool(extract._SPELLED_HINT.search(text))


# Pieces of ratings, amounts and percentages in every supported language, in any case and width.
_TYPED_PIECES = [
    "5", "4.0", "10", "8", "five", "FÜNF", "cinq", "cinque", "五", "一", " ", "-", "/", " / ", "out of", "von", "sur", "de",
    "su", "di", "star", "Stars", "STAR RATING", "star-ratings", "Sterne", "sternen", "étoiles", "ÉTOILE", "estrellas",
    "stelle", "つ星", "星", "★", "⭐", "☆", "fifth", "5th", "last", "the", "full marks", "Top Marks", "perfect score",
    "Höchstnote", "volle Punktzahl", "note maximale", "puntuación máxima", "nota máxima", "massimo dei voti",
    "punteggio pieno", "満点", "满分", "$", "€", "£", "¥", "￥", "₹", "US$", "usd", "EUR", "dollars", "Bucks", "euro",
    "円", "元", "块", "ドル", "%", "％", "割", "per cent", "Prozent", "pour cent", "por ciento", "パーセント", "ten",
    "zwanzig", "ſtars", "ＳＴＡＲＳ", "５", "starting", "x", "\n",
]


@settings(max_examples=600, deadline=None)
@example(["5 por c", "İ", "ento"])  # found by this test: "İ" matches "i" under IGNORECASE
@given(st.lists(st.sampled_from(_TYPED_PIECES) | st.text(max_size=3), min_size=1, max_size=8))
def test_typed_token_hints_hold_wherever_a_typed_scan_matches(parts):
    from checks import tokens

    text = "".join(parts)
    narrow = text.translate(tokens.FULL_WIDTH)
    folded = tokens.fold(narrow)
    for pattern, hint in ((tokens._RATING, tokens._RATING_HINT), (tokens._AMOUNT, tokens._CURRENCY_NAMED), (tokens._PERCENT, tokens._PERCENT_HINT)):
        if pattern.search(narrow):
            assert hint.search(folded), (pattern.pattern[:30], text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["www.", "http://", "https://", "@", "a.b", "x@y.com", " ", "\n", "-", "+", ".", "é"])
                | st.text(alphabet=st.characters(max_codepoint=0x2FFF, exclude_categories=("Cs",)), max_size=8), max_size=8).map("".join))
def test_text_cleaned_for_detection_loses_exactly_digits_and_symbols(text):
    from checks import language

    reference = text[: language.DETECT_CHARS * 2]
    if "@" in reference or "://" in reference or "www" in reference:
        reference = language._ADDRESSES.sub(" ", reference)  # (whitespace as str.isspace reads it)
    reference = regex.sub("[0-9]", " ", reference)
    if not reference.isascii():
        reference = regex.sub(r"[\p{So}\p{Sk}]", " ", reference)
    assert language.clean_for_detection(text) == " ".join(reference.split())


_CODE_PIECES = ["WA", "wa", "FB", "IG", "VX", "Vx", "vx", "WX", "LINE", "Line", " ", ", ", "1", "12345", "-", "_", "x", "Wa", "\n", ":"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CODE_PIECES) | st.text(max_size=2), max_size=10))
def test_app_codes_found_at_their_starts_equal_a_full_scan(parts):
    from checks.rules import contact

    text = "".join(parts)
    assert contact.platform_codes(text) == [m.span() for m in contact.channel("platform_code").finditer(text)]


def test_the_full_width_test_matches_exactly_the_characters_narrowed():
    from checks import tokens

    matched = {chr(c) for c in range(0x30000) if tokens._FULL_WIDTH_CHAR.match(chr(c))}
    assert matched == {chr(c) for c in tokens.FULL_WIDTH}


# Pieces of every gated channel concept's patterns: names, their neighbours, and what ends a word.
_CHANNEL_PIECES = [
    "WhatsApp", "whats app", "WeChat", "instagram", "Insta", "insta:", "insta @", "on insta", "on  Signal", "Signal", " app",
    ": ", "line id", "LINE app", "X", " / twitter", "(formerly", "t.me/", "wa.me/", "qm.qq.com/", "qr code", "QRコード",
    "微信", "V信", "加v", "+v", " ", "\n", "_", "a", "1", "kakao talk", "qq", "ライン", "PayPal", "pay pal", "Wise", "via ",
    "western  union", "bitcoin", "crypto currencies", "银行转账", "google", "search", "Suchmaschine", "buy", "order it",
    "there", "directly", "we also sell", "on", "dort", "kaufen", "eBay", "wish.com", "淘宝", "İ", "ſ", "K",
]


@settings(max_examples=500, deadline=None)
@example(["X", " / twitter", " on  Signal", ": ", "instagram", "qq"])
@given(st.lists(st.sampled_from(_CHANNEL_PIECES) | st.text(max_size=3), max_size=12))
def test_channel_matches_tried_at_their_possible_starts_equal_a_full_scan(parts):
    """Trying a gated concept only where its literals allow a match to start finds what a scan finds."""
    from checks.rules import contact

    text = "".join(parts)
    for concept in contact._GATED:
        pattern = contact.channel(concept)
        full = [m.span() for m in pattern.finditer(text)]
        if contact._may_match(text, concept):
            assert contact.concept_spans(text, concept) == full, (concept, text)
        else:
            assert full == [], (concept, text)
        assert contact._mentioned(text, concept) == bool(full), (concept, text)


def test_channel_starts_are_bounded_only_for_patterns_of_bounded_width():
    from checks import prefilter

    widths = prefilter.max_widths("channels", "platform")
    assert widths is not None and None in widths  # "X / twitter" may hold any run of spaces
    text = "Follow us on Instagram. " * 3
    starts = prefilter.match_starts("channels", "platform", {"instagram": [13, 37, 61]})
    assert starts is not None and len(starts) <= 3 * max(w for w in widths if w) and all(s <= 61 for s in starts)
    assert prefilter.finditer_at(__import__("checks.rules.contact", fromlist=["x"]).channel("platform"), text, starts) == [(13, 22), (37, 46), (61, 70)]
    assert prefilter.match_starts("channels", "platform", {"twitter": [5]}) is None  # the unbounded pattern's literal: scan
