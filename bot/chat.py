"""The platform-neutral chat layer: what every chat adapter (Slack, Discord, console) shares.

An adapter builds one :class:`ChatRequest` at its edge (who, where, text,
context, locale), calls :class:`ChatService`, and turns the result into its
message format; nothing in this module knows a platform:

* :class:`ChatService` submits drafts and takes decisions on the review
  workflow, turning the workflow's refusals into a :class:`ChatResult` with a
  message for the person (never an exception the adapter has to know). Which
  buttons a report shows, and whether a person may press one, come from
  :mod:`bot.policy`.
* :func:`render_report_parts` gives a report as a list of :class:`Section`
  (verdict, one per rule found, notes, context worth adding, rewrite, diff,
  status); :func:`split_text` splits any of them to a platform's size limit on
  line boundaries, never dropping a character.
* :func:`publish` posts a report, or edits the messages posted for the same
  conversation before, through a platform's :class:`ReplySurface`.
* :class:`EventLedger` remembers which platform events were handled (across
  replicas, in the review database) and which messages the bot posted for a
  conversation, so a retried or duplicated event gives exactly one reply and an
  edited draft updates the bot's reply in place.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from checks import (
    CheckSettings,
    Context,
    DraftError,
    Finding,
    Report,
    Severity,
    i18n,
    validate_text,
)
from checks.warm import warm_up_in_background

from . import policy, repository, states
from .messages import context_hint, message, rule_title
from .review import (
    Decision,
    DraftView,
    OverrideRequired,
    ReviewError,
    ReviewWorkflow,
    is_review_request,
)
from .store import Store

__all__ = [
    "ChatRequest", "ChatResult", "ChatService", "EventLedger", "Person", "Place", "Pressed", "ReplySurface",
    "Section", "message", "publish", "render_report_parts", "split_text", "status_line",
]

def warm_up_checks() -> None:
    """For a long-running bot: load every marketplace language's data in the
    background and keep it out of the garbage collector's way (checks/warm.py),
    so no buyer's draft waits for it. A one-shot check loads only what its draft needs."""
    warm_up_in_background()


def _count(n: int, kind: str, locale: str | None) -> str:
    return message(f"count.{kind}" if n == 1 else f"count.{kind}s", locale, n=n)


# -- requests and results -----------------------------------------------------------------

Names = Callable[[str], str]  # a platform user id -> how a report names that person


def plain_name(user_id: str) -> str:
    return user_id


@dataclass(frozen=True)
class Person:
    """Who is asking: a platform user id, their display name, and their roles or groups there."""

    id: str
    name: str | None = None
    roles: tuple[str, ...] = ()

    def actor(self) -> policy.Actor:
        return policy.Actor(self.id, self.roles)


@dataclass(frozen=True)
class Place:
    """A conversation: a draft and its report live in one (platform, channel, thread)."""

    platform: str
    channel: str
    thread: str = ""


@dataclass(frozen=True)
class ChatRequest:
    """One person's message to the bot, built once at the platform's edge.

    For a draft, ``text`` is the draft and ``context`` what is known about the
    order; for a decision, ``text`` is the reason given (if any).
    """

    who: Person
    where: Place
    text: str = ""
    context: Context | dict[str, Any] | None = None
    locale: str | None = None


@dataclass(frozen=True)
class Pressed:
    """A decision button (or command): the action, the draft, and the version the person saw."""

    action: str
    draft_id: int
    content_hash: str | None = None


@dataclass(frozen=True)
class ChatResult:
    """What happened to a chat request.

    ``ok`` False: nothing was recorded and ``error`` says why, for the person
    who asked. ``needs_reason`` marks a decision that needs a written reason
    (the adapter can offer its dialog).
    """

    ok: bool
    draft: DraftView | None = None
    recorded: bool = False
    new_revision: bool = False
    action: str | None = None
    actor: str | None = None
    error: str | None = None
    needs_reason: bool = False
    notice: str | None = None


class ChatService:
    """The review workflow as chat adapters use it."""

    def __init__(self, workflow: ReviewWorkflow, check_settings: CheckSettings | None = None) -> None:
        self.workflow = workflow
        self.amazon = None  # bot.amazon.actions.AmazonActions once connected (bot.amazon.actions.connect)
        self.check_settings = check_settings if check_settings is not None else workflow.check_settings
        if workflow.check_settings is None and check_settings is not None:
            workflow.check_settings = check_settings

    def may_approve(self, person: Person) -> bool:
        return self.workflow.settings.may_approve(person.id, list(person.roles))

    def buttons(self, draft: DraftView) -> list[str]:
        """The actions a report on ``draft`` offers now (every adapter draws these).

        Adding order details (a new version with more context) is offered only
        while the draft awaits a decision and only when it would let more checks run.
        """
        actions = policy.available_actions(draft, self.workflow.settings)
        if policy.EDIT in actions and (draft.state == states.APPROVED or not worth_adding(draft)):
            actions.remove(policy.EDIT)  # after approval, new details would only start the review over
        return actions

    def problem(self, text: str, locale: str | None = None) -> str | None:
        """Why ``text`` cannot be checked (empty, binary, too long), before anything is posted; else None."""
        try:
            validate_text(text)
        except DraftError as exc:
            return message("error.draft", locale, reason=_localized(exc.args[0], locale))
        return None

    async def submit_draft(self, request: ChatRequest) -> ChatResult:
        """Check and record a draft; a second submission in the same conversation is an edit."""
        who, where, locale = request.who, request.where, request.locale
        context = request.context
        from_amazon = None
        if self.amazon is not None:  # the order's facts from Amazon fill the context the person left out
            context, from_amazon = await self.amazon.complete(context, request.text)
        try:
            outcome = await self.workflow.submit(
                author=who.id, platform=where.platform, channel=where.channel, thread=where.thread,
                text=request.text, context=context,
            )
        except DraftError as exc:
            reason = _localized(exc.args[0], locale)
            return ChatResult(ok=False, actor=who.id, error=message("error.draft", locale, reason=reason))
        except ReviewError as exc:
            return ChatResult(ok=False, actor=who.id, error=_localized(exc.message, locale))
        notice = None
        if outcome.new_revision:
            notice = message("result.new_revision", locale)
        elif not outcome.recorded:
            notice = message("result.unchanged", locale)
        if from_amazon and outcome.recorded:
            notice = " ".join(filter(None, [notice, i18n.localize(from_amazon, i18n.ui_language(locale))]))
        return ChatResult(
            ok=True, draft=outcome.draft, recorded=outcome.recorded, new_revision=outcome.new_revision,
            action="submit", actor=who.id, notice=notice,
        )

    async def may(self, request: ChatRequest, pressed: Pressed) -> ChatResult:
        """Whether the person may take ``pressed`` now, before any dialog opens.

        ``ok`` with the current draft, else the first reason they should hear
        (another platform's draft, a version they did not see, their own draft,
        not an approver, the wrong state).
        """
        locale, actor = request.locale, request.who.id
        if pressed.action not in policy.TRANSITIONS:
            error = message("error.unknown_action", locale, action=pressed.action)
            return ChatResult(ok=False, actor=actor, error=error)
        try:
            current = await self.workflow.get(pressed.draft_id)
        except ReviewError:
            current = None
        if current is None or current.platform != request.where.platform:
            return ChatResult(ok=False, actor=actor, error=message("error.not_found", locale, id=pressed.draft_id))
        if pressed.content_hash and pressed.content_hash != current.content_hash:
            return ChatResult(ok=False, actor=actor, draft=current, error=message("error.stale", locale, id=current.id))
        why = policy.refusal(current, pressed.action, request.who.actor(), self.workflow.settings)
        if why is not None:
            return ChatResult(ok=False, actor=actor, draft=current, action=pressed.action,
                              error=_localized(why, locale))
        return ChatResult(ok=True, actor=actor, draft=current, action=pressed.action,
                          needs_reason=policy.needs_reason(pressed.action))

    async def decide(self, request: ChatRequest, pressed: Pressed) -> ChatResult:
        """Take ``pressed.action`` (approve, override, request_changes, withdraw, sent) on a draft.

        ``pressed.content_hash`` is the version the person saw (from the button
        they pressed); a draft of another platform counts as not found. The
        reason, where one is needed, is ``request.text``.
        """
        checked = await self.may(request, pressed)
        if not checked.ok:
            return checked
        action, locale, actor = pressed.action, request.locale, request.who.id
        reason = (request.text or "").strip() or None
        # Override without a reason: the workflow says which errors need one (OverrideRequired).
        if policy.needs_reason(action) and reason is None and action != policy.OVERRIDE:
            return ChatResult(ok=False, actor=actor, action=action, needs_reason=True,
                              error=message("error.reason_required", locale))
        wf, draft_id, roles = self.workflow, pressed.draft_id, list(request.who.roles)
        digest = checked.draft.content_hash
        try:
            if action in (policy.APPROVE, policy.OVERRIDE):
                outcome = await wf.approve(draft_id, actor, content_hash=digest, roles=roles, reason=reason)
            elif action == policy.CHANGES:
                outcome = await wf.request_changes(draft_id, actor, content_hash=digest, roles=roles, reason=reason)
            elif action == policy.WITHDRAW:
                outcome = await wf.withdraw(draft_id, actor, roles=roles, reason=reason)
            elif action == policy.SENT:
                outcome = await wf.mark_sent(draft_id, actor, content_hash=digest, roles=roles)
            else:  # an action registered in bot.policy without a handler here
                return ChatResult(ok=False, actor=actor, action=action,
                                  error=message("error.unknown_action", locale, action=action))
        except OverrideRequired as exc:
            return ChatResult(ok=False, actor=actor, action=action, error=_localized(exc.message, locale),
                              needs_reason=True)
        except ReviewError as exc:
            return ChatResult(ok=False, actor=actor, action=action, error=_localized(exc.message, locale))
        return ChatResult(
            ok=True, draft=outcome.draft, recorded=outcome.recorded, action=action, actor=actor,
            notice=None if outcome.recorded else message("result.repeated", locale),
        )

    async def add_context(self, request: ChatRequest, draft_id: int) -> ChatResult:
        """The same draft again with more order context (a new version, checked again); its author's to add."""
        try:
            current = await self.workflow.get(draft_id)
        except ReviewError:
            current = None
        if current is None or current.platform != request.where.platform or current.text is None:
            error = message("error.not_found", request.locale, id=draft_id)
            return ChatResult(ok=False, actor=request.who.id, error=error)
        why = policy.refusal(current, policy.EDIT, request.who.actor(), self.workflow.settings)
        if why is not None:
            return ChatResult(ok=False, actor=request.who.id, draft=current, error=_localized(why, request.locale))
        given = current.context.model_dump(exclude_unset=True) if current.context else {}
        added = request.context
        if isinstance(added, Context):
            added = added.model_dump(exclude_unset=True)
        where = Place(current.platform, current.channel, current.thread)
        context = {**given, **(added or {})}
        return await self.submit_draft(ChatRequest(request.who, where, current.text, context, request.locale))


def _localized(text: Any, locale: str | None) -> str:
    """A workflow or engine text (possibly a translatable ``Text``) in the person's language."""
    return i18n.localize(text, i18n.ui_language(locale))


# -- rendering -------------------------------------------------------------------------

EXCERPTS_SHOWN = 5  # distinct quotes under one rule's heading; the rest are counted
_ORDER_ID_LIKE = re.compile(r"\b\d{3}-\d{7}-\d{7}\b")


@dataclass(frozen=True)
class Section:
    """One piece of a reply. ``kind``: verdict, finding, notes, missing, rewrite, diff, status.

    ``body`` is plain text; ``code`` marks text to show verbatim (rewrite, diff).
    ``severity`` and ``rule`` are set on findings; ``count`` is how many
    findings of that rule the section stands for.
    """

    kind: str
    body: str
    title: str | None = None
    code: bool = False
    severity: str | None = None
    rule: str | None = None
    count: int = 1


def render_report_parts(
    report: Report | DraftView,
    text: str | None = None,
    locale: str | None = None,
    *,
    include_status: bool = True,
    names: Names = plain_name,
) -> list[Section]:
    """A report as sections a chat adapter formats: verdict, one section per rule
    found (repeats grouped), notes, the context worth adding, the rewrite ready
    to copy, a compact diff, and (for a draft) the status line. ``names`` says
    how to name a person (a mention, a display name) from their user id."""
    draft = report if isinstance(report, DraftView) else None
    if draft is not None:
        text = draft.text if text is None else text
        report = draft.report or Report(findings=[], language=None)
    text = text or ""
    sections = [Section("verdict", draft_verdict(draft, locale, names) if draft else verdict(report, locale),
                        title=_draft_title(draft, locale))]
    sections.extend(_finding_sections(report.findings, locale))
    if report.notes:
        notes = (i18n.localize(note, i18n.ui_language(locale)) for note in report.notes)
        sections.append(Section("notes", "\n".join(notes), title=message("notes.title", locale)))
    missing = _missing_lines(relevant_missing(report, text, draft.context if draft else None), locale)
    if missing:
        sections.append(Section("missing", "\n".join(missing), title=message("missing.title", locale)))
    if report.rewrite and report.rewrite != text:
        # "ready to copy" only for a rewrite whose re-check found nothing (checks/rewrite/verdict.py).
        title = "rewrite.title" if report.rewrite_status == "ready" else "rewrite.title-unready"
        sections.append(Section("rewrite", report.rewrite, title=message(title, locale), code=True))
        diff = compact_diff(text, report.rewrite)
        if diff:
            sections.append(Section("diff", diff, title=message("diff.title", locale), code=True))
    if report.rewrite_status in ("needs-person", "none") and report.rewrite_verdict:
        sections.append(_rewrite_status_section(report, locale))
    if draft is not None and include_status:
        sections.append(Section("status", status_line(draft, locale, names)))
    return sections


def _rewrite_status_section(report: Report, locale: str | None) -> Section:
    """What the re-check of the rewrite found, in words, with guidance for each rule left."""
    lang = i18n.ui_language(locale)
    lines = [i18n.localize(report.rewrite_verdict, lang)]
    lines.extend(message("rewrite.guidance", locale, rule=g.rule, text=i18n.localize(g.text, lang))
                 for g in report.guidance if g.rule != "rewrite")  # the verdict above already says it
    return Section("rewrite-status", "\n".join(lines), title=message("rewrite.status.title", locale))


def _draft_title(draft: DraftView | None, locale: str | None) -> str | None:
    if draft is None:
        return None
    return message("draft.title", locale, id=draft.id, revision=draft.revision)


def verdict(report: Report, locale: str | None = None) -> str:
    counts = {s: 0 for s in Severity}
    for f in report.findings:
        counts[f.severity] += 1
    errors = _count(counts[Severity.ERROR], "error", locale)
    warnings = _count(counts[Severity.WARNING], "warning", locale)
    if counts[Severity.ERROR]:
        return message("verdict.errors", locale, errors=errors, warnings=warnings)
    if counts[Severity.WARNING]:
        return message("verdict.warnings", locale, warnings=warnings)
    if counts[Severity.INFO]:
        return message("verdict.info", locale, infos=_count(counts[Severity.INFO], "info", locale))
    return message("verdict.clean", locale)


def overridden_by(draft: DraftView) -> list[Decision]:
    """The approvals of this version that overrode its errors."""
    return [d for d in draft.approvals if d.override]


def draft_verdict(draft: DraftView, locale: str | None = None, names: Names = plain_name) -> str:
    """The verdict on a draft's content, or, once approvers overrode its errors, that they did."""
    report = draft.report or Report(findings=[], language=None)
    overrides = overridden_by(draft)
    if draft.state in (states.APPROVED, states.SENT) and overrides:
        errors = _count(sum(f.severity is Severity.ERROR for f in report.findings), "error", locale)
        who = ", ".join(names(d.actor) for d in overrides)
        reasons = "; ".join(d.reason for d in overrides if d.reason)
        return message("verdict.overridden", locale, errors=errors, who=who, reason=reasons)
    return verdict(report, locale)


def _finding_sections(findings: Sequence[Finding], locale: str | None) -> list[Section]:
    """One section per rule, in the order each rule first fired; repeats become quotes under it."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    return [_finding_section(group, locale) for group in by_rule.values()]


def _finding_section(group: Sequence[Finding], locale: str | None) -> Section:
    first = group[0]
    lines = []
    quotes = list(dict.fromkeys(f.excerpt for f in group if f.excerpt))
    if quotes:
        shown = quotes[:EXCERPTS_SHOWN]
        line = "  ".join(f"“{q}”" for q in shown)
        if len(quotes) > len(shown):
            line += " " + message("finding.more", locale, n=len(quotes) - len(shown))
        lines.append(line)
    lang = i18n.ui_language(locale)
    lines.append(message("finding.why", locale, message=i18n.localize(first.message, lang)))
    if first.guideline:
        lines.append(message("finding.guideline", locale, guideline=i18n.localize(first.guideline, lang)))
    if first.fix is not None:
        lines.append(message("finding.fix", locale, title=i18n.localize(first.fix.title, lang)))
    title = rule_title(first.rule, locale)
    if len(group) > 1:
        title = message("finding.times", locale, title=title, n=len(group))
    return Section(
        "finding", "\n".join(lines), title=title, severity=first.severity.value, rule=first.rule, count=len(group),
    )


def relevant_missing(report: Report, text: str, context: Context | None = None) -> dict[str, list[str]]:
    """The rules that could not run for lack of context and would matter for this draft.

    A repeated review request matters only for a review request; the 30-day
    window only for a message the seller starts; whether the order id is this
    order's only when the text names one; the buyer's language only for a
    draft not in English (the language a team without a marketplace setting
    writes in). Attachments are always known on chat platforms, so never asked for.
    """
    proactive = context.proactive if context is not None else True
    asks_review = is_review_request(text, report)
    relevant = {
        "review.repeat": asks_review,
        "order.window": proactive,
        "order.id-mismatch": bool(_ORDER_ID_LIKE.search(text)),
        "lang.mismatch": report.language not in (None, "en") and not str(report.language).startswith("en-"),
        "attach.disallowed": False,
    }
    return {rule: keys for rule, keys in report.missing_context.items() if relevant.get(rule, True)}


def worth_adding(draft: DraftView) -> bool:
    """Whether more order context would let more checks run on this draft."""
    if draft.report is None or draft.text is None:
        return False
    return bool(relevant_missing(draft.report, draft.text, draft.context))


def _missing_lines(missing: Mapping[str, list[str]], locale: str | None) -> list[str]:
    """One line per thing to add ("The order id: to check ...; then ..."), each said once."""
    whys: dict[str, list[str]] = {}
    for rule_id, keys in sorted(missing.items()):
        hint = context_hint(rule_id, locale)
        what, why = hint if hint is not None else (" / ".join(keys), rule_title(rule_id, locale))
        whys.setdefault(what, [])
        if why not in whys[what]:
            whys[what].append(why)
    return [message("missing.line", locale, what=what, why="; ".join(why)) for what, why in whys.items()]


def compact_diff(before: str, after: str) -> str | None:
    """Changed lines only, ``-`` old and ``+`` new (no context lines); None when equal."""
    if before == after:
        return None
    lines = []
    for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        lines.append(line)
    return "\n".join(lines) or None


def status_line(draft: DraftView, locale: str | None = None, names: Names = plain_name) -> str:
    """Where the draft stands: who decided what and when, and what is still needed."""
    last = draft.decisions[-1] if draft.decisions else None
    who = names(last.actor if last else draft.author)
    reason = f" ({last.reason})" if last and last.reason else ""
    if draft.state == states.PENDING:
        text = message(
            "state.pending", locale, count=len(draft.approvals), required=draft.required_approvals
        )
        if draft.has_errors:
            text += " " + message("state.needs_override", locale)
    elif draft.state == states.APPROVED:
        text = message("state.approved", locale, who=", ".join(names(a) for a in draft.approvers) or who)
    elif draft.state in (states.CHANGES_REQUESTED, states.WITHDRAWN):
        text = message(f"state.{draft.state}", locale, who=who, reason=reason)
    else:
        text = message(f"state.{draft.state}", locale, who=who)
    if last is not None and draft.state == states.PENDING:
        kind = "override" if last.override else last.kind
        action = message(f"action.{kind}", locale, reason=last.reason or "")
        text += " " + message("state.last", locale, action=action, who=names(last.actor), when=format_time(last.at))
    return text


def format_time(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


# -- splitting to a platform's limits -----------------------------------------------------


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into parts of at most ``limit`` characters, on line boundaries.

    ``"".join(parts) == text`` always: nothing is dropped. A line longer than
    ``limit`` is cut at its last space before the limit, else at the limit.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    parts: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            cut = line.rfind(" ", 0, limit) + 1 or limit
            parts.append(line[:cut])
            line = line[cut:]
        if len(current) + len(line) > limit:
            parts.append(current)
            current = ""
        current += line
    if current or not parts:
        parts.append(current)
    return parts


def pack(pieces: Sequence[str], per_message: int, message_chars: int) -> list[list[str]]:
    """Group pieces (each already within the per-piece limit) into messages of at most
    ``per_message`` pieces and ``message_chars`` characters, keeping their order."""
    messages: list[list[str]] = [[]]
    size = 0
    for piece in pieces:
        if messages[-1] and (len(messages[-1]) >= per_message or size + len(piece) > message_chars):
            messages.append([])
            size = 0
        messages[-1].append(piece)
        size += len(piece)
    return messages if messages[-1] else messages[:-1]


def report_as_text(sections: Sequence[Section]) -> str:
    """All sections as one plain-text document (for an attached file or a plain message)."""
    out = []
    for section in sections:
        block = []
        if section.title:
            block.append(section.title)
        block.append(section.body)
        out.append("\n".join(block))
    return "\n\n".join(out) + "\n"


# -- posting, or editing in place --------------------------------------------------------


class ReplySurface(Protocol):
    """Where a platform shows the bot's report on one conversation."""

    async def post(self, message: Any) -> str:
        """Post ``message``; its id."""

    async def edit(self, message_id: str, message: Any) -> bool:
        """Replace an earlier message; False when it is gone (deleted by someone)."""

    async def delete(self, message_id: str) -> None:
        """Remove an earlier message that the new report no longer needs."""

    async def attach(self, name: str, text: str) -> None:
        """Add a text file to the conversation (a report too long for messages); only called
        when :func:`publish` is given an attachment."""


async def publish(
    ledger: EventLedger, where: Place, surface: ReplySurface, messages: Sequence[Any],
    attachment: tuple[str, str] | None = None,
) -> bool:
    """Post a report's messages, or edit those posted for this conversation before
    (a new version, a decision); extra old ones are deleted; ``attachment`` (name, text)
    goes along as a file. True when it edited."""
    earlier = await ledger.replies(where.platform, where.channel, where.thread)
    ids: list[str] = []
    edited = False
    for n, msg in enumerate(messages):
        if n < len(earlier) and await surface.edit(earlier[n], msg):
            ids.append(earlier[n])
            edited = True
        else:
            ids.append(await surface.post(msg))
    for message_id in earlier[len(messages):]:
        await surface.delete(message_id)
    await ledger.set_replies(where.platform, where.channel, where.thread, ids)
    if attachment is not None:
        await surface.attach(*attachment)
    return edited


# -- events handled and messages posted, across replicas ----------------------------------

class EventLedger:
    """Which platform events were handled, and where the bot replied (migration 0002)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def claim(self, platform: str, event_key: str) -> bool:
        """True for the first caller with this key (any replica); False for every later one."""
        async with self.store.transaction() as conn:
            return await repository.claim_event(conn, self.store.dialect, platform, event_key, self.store.clock())

    async def forget_older_than(self, age: dt.timedelta) -> int:
        """Drop event keys older than ``age`` (platforms stop retrying within hours); how many went."""
        async with self.store.transaction() as conn:
            return await repository.forget_events_before(conn, self.store.clock() - age)

    async def replies(self, platform: str, channel: str, thread: str) -> list[str]:
        """The ids of the messages the bot posted for this conversation's draft, in order."""
        async with self.store.transaction() as conn:
            return await repository.reply_ids(conn, platform, channel, thread)

    async def set_replies(self, platform: str, channel: str, thread: str, message_ids: Sequence[str]) -> None:
        async with self.store.transaction() as conn:
            await repository.set_reply_ids(conn, self.store.dialect, platform, channel, thread, message_ids, self.store.clock())
