"""Sending an approved draft through Amazon, once.

The order is asked which message types it allows (getMessagingActionsForOrder)
and the draft is checked against the chosen type (bot/amazon/message_types.py).
Then a row in ``amazon_sends`` is claimed for the approved revision, inside
the workflow's lock on the draft (``ReviewWorkflow.lock_sendable``): an
insert, or a conditional update from a released state, so that of two clicks
on two replicas exactly one gets the claim and the other sends nothing. The
claim holder sends, records Amazon's answer and the audit line, and marks the
draft sent with the content hash it was approved under. A refusal (4xx)
releases the claim: the draft stays approved and unsent, with Amazon's reason.
``dry_run`` does all of it but the final call.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import logging
import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from checks.i18n import tr

from .. import repository, states
from ..review import DraftView, InvalidState, NotAllowed, ReviewError, ReviewWorkflow, content_hash
from ..store import Conflict, order_key
from .client import AmazonError, SellingPartner
from .context import find_order_id
from .message_types import MESSAGE_TYPES, problems
from .settings import AmazonSettings

log = logging.getLogger(__name__)

SENDING, SENT, FAILED, DRY_RUN, UNKNOWN = "sending", "sent", "failed", "dry_run", "unknown"
_RELEASED = (FAILED, DRY_RUN)


class SendRefused(ReviewError):
    """Nothing was sent; ``message`` says why (ours or Amazon's reason)."""


@dataclass(frozen=True)
class TypeOption:
    name: str
    problems: list[str]

    @property
    def usable(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class SendOptions:
    """What can be sent for a draft: the types the order allows, each with what stands in its way."""

    draft: DraftView
    order_id: str
    buyer_locale: str | None
    types: list[TypeOption]

    @property
    def usable(self) -> list[str]:
        return [t.name for t in self.types if t.usable]


@dataclass(frozen=True)
class SendResult:
    draft: DraftView
    message_type: str
    sent: bool
    dry_run: bool = False
    already: bool = False  # an earlier click sent it (or is sending it); nothing was sent now
    answer: str = ""
    attachments: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Attachment:
    file_name: str
    data: bytes
    content_type: str = ""

    @classmethod
    def from_path(cls, path: str | Path) -> Attachment:
        path = Path(path)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return cls(path.name, path.read_bytes(), kind)


class AmazonSender:
    def __init__(self, workflow: ReviewWorkflow, client: SellingPartner, settings: AmazonSettings) -> None:
        self.workflow = workflow
        self.client = client
        self.settings = settings

    async def options(self, draft_id: int, attachments: int = 0) -> SendOptions:
        """The message types this draft's order allows, each checked against the draft."""
        draft = await self.workflow.get(draft_id)
        order_id = _order_id(draft)
        allowed = await self.client.messaging_actions(order_id)
        locale = ((await self.client.get_attributes(order_id)).get("buyer") or {}).get("locale")
        language = draft.report.language if draft.report is not None else None
        html = draft.context is not None and draft.context.format == "html"
        types = [
            TypeOption(name, problems(MESSAGE_TYPES[name], draft.text or "", draft_language=language,
                                      buyer_locale=locale, attachments=attachments, html=html))
            for name in allowed
            if name in MESSAGE_TYPES  # a type Amazon added later: not offered until we know its limits
        ]
        return SendOptions(draft, order_id, locale, types)

    async def send(
        self,
        draft_id: int,
        actor: str,
        *,
        content_hash: str,
        message_type: str,
        roles: Sequence[str] = (),
        attachments: Sequence[Attachment] = (),
    ) -> SendResult:
        """Send the approved content ``content_hash`` of draft ``draft_id`` as ``message_type``, once."""
        draft = await self.workflow.get(draft_id)
        if draft.state == states.SENT:
            return await self._already(draft_id, message_type)
        try:
            async with self.workflow.store.transaction() as conn:  # who may send, and is it approved (nothing written)
                await self.workflow.lock_sendable(conn, draft_id, actor, content_hash=content_hash, roles=roles)
        except InvalidState:
            if (await self.workflow.get(draft_id)).state == states.SENT:  # another click sent it a moment ago
                return await self._already(draft_id, message_type)
            raise
        named = list(draft.context.attachments or []) if draft.context is not None else []
        missing = [name for name in named if name not in {a.file_name for a in attachments}]
        if missing:  # the approved draft goes with its files or not at all
            raise SendRefused(tr(
                "amazon.attach-named", "This draft was approved with attachments ({files}); send it with those files "
                "(checkmsg send {id} --type TYPE --attach FILE).", files=", ".join(missing), id=draft_id))
        options = await self.options(draft_id, attachments=len(attachments))
        chosen = next((t for t in options.types if t.name == message_type), None)
        if chosen is None:
            raise SendRefused(
                tr("amazon.type-not-allowed", "Amazon does not allow {type} for order {order}; it allows: {allowed}.",
                   type=message_type, order=options.order_id, allowed=", ".join(t.name for t in options.types) or "-")
            )
        if chosen.problems:
            raise SendRefused(tr("amazon.cannot-send-as", "Cannot send as {type}: {problems}", type=message_type, problems=" ".join(chosen.problems)))
        text = draft.text or ""
        if draft.context is None or _recomputed(text, draft) != content_hash:
            raise SendRefused(tr("amazon.hash-mismatch", "The text to send does not match the approved content; nothing was sent."))

        claim = await self._claim(draft_id, actor, content_hash, options.order_id, message_type, roles)
        if claim is None:
            return await self._already(draft_id, message_type)
        try:
            body: dict = {}
            if MESSAGE_TYPES[message_type].max_text is not None:
                body["text"] = text
            uploaded = [await self._upload(options.order_id, message_type, a) for a in attachments]
            if uploaded:
                body["attachments"] = uploaded
            if self.settings.dry_run:
                answer = tr("amazon.dry-run", "dry run: everything but the final call; Amazon was not asked to send")
                await self._finish(claim, draft_id, actor, DRY_RUN, None, answer, "amazon_dry_run", message_type)
                return SendResult(await self.workflow.get(draft_id), message_type, sent=False, dry_run=True, answer=answer,
                                  attachments=[a.file_name for a in attachments])
            status = await self.client.send_message(options.order_id, message_type, body)
        except AmazonError as exc:
            if exc.maybe_sent:  # keep the claim: a second send could reach the buyer twice
                await self._finish(claim, draft_id, actor, UNKNOWN, None, exc.message, "amazon_unknown", message_type)
                raise SendRefused(tr(
                    "amazon.maybe-sent",
                    "{reason} It may have reached the buyer, so CheckMsg will not send it again by itself: look in Seller Central "
                    "(Buyer Messages); if it is not there, an approver releases it with 'checkmsg send {id} --release'.",
                    reason=exc.message, id=draft_id)) from None
            await self._finish(claim, draft_id, actor, FAILED, exc.status, exc.message, "amazon_refused", message_type)
            raise SendRefused(
                tr("amazon.not-sent", "Not sent; the draft stays approved. {reason}", reason=exc.message)
            ) from None
        except asyncio.CancelledError:
            # Stopped mid-call (a shutdown): the worker thread may still deliver it, so hold the claim.
            await self._finish(claim, draft_id, actor, UNKNOWN, None, "interrupted while sending", "amazon_unknown", message_type)
            raise
        except Exception:
            # Our side failed before the send was made (an upload's destination, a bug): release the claim.
            await self._finish(claim, draft_id, actor, FAILED, None, "not sent: CheckMsg failed before Amazon answered", "amazon_refused", message_type)
            raise
        answer = tr("amazon.accepted", "Amazon accepted it (HTTP {status})", status=status)
        await self._finish(claim, draft_id, actor, SENT, status, answer, "sent_via_amazon", message_type)
        outcome = await self.workflow.mark_sent(draft_id, actor, content_hash=content_hash, roles=roles)
        return SendResult(outcome.draft, message_type, sent=True, answer=answer, attachments=[a.file_name for a in attachments])

    # -- the guard -----------------------------------------------------------------

    async def _claim(self, draft_id, actor, digest, order_id, message_type, roles) -> int | None:  # noqa: ANN001
        """The claim's row id, or None when another click holds or used this approval."""
        store = self.workflow.store
        try:
            async with store.transaction() as conn:
                draft, revision = await self.workflow.lock_sendable(conn, draft_id, actor, content_hash=digest, roles=roles)
                row = await repository.send_for_revision(conn, revision.id)
                now = store.clock()
                values = dict(draft_id=draft.id, revision_id=revision.id, content_hash=digest, order_key=order_key(order_id),
                              message_type=message_type, state=SENDING, actor=actor, amazon_status=None, amazon_answer=None,
                              updated_at=now)
                if row is None:
                    return await repository.insert_send(conn, created_at=now, **values)
                if row.state not in _RELEASED:
                    return None
                return row.id if await repository.update_send(conn, row.id, row.state, **values) else None
        except Conflict:  # another replica inserted the claim first
            return None
        except InvalidState:
            if (await self.workflow.get(draft_id)).state == states.SENT:
                return None
            raise

    async def _finish(self, claim: int, draft_id: int, actor: str, state: str, status: int | None,
                      answer: str, action: str, message_type: str) -> None:
        store = self.workflow.store
        async with store.transaction() as conn:
            await repository.update_send(
                conn, claim, SENDING, state=state, amazon_status=status, amazon_answer=str(answer), updated_at=store.clock()
            )
            row = await repository.read_send(conn, claim)
            draft = await repository.read_draft(conn, draft_id)
            revision = await repository.read_revision_by_id(conn, row.revision_id)
            await repository.append_audit(
                conn, at=store.clock(), actor=actor, action=action, draft=draft, revision=revision.number,
                content_hash=row.content_hash, rule_ids=json.loads(revision.rule_ids),
                reason=f"{message_type}: {answer}",
            )
        log.info("Amazon send of draft #%s as %s: %s", draft_id, message_type, state)

    async def _already(self, draft_id: int, message_type: str) -> SendResult:
        """Nothing sent now: an earlier click sent it, or is sending it."""
        return SendResult(await self.workflow.get(draft_id), message_type, sent=False, already=True,
                          answer=await self._earlier_answer(draft_id))

    async def _earlier_answer(self, draft_id: int) -> str:
        async with self.workflow.store.transaction() as conn:
            row = await repository.latest_send(conn, draft_id)
        if row is None:
            return tr("amazon.sent-elsewhere", "It was marked sent without CheckMsg sending it.")
        if row.state == UNKNOWN:
            return tr("amazon.unknown", "{actor}'s send as {type} at {at} got no answer from Amazon and may have reached the buyer; "
                      "check Seller Central, then release it with 'checkmsg send {id} --release' if it did not.",
                      actor=row.actor, type=row.message_type, at=row.updated_at.strftime("%Y-%m-%d %H:%M UTC"), id=draft_id)
        if row.state == SENDING:
            return tr("amazon.in-progress", "{actor} is sending it as {type} right now (since {at}).", actor=row.actor, type=row.message_type,
                      at=row.updated_at.strftime("%Y-%m-%d %H:%M UTC"))
        return tr("amazon.sent-by", "{actor} sent it as {type} at {at}: {answer}", actor=row.actor, type=row.message_type,
                  at=row.updated_at.strftime("%Y-%m-%d %H:%M UTC"), answer=row.amazon_answer or "")

    async def release(self, draft_id: int, actor: str, *, roles: Sequence[str] = ()) -> bool:
        """An approver frees a send stuck in ``sending`` or ``unknown`` (checked in Seller Central that it did
        not arrive), so the approval can be sent again; False when there was nothing to release."""
        if not self.workflow.settings.may_approve(actor, roles):
            raise NotAllowed(tr("amazon.release-approvers", "Only an approver can release a send."))
        store = self.workflow.store
        async with store.transaction() as conn:
            rows = await repository.sends_in(conn, draft_id, (SENDING, UNKNOWN))
            for row in rows:
                await repository.update_send(conn, row.id, row.state, state=FAILED, updated_at=store.clock())
                draft = await repository.read_draft(conn, draft_id)
                await repository.append_audit(conn, at=store.clock(), actor=actor, action="amazon_released", draft=draft,
                                   content_hash=row.content_hash, reason=f"{row.message_type}: {row.state} released")
        return bool(rows)

    # -- attachments -----------------------------------------------------------

    async def _upload(self, order_id: str, message_type: str, attachment: Attachment) -> dict[str, str]:
        """Create an upload destination, PUT the file with the headers Amazon returned; the attachment entry."""
        md5 = base64.b64encode(hashlib.md5(attachment.data).digest()).decode()  # noqa: S324 - Amazon asks for Content-MD5
        kind = attachment.content_type or "application/octet-stream"
        destination = await self.client.upload_destination(order_id, message_type, md5, kind)
        url, headers = destination.get("url"), dict(destination.get("headers") or {})
        if not url or not destination.get("uploadDestinationId"):
            raise AmazonError(tr("amazon.no-destination", "Amazon gave no upload destination for {file}.", file=attachment.file_name))
        headers.setdefault("Content-MD5", md5)
        headers.setdefault("Content-Type", kind)
        async with aiohttp.ClientSession() as session, session.put(url, data=attachment.data, headers=headers) as response:
            if response.status >= 300:
                raise AmazonError(
                    tr("amazon.upload-failed", "Uploading {file} failed (HTTP {status}).", file=attachment.file_name, status=response.status),
                    response.status,
                )
        return {"uploadDestinationId": destination["uploadDestinationId"], "fileName": attachment.file_name}


def _order_id(draft: DraftView) -> str:
    order_id = (draft.context.order_id if draft.context else None) or find_order_id(draft.text or "")
    if not order_id:
        raise SendRefused(tr("amazon.no-order-id", "No order id: give one (e.g. 113-4829105-7730142) or write exactly one in the draft."))
    return order_id


def _recomputed(text: str, draft: DraftView) -> str:
    return content_hash(text, draft.context)
