"""``checkmsg console`` driven by scripted (non-TTY) input on an embedded SQLite file."""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from adapters.cli import audit as audit_command
from adapters.cli import console as console_command
from adapters.console import run_console
from bot.audit import export_audit
from bot.review_settings import ReviewSettings
from bot.store import Store

try:
    from .conftest_workflow import FakeChecker
except ImportError:
    from conftest_workflow import FakeChecker

ROOT = Path(__file__).resolve().parents[1]
DRAFT = "Hello, your order 302-1234567-7654321 has a manual attached.\nKind regards"


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="checkmsg")
    sub = parser.add_subparsers(dest="command", required=True)
    console_command.configure(sub.add_parser("console"))
    audit_command.configure(sub.add_parser("audit"))
    return parser.parse_args(list(argv))


def console(db: Path, script: str, *argv: str, settings: ReviewSettings | None = None) -> tuple[int, str]:
    out = io.StringIO()
    args = _args("console", "--database", str(db), *argv)
    status = run_console(args, settings or ReviewSettings(), io.StringIO(script), out)
    return status, out.getvalue()


def audit(db: Path) -> list[dict]:
    async def go() -> list[dict]:
        store = await Store.open(str(db))
        try:
            out = io.StringIO()
            await export_audit(store, "json", out)
            return json.loads(out.getvalue())
        finally:
            await store.close()

    return asyncio.run(go())


def test_paste_approve_send(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    script = f"{DRAFT}\n.\napprove\nsent\n"
    status, out = console(db, script, "--author", "alice", "--user", "bob", "--approver", "bob")
    assert status == 0, out
    assert "Draft #1, version 1 by alice" in out
    assert "Approved" in out and "Marked as sent" in out
    events = audit(db)
    assert [(e["actor"], e["action"]) for e in events] == [
        ("alice", "submitted"), ("bob", "approved"), ("bob", "approval_complete"), ("bob", "sent"),
    ]


def test_own_draft_cannot_be_approved_and_as_switches_user(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    script = f"{DRAFT}\n.\napprove\nas carol\napprove\n"
    settings = ReviewSettings(approvers=["alice", "carol"])
    status, out = console(db, script, "--author", "alice", "--user", "alice", settings=settings)
    assert status == 0
    assert "cannot approve a draft you wrote" in out
    assert "Acting as carol" in out
    assert [e["actor"] for e in audit(db) if e["action"] == "approved"] == ["carol"]


def test_changes_then_edit_then_approve(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    edited = DRAFT + "\nThe warranty card is attached as well."
    script = f"{DRAFT}\n.\nchanges mention the warranty\nedit\n{edited}\n.\napprove\n"
    status, out = console(db, script, "--author", "alice", "--user", "bob", "--approver", "bob")
    assert status == 0
    assert "Sent back to alice" in out
    assert "version 2" in out and "earlier approvals no longer count" in out
    actions = [(e["action"], e["revision"]) for e in audit(db)]
    assert actions == [
        ("submitted", 1), ("changes_requested", 1), ("edited", 2), ("approved", 2), ("approval_complete", 2),
    ]


def test_draft_ends_at_end_of_input(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    status, out = console(db, DRAFT, "--author", "alice")
    assert status == 0
    assert "Draft #1" in out
    assert "No approvers are configured; reviewer approves" in out
    assert [e["action"] for e in audit(db)] == ["submitted"]


def test_empty_input_and_empty_draft(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    status, out = console(db, "")
    assert status == 0 and "Draft #" not in out
    status, out = console(db, "\n.\n" + DRAFT + "\n.\nquit\n", "--author", "alice")
    assert status == 0
    assert "Cannot check this draft: the draft is empty" in out
    assert out.count("Draft #1") == 1


def test_override_needs_a_reason_in_the_console(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    script = "Write to a@b.example about 302-1234567-7654321\n.\napprove\napprove the address is Amazon's relay\n"
    out = io.StringIO()
    args = _args("console", "--database", str(db), "--author", "alice", "--user", "bob")
    status = run_console(args, ReviewSettings(approvers=["bob"]), io.StringIO(script), out, checker=FakeChecker())
    text = out.getvalue()
    assert status == 0
    assert "contact.email" in text and "error" in text.lower()
    assert "Not approved: This draft has errors (contact.email)" in text
    overrides = [e for e in audit(db) if e["action"] == "approved_override"]
    assert [e["reason"] for e in overrides] == ["the address is Amazon's relay"]


def test_unreachable_database_exits_with_a_message(tmp_path: Path) -> None:
    out = io.StringIO()
    args = _args("console", "--database", "postgres://x@127.0.0.1:1/none")
    status = run_console(args, ReviewSettings(), io.StringIO(DRAFT), out)
    assert status == 3
    assert "cannot be reached" in out.getvalue()


def test_console_and_audit_as_programs_with_piped_input(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": f"sqlite:///{db}"}
    run = subprocess.run(
        [sys.executable, "-m", "adapters.cli", "console", "--author", "alice", "--approver", "bob"],
        input=f"{DRAFT}\n.\napprove\nsent\n",
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Marked as sent" in run.stdout
    exported = subprocess.run(
        [sys.executable, "-m", "adapters.cli", "audit", "--format", "csv"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )
    assert exported.returncode == 0, exported.stderr
    lines = exported.stdout.splitlines()
    assert lines[0].startswith("id,at,actor,action")
    assert [line.split(",")[3] for line in lines[1:]] == ["submitted", "approved", "approval_complete", "sent"]
    assert not (tmp_path / "checkmsg.sqlite3").exists()  # DATABASE_URL was honoured


def test_bad_context_option_is_reported(tmp_path: Path) -> None:
    status, out = console(tmp_path / "c.sqlite3", DRAFT, "--order-date", "tomorrow")
    assert status == 2
    assert "--order-date" in out  # the option the person typed
