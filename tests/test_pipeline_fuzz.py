"""Property test of the whole pipeline on hostile text: check, rewrite, the
terminal, Slack and Discord renderings, and batch's JSON line.

Random Unicode from every plane, lone surrogates, C0/C1 controls, bidi and
zero-width characters, stacks of combining marks, runs of @ and digits, HTML
fragments, real sentences, and now and then a draft blown up past the size
limits. For every draft: no exception escapes, no rule fails inside
(``engine.internal-error``), every output is valid (UTF-8, JSON that parses,
within the platforms' limits), and each draft is done within the deadline.
``bench/fuzz_batch.py`` runs the same kinds of drafts 5,000 at a time
through the real command.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from adapters.discord_bot import render as discord_render
from adapters.slack import blocks as slack_blocks
from bot.batch import check_lines
from bot.render import render_text
from bot.review import DraftView
from checks import CheckSettings, Context, Draft, DraftError, check
from checks.errors import MAX_DRAFT_CHARS
from checks.registry import INTERNAL_ERROR

SENTENCES = [
    "Your order 113-4829105-7730142 will ship two days late.",
    "Please leave us a 5-star review if you are happy!",
    "Email us at service@lumiwood-lighting.com or call +1 212-555-0143.",
    "Visit www.lumiwood.example/deals for 20% off.",
    "Wir entschuldigen uns für die Verspätung.",
    "ご注文の商品は明日発送されます。",
    "我们会尽快为您发货。（备注：客户很生气）",
]
HTML = ["<p>", "</p>", "<a href='http://x.example/t?id=1'>", "</a>", "<img src=x width=1 height=1>", "<!--", "-->",
        "<style>p{font-size:7px}</style>", "<div style=\"font-family:", "&amp;", "&#xD800;", "<table><tr><td>", "<<>>", "<br>"]
SPECIALS = [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))] + [
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u2028", "\u2029", "\x85",
]

pieces = st.one_of(
    st.text(max_size=60),  # any code point but surrogates
    st.characters(categories=["Cs"]),  # a lone surrogate
    st.sampled_from(SPECIALS),
    st.text(st.characters(categories=["Mn", "Me"]), min_size=1, max_size=40),  # combining marks
    st.builds(lambda ch, n: ch * n, st.sampled_from("@0123456789-+. ()"), st.integers(1, 300)),
    st.sampled_from(HTML),
    st.sampled_from(SENTENCES),
)


@st.composite
def drafts(draw) -> Draft:
    text = "".join(draw(st.lists(pieces, min_size=1, max_size=30)))
    if draw(st.integers(0, 19)) == 0:  # now and then far past the limits (up to 260,000 characters)
        text = (text * (260_000 // max(1, len(text)) + 1))[: draw(st.integers(20_000, 260_000))]
    context = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "format": st.just("html"),
                "marketplace": st.sampled_from(["amazon.com", "amazon.de", "amazon.co.jp"]),
                "buyer_language": st.sampled_from(["en", "de", "ja", "zh"]),
                "proactive": st.booleans(),
                "order_id": st.just("113-4829105-7730142"),
            },
        )
    )
    return Draft(text=text, context=Context.model_validate(context))


def _view(draft: Draft, report) -> DraftView:
    return DraftView(
        id=1, platform="test", channel="C1", thread="1.0", author="U1", state="pending", revision=1,
        content_hash="0" * 64, submitted_by="U1", text=draft.text, context=draft.context, report=report,
        rule_ids=report.rule_ids(), has_errors=report.has_errors, review_request=False, approvals=[], required_approvals=1,
    )


async def _through_the_pipeline(draft: Draft) -> None:
    line = json.dumps({"id": "d", "text": draft.text, "context": draft.context.model_dump(mode="json", exclude_unset=True)})
    out = io.StringIO()
    tally = await check_lines([line.encode("ascii")], CheckSettings(), out)
    written = out.getvalue()
    assert written.endswith("\n") and written.count("\n") == 1 and len(written.splitlines()) == 1
    written.encode("utf-8")
    answer = json.loads(written)
    assert answer["id"] == "d" and tally.failed == 0, answer
    if "error" in answer:
        assert answer["error"] and "Traceback" not in answer["error"]
    # What batch checked: JSON reads an escaped surrogate pair back as the one character it encodes.
    draft = draft.model_copy(update={"text": json.loads(line)["text"]})
    try:
        report = await check(draft)
    except DraftError as exc:  # refused with a sentence, as batch said
        assert "error" in answer and str(exc)
        return
    assert "findings" in answer, answer
    assert not [f.message for f in report.findings if f.rule == INTERNAL_ERROR]
    if report.rewrite is not None:
        assert len(report.rewrite) <= MAX_DRAFT_CHARS + 10_000
        report.rewrite.encode("utf-8")
    for lang in ("en", "zh"):
        render_text(report, draft.text, "fuzz", lang).encode("utf-8")
    view = _view(draft, report)
    for locale in (None, "zh-CN"):
        slack = slack_blocks.report_reply(view, locale)
        for message in slack.messages:
            json.dumps(message).encode("utf-8")
            assert len(message["blocks"]) <= slack_blocks.MAX_BLOCKS
        discord = discord_render.report_reply(view, locale)
        assert len(discord.embed.description or "") <= discord_render.EMBED_DESCRIPTION
        assert len(discord.content) <= discord_render.MESSAGE_CHARS


@settings(
    max_examples=120,
    deadline=dt.timedelta(seconds=10),  # one draft: batch's line, a check and its re-check, six renderings, on a loaded 2-core machine
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(drafts())
@example(Draft(text="\ud8b7\udea5\U000116b5\u0326\u0bc0"))  # an escaped surrogate pair: batch reads one character
def test_hostile_drafts_go_through_the_whole_pipeline(draft):
    """Any text: batch answers its line in valid UTF-8 JSON, and a checked draft renders for terminal, Slack and Discord."""
    asyncio.run(_through_the_pipeline(draft))
