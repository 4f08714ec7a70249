"""The console's Amazon part: order context before a draft is checked, and the ``amazon`` command.

    amazon            what can go to the buyer (the types the order allows, or Amazon's review request)
    amazon TYPE       send the approved draft as TYPE (once: a second time sends nothing)
    amazon review     send Amazon's own review request instead of a review-asking draft
    amazon release    free a send whose answer from Amazon was lost (approvers; check Seller Central first)

Amazon is reached through bot.amazon.actions; without the AMAZON_* variables
the command says how to connect, and drafts are checked with the context typed.
"""

from __future__ import annotations

from bot.amazon.actions import AmazonActions
from bot.amazon.context import find_order_id
from bot.amazon.settings import AmazonSettings
from checks import Context, i18n
from checks.i18n import say


def actions_for(console) -> AmazonActions:  # noqa: ANN001 - adapters.console.Console
    """The console's AmazonActions, made once per workflow; settings from the environment unless
    ``console.amazon_settings`` / ``console.amazon_client`` were set (tests)."""
    actions = getattr(console, "_amazon", None)
    if actions is None or actions.workflow is not console.workflow:
        settings = getattr(console, "amazon_settings", None) or AmazonSettings.from_env()
        actions = console._amazon = AmazonActions(console.workflow, settings, getattr(console, "amazon_client", None))
    return actions


async def context_for(console, text: str) -> Context:  # noqa: ANN001
    """The context to check ``text`` with: the typed one, completed from Amazon when connected and an order id is known."""
    actions = actions_for(console)
    if not actions.enabled or not (console.context.order_id or find_order_id(text)):
        return console.context
    result, said = await actions.context(console.context, text)
    console.say(i18n.localize(said.text, console.lang))
    if result is None:
        return console.context
    console.say(say(console.lang, "console.amazon-hint", "Once it is approved, type 'amazon' to send it to the buyer through Amazon."))
    return result.context


async def command(console, rest: str | None) -> None:  # noqa: ANN001
    """``amazon [TYPE | review | release]`` on the current draft."""
    actions = actions_for(console)
    draft = console.draft
    word = (rest or "").strip()
    if not word:
        said = await actions.offer(await console.workflow.get(draft.id))
    elif word.lower() == "review":
        said = await actions.request_review(draft.id, console.user)
    elif word.lower() == "release":
        said = await actions.release(draft.id, console.user)
    else:
        said = await actions.send(draft.id, console.user, word, content_hash=draft.content_hash)
    console.draft = await console.workflow.get(draft.id)
    console.say(i18n.localize(said.text, console.lang))
