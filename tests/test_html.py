"""HTML drafts: detection, visible text and its offsets, the html.* rules, fixes."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.engine import check
from checks.html.markup import is_html, parse
from checks.models import Draft, Report
from checks.rules import all_rules
from checks.settings import CheckSettings

FIXTURES = Path(__file__).parent / "fixtures" / "html"
CONTEXT = {"buyer_language": "en", "marketplace": "amazon.com", "proactive": False}
HTML_RULES = sorted(rid for rid in all_rules() if rid.startswith("html."))


async def run(text: str, settings: CheckSettings | None = None, **context) -> Report:
    return await check(Draft(text=text, context={**CONTEXT, **context}), settings)


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def by_rule(report: Report, rule: str):
    return [f for f in report.findings if f.rule == rule]


def apply(source: str, fix) -> str:
    for edit in sorted(fix.edits, key=lambda e: e.span, reverse=True):
        source = source[: edit.span[0]] + edit.replacement + source[edit.span[1] :]
    return source


# --- the rules' own examples ---------------------------------------------------


@pytest.mark.parametrize("rule_id", HTML_RULES)
async def test_examples(rule_id):
    rule = all_rules()[rule_id]
    assert rule.implemented and rule.documentation()
    bad = await check(Draft(text=rule.violating.text, context=rule.violating.context))
    good = await check(Draft(text=rule.compliant.text, context=rule.compliant.context))
    assert rule_id in bad.rule_ids(), rule.violating.text
    assert rule_id not in good.rule_ids(), rule.compliant.text


@pytest.mark.parametrize("rule_id", HTML_RULES)
async def test_html_rules_stay_silent_on_text(rule_id):
    report = await run("Hello,\nyour parcel <3 arrives on Monday.\nBest regards", format="text")
    assert rule_id not in report.rule_ids()


# --- detection and visible text ---------------------------------------------


def test_detection():
    assert is_html("<p>Hello</p>", None)
    assert is_html("Hi<br>there", None)
    assert is_html('See <a href="https://amazon.com">here</a>', None)
    assert not is_html("I <3 this, and 2 < 3 > 1.", None)
    assert not is_html("<p>Hello</p>", "text")
    assert is_html("Hello", "html")


def test_visible_text_and_offsets():
    source = (
        "<style>p{margin:0}</style><!--[if mso]><p>Outlook only</p><![endif]-->"
        '<p>Caf&eacute; &amp; bar,&nbsp;see <a href="https://www.amazon.com/x">Your&#32;Orders</a>.</p>'
        "<p>Line one<br>Line two</p><script>var x = '<p>';</script><img src=\"https://x.example/a.png\" alt=\"A\">"
    )
    markup = parse(source)
    assert markup.text == "Café & bar, see Your Orders.\nLine one\nLine two"
    assert "amazon" not in markup.text and "x.example" not in markup.text
    for i, ch in enumerate(markup.text):
        start, end = markup.source_span((i, i + 1))
        raw = source[start:end]
        assert raw == ch or raw.startswith("&") or raw.startswith("<") or ch in " \n"
    start = markup.text.index("Café")
    assert source[slice(*markup.source_span((start, start + 4)))] == "Caf&eacute;"


def test_line_breaks_from_br_and_empty_paragraphs():
    assert parse("<p>A<br><br><br>B</p>").text == "A\n\n\nB"
    assert parse("<p>A</p><p>B</p>").text == "A\nB"
    assert parse("<p>A<br></p><p>B</p>").text == "A\nB"
    assert parse("<p>A</p><p>&nbsp;</p><p>&nbsp;</p><p>&nbsp;</p><p>B</p>").text == "A\n\n\nB"
    assert parse("<p>A</p><p></p><p>B</p>").text == "A\nB"
    assert parse("<table><tr><td>A</td><td>B</td></tr><tr><td>C</td></tr></table>").text == "A B\nC"


async def test_br_run_is_a_line_break_finding_with_source_excerpt_and_html_fix():
    source = "<p>The bracket ships today.<br><br><br><br>Sorry again!</p>"
    report = await run(source)
    [finding] = by_rule(report, "style.line-breaks")
    assert finding.excerpt == "<br><br><br><br>"
    assert apply(source, finding.fix) == "<p>The bracket ships today.<br><br>Sorry again!</p>"


async def test_two_br_are_fine():
    report = await run("<p>The bracket ships today.<br><br>Sorry again!</p>")
    assert "style.line-breaks" not in report.rule_ids()


# --- span mapping --------------------------------------------------------------


async def test_text_rule_spans_point_into_the_source():
    source = '<div><p>Thanks! &#128578; Write to <b>help@shop-example.com</b>.</p></div>'
    report = await run(source)
    [emoji] = by_rule(report, "style.emoji")
    assert emoji.excerpt == "&#128578;"
    [email] = by_rule(report, "contact.email")
    assert email.excerpt == "help@shop-example.com"


async def test_href_is_a_link_image_src_is_not():
    source = (
        '<p>Hello,</p><a href="http://www.kozynest-home.com"><img src="http://img.kozynest-home.com/logo.png" alt="Kozy Nest"></a>'
        "<p>Your refund was issued.</p>"
    )
    report = await run(source)
    [external] = by_rule(report, "link.external")
    assert external.excerpt == "http://www.kozynest-home.com"
    [insecure] = by_rule(report, "link.insecure")
    assert insecure.span == external.span
    assert by_rule(report, "html.insecure-image")[0].excerpt.startswith('<img src="http://img.')
    [logo] = by_rule(report, "html.logo-link")
    assert logo.excerpt.startswith("<a href=") and logo.excerpt.endswith("</a>")
    # Removing the link unwraps the anchor and keeps the image.
    fixed = apply(source, external.fix)
    assert "<a " not in fixed and "</a>" not in fixed and "<img" in fixed


async def test_visible_url_with_same_href_is_reported_once():
    report = await run('<p>See <a href="https://shop-example.com/care">https://shop-example.com/care</a>.</p>')
    assert len(by_rule(report, "link.external")) == 1


async def test_mailto_target_is_an_email():
    report = await run('<p>Questions? <a href="mailto:help@shop-example.com">Write to us</a>.</p>')
    [email] = by_rule(report, "contact.email")
    assert email.excerpt == "help@shop-example.com"


async def test_amazon_link_with_text_is_fine():
    report = await run('<p>Track it in <a href="https://www.amazon.com/gp/your-account/order-history">Your Orders</a>.</p>')
    assert not {"link.external", "link.insecure", "html.accessibility", "html.logo-link"} & set(report.rule_ids())


# --- the rules -----------------------------------------------------------------


async def test_font_override_in_style_attribute_style_block_and_font_tag():
    source = (
        "<style>p.note { line-height: 1.8; } td { color: inherit; }</style>"
        '<div style="font-family:Georgia,serif; padding:8px"><p class="note">Your vase ships Monday.</p>'
        '<p><font face="Verdana" color="#333333">Mira Home</font></p></div>'
    )
    report = await run(source)
    excerpts = sorted(f.excerpt for f in by_rule(report, "html.font-override"))
    assert excerpts == ['color="#333333"', 'face="Verdana"', "font-family:Georgia,serif", "line-height: 1.8"]
    family = next(f for f in by_rule(report, "html.font-override") if f.excerpt.startswith("font-family"))
    assert apply(source, family.fix).count('style="padding:8px"') == 1


async def test_single_declaration_fix_removes_the_attribute():
    source = '<p style="color:#333333;">Your vase ships Monday.</p>'
    report = await run(source)
    [finding] = by_rule(report, "html.font-override")
    assert apply(source, finding.fix) == "<p>Your vase ships Monday.</p>"


async def test_font_sizes_counts_the_cascade():
    three = '<h2>Setup</h2><p>Fill the tank.</p><p style="font-size:12px">Model TN-E20</p>'
    assert "html.font-sizes" not in (await run(three)).rule_ids()
    four = "<style>.tiny{font-size:10pt}</style>" + three + '<p class="tiny">Made in Italy</p>'
    [finding] = by_rule(await run(four), "html.font-sizes")
    assert "4 font sizes" in finding.message and finding.excerpt == "font-size:10pt"


async def test_alignment_reads_the_text_not_the_layout():
    layout = '<table align="center" width="600"><tr><td style="margin:0 auto"><p>Your parcel arrives Monday.</p></td></tr></table>'
    assert "html.alignment" not in (await run(layout)).rule_ids()
    logo_only = '<div style="text-align:center"><img src="cid:logo.png" alt="Logo" width="100"></div><p>Hello</p>'
    assert "html.alignment" not in (await run(logo_only)).rule_ids()
    for source, excerpt in [
        ('<div style="text-align:center"><p>Hello</p></div>', "text-align:center"),
        ('<td align="right">Hello</td>', 'align="right"'),
        ("<center><p>Hello</p></center>", "<center>"),
        ("<style>.c { text-align: center }</style><p class=c>Hello</p>", "text-align: center"),
    ]:
        [finding] = by_rule(await run(source), "html.alignment")
        assert finding.excerpt == excerpt
    justified = '<p style="text-align:justify">Hello there, your parcel arrives Monday.</p>'
    assert "html.alignment" not in (await run(justified)).rule_ids()


async def test_alignment_fix_for_center_tag_removes_both_tags():
    source = "<center><p>Hello</p></center>"
    [finding] = by_rule(await run(source), "html.alignment")
    assert apply(source, finding.fix) == "<p>Hello</p>"


async def test_right_alignment_is_the_default_for_arabic():
    source = '<p style="text-align:right">شكرا لطلبك</p>'
    assert "html.alignment" not in (await run(source, buyer_language="ar", marketplace="amazon.ae")).rule_ids()


async def test_margin_against_declared_and_configured_width():
    source = '<div style="max-width:800px;"><div style="padding:0 150px;"><p>Hello</p></div></div>'
    assert "html.margin" not in (await run(source)).rule_ids()  # 150 of 800 px is 19%
    narrow = '<div style="padding:0 150px;"><p>Hello</p></div>'
    assert "html.margin" in (await run(narrow)).rule_ids()  # 25% of the default 600 px
    wide = CheckSettings(html_max_width=1000)
    assert "html.margin" not in (await run(narrow, settings=wide)).rule_ids()
    percent = '<div style="max-width:600px"><div style="margin-left:25%"><p>Hello</p></div></div>'
    [finding] = by_rule(await run(percent), "html.margin")
    assert finding.excerpt == "margin-left:25%"


async def test_image_width_from_css_percent_and_attribute():
    for img in ('<img src="cid:a.png" alt="A" style="width:100%">', '<img src="cid:a.png" alt="A" width="500">'):
        report = await run(f'<div style="max-width:600px"><p>Diagram:</p>{img}</div>')
        assert "html.image-width" in report.rule_ids(), img
    small = '<div style="max-width:600px"><p>Diagram:</p><img src="cid:a.png" alt="A" width="480"></div>'
    assert "html.image-width" not in (await run(small)).rule_ids()
    in_cell = '<table width="600"><tr><td width="300"><p>x</p><img src="cid:a.png" alt="A" width="100%"></td></tr></table>'
    assert "html.image-width" not in (await run(in_cell)).rule_ids()


async def test_gif_forms():
    for image in (
        '<img src="cid:merci.gif" alt="Merci">',
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="x">',
        '<img src="https://example.com/banner.GIF?v=2" alt="x">',
        '<picture><source srcset="https://example.com/a.webp" type="image/gif"><img src="https://example.com/a.png" alt="x"></picture>',
        '<td background="https://example.com/bg.gif">x</td>',
    ):
        assert "html.gif" in (await run(f"<p>Hello</p>{image}")).rule_ids(), image
    assert "html.gif" not in (await run('<p>Gift wrap</p><img src="https://example.com/gift.png" alt="Gift">')).rule_ids()


async def test_tracking_pixel_forms():
    for image in (
        '<img src="https://example.com/x.png" width="1" height="1" alt="">',
        '<img src="https://example.com/x.png" style="display:none" alt="">',
        '<div style="display:none"><img src="https://example.com/x.png" alt=""></div>',
        '<img src="https://example.com/logo.png?utm_source=amazon" alt="Logo" width="100">',
        '<img src="https://mail.example.com/open?id=1" alt="" width="100">',
        '<img src="https://example.com/p.png?o=112-3456789-0123456" alt="" width="100">',
    ):
        assert "html.tracking-pixel" in (await run(f"<p>Hello</p>{image}")).rule_ids(), image
    for image in (
        '<img src="https://example.com/spacer.png" width="1" height="20" alt="">',
        '<img src="https://example.com/open-box.png?w=600" alt="Open box" width="200">',
    ):
        assert "html.tracking-pixel" not in (await run(f"<p>Hello</p>{image}")).rule_ids(), image


async def test_insecure_image_is_flagged_never_upgraded():
    source = '<p>Diagram:</p><img src="http://example.com/d.png" alt="Diagram">'
    [finding] = by_rule(await run(source), "html.insecure-image")
    assert all("https" not in edit.replacement for edit in finding.fix.edits)
    assert "link.insecure" not in (await run(source)).rule_ids()


async def test_accessibility_alt_link_text_and_contrast():
    report = await run('<p>Hello</p><a href="https://www.amazon.com/x"><img src="cid:a.png"></a>')
    problems = sorted(f.message for f in by_rule(report, "html.accessibility"))
    assert problems == ["Accessibility problem: a link without text.", "Accessibility problem: an image without alt text."]
    decorative = await run('<p>Hello</p><img src="cid:line.png" alt="" width="100">')
    assert "html.accessibility" not in decorative.rule_ids()
    dark = await run('<table><tr><td bgcolor="#333333">Your parcel arrives Monday.</td></tr></table>')
    assert "html.accessibility" in dark.rule_ids()  # default black text on dark grey
    ok = await run('<table><tr><td style="background-color:#003366;color:#ffffff">Hello</td></tr></table>')
    assert "html.accessibility" not in ok.rule_ids()
    assert "html.font-override" in ok.rule_ids()
    large = await run('<h1 style="color:#888888">Setup</h1><p>Hello</p>')  # 3.5:1, large bold text
    assert "html.accessibility" not in large.rule_ids()


# --- real-world templates and broken markup ---------------------------------------


async def test_compliant_template_has_no_findings():
    report = await run(fixture("compliant_template.html"), order_id="114-2290381-7745016")
    assert report.findings == [], [(f.rule, f.excerpt) for f in report.findings]
    # The Outlook-only <style> sits in a conditional comment: said, not checked.
    assert len(report.notes) == 1 and "line 6" in report.notes[0] and "conditional" in report.notes[0]


async def test_marketing_template():
    source = fixture("marketing_template.html")
    report = await run(source, order_id="114-9920817-3356042")
    ids = set(report.rule_ids())
    assert {
        "html.font-override", "html.font-sizes", "html.accessibility", "html.logo-link", "html.gif",
        "html.image-width", "html.insecure-image", "html.tracking-pixel", "link.external", "link.insecure",
    } <= ids
    assert "html.alignment" not in ids  # only the logo is centred
    assert any("CSS parse error" in note for note in report.notes)
    for finding in report.findings:
        if finding.span:
            assert source[finding.span[0] : finding.span[1]] == finding.excerpt
    # 640 px is the declared width: 600 px is 94% of it.
    [width] = by_rule(report, "html.image-width")
    assert "640px" in width.message


async def test_malformed_markup_is_checked_with_a_note():
    source = fixture("malformed.html")
    report = await run(source)
    assert any("malformed" in note for note in report.notes)
    ids = set(report.rule_ids())
    assert {"html.alignment", "html.font-override"} <= ids
    assert "html.insecure-image" not in ids  # it sits in a comment that never ends


@pytest.mark.parametrize(
    "source",
    [
        "<p>unclosed <b>bold <i>italic",
        "</div></p></table>text",
        "<div style='color:'>x</div><img src=>",
        '<img src="a.gif" width="x" height="-1" style="width:calc(100% - 10px)">',
        "<style>@media {{{ p { color: red</style><p>x</p>",
        "<p style=\"font: italic bold 12px/30px Georgia, serif\">x</p><p>&#99999999; &#x110000; &bogus;</p>",
        "<!--[if mso]><table><tr><td><![endif]--><p>x</p><!--[if mso]></td></tr></table><![endif]--><!-- open",
        "<a href='http://[::1'>x</a><a href=javascript:void(0)>y</a><a href>z</a>",
        "<" * 50 + "p>" + "<div>" * 400 + "deep",
        "<p>a</p>\r\n<p>b<br/><br/><br/>c</p>\r\n",
    ],
)
async def test_broken_markup_never_crashes(source):
    report = await run(source, format="html")
    assert not [f for f in report.findings if f.rule == "engine.internal-error"]
    for finding in report.findings:
        if finding.span:
            assert 0 <= finding.span[0] <= finding.span[1] <= len(source)


# --- one html.parser pass for the visible text and the tree -----------------------------

SHARED_CASES = [
    fixture("marketing_template.html"),
    fixture("malformed.html"),
    fixture("compliant_template.html"),
    "<p>a&amp;b &#65;&#x42 &nbsp;<br/><br></br>x</p><!-- c --><![CDATA[d]]><?pi?><a href='mailto:a@b.c'>m</a>",
    "<table><tr><td>a<td>b</tr></table><pre>\n x\n</pre><div>stray</span></div><p>&notanentity; <b>open",
    # Void elements closed again, more often than they were opened (bs4's list of them, a multiset here).
    "<p>x<br><img src=a.png><br></br><img src=b.png></img></img></br><hr></hr>y</p><br/></br>",
]


@pytest.mark.parametrize("source", SHARED_CASES)
def test_shared_pass_equals_two_passes(source, monkeypatch):
    import checks.html.markup as markup

    def snapshot(m):
        tree = [(t.name, t.sourceline, t.sourcepos, t.attrs) for t in m.soup.find_all(True)]
        # Whitespace between tags is not kept in the tree; where html.parser
        # splits it from other text, the fallback may keep it at a string's edge.
        strings = [s.strip() for s in m.soup.find_all(string=True) if s.strip()]
        return (m.text, m.positions.lists(), m.notes, [vars(h) for h in m.hrefs], m.start_tags, m.end_tags, tree, strings)

    calls = []
    shared = markup._shared_pass
    monkeypatch.setattr(markup, "_shared_pass", lambda *a: calls.append(shared(*a)) or calls[-1])
    one = snapshot(parse(source))
    assert calls and calls[-1] is not None  # the single pass ran, not the fallback
    monkeypatch.setattr(markup, "_shared_pass", lambda *a: None)  # force the two separate passes
    assert snapshot(parse(source)) == one


@pytest.mark.parametrize("shared", [True, False])
def test_tree_keeps_no_indentation_but_keeps_pre(shared, monkeypatch):
    import checks.html.markup as markup

    if not shared:
        monkeypatch.setattr(markup, "_shared_pass", lambda *a: None)
    m = parse("<div>\n  <p>a b</p>\n  <p>\xa0</p>\n</div><pre>  \n</pre>")
    strings = [str(s) for s in m.soup.find_all(string=True)]
    assert strings == ["a b", "\xa0", "  \n"]  # a non-breaking space is text; <pre> keeps its blanks


# --- memory: the tree is freed by reference counting, the collector is restored ----


async def test_check_leaves_no_cycles_for_the_collector():
    import gc

    source = fixture("marketing_template.html")
    await run(source, format="html")  # caches and models loaded
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        report = await run(source, format="html")
        assert report.findings  # the check really ran over the tree
        assert gc.collect() < 50  # an undone tree would leave thousands of objects
    finally:
        if was:
            gc.enable()


@pytest.mark.parametrize("enabled", [True, False])
async def test_check_restores_the_collector(enabled):
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        await run(fixture("compliant_template.html"), format="html")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


# --- the map from visible text into the source ----------------------------------


def test_source_map_runs():
    from checks.html.markup import SourceMap

    positions = SourceMap()
    positions.add_copy(10, 3)  # text 0..2 <- source 10..12
    positions.add_copy(13, 2)  # continues the run
    positions.add(20, 26)  # "&amp;" -> one character
    positions.add(30, 31)  # a single copied character starts a new run
    positions.add(31, 32)
    assert len(positions) == 8
    assert [positions.span(i) for i in range(8)] == [
        (10, 11), (11, 12), (12, 13), (13, 14), (14, 15), (20, 26), (30, 31), (31, 32),
    ]
    positions.pop()
    positions.pop()
    assert len(positions) == 6 and positions.span(5) == (20, 26)
    positions.pop()
    assert positions.lists() == ([10, 11, 12, 13, 14], [11, 12, 13, 14, 15])


@pytest.mark.parametrize("name", ["marketing_template.html", "malformed.html", "compliant_template.html"])
def test_every_visible_character_points_at_its_source(name):
    import html as html_lib

    source = fixture(name)
    m = parse(source)
    assert len(m.positions) > len(m.text)  # the text, the end sentinel, the href targets
    for i, ch in enumerate(m.text):
        start, end = m.positions.span(i)
        piece = source[start:end]
        if ch.isspace():
            continue  # a blank run, <br> or a block boundary
        assert html_lib.unescape(piece) == ch or piece == ch, (i, ch, piece)
