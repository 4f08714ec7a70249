"""The review and approval workflow: submit, check, approve / request changes / withdraw, send.

Every decision names the content hash it was made on. Editing a draft (a new
submission in the same platform/channel/thread while it is open) makes a new
revision, checks it again, and leaves earlier approvals behind: they belong
to the old hash.

Who may take which action in which state is ``bot/policy.py``'s table; the
rows are read and written through ``bot/repository.py``, each step in one
transaction of the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from checks import CheckSettings, Context, Draft, Report, check, validate_text
from checks.i18n import tr
from checks.models import TRUSTED

from . import repository, states
from .policy import APPROVE, CHANGES, SENT, WITHDRAW, state_words, states_for
from .review_settings import ReviewSettings
from .store import Conflict, Store, order_key, thread_key

Checker = Callable[[Draft, CheckSettings | None], Awaitable[Report]]


class ReviewError(Exception):
    """A decision that cannot be taken; ``message`` says why, for the person who tried."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DraftNotFound(ReviewError):
    pass


class NotAllowed(ReviewError):
    """The person may not take this decision (not an approver, own draft, overrides off)."""


class OverrideRequired(ReviewError):
    """The content has error findings; approving it needs a written reason."""

    def __init__(self, message: str, rule_ids: Sequence[str]) -> None:
        super().__init__(message)
        self.rule_ids = list(rule_ids)


class StaleContent(ReviewError):
    """The draft changed after the person looked at it."""


class InvalidState(ReviewError):
    """The draft is not in a state that allows this (e.g. sending before approval)."""


# -- review-request detection --------------------------------------------------------

_REVIEW_WORD = re.compile(
    r"\b(?:reviews?|feedback|bewertung\w*|avis|reseñas?|recension[ei])\b|レビュー|評価",
    re.IGNORECASE,
)
_ASK_VERB = re.compile(r"\b(?:leave|write|share|hinterlassen|laisser|dejar|lasciare)\b", re.IGNORECASE)


def is_review_request(text: str, report: Report | None = None) -> bool:
    """Whether a draft asks for a review or feedback (what order memory counts).

    True when any ``review.*`` rule fired, or when the text names a review
    or feedback together with a verb asking to leave/write/share one.
    """
    if report is not None and any(f.rule.startswith("review.") for f in report.findings):
        return True
    return bool(_REVIEW_WORD.search(text) and _ASK_VERB.search(text))


def content_hash(text: str, context: Context) -> str:
    """sha256 of the text and the context as submitted: what a decision is bound to."""
    payload = json.dumps(
        {"text": text, "context": context.model_dump(mode="json", exclude_none=True)},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# -- what callers get back --------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    actor: str
    kind: str
    content_hash: str
    reason: str | None
    override: bool
    at: dt.datetime


@dataclass(frozen=True)
class DraftView:
    """A draft as it stands now, with its current revision."""

    id: int
    platform: str
    channel: str
    thread: str
    author: str
    state: str
    revision: int
    content_hash: str
    submitted_by: str
    text: str | None  # None once purged
    context: Context | None
    report: Report | None
    rule_ids: list[str]
    has_errors: bool
    review_request: bool
    approvals: list[Decision]
    required_approvals: int
    decisions: list[Decision] = field(default_factory=list)

    @property
    def approved(self) -> bool:
        return self.state == states.APPROVED

    @property
    def approvers(self) -> list[str]:
        return [d.actor for d in self.approvals]


@dataclass(frozen=True)
class Outcome:
    """The draft after an action; ``recorded`` is False when it repeated an earlier one."""

    draft: DraftView
    recorded: bool
    new_revision: bool = False


# -- the workflow ---------------------------------------------------------------------


class ReviewWorkflow:
    def __init__(
        self,
        store: Store,
        settings: ReviewSettings | None = None,
        check_settings: CheckSettings | None = None,
        checker: Checker | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or ReviewSettings()
        self.check_settings = check_settings
        self.checker: Checker = checker or check

    # -- submitting ----------------------------------------------------------------

    async def submit(
        self,
        *,
        author: str,
        platform: str,
        channel: str,
        thread: str = "",
        text: str,
        context: Context | dict[str, Any] | None = None,
    ) -> Outcome:
        """Check a draft and record it; in an open conversation it is an edit (a new revision).

        Raises ``checks.DraftError`` for an empty, binary or oversized draft.
        """
        validate_text(text)
        if isinstance(context, dict):
            context = Context.model_validate(context)
        context = context or Context()
        digest = content_hash(text, context)
        okey = order_key(context.order_id)
        tkey = thread_key(platform, channel, thread)

        for _attempt in range(5):
            # 1. What the store knows now (no lock held while the rules run).
            async with self.store.transaction() as conn:
                draft = await repository.lock_open_draft(conn, tkey)
                if draft is not None:
                    current = await repository.read_revision(conn, draft.id, draft.current_revision)
                    if current.content_hash == digest:
                        return Outcome(await self._view(conn, draft.id), recorded=False)
                previous = (
                    await repository.count_review_requests(
                        conn, okey, exclude_draft=draft.id if draft is not None else None
                    )
                    if okey
                    else 0
                )
            # 2. Check, with the order's history filled in for review.repeat.
            checked_context = context
            if okey is not None:
                given = context.previous_review_requests or 0
                checked_context = context.model_copy(
                    update={"previous_review_requests": max(given, previous)}
                )
                checked_context.model_fields_set.add("previous_review_requests")
            report = await self.checker(Draft(text=text, context=checked_context), self.check_settings)
            # 3. Record, if nothing moved meanwhile; else start again.
            try:
                async with self.store.transaction() as conn:
                    now = self.store.clock()
                    again = await repository.lock_open_draft(conn, tkey)
                    if (again.id if again else None) != (draft.id if draft else None):
                        continue
                    if again is not None and again.version != draft.version:
                        continue
                    if okey is not None:
                        recount = await repository.count_review_requests(
                            conn, okey, exclude_draft=again.id if again else None
                        )
                        if recount != previous:
                            continue
                    draft_id = await self._record(
                        conn, again, author, platform, channel, thread, tkey,
                        text, context, digest, okey, report, now,
                    )
                    return Outcome(
                        await self._view(conn, draft_id), recorded=True, new_revision=again is not None
                    )
            except Conflict:
                # Another replica opened a draft in this conversation, or edited it, at the same time.
                continue
        raise ReviewError(tr("review.too-busy", "The draft changed too often while it was being checked; submit it again."))

    async def _record(
        self, conn, draft, author, platform, channel, thread, tkey,
        text, context, digest, okey, report, now,
    ) -> int:  # noqa: ANN001
        rule_ids = report.rule_ids()
        if draft is None:
            draft_id = await repository.insert_draft(
                conn, platform=platform, channel=channel, thread=thread, open_key=tkey, author=author, now=now
            )
            number, action = 1, "submitted"
        else:
            draft_id = draft.id
            number, action = draft.current_revision + 1, "edited"
            if not await repository.advance_revision(conn, draft, number, now):
                raise Conflict(f"draft #{draft.id} changed concurrently")
        await repository.insert_revision(
            conn,
            draft_id=draft_id,
            number=number,
            content_hash=digest,
            submitted_by=author,
            text=text,
            context_json=context.model_dump_json(exclude_unset=True),
            report_json=report.model_dump_json(),
            rule_ids=rule_ids,
            has_errors=report.has_errors,
            review_request=is_review_request(text, report),
            order_key=okey,
            now=now,
        )
        row = await repository.lock_draft(conn, draft_id)
        await repository.append_audit(
            conn, at=now, actor=author, action=action, draft=row,
            revision=number, content_hash=digest, rule_ids=rule_ids,
        )
        return draft_id

    # -- deciding ------------------------------------------------------------------

    async def approve(
        self,
        draft_id: int,
        actor: str,
        *,
        content_hash: str,
        roles: Sequence[str] = (),
        reason: str | None = None,
    ) -> Outcome:
        """Approve the content with hash ``content_hash``; errors need a ``reason`` (override)."""
        async with self.store.transaction() as conn:
            draft, revision = await self._locked(conn, draft_id, content_hash)
            self._require_approver(actor, roles, tr("review.verb.approve", "approve"))
            if actor in (draft.author, revision.submitted_by):
                raise NotAllowed(tr("review.own-draft", "You cannot approve a draft you wrote; another approver has to."))
            if await repository.has_decided(conn, revision.id, actor, APPROVE):
                return Outcome(await self._view(conn, draft_id), recorded=False)
            if draft.state == states.CHANGES_REQUESTED:
                raise InvalidState(
                    tr(
                        "review.changes-requested",
                        "Changes were requested on this version; it can be approved again once an edited draft is submitted.",
                    )
                )
            self._require_state(draft, states_for(APPROVE), tr("review.state-verb.approve", "approve it"))
            override = bool(revision.has_errors)
            reason = (reason or "").strip() or None
            rule_ids = json.loads(revision.rule_ids)
            if override:
                errors = _error_rules(revision)
                if not self.settings.allow_override:
                    raise NotAllowed(
                        tr(
                            "review.no-override",
                            "This draft has errors ({rules}) and your team does not allow overriding them; edit the draft instead.",
                            rules=", ".join(errors),
                        )
                    )
                if reason is None:
                    raise OverrideRequired(
                        tr(
                            "review.override-required",
                            "This draft has errors ({rules}). To approve it anyway, give the reason for the override; "
                            "it is kept in the audit trail.",
                            rules=", ".join(errors),
                        ),
                        errors,
                    )
            now = self.store.clock()
            await repository.insert_decision(
                conn, draft=draft, revision=revision, actor=actor, kind=APPROVE, reason=reason, override=override, now=now
            )
            await repository.append_audit(
                conn, at=now, actor=actor,
                action="approved_override" if override else "approved",
                draft=draft, revision=revision.number, content_hash=revision.content_hash,
                rule_ids=rule_ids, reason=reason,
            )
            approvals = await repository.count_decisions(conn, revision.id, APPROVE)
            state = draft.state
            if draft.state == states.PENDING and approvals >= self.settings.required_approvals:
                state = states.APPROVED
                await self._remember_review_request(conn, draft, revision, now)
                await repository.append_audit(
                    conn, at=now, actor=actor, action="approval_complete", draft=draft,
                    revision=revision.number, content_hash=revision.content_hash,
                    rule_ids=rule_ids,
                    reason=f"{approvals} of {self.settings.required_approvals} approvals",
                )
            await self._set_state(conn, draft, state, now)
            return Outcome(await self._view(conn, draft_id), recorded=True)

    async def request_changes(
        self,
        draft_id: int,
        actor: str,
        *,
        content_hash: str,
        roles: Sequence[str] = (),
        reason: str | None = None,
    ) -> Outcome:
        """Send the draft back to its author; earlier approvals of this version stop counting."""
        async with self.store.transaction() as conn:
            draft, revision = await self._locked(conn, draft_id, content_hash)
            self._require_approver(actor, roles, tr("review.verb.request-changes", "request changes on"))
            if await repository.has_decided(conn, revision.id, actor, CHANGES):
                return Outcome(await self._view(conn, draft_id), recorded=False)
            self._require_state(draft, states_for(CHANGES), tr("review.state-verb.send-back", "send it back"))
            return await self._decide(
                conn, draft, revision, actor, CHANGES, "changes_requested", reason, states.CHANGES_REQUESTED
            )

    async def withdraw(
        self,
        draft_id: int,
        actor: str,
        *,
        roles: Sequence[str] = (),
        reason: str | None = None,
    ) -> Outcome:
        """The author (or an approver) drops the draft; it will not be sent."""
        async with self.store.transaction() as conn:
            draft, revision = await self._locked(conn, draft_id, None)
            if draft.state == states.WITHDRAWN:
                return Outcome(await self._view(conn, draft_id), recorded=False)
            await self._require_involved(conn, draft, actor, roles, tr("review.what.withdraw", "withdraw it"))
            self._require_state(draft, states_for(WITHDRAW), tr("review.state-verb.withdraw", "withdraw it"))
            return await self._decide(conn, draft, revision, actor, WITHDRAW, "withdrawn", reason, states.WITHDRAWN)

    async def mark_sent(
        self,
        draft_id: int,
        actor: str,
        *,
        content_hash: str,
        roles: Sequence[str] = (),
    ) -> Outcome:
        """Record that the approved content went to the buyer."""
        async with self.store.transaction() as conn:
            draft, revision = await self._locked(conn, draft_id, content_hash)
            if draft.state == states.SENT:
                return Outcome(await self._view(conn, draft_id), recorded=False)
            await self._require_sendable(conn, draft, revision, actor, roles)
            await self._remember_review_request(conn, draft, revision, self.store.clock())
            return await self._decide(conn, draft, revision, actor, SENT, "sent", None, states.SENT)

    async def lock_sendable(self, conn, draft_id: int, actor: str, *, content_hash: str, roles: Sequence[str] = ()):  # noqa: ANN001, ANN201
        """The draft and its revision, locked in ``conn``'s transaction, when ``actor`` may send this
        content now (what :meth:`mark_sent` requires); raises :class:`ReviewError` otherwise.
        The Amazon send guard (bot/amazon/send.py) claims its send inside this lock."""
        draft, revision = await self._locked(conn, draft_id, content_hash)
        if draft.state == states.SENT:
            raise InvalidState(tr("review.only-approved", "This draft is {state}; only an approved draft can be sent.", state=state_words(draft.state)))
        await self._require_sendable(conn, draft, revision, actor, roles)
        return draft, revision

    async def _require_sendable(self, conn, draft, revision, actor: str, roles: Sequence[str]) -> None:  # noqa: ANN001
        await self._require_involved(conn, draft, actor, roles, tr("review.what.mark-sent", "mark it sent"))
        if draft.state not in states_for(SENT):
            raise InvalidState(
                tr("review.only-approved", "This draft is {state}; only an approved draft can be sent.", state=state_words(draft.state))
            )
        approvals = await repository.count_decisions(conn, revision.id, APPROVE)
        if approvals < self.settings.required_approvals:
            raise InvalidState(
                tr(
                    "review.approvals-missing",
                    "This version has {count} of {needed} required approvals; it cannot be sent yet.",
                    count=approvals,
                    needed=self.settings.required_approvals,
                )
            )

    # -- reading -------------------------------------------------------------------

    async def get(self, draft_id: int) -> DraftView:
        async with self.store.transaction() as conn:
            return await self._view(conn, draft_id)

    async def purge_expired(self) -> int:
        """Apply the team's retention period: blank the text, context and report of revisions older
        than it (hashes, rule ids and decisions stay); an open draft whose current text goes
        expires. Returns how many revisions were purged."""
        days = self.settings.retention_days
        if days is None:
            return 0
        now = self.store.clock()
        async with self.store.transaction() as conn:
            return await repository.purge_before(conn, now - dt.timedelta(days=days), now, days)

    # -- internals -----------------------------------------------------------------

    async def _locked(self, conn, draft_id: int, expected_hash: str | None):  # noqa: ANN001
        draft = await repository.lock_draft(conn, draft_id)
        if draft is None:
            raise DraftNotFound(tr("review.no-draft", "There is no draft #{id}.", id=draft_id))
        revision = await repository.read_revision(conn, draft.id, draft.current_revision)
        if expected_hash is not None and revision.content_hash != expected_hash:
            raise StaleContent(
                tr(
                    "review.stale",
                    "Draft #{id} changed after you looked at it (it is now version {revision}, {hash}); "
                    "read the new version and decide again.",
                    id=draft_id,
                    revision=revision.number,
                    hash=revision.content_hash[:12],
                )
            )
        if draft.state == states.EXPIRED or (revision.purged_at is not None and draft.state in states.OPEN_STATES):
            raise InvalidState(tr("review.expired", "Draft #{id} expired: its text was purged after the retention period.", id=draft_id))
        return draft, revision

    def _require_approver(self, actor: str, roles: Sequence[str], verb: str) -> None:
        if not self.settings.may_approve(actor, roles):
            raise NotAllowed(
                tr(
                    "review.not-approver",
                    "{actor} is not an approver, so cannot {verb} drafts. "
                    "Approvers are set in the team's [review] settings (approvers, approver_roles).",
                    actor=actor,
                    verb=verb,
                )
            )

    async def _require_involved(self, conn, draft, actor: str, roles: Sequence[str], what: str) -> None:  # noqa: ANN001
        authors = {draft.author, *(await repository.submitters(conn, draft.id))}
        if actor not in authors and not self.settings.may_approve(actor, roles):
            raise NotAllowed(tr("review.not-involved", "Only the draft's author or an approver can {what}.", what=what))

    async def _decide(self, conn, draft, revision, actor, kind, action, reason, state) -> Outcome:  # noqa: ANN001
        """Record one decision on the current revision, its audit line, and the new state."""
        now = self.store.clock()
        reason = (reason or "").strip() or None
        await repository.insert_decision(conn, draft=draft, revision=revision, actor=actor, kind=kind, reason=reason, override=False, now=now)
        await repository.append_audit(
            conn, at=now, actor=actor, action=action, draft=draft,
            revision=revision.number, content_hash=revision.content_hash,
            rule_ids=json.loads(revision.rule_ids), reason=reason,
        )
        await self._set_state(conn, draft, state, now)
        return Outcome(await self._view(conn, draft.id), recorded=True)

    @staticmethod
    def _require_state(draft, allowed: Sequence[str], verb: str) -> None:  # noqa: ANN001
        if draft.state not in allowed:
            raise InvalidState(
                tr("review.wrong-state", "Draft #{id} is {state}; you cannot {verb} now.", id=draft.id, state=state_words(draft.state), verb=verb)
            )

    async def _set_state(self, conn, draft, state: str, now: dt.datetime) -> None:  # noqa: ANN001
        if not await repository.set_state(conn, draft, state, now):
            raise ReviewError(tr("review.race", "Draft #{id} changed at the same moment; try again.", id=draft.id))

    async def _remember_review_request(self, conn, draft, revision, now) -> None:  # noqa: ANN001
        if revision.review_request and revision.order_key is not None:
            await repository.remember_review_request(
                conn, order_key=revision.order_key, draft_id=draft.id, revision_id=revision.id,
                content_hash=revision.content_hash, now=now,
            )

    async def _view(self, conn, draft_id: int) -> DraftView:  # noqa: ANN001
        draft = await repository.read_draft(conn, draft_id)
        if draft is None:
            raise DraftNotFound(tr("review.no-draft", "There is no draft #{id}.", id=draft_id))
        revision = await repository.read_revision(conn, draft.id, draft.current_revision)
        decisions = [
            Decision(r.actor, r.kind, r.content_hash, r.reason, bool(r.override), r.created_at)
            for r in await repository.read_decisions(conn, revision.id)
        ]
        return DraftView(
            id=draft.id,
            platform=draft.platform,
            channel=draft.channel,
            thread=draft.thread,
            author=draft.author,
            state=draft.state,
            revision=revision.number,
            content_hash=revision.content_hash,
            submitted_by=revision.submitted_by,
            text=revision.text,
            context=Context.model_validate_json(revision.context_json, context=TRUSTED) if revision.context_json else None,
            report=Report.model_validate_json(revision.report_json) if revision.report_json else None,
            rule_ids=json.loads(revision.rule_ids),
            has_errors=bool(revision.has_errors),
            review_request=bool(revision.review_request),
            approvals=[d for d in decisions if d.kind == APPROVE],
            required_approvals=self.settings.required_approvals,
            decisions=decisions,
        )


def _error_rules(revision) -> list[str]:  # noqa: ANN001
    if revision.report_json:
        report = Report.model_validate_json(revision.report_json)
        errors = sorted({f.rule for f in report.findings if f.severity.value == "error"})
        if errors:
            return errors
    return json.loads(revision.rule_ids)

