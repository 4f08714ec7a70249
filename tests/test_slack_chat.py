"""bot/chat.py, the platform-neutral chat layer the Slack (and Discord) adapters share."""

from __future__ import annotations

import asyncio

from hypothesis import given
from hypothesis import strategies as st

from bot.chat import (
    ChatService,
    EventLedger,
    compact_diff,
    message,
    pack,
    render_report_parts,
    report_as_text,
    split_text,
)
from checks import Finding, Report, Severity

try:
    from .conftest_workflow import make_workflow
except ImportError:
    from conftest_workflow import make_workflow


@given(st.text(alphabet=st.sampled_from("ab \n€"), max_size=300), st.integers(min_value=1, max_value=40))
def test_split_text_keeps_every_character_and_respects_the_limit(text: str, limit: int) -> None:
    parts = split_text(text, limit)
    assert "".join(parts) == text
    assert all(len(p) <= limit for p in parts)


def test_split_text_cuts_on_line_boundaries_when_lines_fit() -> None:
    text = "one\ntwo\nthree\nfour\n"
    assert split_text(text, 9) == ["one\ntwo\n", "three\n", "four\n"]


def test_pack_respects_count_and_size() -> None:
    assert pack(["aa", "bb", "cc"], per_message=2, message_chars=100) == [["aa", "bb"], ["cc"]]
    assert pack(["aaa", "bbb"], per_message=50, message_chars=5) == [["aaa"], ["bbb"]]


def test_message_falls_back_to_english_for_unknown_locales(monkeypatch) -> None:
    import bot.chat

    monkeypatch.delitem(bot.chat.MESSAGES, "zh")  # a locale without a table (zh has one now)
    assert message("result.unchanged", "zh-CN") == message("result.unchanged", "en")
    assert message("draft.title", "en-US", id=3, revision=2) == "Draft #3, version 2"


def _report() -> Report:
    return Report(
        findings=[
            Finding(
                rule="contact.email",
                severity=Severity.ERROR,
                message="Do not share e-mail addresses.",
                span=(10, 21),
                excerpt="a@b.example",
                guideline="No contact details.",
            )
        ],
        language="en",
        missing_context={"order.timing": ["delivery_date"]},
        rewrite="Write to me here on Amazon.",
    )


def test_report_parts_have_verdict_findings_rewrite_and_diff() -> None:
    parts = render_report_parts(_report(), "Write to a@b.example.")
    kinds = [p.kind for p in parts]
    assert kinds == ["verdict", "finding", "missing", "rewrite", "diff"]
    assert parts[0].body.startswith("Not ready to send: 1 error")
    assert parts[1].rule == "contact.email" and "a@b.example" in parts[1].body
    assert "Why: Do not share" in parts[1].body and "Guideline: No contact" in parts[1].body
    assert parts[3].body == "Write to me here on Amazon."
    assert parts[4].body == "-Write to a@b.example.\n+Write to me here on Amazon."
    assert "contact.email" in report_as_text(parts)


def test_compact_diff_is_none_for_equal_text() -> None:
    assert compact_diff("same", "same") is None


async def test_service_submit_decide_and_status(store, fake_checker) -> None:
    """Submit, refuse approval without override reason, override, mark sent; status says who."""
    service = ChatService(make_workflow(store, fake_checker))
    result = await service.submit_draft("slack", "C1", "1.0", "alice", "Mail me at a@b.example")
    assert result.ok and result.draft.has_errors
    again = await service.submit_draft("slack", "C1", "1.0", "alice", "Mail me at a@b.example")
    assert again.ok and not again.recorded and again.notice
    draft = result.draft
    refused = await service.decide("slack", draft.id, "bob", "approve", draft.content_hash)
    assert not refused.ok and refused.needs_reason
    elsewhere = await service.decide("discord", draft.id, "bob", "approve", draft.content_hash)
    assert not elsewhere.ok and "no draft" in elsewhere.error
    done = await service.decide("slack", draft.id, "bob", "override", draft.content_hash, reason="buyer asked")
    assert done.ok and done.draft.state == "approved"
    status = render_report_parts(done.draft)[-1]
    assert status.kind == "status" and "Approved by bob" in status.body
    sent = await service.decide("slack", draft.id, "alice", "sent", draft.content_hash)
    assert sent.ok and sent.draft.state == "sent"


async def test_service_reports_empty_draft_as_an_error(store, fake_checker) -> None:
    service = ChatService(make_workflow(store, fake_checker))
    result = await service.submit_draft("slack", "C1", "1.0", "alice", "   ")
    assert not result.ok and result.error.startswith("Cannot check this draft")


async def test_ledger_claims_an_event_once_across_replicas(database) -> None:
    """Two stores on one database (two replicas): one claim wins, however they race."""
    first, second = EventLedger(await database.open()), EventLedger(await database.open())
    results = await asyncio.gather(*(ledger.claim("slack", "Ev1") for ledger in (first, second) * 3))
    assert sorted(results) == [False] * 5 + [True]
    assert await first.claim("discord", "Ev1") is True


async def test_ledger_remembers_reply_ids(store) -> None:
    ledger = EventLedger(store)
    assert await ledger.replies("slack", "C1", "1.0") == []
    await ledger.set_replies("slack", "C1", "1.0", ["2.0", "3.0"])
    await ledger.set_replies("slack", "C1", "1.0", ["2.0"])
    assert await ledger.replies("slack", "C1", "1.0") == ["2.0"]
