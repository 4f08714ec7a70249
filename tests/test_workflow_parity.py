"""One workflow behind both platforms: Slack and Discord, each driven through its real library
against its fake, offer the same buttons in every state, and every action pressed in every
state ends the same way on both, as bot/policy.py's transition table says."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from typing import Any

import pytest
from conftest_workflow import FakeChecker
from fakes.discord_fake import FakeDiscord
from fakes.discord_harness import Endpoints, start_bot
from fakes.slack_api import FakeSlackAPI
from test_slack import BOB, WATCHED, Replica, button, new_message, view_submission

from adapters.discord_bot.views import BUTTONS as DISCORD_BUTTONS
from adapters.discord_bot.views import action_of as discord_action_of
from adapters.slack import blocks
from bot import policy
from bot.store import Store

CLEAN = "Hello Jennifer, your order 113-4829105-7730142 ships today. Best regards, Lumiwood"
WITH_ERRORS = "Hello, write to service@lumiwood.example if anything is wrong."

# The contract: what a report offers in each state (the same on every platform).
OFFERED = {
    "pending": ["approve", "request_changes", "withdraw"],
    "pending_errors": ["override", "request_changes", "withdraw"],
    "approved": ["sent", "request_changes", "withdraw"],
    "changes_requested": ["request_changes", "withdraw"],
    "withdrawn": [],
    "sent": [],
}
# How to reach each state from a fresh draft: (action, by whom) steps.
ROUTES = {
    "pending": [],
    "pending_errors": [],
    "approved": [("approve", "approver")],
    "changes_requested": [("request_changes", "approver")],
    "withdrawn": [("withdraw", "author")],
    "sent": [("approve", "approver"), ("sent", "author")],
}
# Who would press each button: an approver decides, the author withdraws, marks sent or adds details.
PRESSED_BY = {"approve": "approver", "override": "approver", "request_changes": "approver",
              "sent": "author", "withdraw": "author", "edit": "author"}
ACTIONS = list(PRESSED_BY)


def expected_state(state: str, action: str) -> str:
    """The state after ``action`` by its natural actor, read from the transition table."""
    base = "pending" if state == "pending_errors" else state
    rule = policy.TRANSITIONS[action]
    applies = (action != "approve" or state != "pending_errors") and (action != "override" or state == "pending_errors")
    if base not in rule.states or not applies:
        return base
    if action in ("approve", "override"):
        return "approved"  # one approval is enough in these tests
    return rule.leads_to


@dataclass
class Outcome:
    offered: list[str]
    after: dict[str, str]  # action -> state after pressing it


async def quiet(count, seconds: float = 0.08, timeout: float = 10) -> None:  # noqa: ANN001
    """Wait until ``count()`` (calls seen by a fake) stops growing for ``seconds``."""
    deadline = time.monotonic() + timeout
    seen = -1
    while seen != count() and time.monotonic() < deadline:
        seen = count()
        await asyncio.sleep(seconds)


# -- Slack ----------------------------------------------------------------------------------


class SlackDriver:
    people = {"author": "UALICE", "approver": BOB}

    def __init__(self, replica: Replica, fake: FakeSlackAPI) -> None:
        self.replica, self.fake, self.n = replica, fake, 0
        self.threads: dict[str, str] = {}
        self.first: dict[str, dict[str, Any]] = {}

    async def settle(self) -> None:
        await quiet(lambda: len(self.fake.calls))
        await self.replica.replies.idle()

    async def new_draft(self, text: str) -> tuple[int, str]:
        """A draft in the watched channel; its id (drafts are numbered in order) and its report's ts."""
        self.n += 1
        ts = f"17000000{self.n:02d}.000100"
        await self.replica.event(new_message(text, ts=ts), f"Ev{self.n}")
        await self.settle()
        self.threads[ts] = ts
        report_ts = (await self.replica.replies.ledger.replies("slack", WATCHED, ts))[0]
        self.first[report_ts] = [m for m in self.fake.of("chat.postMessage") if m.get("thread_ts") == ts][0]
        return self.n, report_ts

    def offered(self, report_ts: str) -> list[str]:
        versions = [m for m in self.fake.of("chat.update") if m["ts"] == report_ts] or [self.first[report_ts]]
        return [blocks.action_of(e["action_id"]) for b in versions[-1].get("blocks", []) if b["type"] == "actions"
                for e in b["elements"]]

    async def press(self, draft_id: int, report_ts: str, action: str, who: str) -> None:
        current = await self.replica.service.workflow.get(draft_id)
        value = json.dumps({"d": draft_id, "h": current.content_hash})
        opened = len(self.fake.of("views.open"))
        user = self.people[who]
        await self.replica.interact(button(blocks.BUTTONS[action].action_id, value, user, report_ts))
        await self.settle()
        views = self.fake.of("views.open")
        if len(views) > opened:
            view = views[-1]["view"]
            answer = ({"order_id": {"value": "113-4829105-7730142"}} if view["callback_id"] == blocks.DETAILS_VIEW
                      else {"reason": {"value": "because"}})
            await self.replica.interact(view_submission(view, user, answer))
            await self.settle()


async def run_slack(db_url: str, state: str) -> Outcome:
    store = await Store.open(db_url)
    fake = await FakeSlackAPI().start()
    replica = await Replica(store, fake, FakeChecker()).start()
    driver = SlackDriver(replica, fake)
    after: dict[str, str] = {}
    offered: list[str] = []
    try:
        for action in [None, *ACTIONS]:
            draft_id, report_ts = await driver.new_draft(WITH_ERRORS if state == "pending_errors" else CLEAN)
            for step, who in ROUTES[state]:
                await driver.press(draft_id, report_ts, step, who)
            if action is None:
                offered = driver.offered(report_ts)
                continue
            await driver.press(draft_id, report_ts, action, PRESSED_BY[action])
            after[action] = (await replica.service.workflow.get(draft_id)).state
    finally:
        await replica.close()
        await fake.close()
        await store.close()
    return Outcome(offered, after)


# -- Discord --------------------------------------------------------------------------------


class DiscordDriver:
    def __init__(self, fake: FakeDiscord, running) -> None:  # noqa: ANN001
        self.fake, self.running = fake, running
        self.people = {"author": fake.person("sam"), "approver": fake.person("alice", approver=True)}

    async def settle(self) -> None:
        await quiet(lambda: len(self.fake.calls))

    async def new_draft(self, text: str) -> tuple[int, dict[str, Any]]:
        message = await self.fake.post_message(self.people["author"], self.running.watched, text)
        await self.fake.wait_for("POST", rf"/channels/{message['id']}/messages")
        await self.settle()
        report = self.fake.report_in(int(message["id"]))
        draft_id = int(report["embeds"][0]["title"].split("#")[1].split(",")[0])
        return draft_id, report

    @staticmethod
    def offered(report: dict[str, Any]) -> list[str]:
        return [discord_action_of(c["custom_id"].split(":")[1]) for row in report.get("components") or []
                for c in row.get("components", [])]

    async def press(self, draft_id: int, report: dict[str, Any], action: str, who: str) -> None:
        """Click ``action`` on the report, shown or not (an old report may still carry it)."""
        current = await self.running.workflow.get(draft_id)
        custom_id = f"checkmsg:{DISCORD_BUTTONS[action].word}:{draft_id}:{current.content_hash}"
        row = {"type": 1, "components": [{"type": 2, "style": 2, "label": "pressed", "custom_id": custom_id}]}
        person = self.people[who]
        edits = rf"/channels/{report['channel_id']}/messages/{report['id']}"
        edited = len(self.fake.find("PATCH", edits))
        click = await self.fake.click(person, {**report, "components": [row]}, "pressed")
        answer = (await self.fake.callback(click)).json
        if answer["type"] == 9:  # a dialog: answered, then the bot follows up privately when done
            fields = self.fake.modal_fields(answer["data"])
            values = ({next(label for label in fields if label.startswith("Order id")): "113-4829105-7730142"}
                      if action == "edit" else {next(iter(fields)): "because"})
            submitted = await self.fake.answer_modal(person, click, values)
            await self.fake.wait_for("POST", rf"/webhooks/{self.fake.app_id}/{submitted['token']}")
        elif answer["type"] == 6:  # deferred: the report is edited, or the person told why not
            deadline = time.monotonic() + 10
            while (len(self.fake.find("PATCH", edits)) == edited
                   and not self.fake.find("POST", rf"/webhooks/{self.fake.app_id}/{click['token']}")):
                assert time.monotonic() < deadline, "no answer to the click"
                await asyncio.sleep(0.02)


async def run_discord(db_url: str, state: str) -> Outcome:
    with Endpoints():
        fake = FakeDiscord()
        await fake.start()
        watched = fake.add_channel("drafts")
        running = await start_bot(fake, db_url, FakeChecker(), watch_channel_ids=[watched])
        running.watched = watched
        driver = DiscordDriver(fake, running)
        after: dict[str, str] = {}
        offered: list[str] = []
        try:
            for action in [None, *ACTIONS]:
                draft_id, report = await driver.new_draft(WITH_ERRORS if state == "pending_errors" else CLEAN)
                for step, who in ROUTES[state]:
                    await driver.press(draft_id, report, step, who)
                if action is None:
                    offered = driver.offered(report)
                    continue
                await driver.press(draft_id, report, action, PRESSED_BY[action])
                after[action] = (await running.workflow.get(draft_id)).state
        finally:
            await running.stop()
            await fake.stop()
        assert not fake.unhandled, [f"{c.method} {c.path}" for c in fake.unhandled]
    return Outcome(offered, after)


@pytest.mark.parametrize("state", list(OFFERED))
async def test_both_platforms_offer_and_take_the_same_actions_in_every_state(tmp_path, state) -> None:
    """The same buttons in this state on Slack and Discord; each action ends in the same state on both.
    (The database is SQLite: the workflow's storage is tested on both databases elsewhere.)"""
    slack = await run_slack(f"sqlite+aiosqlite:///{tmp_path / 'slack.sqlite3'}", state)
    discord = await run_discord(f"sqlite+aiosqlite:///{tmp_path / 'discord.sqlite3'}", state)
    assert slack.offered == discord.offered == OFFERED[state]
    expected = {action: expected_state(state, action) for action in ACTIONS}
    assert slack.after == discord.after == expected
