"""What every surface (``checkmsg send``, the console, Slack, Discord) does with Amazon, as text.

Each method returns what to show the person: the options, the outcome of a
send, or why nothing was sent. Errors of Amazon, of the draft's type and of
the workflow all come back as words, so a surface adds no logic of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from checks import Context
from checks.i18n import tr

from ..review import DraftView, ReviewError, ReviewWorkflow
from .client import AmazonError, SellingPartner, SpApiClient
from .context import OrderContext, describe, find_order_id, order_context
from .review_request import AmazonReviewRequester
from .send import AmazonSender, Attachment
from .settings import AmazonSettings

log = logging.getLogger(__name__)

REVIEW = "review"  # the choice that sends Amazon's own review request


@dataclass(frozen=True)
class Said:
    """The text to show, and whether the action went through (False: refused or failed)."""

    text: str
    ok: bool


class AmazonActions:
    def __init__(self, workflow: ReviewWorkflow, settings: AmazonSettings, client: SellingPartner | None = None) -> None:
        self.workflow = workflow
        self.settings = settings
        self._client = client

    @property
    def enabled(self) -> bool:
        return self._client is not None or self.settings.enabled

    @property
    def client(self) -> SellingPartner:
        if self._client is None:
            self._client = SpApiClient(self.settings)
        return self._client

    def off(self) -> Said:
        return Said(self.settings.how_to_enable(), False)

    async def context(self, context: Context, text: str) -> tuple[OrderContext | None, Said]:
        """The context completed from Amazon, and the line saying which facts came from there."""
        if not self.enabled:
            return None, self.off()
        try:
            result = await order_context(self.client, context, text)
        except AmazonError as exc:
            return None, Said(tr("amazon.no-context", "No context from Amazon: {reason}", reason=exc.message), False)
        return result, Said(describe(result), True)

    async def complete(self, context: Context | dict | None, text: str) -> tuple[Context | dict | None, str | None]:
        """For the chat service: ``context`` completed from Amazon and the line saying so, when
        Amazon is connected and an order id is known; else ``context`` unchanged and None."""
        if not self.enabled:
            return context, None
        try:
            given = context if isinstance(context, Context) else Context.model_validate(context or {})
        except ValidationError:
            return context, None  # the workflow words the bad context
        if not (given.order_id or find_order_id(text)):
            return context, None
        try:
            result, said = await self.context(given, text)
        except Exception as exc:  # noqa: BLE001 - Amazon's facts are a help: never the reason a draft goes unchecked
            log.exception("Amazon context failed (%s); the draft is checked with the context given", type(exc).__name__)
            return context, tr("amazon.no-context", "No context from Amazon: {reason}", reason=type(exc).__name__)
        return (result.context if result is not None else context), said.text

    async def review_offer(self, draft: DraftView) -> Said | None:
        """For a review-asking draft: Amazon's own request, allowed (ok) or not (with the dates); None otherwise."""
        if not self.enabled or not draft.review_request:
            return None
        try:
            offer = await AmazonReviewRequester(self.workflow, self.client, self.settings).offer(draft)
        except (AmazonError, ReviewError) as exc:
            return Said(exc.message, False)
        return Said(offer.reason, offer.allowed)

    async def choices(self, draft: DraftView) -> tuple[str, list[tuple[str, str]]] | None:
        """What a chat thread offers for ``draft``: the words, and (button label, choice) pairs where the
        choice is a message type or ``REVIEW`` (Amazon's review request). None: nothing to offer."""
        if not self.enabled:
            return None
        lines, buttons = [], []
        review = await self.review_offer(draft) if draft.state in ("pending", "approved") else None
        if review is not None:
            lines.append(review.text)
            if review.ok:
                buttons.append((tr("amazon.button.review", "Send Amazon's review request"), REVIEW))
        files = draft.context.attachments if draft.context is not None else None
        if draft.state == "approved" and files:  # a button cannot carry the files: the command line can
            lines.append(tr("amazon.attach-cli", "This draft has attachments ({files}); send it with them from the command line: "
                            "checkmsg send {id} --attach FILE.", files=", ".join(files), id=draft.id))
        elif draft.state == "approved":
            for kind in await self.usable_types(draft):
                buttons.append((tr("amazon.button.send", "Send via Amazon as {type}", type=kind), kind))
        if not buttons and not lines:
            return None
        return "\n".join(lines) or tr("amazon.offer", "Send it to the buyer through Amazon:"), buttons

    async def choose(self, draft_id: int, actor: str, choice: str, *, content_hash: str, roles: Sequence[str] = ()) -> Said:
        """A button from :meth:`choices` pressed."""
        if choice == REVIEW:
            return await self.request_review(draft_id, actor, roles=roles)
        return await self.send(draft_id, actor, choice, content_hash=content_hash, roles=roles)

    async def offer(self, draft: DraftView) -> Said:
        """What can go to the buyer through Amazon for this draft (types allowed, or Amazon's review request)."""
        if not self.enabled:
            return self.off()
        try:
            lines = []
            if draft.review_request:
                offer = await AmazonReviewRequester(self.workflow, self.client, self.settings).offer(draft)
                lines.append(offer.reason)
                if offer.allowed:
                    lines.append(tr("amazon.review-instead", "This draft asks for a review: send Amazon's own request instead (it is always compliant)."))
            options = await AmazonSender(self.workflow, self.client, self.settings).options(draft.id)
            if not options.types:
                lines.append(tr("amazon.no-types", "Amazon allows no message for order {order} now.", order=options.order_id))
            for option in options.types:
                if option.usable:
                    lines.append(tr("amazon.type-ok", "{type}: can be sent", type=option.name))
                else:
                    lines.append(tr("amazon.type-blocked", "{type}: {problems}", type=option.name, problems=" ".join(option.problems)))
            return Said("\n".join(lines), True)
        except (AmazonError, ReviewError) as exc:
            return Said(exc.message, False)

    async def usable_types(self, draft: DraftView) -> list[str]:
        """The types a button may offer (allowed by the order and fit for the draft); [] when Amazon is off."""
        if not self.enabled or draft.state != "approved":
            return []
        try:
            return (await AmazonSender(self.workflow, self.client, self.settings).options(draft.id)).usable
        except (AmazonError, ReviewError):
            return []

    async def send(self, draft_id: int, actor: str, message_type: str, *, content_hash: str | None = None,
                   roles: Sequence[str] = (), attachments: Sequence[Attachment] = ()) -> Said:
        if not self.enabled:
            return self.off()
        try:
            digest = content_hash or (await self.workflow.get(draft_id)).content_hash
            result = await AmazonSender(self.workflow, self.client, self.settings).send(
                draft_id, actor, content_hash=digest, message_type=message_type, roles=roles, attachments=attachments
            )
        except (AmazonError, ReviewError) as exc:
            return Said(exc.message, False)
        if result.already:
            return Said(tr("amazon.already", "Nothing sent: draft #{id} was already sent. {answer}", id=draft_id, answer=result.answer), False)
        if result.dry_run:
            return Said(tr("amazon.dry-run-done", "Dry run for draft #{id} as {type}: {answer}.", id=draft_id, type=message_type, answer=result.answer), True)
        return Said(tr("amazon.sent", "Sent draft #{id} to the buyer through Amazon as {type} ({actor}); {answer}.",
                       id=draft_id, type=message_type, actor=actor, answer=result.answer), True)

    async def release(self, draft_id: int, actor: str, *, roles: Sequence[str] = ()) -> Said:
        """Free a send whose outcome is unknown (after checking Seller Central), so it can be sent again."""
        try:
            freed = await AmazonSender(self.workflow, self.client if self.enabled else None, self.settings).release(draft_id, actor, roles=roles)
        except ReviewError as exc:
            return Said(exc.message, False)
        if not freed:
            return Said(tr("amazon.nothing-to-release", "Draft #{id} has no send waiting for an answer.", id=draft_id), False)
        return Said(tr("amazon.released", "Released: draft #{id} can be sent through Amazon again.", id=draft_id), True)

    async def request_review(self, draft_id: int, actor: str, *, roles: Sequence[str] = ()) -> Said:
        if not self.enabled:
            return self.off()
        try:
            result = await AmazonReviewRequester(self.workflow, self.client, self.settings).request(draft_id, actor, roles=roles)
        except (AmazonError, ReviewError) as exc:
            return Said(exc.message, False)
        if result.dry_run:
            return Said(tr("amazon.review-dry-run", "Dry run: Amazon's review request for order {order} was not sent.", order=result.order_id), True)
        return Said(tr("amazon.review-sent", "Amazon's own review request went to the buyer of order {order} ({answer}); draft #{id} is withdrawn, replaced by it.",
                       order=result.order_id, answer=result.answer, id=draft_id), True)


def connect(service, settings: AmazonSettings | None) -> None:  # noqa: ANN001 - bot.chat.ChatService
    """Give a chat service Amazon (``settings`` None: from the environment): drafts get the order's
    context, adapters offer "Send via Amazon". Without credentials it stays off and says how to connect."""
    service.amazon = AmazonActions(service.workflow, settings or AmazonSettings.from_env())
