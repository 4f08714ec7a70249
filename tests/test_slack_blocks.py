"""adapters/slack/text.py and blocks.py: Slack formatting undone, replies within Slack's limits."""

from __future__ import annotations

import datetime as dt

import pytest

from adapters.slack import blocks
from adapters.slack.text import escape, unslack
from bot import policy
from bot.review import DraftView
from bot.review_settings import ReviewSettings
from checks import Finding, Report, Severity


@pytest.mark.parametrize(
    ("slack", "plain"),
    [
        ("Fish &amp; chips &lt;3 &gt;", "Fish & chips <3 >"),
        ("<https://example.com/faq|our FAQ>", "our FAQ (https://example.com/faq)"),
        ("<https://example.com|example.com>", "https://example.com"),
        ("<https://example.com>", "https://example.com"),
        ("<mailto:a@b.example|a@b.example>", "a@b.example"),
        ("hi <@U123>", "hi @Ann"),
        ("hi <@U999>", "hi @user"),
        ("<#C123|returns> and <#C9>", "#returns and #channel"),
        ("<!here> <!subteam^S1|@support>", "@here @support"),
        ("&amp;lt;", "&lt;"),
    ],
)
def test_unslack(slack: str, plain: str) -> None:
    assert unslack(slack, {"U123": "Ann"}) == plain


def test_escape_is_undone_by_unslack() -> None:
    text = "a < b & c > d <https://x>"
    assert unslack(escape(text)) == text


def _draft(findings: list[Finding], rewrite: str | None = None, state: str = "pending") -> DraftView:
    report = Report(findings=findings, language="en", rewrite=rewrite)
    return DraftView(
        id=7, platform="slack", channel="C1", thread="1.0", author="UA", state=state, revision=1,
        content_hash="h" * 64, submitted_by="UA", text="Hello there", context=None, report=report,
        rule_ids=report.rule_ids(), has_errors=report.has_errors, review_request=False, approvals=[],
        required_approvals=1, decisions=[],
    )


def _reply(draft: DraftView) -> blocks.Reply:
    """The report with the buttons the workflow offers in the draft's state."""
    return blocks.report_reply(draft, actions=policy.available_actions(draft, ReviewSettings()))


def _finding(n: int, excerpt: str = "x") -> Finding:
    return Finding(rule=f"style.r{n}", severity=Severity.WARNING, message=f"message {n}",
                   excerpt=excerpt, guideline="guide")


def _all_text(reply: blocks.Reply) -> str:
    return "".join(b["text"]["text"] for m in reply.messages for b in m["blocks"] if b["type"] == "section")


def _within_limits(reply: blocks.Reply) -> None:
    for msg in reply.messages:
        assert len(msg["blocks"]) <= blocks.MAX_BLOCKS
        assert len(msg["text"]) <= 40_000
        for block in msg["blocks"]:
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= blocks.SECTION_CHARS


def test_one_huge_finding_is_split_across_blocks_without_losing_text() -> None:
    excerpt = "\n".join(f"line {i} " + "w" * 60 for i in range(200))
    reply = _reply(_draft([_finding(1, excerpt)]))
    _within_limits(reply)
    assert reply.file_text is None
    text = _all_text(reply)
    assert all(f"line {i} " in text for i in range(200))


def test_many_findings_spread_over_messages_buttons_on_the_first() -> None:
    reply = _reply(_draft([_finding(n, "e" * 400) for n in range(60)], rewrite="Hi there"))
    _within_limits(reply)
    assert 1 < len(reply.messages) <= blocks.MAX_MESSAGES
    assert reply.messages[0]["blocks"][-1]["type"] == "actions"
    assert all(b["type"] != "actions" for m in reply.messages[1:] for b in m["blocks"])
    text = _all_text(reply)
    assert all(f"style.r{n}*" in text for n in range(60))
    assert "```Hi there```" in text and "part 2 of" in reply.messages[1]["text"]


def test_a_report_past_the_message_cap_goes_to_a_file() -> None:
    reply = _reply(_draft([_finding(n, "e" * 2000) for n in range(40)]))
    assert len(reply.messages) == 1 and reply.file_text is not None
    assert all(f"style.r{n}" in reply.file_text for n in range(40))
    assert reply.file_name == "checkmsg-draft-7-v1.txt"


def test_final_drafts_have_no_buttons() -> None:
    reply = _reply(_draft([], state="sent"))
    assert all(b["type"] != "actions" for b in reply.messages[0]["blocks"])


def test_override_button_only_with_errors() -> None:
    error = Finding(rule="contact.email", severity=Severity.ERROR, message="m", guideline="g")
    ids = lambda reply: [e["action_id"] for b in reply.messages[0]["blocks"] if b["type"] == "actions"  # noqa: E731
                         for e in b["elements"]]
    assert blocks.OVERRIDE in ids(_reply(_draft([error])))
    assert blocks.OVERRIDE not in ids(_reply(_draft([])))


def test_dialog_values_read_text_dates_and_options() -> None:
    view = {"state": {"values": {
        "draft": {"value": {"type": "plain_text_input", "value": " Hi "}},
        "order_date": {"value": {"type": "datepicker", "selected_date": "2025-01-02"}},
        "kind": {"value": {"type": "radio_buttons", "selected_option": {"value": "reply"}}},
        "order_id": {"value": {"type": "plain_text_input", "value": None}},
    }}}
    assert blocks.modal_values(view) == {"draft": "Hi", "order_date": "2025-01-02", "kind": "reply"}
    assert dt.date.fromisoformat(blocks.modal_values(view)["order_date"]).year == 2025
