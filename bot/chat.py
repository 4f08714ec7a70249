"""The platform-neutral chat layer: what every chat adapter (Slack, Discord, ...) shares.

An adapter turns a platform event into a call here and the result into the
platform's message format; nothing in this module knows a platform:

* :class:`ChatService` submits drafts and takes decisions on the review
  workflow, turning the workflow's refusals into a :class:`ChatResult` with a
  message for the person (never an exception the adapter has to know).
* :func:`render_report_parts` gives a report as a list of :class:`Section`
  (verdict, one per finding, notes, missing context, rewrite, diff, status);
  :func:`split_text` splits any of them to a platform's size limit on line
  boundaries, never dropping a character.
* :func:`message` is the one place user-facing strings come from, by locale.
* :class:`EventLedger` remembers which platform events were handled (across
  replicas, in the review database) and which messages the bot posted for a
  conversation, so a retried or duplicated event gives exactly one reply and an
  edited draft updates the bot's reply in place.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.dialects import postgresql, sqlite

from checks import CheckSettings, Context, DraftError, Finding, Report, Severity, i18n, parallel

from . import models_db as db
from .review import (
    APPROVE,
    CHANGES,
    SENT,
    WITHDRAW,
    DraftView,
    OverrideRequired,
    ReviewError,
    ReviewWorkflow,
)
from .store import Store

# -- user-facing strings -------------------------------------------------------------

DEFAULT_LOCALE = "en"

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "verdict.clean": "No problems found: this draft follows Amazon's messaging guidelines.",
        "verdict.errors": "Not ready to send: {errors} and {warnings}.",
        "verdict.warnings": "Can be sent, but look at {warnings} first.",
        "verdict.info": "Can be sent; {infos} to consider.",
        "count.error": "{n} error",
        "count.errors": "{n} errors",
        "count.warning": "{n} warning",
        "count.warnings": "{n} warnings",
        "count.info": "{n} note",
        "count.infos": "{n} notes",
        "draft.title": "Draft #{id}, version {revision}",
        "finding.why": "Why: {message}",
        "finding.guideline": "Guideline: {guideline}",
        "finding.fix": "Fix: {title}",
        "missing.title": "Not checked for lack of context:",
        "missing.line": "{rules}: needs {key}",
        "rewrite.title": "Suggested rewrite, ready to copy:",
        "diff.title": "What the rewrite changes:",
        "notes.title": "Notes:",
        "state.pending": "Waiting for approval: {count} of {required}.",
        "state.approved": "Approved by {who}; ready to send. Mark it as sent once it went out.",
        "state.changes_requested": "Changes requested by {who}{reason}. Edit the draft to submit a new version.",
        "state.withdrawn": "Withdrawn by {who}{reason}.",
        "state.sent": "Sent, marked by {who}.",
        "state.expired": "Expired: its text was removed after the retention period.",
        "state.needs_override": "It has errors: an approver can approve it only with Override and a reason.",
        "state.last": "Last: {action} by {who} at {when}.",
        "action.approve": "approved",
        "action.override": "approved with override ({reason})",
        "action.request_changes": "changes requested",
        "action.withdraw": "withdrawn",
        "action.sent": "marked as sent",
        "result.unchanged": "Nothing changed from the version under review.",
        "result.new_revision": "A new version: it was checked again, and earlier approvals no longer count.",
        "result.repeated": "You had already done this on this version.",
        "error.draft": "Cannot check this draft: {reason}",
        "error.unknown_action": "Unknown action {action!r}.",
        "error.not_found": "There is no draft #{id} here.",
        "error.reason_required": "A reason is required.",
        "error.override_not_needed": "This draft has no errors; approve it normally.",
        "error.override_approvers": "Only approvers can override errors.",
        "error.draft_required": "Paste the draft message here.",
        "draft.from": "Draft from {who} for review:",
        "button.approve": "Approve",
        "button.request_changes": "Request changes",
        "button.override": "Override",
        "button.sent": "Mark as sent",
        "hint.use_override": "Use Override and give the reason.",
        "part.continued": "(continued, part {n} of {total})",
        "part.attached": "The full report is in the attached file {name}.",
    },
    "zh": {
        "verdict.clean": "未发现问题：这份草稿符合亚马逊的买家消息规定。",
        "verdict.errors": "暂不能发送：{errors}，{warnings}。",
        "verdict.warnings": "可以发送，但请先查看{warnings}。",
        "verdict.info": "可以发送；有{infos}供参考。",
        "count.error": "{n} 个错误",
        "count.errors": "{n} 个错误",
        "count.warning": "{n} 个警告",
        "count.warnings": "{n} 个警告",
        "count.info": "{n} 条提示",
        "count.infos": "{n} 条提示",
        "draft.title": "草稿 #{id}，第 {revision} 版",
        "finding.why": "原因：{message}",
        "finding.guideline": "规定：{guideline}",
        "finding.fix": "修改：{title}",
        "missing.title": "因缺少上下文而未检查：",
        "missing.line": "{rules}：需要 {key}",
        "rewrite.title": "修改建议（可直接复制）：",
        "diff.title": "修改建议改动了什么：",
        "notes.title": "附注：",
        "state.pending": "等待审批：{count}/{required}。",
        "state.approved": "已由 {who} 批准，可以发送。发出后请标记为已发送。",
        "state.changes_requested": "{who} 要求修改{reason}。请编辑草稿并提交新版本。",
        "state.withdrawn": "已由 {who} 撤回{reason}。",
        "state.sent": "已发送，由 {who} 标记。",
        "state.expired": "已过期：保留期结束后，草稿内容已被删除。",
        "state.needs_override": "草稿有错误：审批人只能通过“强制批准”并填写理由来批准。",
        "state.last": "最近操作：{who} 于 {when} {action}。",
        "action.approve": "批准",
        "action.override": "强制批准（{reason}）",
        "action.request_changes": "要求修改",
        "action.withdraw": "撤回",
        "action.sent": "标记为已发送",
        "result.unchanged": "与正在审核的版本相比没有变化。",
        "result.new_revision": "这是新版本：已重新检查，之前的批准不再有效。",
        "result.repeated": "你已经对这个版本执行过此操作。",
        "error.draft": "无法检查这份草稿：{reason}",
        "error.unknown_action": "未知操作 {action!r}。",
        "error.not_found": "这里没有草稿 #{id}。",
        "error.reason_required": "必须填写理由。",
        "error.override_not_needed": "这份草稿没有错误，请直接批准。",
        "error.override_approvers": "只有审批人可以强制批准有错误的草稿。",
        "error.draft_required": "请在这里粘贴草稿消息。",
        "draft.from": "{who} 提交的草稿，请审核：",
        "button.approve": "批准",
        "button.request_changes": "要求修改",
        "button.override": "强制批准",
        "button.sent": "标记为已发送",
        "hint.use_override": "请使用“强制批准”并填写理由。",
        "part.continued": "（续，第 {n}/{total} 部分）",
        "part.attached": "完整报告见附件 {name}。",
    },
}


def start_html_worker(settings: CheckSettings | None) -> None:
    """For a long-running bot: the html.* rules of long HTML templates on a
    second core (checks/parallel.py), unless the team's config sets
    ``html_worker = false``."""
    if settings is None or settings.html_worker:
        parallel.start()


def message(key: str, locale: str | None = None, /, **values: Any) -> str:
    """The text for ``key`` in ``locale`` ("zh-CN", "en-US", ...), else English.

    Every string a person reads goes through here, so a translation is one
    more table in :data:`MESSAGES`.
    """
    table = MESSAGES.get(DEFAULT_LOCALE)
    for candidate in _locale_candidates(locale):
        if candidate in MESSAGES:
            table = MESSAGES[candidate]
            break
    text = table.get(key) or MESSAGES[DEFAULT_LOCALE][key]
    return text.format(**values) if values else text


def _locale_candidates(locale: str | None) -> list[str]:
    if not locale:
        return []
    tag = locale.replace("_", "-")
    parts = tag.split("-")
    return [tag, *("-".join(parts[:n]) for n in range(len(parts) - 1, 0, -1))]


def _count(n: int, kind: str, locale: str | None) -> str:
    return message(f"count.{kind}" if n == 1 else f"count.{kind}s", locale, n=n)


# -- results ---------------------------------------------------------------------------

ACTIONS = (APPROVE, "override", CHANGES, WITHDRAW, SENT)


@dataclass(frozen=True)
class ChatResult:
    """What happened to a chat request.

    ``ok`` False: nothing was recorded and ``error`` says why, for the person
    who asked. ``needs_reason`` marks an approval refused for lack of an
    override reason (the adapter can offer the Override dialog).
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

    def may_approve(self, actor: str, roles: Sequence[str] = ()) -> bool:
        return self.workflow.settings.may_approve(actor, list(roles))

    async def submit_draft(
        self,
        platform: str,
        channel: str,
        thread: str,
        author: str,
        text: str,
        context: Context | dict[str, Any] | None = None,
        roles: Sequence[str] = (),
        locale: str | None = None,
    ) -> ChatResult:
        """Check and record a draft; a second submission in the same thread is an edit."""
        del roles  # anyone may submit; kept so adapters pass the same things everywhere
        from_amazon = None
        if self.amazon is not None:  # the order's facts from Amazon fill the context the person left out
            context, from_amazon = await self.amazon.complete(context, text)
        try:
            outcome = await self.workflow.submit(
                author=author, platform=platform, channel=channel, thread=thread, text=text, context=context
            )
        except DraftError as exc:
            return ChatResult(ok=False, actor=author, error=message("error.draft", locale, reason=i18n.localize(exc.args[0], i18n.ui_language(locale))))
        except ReviewError as exc:
            return ChatResult(ok=False, actor=author, error=i18n.localize(exc.message, i18n.ui_language(locale)))
        notice = None
        if outcome.new_revision:
            notice = message("result.new_revision", locale)
        elif not outcome.recorded:
            notice = message("result.unchanged", locale)
        if from_amazon and outcome.recorded:
            notice = " ".join(filter(None, [notice, i18n.localize(from_amazon, i18n.ui_language(locale))]))
        return ChatResult(
            ok=True,
            draft=outcome.draft,
            recorded=outcome.recorded,
            new_revision=outcome.new_revision,
            action="submit",
            actor=author,
            notice=notice,
        )

    async def decide(
        self,
        platform: str,
        draft_id: int,
        actor: str,
        action: str,
        content_hash: str | None,
        roles: Sequence[str] = (),
        reason: str | None = None,
        locale: str | None = None,
    ) -> ChatResult:
        """Take ``action`` (approve, override, request_changes, withdraw, sent) on a draft.

        ``content_hash`` is the version the person saw (from the button they
        pressed); a draft of another platform counts as not found.
        """
        if action not in ACTIONS:
            return ChatResult(ok=False, actor=actor, error=message("error.unknown_action", locale, action=action))
        reason = (reason or "").strip() or None
        wf = self.workflow
        try:
            current = await wf.get(draft_id)
            if current.platform != platform:
                return ChatResult(ok=False, actor=actor, error=message("error.not_found", locale, id=draft_id))
            digest = content_hash or current.content_hash
            if action == "override":
                if reason is None:
                    return ChatResult(
                        ok=False, actor=actor, needs_reason=True, error=message("error.reason_required", locale)
                    )
                outcome = await wf.approve(draft_id, actor, content_hash=digest, roles=roles, reason=reason)
            elif action == APPROVE:
                outcome = await wf.approve(draft_id, actor, content_hash=digest, roles=roles, reason=reason)
            elif action == CHANGES:
                outcome = await wf.request_changes(draft_id, actor, content_hash=digest, roles=roles, reason=reason)
            elif action == WITHDRAW:
                outcome = await wf.withdraw(draft_id, actor, roles=roles, reason=reason)
            else:
                outcome = await wf.mark_sent(draft_id, actor, content_hash=digest, roles=roles)
        except OverrideRequired as exc:
            error = i18n.localize(exc.message, i18n.ui_language(locale))
            return ChatResult(ok=False, actor=actor, action=action, error=error, needs_reason=True)
        except ReviewError as exc:
            return ChatResult(ok=False, actor=actor, action=action, error=i18n.localize(exc.message, i18n.ui_language(locale)))
        return ChatResult(
            ok=True,
            draft=outcome.draft,
            recorded=outcome.recorded,
            action=action,
            actor=actor,
            notice=None if outcome.recorded else message("result.repeated", locale),
        )


# -- rendering -------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One piece of a reply. ``kind``: verdict, finding, notes, missing, rewrite, diff, status.

    ``body`` is plain text; ``code`` marks text to show verbatim (rewrite, diff).
    ``severity`` is set on findings.
    """

    kind: str
    body: str
    title: str | None = None
    code: bool = False
    severity: str | None = None
    rule: str | None = None


def render_report_parts(
    report: Report | DraftView,
    text: str | None = None,
    locale: str | None = None,
    *,
    include_status: bool = True,
) -> list[Section]:
    """A report as sections a chat adapter formats: verdict, findings, notes,
    missing context, the rewrite ready to copy, a compact diff, and (for a
    draft) the status line."""
    draft = report if isinstance(report, DraftView) else None
    if draft is not None:
        text = draft.text if text is None else text
        report = draft.report or Report(findings=[], language=None)
    text = text or ""
    sections = [Section("verdict", verdict(report, locale), title=_draft_title(draft, locale))]
    for finding in report.findings:
        sections.append(_finding_section(finding, locale))
    if report.notes:
        notes = (i18n.localize(note, i18n.ui_language(locale)) for note in report.notes)
        sections.append(Section("notes", "\n".join(notes), title=message("notes.title", locale)))
    missing = _missing_lines(report.missing_context, locale)
    if missing:
        sections.append(Section("missing", "\n".join(missing), title=message("missing.title", locale)))
    if report.rewrite and report.rewrite != text:
        sections.append(Section("rewrite", report.rewrite, title=message("rewrite.title", locale), code=True))
        diff = compact_diff(text, report.rewrite)
        if diff:
            sections.append(Section("diff", diff, title=message("diff.title", locale), code=True))
    if draft is not None and include_status:
        sections.append(Section("status", status_line(draft, locale)))
    return sections


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


def _finding_section(finding: Finding, locale: str | None) -> Section:
    lines = []
    if finding.excerpt:
        lines.append(f"“{finding.excerpt}”")
    lang = i18n.ui_language(locale)
    lines.append(message("finding.why", locale, message=i18n.localize(finding.message, lang)))
    if finding.guideline:
        lines.append(message("finding.guideline", locale, guideline=i18n.localize(finding.guideline, lang)))
    if finding.fix is not None:
        lines.append(message("finding.fix", locale, title=i18n.localize(finding.fix.title, lang)))
    return Section(
        "finding",
        "\n".join(lines),
        title=f"{finding.severity.value.upper()} {finding.rule}",
        severity=finding.severity.value,
        rule=finding.rule,
    )


def _missing_lines(missing: dict[str, list[str]], locale: str | None) -> list[str]:
    by_key: dict[str, list[str]] = {}
    for rule_id, keys in sorted(missing.items()):
        for key in keys:
            by_key.setdefault(key, []).append(rule_id)
    return [message("missing.line", locale, rules=", ".join(rules), key=key) for key, rules in by_key.items()]


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


def status_line(draft: DraftView, locale: str | None = None) -> str:
    """Where the draft stands: who decided what and when, and what is still needed."""
    last = draft.decisions[-1] if draft.decisions else None
    who = last.actor if last else draft.author
    reason = f" ({last.reason})" if last and last.reason else ""
    if draft.state == "pending":
        text = message(
            "state.pending", locale, count=len(draft.approvals), required=draft.required_approvals
        )
        if draft.has_errors:
            text += " " + message("state.needs_override", locale)
    elif draft.state == "approved":
        text = message("state.approved", locale, who=", ".join(draft.approvers) or who)
    elif draft.state in ("changes_requested", "withdrawn"):
        text = message(f"state.{draft.state}", locale, who=who, reason=reason)
    else:
        text = message(f"state.{draft.state}", locale, who=who)
    if last is not None and draft.state == "pending":
        kind = "override" if last.override else last.kind
        action = message(f"action.{kind}", locale, reason=last.reason or "")
        text += " " + message("state.last", locale, action=action, who=last.actor, when=format_time(last.at))
    return text


def format_time(at: dt.datetime) -> str:
    return at.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


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


# -- events handled and messages posted, across replicas ----------------------------------

chat_events = db.chat_events
chat_replies = db.chat_replies


class EventLedger:
    """Which platform events were handled, and where the bot replied (migration 0002)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _insert(self, table: Table):  # noqa: ANN202
        dialect = postgresql if self.store.dialect == "postgresql" else sqlite
        return dialect.insert(table)

    async def claim(self, platform: str, event_key: str) -> bool:
        """True for the first caller with this key (any replica); False for every later one."""
        statement = (
            self._insert(chat_events)
            .values(platform=platform, event_key=event_key[:255], created_at=self.store.clock())
            .on_conflict_do_nothing(index_elements=["platform", "event_key"])
        )
        async with self.store.transaction() as conn:
            result = await conn.execute(statement)
        return result.rowcount == 1

    async def forget_before(self, before: dt.datetime) -> int:
        """Drop event keys older than ``before`` (platforms stop retrying within hours)."""
        async with self.store.transaction() as conn:
            result = await conn.execute(chat_events.delete().where(chat_events.c.created_at < before))
        return result.rowcount

    async def replies(self, platform: str, channel: str, thread: str) -> list[str]:
        """The ids of the messages the bot posted for this conversation's draft, in order."""
        t = chat_replies
        async with self.store.transaction() as conn:
            row = (
                await conn.execute(
                    select(t.c.message_ids).where(
                        t.c.platform == platform, t.c.channel == channel, t.c.thread == thread
                    )
                )
            ).first()
        return json.loads(row.message_ids) if row else []

    async def set_replies(self, platform: str, channel: str, thread: str, message_ids: Sequence[str]) -> None:
        t = chat_replies
        now = self.store.clock()
        ids = json.dumps(list(message_ids))
        async with self.store.transaction() as conn:
            result = await conn.execute(
                update(t)
                .where(t.c.platform == platform, t.c.channel == channel, t.c.thread == thread)
                .values(message_ids=ids, updated_at=now)
            )
            if result.rowcount == 0:
                await conn.execute(
                    self._insert(t)
                    .values(platform=platform, channel=channel, thread=thread, message_ids=ids, updated_at=now)
                    .on_conflict_do_update(
                        index_elements=["platform", "channel", "thread"],
                        set_={"message_ids": ids, "updated_at": now},
                    )
                )
