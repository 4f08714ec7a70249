"""Slack's "Send via Amazon" buttons (bot/amazon through ``ChatService.amazon``).

Once a draft is approved, a message in its thread offers one button per
message type the order allows and the draft fits; a review-asking draft gets
Amazon's own review request instead, or the dates that rule it out. A click
sends once (bot/amazon/send.py guards it in the database): the offer message
then says who sent it, as which type and what Amazon answered, and the
report shows the draft as sent. A second click, on this replica or another,
sends nothing and says so to the person who clicked.
"""

from __future__ import annotations

import json
import re
from typing import Any

from checks import i18n

from .text import escape

CHOOSE = "checkmsg_amazon"


def register(app, replies) -> None:  # noqa: ANN001 - AsyncApp, SlackReplies
    app.action(re.compile(f"^{CHOOSE}_[0-9]+$"))(replies.tracked(_button(replies)))


async def offer(replies, client, channel: str, draft, locale: str | None) -> None:  # noqa: ANN001
    """Post the Amazon choices for ``draft`` in its thread, when there are any to make."""
    actions = getattr(replies.service, "amazon", None)
    if actions is None or draft.platform != "slack":
        return
    offered = await actions.choices(draft)
    if offered is None:
        return
    lang = i18n.ui_language(locale)
    text, choices = i18n.localize(offered[0], lang), offered[1]
    section: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": escape(text)}}]
    if choices:
        section.append({"type": "actions", "block_id": "checkmsg_amazon", "elements": [
            {"type": "button", "action_id": f"{CHOOSE}_{n}", "text": {"type": "plain_text", "text": i18n.localize(label, lang)[:75]},
             "value": json.dumps({"d": draft.id, "h": draft.content_hash, "c": choice})}
            for n, (label, choice) in enumerate(choices)]})
    await client.chat_postMessage(channel=channel, thread_ts=draft.thread, text=text, blocks=section)


def _button(r):  # noqa: ANN001, ANN202
    async def amazon_button(ack, body, action, client) -> None:  # noqa: ANN001
        """Send as the chosen type (or Amazon's review request); the offer message then tells the thread."""
        await ack()
        user, channel = body["user"]["id"], body["channel"]["id"]
        value = json.loads(action["value"])
        locale = await r.locale(client, user)
        said = await r.service.amazon.choose(value["d"], user, value["c"], content_hash=value["h"],
                                             roles=await r.roles(client, user))
        text = i18n.localize(said.text, i18n.ui_language(locale))
        if not said.ok:
            await r.tell(client, channel, user, text)
            return
        shown = text.replace(f"({user})", f"(<@{user}>)")
        await client.chat_update(channel=channel, ts=body["container"]["message_ts"], text=shown,
                                 blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": escape(shown)}}])
        draft = await r.service.workflow.get(value["d"])
        if await r.ledger.replies("slack", draft.channel, draft.thread):  # the report now shows the draft as sent
            await r.show(client, draft.thread, draft, await r.locale(client, draft.author))

    return amazon_button
