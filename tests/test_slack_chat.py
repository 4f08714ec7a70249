"""bot/chat.py, the platform-neutral chat layer the Slack (and Discord) adapters share."""

from __future__ import annotations

import asyncio

from hypothesis import given
from hypothesis import strategies as st

from bot.chat import (
    ChatRequest,
    ChatService,
    EventLedger,
    Person,
    Place,
    Pressed,
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


def test_message_falls_back_to_english_for_unknown_locales_and_keys(monkeypatch) -> None:
    from checks import i18n

    assert message("result.unchanged", "de-DE") == message("result.unchanged", "en")  # a locale without a catalogue
    monkeypatch.delitem(i18n.catalogue("zh"), "chat.result.unchanged")  # a key the catalogue lacks
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
    assert parts[1].title == "Email address" and "Email address" in report_as_text(parts)


def test_compact_diff_is_none_for_equal_text() -> None:
    assert compact_diff("same", "same") is None


def ask(who: str, text: str = "", platform: str = "slack", thread: str = "1.0", **context) -> ChatRequest:  # noqa: ANN003
    return ChatRequest(Person(who), Place(platform, "C1", thread), text, context or None, "en")


async def test_service_submit_decide_and_status(store, fake_checker) -> None:
    """Submit, refuse approval without override reason, override, mark sent; status says who."""
    service = ChatService(make_workflow(store, fake_checker))
    result = await service.submit_draft(ask("alice", "Mail me at a@b.example"))
    assert result.ok and result.draft.has_errors
    again = await service.submit_draft(ask("alice", "Mail me at a@b.example"))
    assert again.ok and not again.recorded and again.notice
    draft = result.draft
    refused = await service.decide(ask("bob"), Pressed("approve", draft.id, draft.content_hash))
    assert not refused.ok and "Override" in refused.error
    no_reason = await service.decide(ask("bob"), Pressed("override", draft.id, draft.content_hash))
    assert not no_reason.ok and no_reason.needs_reason
    elsewhere = await service.decide(ask("bob", platform="discord"), Pressed("override", draft.id, draft.content_hash))
    assert not elsewhere.ok and "no draft" in elsewhere.error
    done = await service.decide(ask("bob", "buyer asked"), Pressed("override", draft.id, draft.content_hash))
    assert done.ok and done.draft.state == "approved"
    parts = render_report_parts(done.draft, names=lambda uid: f"<@{uid}>")
    assert parts[-1].kind == "status" and "Approved by <@bob>" in parts[-1].body
    assert parts[0].body == "Approved despite 1 error: <@bob> overrode them (buyer asked)."
    sent = await service.decide(ask("alice"), Pressed("sent", draft.id, draft.content_hash))
    assert sent.ok and sent.draft.state == "sent"


async def test_service_refuses_an_outdated_version_and_an_unknown_action(store, fake_checker) -> None:
    service = ChatService(make_workflow(store, fake_checker))
    draft = (await service.submit_draft(ask("alice", "Your parcel ships today."))).draft
    stale = await service.decide(ask("bob"), Pressed("approve", draft.id, "0" * 64))
    assert not stale.ok and "changed after" in stale.error
    unknown = await service.decide(ask("bob"), Pressed("launch", draft.id, draft.content_hash))
    assert not unknown.ok and "Unknown action" in unknown.error
    assert (await service.workflow.get(draft.id)).decisions == []


async def test_service_reports_empty_draft_as_an_error(store, fake_checker) -> None:
    service = ChatService(make_workflow(store, fake_checker))
    result = await service.submit_draft(ask("alice", "   "))
    assert not result.ok and result.error.startswith("Cannot check this draft")
    assert service.problem("   ", "en").startswith("Cannot check this draft")
    assert service.problem("fine", "en") is None


async def test_adding_context_checks_the_same_text_again_as_a_new_version(store, fake_checker) -> None:
    service = ChatService(make_workflow(store, fake_checker))
    draft = (await service.submit_draft(ask("alice", "Please leave a review."))).draft
    refused = await service.add_context(ask("bob", order_id="123-1234567-1234567"), draft.id)
    assert not refused.ok and "author" in refused.error  # a new version would be bob's, and he approves
    added = await service.add_context(ask("alice", order_id="123-1234567-1234567"), draft.id)
    assert added.ok and added.new_revision and added.draft.revision == 2
    assert added.draft.text == "Please leave a review." and added.draft.context.order_id == "123-1234567-1234567"
    assert fake_checker.drafts[-1].context.order_id == "123-1234567-1234567"


def _emoji(at: int) -> Finding:
    return Finding(rule="style.emoji", severity=Severity.ERROR, message="Emojis are not allowed.",
                   span=(at, at + 1), excerpt="😀", guideline="No emojis.")


def test_repeated_findings_of_one_rule_make_one_section() -> None:
    """An emoji-only draft: one section for the rule, saying how many times, each quote once."""
    report = Report(findings=[_emoji(n) for n in range(50)], language=None)
    parts = render_report_parts(report, "😀" * 50)
    findings = [p for p in parts if p.kind == "finding"]
    assert len(findings) == 1 and findings[0].count == 50
    assert findings[0].title == "Emoji (50 times)" and findings[0].body.count("😀") == 1


def test_context_is_asked_for_only_where_it_matters() -> None:
    """A review request that could be a repeat asks for the order id; a plain note does not;
    internal field names are never shown."""
    missing = {"review.repeat": ["previous_review_requests"], "attach.disallowed": ["attachments"],
               "order.id-mismatch": ["order_id"]}
    plain = Report(findings=[], language="en", missing_context=missing)
    assert [p.kind for p in render_report_parts(plain, "Your parcel ships today.", include_status=False)] == ["verdict"]
    review = render_report_parts(plain, "Please leave a review of your order.")
    lines = [p for p in review if p.kind == "missing"][0].body
    assert "The order id" in lines and "review requests" in lines
    assert "previous_review_requests" not in lines and "attachments" not in lines


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


async def test_ledger_forgets_events_older_than_the_retention(database) -> None:
    """Upkeep drops event keys past ``event_retention_hours``; newer ones still block a retry."""
    import datetime as dt

    from bot.review_settings import ReviewSettings
    from bot.services import Services

    store = await database.open()
    ledger = EventLedger(store)
    assert await ledger.claim("slack", "EvOld")
    database.now += dt.timedelta(hours=47)
    assert await ledger.claim("slack", "EvNew")
    database.now += dt.timedelta(hours=2)  # EvOld is 49 hours old, EvNew 2
    services = Services(store, make_workflow(store), ChatService(make_workflow(store)), ledger)
    services.workflow.settings = ReviewSettings(event_retention_hours=48)
    assert await services.upkeep() == (1, 0)
    assert await ledger.claim("slack", "EvOld") is True
    assert await ledger.claim("slack", "EvNew") is False


async def test_upkeep_runs_periodically_until_closed(tmp_path) -> None:
    """open_services runs the upkeep at once and then every period; closing stops it."""
    from bot.review_settings import ReviewSettings
    from bot.services import open_services

    passes = []
    url = f"sqlite+aiosqlite:///{tmp_path / 'checkmsg.sqlite3'}"
    async with open_services(ReviewSettings(database_url=url), upkeep_every=0.05) as services:
        original = services.upkeep

        async def counted():  # noqa: ANN202
            passes.append(1)
            return await original()

        services.upkeep = counted
        await asyncio.sleep(0.3)
        task = services.upkeep_task
    assert len(passes) >= 2 and task.done()
