"""``checkmsg console``: the whole review flow in a terminal, on the embedded SQLite store.

Paste a draft (end it with a line holding only ``.``, or end of input), read
the report, then approve, request changes, edit, withdraw or mark it sent as
a configured user. Works from a pipe as well as a terminal, so it can be
scripted::

    printf 'Hello, your order 123-1234567-1234567 ...\\n.\\nas bob\\napprove\\nsent\\n' | checkmsg console
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import select
import signal
import sys
import threading
import uuid
from typing import TextIO

from bot import policy
from bot.chat import ChatRequest, ChatResult, Person, Place, Pressed, warm_up_checks
from bot.render import render_text
from bot.review import DraftView, ReviewError
from bot.review_settings import ReviewSettings
from bot.services import Services
from bot.store import StoreUnavailable
from checks import i18n
from checks.i18n import say

from . import console_amazon
from .cli.common import InputError, context_from_args

PLATFORM = "console"
# The console's command for each workflow action (bot.policy); "approve <reason>" overrides errors.
COMMANDS = {
    policy.APPROVE: "approve", policy.OVERRIDE: "approve <reason>", policy.SENT: "sent",
    policy.CHANGES: "changes <note>", policy.WITHDRAW: "withdraw", policy.EDIT: "edit",
}
HELP = """\
Commands (the acting user decides; the author wrote the draft):
  approve [reason]   approve this version (a reason is required to override errors)
  changes [note]     send it back to the author with a note
  edit               paste a new version (it is checked again; approvals start over)
  withdraw [reason]  drop the draft
  sent               mark the approved draft as sent to the buyer
  as NAME            act as NAME from now on
  show               show the draft and its report again
  new                start a new draft
  help               this text
  quit               leave (also: end of input)"""


def run_console(
    args: argparse.Namespace,
    settings: ReviewSettings | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    check_settings=None,  # noqa: ANN001 - checks.CheckSettings, from the team config when wired
    checker=None,  # noqa: ANN001 - replaces checks.check (tests)
) -> int:
    """Handle ``checkmsg console``; returns the exit status."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    try:
        session = Console(args, settings, stdin, stdout, check_settings, checker)
    except InputError as exc:  # a context option that cannot be used
        lang = getattr(args, "ui_lang", None) or getattr(check_settings, "ui_language", None) or i18n.ENGLISH
        print(f"checkmsg console: {i18n.localize(exc.args[0], lang)}", file=stdout)
        return 2
    if checker is None and stdin.isatty():  # a person at the console: a long-running session
        warm_up_checks()
    try:
        with _ctrl_c_raises():
            return asyncio.run(session.run())
    except StoreUnavailable as exc:
        lang = getattr(args, "ui_lang", None) or getattr(check_settings, "ui_language", None) or i18n.ENGLISH
        print(f"checkmsg console: {i18n.localize(exc.message, lang)}", file=stdout)
        return exc.exit_status  # 2 a setting to change, 3 a server that does not answer
    except KeyboardInterrupt:  # the store was closed on the way out; what was submitted is kept
        print("\n" + say(session.lang, "console.interrupted", "Left the console (Ctrl-C). Drafts already submitted are kept in the review database."), file=stdout)
        return 130


@contextlib.contextmanager
def _ctrl_c_raises():
    """Ctrl-C as KeyboardInterrupt wherever the console waits, also in a
    blocking read of the next line. (asyncio.run's own handler would only
    cancel the session at its next await: nothing visible at the prompt, the
    next draft lost, a CancelledError on quit.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


class Console:
    def __init__(self, args, settings, stdin, stdout, check_settings, checker=None) -> None:  # noqa: ANN001
        settings = settings or ReviewSettings()
        approvers = list(args.approver or settings.approvers)
        self.user = args.user or (approvers[0] if approvers else "reviewer")
        self.author = args.author or _login()
        self.notes: list[str] = []
        configured = getattr(check_settings, "ui_language", None) or i18n.ENGLISH
        self.lang = getattr(args, "ui_lang", None) or configured
        if check_settings is not None and self.lang != configured:
            check_settings = check_settings.model_copy(update={"ui_language": self.lang})
        elif check_settings is None and self.lang != i18n.ENGLISH:
            from checks import CheckSettings

            check_settings = CheckSettings(ui_language=self.lang)
        if not approvers and not settings.approver_roles:
            approvers = [self.user]
            self.notes.append(say(self.lang, "console.no-approvers", "No approvers are configured; {user} approves in this session.", user=self.user))
        self.settings = settings.model_copy(update={"approvers": approvers})
        if args.database:
            self.settings = self.settings.model_copy(update={"database_url": args.database})
        self.context = context_from_args(args)
        self.check_settings = check_settings
        self.checker = checker
        self.stdin = stdin
        self.out = stdout
        self.interactive = _isatty(stdin)
        self.session = uuid.uuid4().hex[:8]
        self.drafts = 0
        self.draft: DraftView | None = None

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    async def run(self) -> int:
        services = await Services.open(self.settings, self.check_settings, checker=self.checker)
        store = services.store
        try:
            self.workflow, self.chat = services.workflow, services.chat
            purged = await self.workflow.purge_expired()
            self.say(say(self.lang, "console.header", "CheckMsg console — reviews are kept in {store}", store=store.describe()))
            roles = ""
            if self.settings.approver_roles:
                roles = say(self.lang, "console.roles", " (roles: {roles})", roles=", ".join(self.settings.approver_roles))
            self.say(
                say(
                    self.lang,
                    "console.people",
                    "Author: {author}. Acting as: {user}. Approvers: {approvers}{roles}. Approvals needed: {needed}.",
                    author=self.author,
                    user=self.user,
                    approvers=", ".join(self.settings.approvers) or "-",
                    roles=roles,
                    needed=self.settings.required_approvals,
                )
            )
            for note in self.notes:
                self.say(note)
            if purged:
                self.say(say(self.lang, "console.purged", "{count} old draft version(s) passed the retention period; their text was removed.", count=purged))
            if not await self.paste_and_submit():
                return 0
            while True:
                line = self.prompt(f"{self.user}> ")
                if line is None:
                    return 0
                line = line.strip()
                if not line:
                    continue
                if not self.interactive:
                    self.say(f"» {line}")
                if not await self.command(line):
                    return 0
        finally:
            await services.close()

    def prompt(self, text: str) -> str | None:
        if self.interactive:
            self.out.write(text)
            self.out.flush()
            _wait_for_input(self.stdin)
        line = self.stdin.readline()
        return None if line == "" else line.rstrip("\n").rstrip("\r")

    def read_draft(self) -> str | None:
        """Lines up to one holding only '.', or end of input; None when nothing came."""
        self.say(say(self.lang, "console.paste", 'Paste the draft; end it with a line holding only "." (or end of input).'))
        lines: list[str] = []
        while True:
            line = self.prompt("| ")
            if line is None or line.strip() == ".":
                break
            lines.append(line)
        if line is None and not any(s.strip() for s in lines):
            return None
        return "\n".join(lines)

    async def paste_and_submit(self) -> bool:
        """Read and submit a draft; False when input ended before one came."""
        while True:
            text = self.read_draft()
            if text is None:
                return False
            where = Place(PLATFORM, self.session, str(self.drafts))
            request = ChatRequest(Person(self.author), where, text, await console_amazon.context_for(self, text), self.lang)
            result = await self.chat.submit_draft(request)
            if not result.ok:
                self.say(say(self.lang, "console.cannot-check-again", "{reason} Paste it again.", reason=result.error))
                continue
            self.draft = result.draft
            if result.new_revision:
                self.say(say(self.lang, "console.new-version", "A new version: it was checked again, and earlier approvals no longer count."))
            elif not result.recorded:
                self.say(say(self.lang, "console.unchanged", "Nothing changed from the version under review."))
            self.show()
            return True

    async def command(self, line: str) -> bool:
        """Run one command; False to leave."""
        verb, _, rest = line.partition(" ")
        verb, rest = verb.lower(), rest.strip() or None
        draft = self.draft
        try:
            if verb in ("quit", "exit", "q"):
                return False
            if verb == "help":
                self.say(HELP if self.lang == i18n.ENGLISH else say(self.lang, "console.help", HELP))
            elif verb == "as":
                if not rest:
                    self.say(say(self.lang, "console.usage-as", "Usage: as NAME"))
                else:
                    self.user = rest
                    self.say(say(self.lang, "console.acting-as", "Acting as {user}.", user=self.user))
            elif verb == "show":
                self.draft = await self.workflow.get(draft.id)
                self.show()
            elif verb == "new":
                self.drafts += 1
                return await self.paste_and_submit()
            elif verb == "edit":
                return await self.paste_and_submit()
            elif verb == "approve":
                action = policy.OVERRIDE if draft.has_errors else policy.APPROVE
                result = await self.decide(action, rest)
                if result is not None:
                    state = describe_state(result.draft, self.lang)
                    if result.recorded:
                        self.say(say(self.lang, "console.approved", "Approved — {state}", state=state))
                    else:
                        self.say(say(self.lang, "console.already-approved", "You had already approved this version — {state}", state=state))
            elif verb in ("changes", "request-changes", "reject"):
                result = await self.decide(policy.CHANGES, rest)
                if result is not None:
                    self.say(
                        say(
                            self.lang,
                            "console.sent-back",
                            "Sent back to {author} — {state}. Type 'edit' to paste a new version.",
                            author=draft.author,
                            state=describe_state(result.draft, self.lang),
                        )
                    )
            elif verb == "withdraw":
                if await self.decide(policy.WITHDRAW, rest) is not None:
                    self.say(say(self.lang, "console.withdrawn", "Withdrawn. Type 'new' for another draft."))
            elif verb in ("sent", "send"):
                result = await self.decide(policy.SENT, None)
                if result is not None:
                    already = "" if result.recorded else say(self.lang, "console.already-sent", " (It already was.)")
                    self.say(say(self.lang, "console.marked-sent", "Marked as sent.{already} Type 'new' for another draft.", already=already))
            elif verb == "amazon":
                await console_amazon.command(self, rest)
            else:
                self.say(say(self.lang, "console.unknown-command", "Unknown command {verb!r}. Type 'help'.", verb=verb))
        except ReviewError as exc:
            self.say(say(self.lang, "console.not-done", "Not done: {reason}", reason=i18n.localize(exc.message, self.lang)))
        return True

    async def decide(self, action: str, reason: str | None) -> ChatResult | None:
        """Take ``action`` on the draft as the acting user (through bot.chat, as Slack and Discord do);
        None, after saying why, when it was not done."""
        request = ChatRequest(Person(self.user), Place(PLATFORM, self.session, str(self.drafts)), reason or "",
                              locale=self.lang)
        result = await self.chat.decide(request, Pressed(action, self.draft.id, self.draft.content_hash))
        if result.ok:
            self.draft = result.draft
            return result
        if result.needs_reason and action == policy.OVERRIDE:
            self.say(say(self.lang, "console.not-approved", "Not approved: {reason}\nType: approve <your reason>", reason=result.error))
        else:
            self.say(say(self.lang, "console.not-done", "Not done: {reason}", reason=result.error))
        return None

    def show(self) -> None:
        draft = self.draft
        self.say("")
        self.say(
            say(
                self.lang,
                "console.draft",
                "Draft #{id}, version {revision} by {by} (content {hash}) — {state}",
                id=draft.id,
                revision=draft.revision,
                by=draft.submitted_by,
                hash=draft.content_hash[:12],
                state=describe_state(draft, self.lang),
            )
        )
        if draft.report is not None and draft.text is not None:
            label = say(self.lang, "console.label", "draft #{id} v{revision}", id=draft.id, revision=draft.revision)
            self.say(render_text(draft.report, draft.text, label, self.lang))
        if draft.review_request:
            self.say(say(self.lang, "console.review-request", "This draft asks for a review: once approved or sent, the order remembers it."))
        allowed = policy.allowed_actions(draft, policy.Actor(self.user), self.settings)
        commands = [COMMANDS[action] for action in allowed if action in COMMANDS]
        if commands:
            self.say(say(self.lang, "console.you-can", "{user} can now: {commands}", user=self.user,
                         commands=", ".join(commands)))
        self.say(say(self.lang, "console.help-hint", "Type 'help' for the commands.") if self.interactive else "")


def describe_state(draft: DraftView, lang: str = i18n.ENGLISH) -> str:
    if draft.state == "pending":
        return say(lang, "console.state.pending", "waiting for approval ({count} of {needed})", count=len(draft.approvals), needed=draft.required_approvals)
    if draft.state == "approved":
        return say(lang, "console.state.approved", "approved by {approvers}; ready to send", approvers=", ".join(draft.approvers))
    return {
        "changes_requested": say(lang, "console.state.changes_requested", "changes requested"),
        "withdrawn": say(lang, "console.state.withdrawn", "withdrawn"),
        "sent": say(lang, "console.state.sent", "sent"),
        "expired": say(lang, "console.state.expired", "expired"),
    }.get(draft.state, draft.state)


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "author"


def _wait_for_input(stream: TextIO, slice_seconds: float = 0.2) -> None:
    """Wait for the terminal's next line in short slices. The kernel may hand
    a Ctrl-C (SIGINT) to any thread of the process, e.g. the database's
    worker thread; Python then runs the handler in the main thread at its
    next step, which a read blocked on the terminal never takes: the console
    would sit there until Enter. Between two slices it takes that step. A
    terminal in line mode gives a read one line at a time, so nothing waits
    in the stream's buffer while this looks at the file descriptor."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    while not select.select([fd], [], [], slice_seconds)[0]:
        pass


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
