"""Amazon's own review request (Solicitations API ``productReviewAndSellerFeedback``).

When a draft asks for a review, CheckMsg offers Amazon's request instead:
its text is Amazon's, so always compliant. Amazon allows it once per order,
from 5 to 30 days after delivery; outside that window CheckMsg says so with
the dates. One request per order is also kept on our side (a row keyed by
the hashed order id), so two clicks or two replicas ask Amazon once, and the
order's review memory counts it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checks.i18n import tr

from .. import repository
from ..review import DraftView, NotAllowed, ReviewWorkflow
from ..store import Conflict, order_key
from .client import AmazonError, SellingPartner
from .context import fetch_order_facts
from .message_types import REVIEW_SOLICITATION
from .send import DRY_RUN, FAILED, SENDING, SENT, SendRefused, _order_id
from .settings import AmazonSettings

log = logging.getLogger(__name__)

OPENS_AFTER, CLOSES_AFTER = 5, 30  # days after delivery


@dataclass(frozen=True)
class ReviewWindow:
    delivered: dt.date | None
    today: dt.date

    @property
    def opens(self) -> dt.date | None:
        return self.delivered + dt.timedelta(days=OPENS_AFTER) if self.delivered else None

    @property
    def closes(self) -> dt.date | None:
        return self.delivered + dt.timedelta(days=CLOSES_AFTER) if self.delivered else None

    def refusal(self) -> str | None:
        """Why the window rules it out today, with the dates; None inside the window."""
        if self.delivered is None:
            return tr("amazon.review-no-delivery", "Amazon's review request opens 5 days after delivery, and this order has no delivery date yet.")
        if self.today < self.opens:
            return tr(
                "amazon.review-too-early",
                "Not allowed yet: Amazon's review request for this order opens on {opens} (5 days after delivery on {delivered}) "
                "and closes on {closes}.",
                opens=self.opens.isoformat(), delivered=self.delivered.isoformat(), closes=self.closes.isoformat(),
            )
        if self.today > self.closes:
            return tr(
                "amazon.review-too-late",
                "Not allowed any more: Amazon's review request for this order closed on {closes} (30 days after delivery on {delivered}).",
                closes=self.closes.isoformat(), delivered=self.delivered.isoformat(),
            )
        return None


@dataclass(frozen=True)
class ReviewOffer:
    order_id: str
    window: ReviewWindow
    allowed: bool
    reason: str  # why not, or the window it is open in


@dataclass(frozen=True)
class ReviewRequestResult:
    order_id: str
    requested: bool
    dry_run: bool
    answer: str
    draft: DraftView | None


class AmazonReviewRequester:
    def __init__(self, workflow: ReviewWorkflow, client: SellingPartner, settings: AmazonSettings,
                 today: Callable[[], dt.date] | None = None) -> None:
        self.workflow = workflow
        self.client = client
        self.settings = settings
        self.today = today or (lambda: workflow.store.clock().date())

    async def offer(self, draft: DraftView) -> ReviewOffer:
        """Whether Amazon's review request can go for this draft's order today, and the dates."""
        order_id = _order_id(draft)
        facts, _ = await fetch_order_facts(self.client, order_id)
        window = ReviewWindow(facts.latest_delivery_date, self.today())
        earlier = await self._earlier(order_id)
        if earlier is not None and earlier.state in (SENT, SENDING):
            return ReviewOffer(order_id, window, False, tr(
                "amazon.review-done", "Amazon's review request for this order was already sent by {actor} on {at}; Amazon allows one per order.",
                actor=earlier.actor, at=earlier.updated_at.date().isoformat()))
        refusal = window.refusal()
        if refusal is not None:
            return ReviewOffer(order_id, window, False, refusal)
        if REVIEW_SOLICITATION not in await self.client.solicitation_actions(order_id):
            return ReviewOffer(order_id, window, False, tr(
                "amazon.review-not-offered",
                "Amazon does not offer its review request for this order now (the window is {opens} to {closes}; it may have been requested already).",
                opens=window.opens.isoformat(), closes=window.closes.isoformat()))
        return ReviewOffer(order_id, window, True, tr(
            "amazon.review-open", "Amazon's own review request is allowed for this order until {closes}.", closes=window.closes.isoformat()))

    async def request(self, draft_id: int, actor: str, *, roles: Sequence[str] = ()) -> ReviewRequestResult:
        """Ask Amazon to request a review for the draft's order instead of sending the draft."""
        draft = await self.workflow.get(draft_id)
        if not draft.review_request:
            raise SendRefused(tr("amazon.review-not-asked", "Draft #{id} does not ask for a review.", id=draft_id))
        if actor not in (draft.author, draft.submitted_by) and not self.workflow.settings.may_approve(actor, roles):
            raise NotAllowed(tr("review.not-involved", "Only the draft's author or an approver can {what}.", what=tr("amazon.what.review", "ask Amazon for a review")))
        offer = await self.offer(draft)
        if not offer.allowed:
            raise SendRefused(offer.reason)
        key = order_key(offer.order_id)
        if not await self._claim(key, draft_id, actor):
            raise SendRefused(tr("amazon.review-taken", "Amazon's review request for this order is already being sent or was sent; nothing more was asked."))
        if self.settings.dry_run:
            answer = tr("amazon.dry-run", "dry run: everything but the final call; Amazon was not asked to send")
            await self._finish(key, draft_id, actor, DRY_RUN, None, answer, "amazon_review_dry_run")
            return ReviewRequestResult(offer.order_id, False, True, answer, await self.workflow.get(draft_id))
        try:
            status = await self.client.request_review(offer.order_id)
        except AmazonError as exc:
            await self._finish(key, draft_id, actor, FAILED, exc.status, exc.message, "amazon_review_refused")
            raise SendRefused(tr("amazon.review-refused", "Amazon did not request the review. {reason}", reason=exc.message)) from None
        answer = tr("amazon.accepted", "Amazon accepted it (HTTP {status})", status=status)
        await self._finish(key, draft_id, actor, SENT, status, answer, "amazon_review_requested")
        # The draft's own text is not sent: Amazon's request replaced it.
        outcome = await self.workflow.withdraw(
            draft_id, actor, roles=roles, reason=tr("amazon.replaced", "replaced by Amazon's own review request")
        )
        return ReviewRequestResult(offer.order_id, True, False, answer, outcome.draft)

    async def _earlier(self, order_id: str):  # noqa: ANN202
        async with self.workflow.store.transaction() as conn:
            return await repository.read_solicitation(conn, order_key(order_id))

    async def _claim(self, key: str, draft_id: int, actor: str) -> bool:
        store = self.workflow.store
        now = store.clock()
        values = dict(draft_id=draft_id, state=SENDING, actor=actor, amazon_status=None, amazon_answer=None, updated_at=now)
        try:
            async with store.transaction() as conn:
                row = await repository.read_solicitation(conn, key)
                if row is None:
                    await repository.insert_solicitation(conn, order_key=key, created_at=now, **values)
                    return True
                if row.state not in (FAILED, DRY_RUN):
                    return False
                return await repository.update_solicitation(conn, key, row.state, **values)
        except Conflict:
            return False

    async def _finish(self, key: str, draft_id: int, actor: str, state: str, status: int | None, answer: str, action: str) -> None:
        store = self.workflow.store
        now = store.clock()
        async with store.transaction() as conn:
            await repository.update_solicitation(
                conn, key, SENDING, state=state, amazon_status=status, amazon_answer=str(answer), updated_at=now
            )
            draft = await repository.read_draft(conn, draft_id)
            revision = await repository.read_revision(conn, draft_id, draft.current_revision)
            if state == SENT:  # the order's review memory counts Amazon's request too
                await repository.remember_review_request(
                    conn, order_key=key, draft_id=draft_id, revision_id=revision.id, content_hash=revision.content_hash, now=now
                )
            await repository.append_audit(conn, at=now, actor=actor, action=action, draft=draft, revision=revision.number,
                               content_hash=revision.content_hash, reason=f"{REVIEW_SOLICITATION}: {answer}")
        log.info("Amazon review request for draft #%s: %s", draft_id, state)
