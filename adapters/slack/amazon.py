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
from typing import Any

from checks import i18n
from checks.i18n import tr

from .text import escape

SEND, REVIEW = "checkmsg_amazon_send", "checkmsg_amazon_review"


def register(app, replies) -> None:  # noqa: ANN001 - AsyncApp, SlackReplies
    app.action(SEND)(replies.tracked(_button(replies)))
    app.action(REVIEW)(replies.tracked(_button(replies)))


async def offer(replies, client, channel: str, draft, locale: str | None) -> None:  # noqa: ANN001
    """Post the Amazon choices for ``draft`` in its thread, when there are any to make."""
    actions = getattr(replies.service, "amazon", None)
    if actions is None or not actions.enabled or draft.platform != "slack":
        return
    lang = i18n.ui_language(locale)
    lines, buttons = [], []
    review = await actions.review_offer(draft) if draft.state in ("pending", "approved") else None
    if review is not None:
        lines.append(i18n.localize(review.text, lang))
        if review.ok:
            buttons.append(_button_block(tr("amazon.button.review", "Send Amazon's review request"), REVIEW, draft, None))
    if draft.state == "approved":
        for kind in await actions.usable_types(draft):
            buttons.append(_button_block(tr("amazon.button.send", "Send via Amazon as {type}", type=kind), SEND, draft, kind))
    if not buttons and not lines:
        return
    text = "\n".join(lines) or i18n.localize(tr("amazon.offer", "Send it to the buyer through Amazon:"), lang)
    blocks: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": escape(text)}}]
    if buttons:
        blocks.append({"type": "actions", "block_id": "checkmsg_amazon", "elements": [
            {**b, "text": {"type": "plain_text", "text": i18n.localize(b["text"], lang)[:75]}} for b in buttons]})
    await client.chat_postMessage(channel=channel, thread_ts=draft.thread, text=text, blocks=blocks)


def _button_block(label: str, action_id: str, draft, kind: str | None) -> dict[str, Any]:  # noqa: ANN001
    value = {"d": draft.id, "h": draft.content_hash}
    if kind:
        value["t"] = kind
    return {"type": "button", "action_id": action_id, "text": label, "value": json.dumps(value)}


def _button(r):  # noqa: ANN001, ANN202
    async def amazon_button(ack, body, action, client) -> None:  # noqa: ANN001
        """Send as the chosen type (or Amazon's review request); the offer message then tells the thread."""
        await ack()
        user, channel = body["user"]["id"], body["channel"]["id"]
        value = json.loads(action["value"])
        locale = await r.locale(client, user)
        roles = await r.roles(client, user)
        actions = r.service.amazon
        if action["action_id"] == REVIEW:
            said = await actions.request_review(value["d"], user, roles=roles)
        else:
            said = await actions.send(value["d"], user, value["t"], content_hash=value["h"], roles=roles)
        text = i18n.localize(said.text, i18n.ui_language(locale))
        if not said.ok:
            await r.tell(client, channel, user, text)
            return
        shown = text.replace(user, f"<@{user}>")
        await client.chat_update(channel=channel, ts=body["container"]["message_ts"], text=shown,
                                 blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": escape(shown)}}])
        draft = await r.service.workflow.get(value["d"])
        await r.show(client, channel, draft.thread, draft.thread, draft, await r.locale(client, draft.author))

    return amazon_button
