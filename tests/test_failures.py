"""Every failure is a clear sentence with an exit status that means one thing
(0 clean, 1 findings, 2 bad input or usage, 3 database unavailable, 4 internal
error), and no input stops the other inputs from being answered."""

from __future__ import annotations

import asyncio
import json
import platform
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from adapters.cli import main
from adapters.cli import rules as rules_command
from bot import batch
from checks import Context, Draft, all_rules, check, language
from checks.registry import INTERNAL_ERROR

ORDER = "113-1234567-1234567"
CLEAN = f"About your question on order {ORDER}: the replacement filter fits the model you bought.\nBest regards,\nLumiwood"


def _traceback_free(text: str) -> None:
    assert "Traceback" not in text, text


# --- exit codes and the top-level guard --------------------------------------------------


def test_version_prints_the_package_version(capsys):
    """--version prints 'checkmsg X.Y.Z' and exits 0."""
    assert main(["--version"]) == 0
    assert re.fullmatch(r"checkmsg \d+\.\d+\.\S+\n", capsys.readouterr().out)


def test_help_documents_every_exit_status(capsys):
    """--help names the five exit statuses."""
    assert main(["--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    for words in ("0 no error-severity finding", "1 at least one", "2 unusable input", "3 a service", "4 an internal error"):
        assert words in text


def test_a_crash_is_exit_4_with_one_sentence_and_a_saved_traceback(monkeypatch, tmp_path, capsys):
    """An unexpected exception: exit 4 (never 1), one sentence, the traceback in a file."""
    monkeypatch.setattr(rules_command, "run", lambda args, config: 1 / 0)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert main(["rules"]) == 4
    err = capsys.readouterr().err
    _traceback_free(err)
    assert "internal error (ZeroDivisionError: division by zero)" in err and "bug in CheckMsg" in err
    saved = Path(re.search(r"traceback is in (\S+)", err).group(1))
    assert "Traceback" in saved.read_text() and "ZeroDivisionError" in saved.read_text()
    assert main(["rules", "--debug"]) == 4
    assert "Traceback" in capsys.readouterr().err


# --- check -------------------------------------------------------------------------------


def test_an_oversized_draft_is_refused_and_the_other_files_still_reported(tmp_path, capsys):
    """50,001 characters: a clear message, exit 2, and the next file's report."""
    big = tmp_path / "t.txt"
    big.write_text("x" * 50_001 + "\n")
    ok = tmp_path / "ok.txt"
    ok.write_text(CLEAN)
    assert main(["check", "--reply", str(big), str(ok)]) == 2
    out, err = capsys.readouterr()
    _traceback_free(err)
    assert f"{big}: the message text has 50,002 characters" in err
    assert str(ok) in out


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_utf16_and_bom_files_are_read_as_text(tmp_path, capsys, encoding):
    """Notepad's 'Unicode' (UTF-16 with BOM) and UTF-8 with BOM are drafts, not binaries."""
    path = tmp_path / "d.txt"
    data = CLEAN.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    assert main(["check", "--reply", "--format", "json", str(path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["language"] == "en"


# --- batch -------------------------------------------------------------------------------


def _batch(tmp_path, capsys, lines: list[str] | bytes, *extra: str) -> tuple[int, list[dict], str]:
    path = tmp_path / "in.jsonl"
    if isinstance(lines, bytes):
        path.write_bytes(lines)
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status = main(["batch", str(path), *extra])
    out, err = capsys.readouterr()
    out.encode("utf-8")  # what was written is valid UTF-8
    return status, [json.loads(line) for line in out.splitlines()], err  # splitlines: as strict as line readers get


def test_a_lone_surrogate_gets_an_error_line_and_the_rest_go_on(tmp_path, capsys):
    """A JSON line whose text holds "\\udc00" is answered with an error; the next line is checked."""
    lines = ['{"id": "a", "text": "hi \\udc00 there"}', json.dumps({"id": "b", "text": CLEAN, "context": {"proactive": False}})]
    status, out, err = _batch(tmp_path, capsys, lines)
    assert [o["id"] for o in out] == ["a", "b"]
    assert "lone surrogate" in out[0]["error"] and "findings" in out[1]
    assert status == 2
    _traceback_free(err)


def test_an_id_that_cannot_be_written_gets_an_error_object(tmp_path, capsys):
    """A result that cannot be written as UTF-8 becomes an error object with the line number."""
    lines = ['{"id": "\\udc00", "text": "Hello"}', json.dumps({"id": "b", "text": CLEAN})]
    status, out, err = _batch(tmp_path, capsys, lines)
    assert out[0] == {"id": 1, "error": out[0]["error"]} and "not valid Unicode" in out[0]["error"]
    assert out[1]["id"] == "b"


def test_a_line_that_crashes_the_check_gets_an_error_object_and_exit_4(tmp_path, capsys, monkeypatch):
    """A bug on one line: that line answers with an error, the others are checked, exit 4."""
    real = batch.check

    async def flaky(draft, *a, **k):
        if "boom" in draft.text:
            raise RuntimeError("boom inside")
        return await real(draft, *a, **k)

    monkeypatch.setattr(batch, "check", flaky)
    lines = [json.dumps({"id": i, "text": text}) for i, text in enumerate(["Hello there", "boom", "Good day"])]
    status, out, err = _batch(tmp_path, capsys, lines)
    assert [o["id"] for o in out] == [0, 1, 2]
    assert "internal error while checking this line (RuntimeError: boom inside)" in out[1]["error"]
    assert "findings" in out[0] and "findings" in out[2]
    assert status == 4
    _traceback_free(err)


def test_a_binary_file_is_one_short_sentence(tmp_path, capsys):
    """`batch /bin/ls`-like input: one line on stderr, no per-line noise, exit 2."""
    status, out, err = _batch(tmp_path, capsys, bytes(range(256)) * 40 + b"\n" * 700)
    assert status == 2 and out == []
    assert "looks like a binary file" in err and len(err) < 200


def test_the_summary_names_ten_bad_lines_then_counts(tmp_path, capsys):
    """Hundreds of bad lines: the summary lists ten and counts the rest."""
    status, out, err = _batch(tmp_path, capsys, ["nonsense"] * 300)
    assert status == 2 and len(out) == 300
    assert "300 bad lines (1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 290 more)" in err


@pytest.mark.parametrize("target", ["missing-dir/x.jsonl", "."])
def test_an_unwritable_output_is_one_sentence(tmp_path, capsys, monkeypatch, target):
    """-o into a missing folder or onto a folder: a sentence naming what to do, exit 2."""
    monkeypatch.chdir(tmp_path)
    status, out, err = _batch(tmp_path, capsys, [json.dumps({"text": "Hello"})], "-o", target)
    assert status == 2
    _traceback_free(err)
    assert ("does not exist; create it" in err) if "missing" in target else ("is a folder; give the name of a file to write" in err)


# --- the engine: failures are reported, not lost -------------------------------------------


def test_a_failing_rule_reads_not_checked_internal_error(monkeypatch):
    """A rule that raises shows as 'Not checked: internal error in RULE'; the other rules still report."""
    rule = all_rules()["contact.email"]

    def broken(doc):
        raise RuntimeError("boom")

    monkeypatch.setattr(type(rule), "find", lambda self, doc: broken(doc))
    report = asyncio.run(check(Draft(text="Hello, write to me at a@b.com please.")))
    internal = [f for f in report.findings if f.rule == INTERNAL_ERROR]
    assert [f.message for f in internal] == [
        "Not checked: internal error in contact.email (RuntimeError: boom); its result is unknown, check this part by hand."
    ]
    assert any(f.rule == "order.id-missing" for f in report.findings)


def test_a_failing_language_detector_is_contained_and_reported(monkeypatch):
    """fastText raising (the TypeError seen in fuzzing) costs no rule: language unknown, one not-checked finding."""

    class Broken:
        def detect(self, *a, **k):
            raise TypeError("predict(): incompatible function arguments")

    monkeypatch.setattr(language, "_detector", lambda: Broken())
    language._predict.cache_clear()  # answers cached before the detector broke would hide it
    report = asyncio.run(check(Draft(text="Hello, write to me at a@b.com please.")))
    internal = [f.message for f in report.findings if f.rule == INTERNAL_ERROR]
    assert internal == [
        "Not checked: internal error in language detection (TypeError: predict(): incompatible function arguments); "
        "its result is unknown, check this part by hand."
    ]
    assert report.language is None
    assert {"contact.email", "order.id-missing"} <= set(report.rule_ids())


def test_detection_takes_surrogates_without_failing():
    """detect() never hands fastText a string it cannot encode."""
    assert language.detect("Good morning \udc00 dear customer, thank you")[0] == "en"


# --- the review database: each mistake a sentence with the right status -------------------


def _console(tmp_path, monkeypatch, capsys, database_url: str | None = None, *argv: str, typed: str = "Hello\n.\n") -> tuple[int, str]:
    import io

    monkeypatch.chdir(tmp_path)
    if database_url is not None:
        monkeypatch.setenv("DATABASE_URL", database_url)
    from adapters.cli import main as full_main

    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    status = full_main(["console", *argv])
    out, err = capsys.readouterr()
    _traceback_free(out + err)
    return status, out + err


@pytest.mark.parametrize(
    "url, status, words",
    [
        ("mysql://x@y/z", 2, "CheckMsg keeps reviews in SQLite or PostgreSQL, not mysql"),
        ("notaurl", 2, "'notaurl' is neither a database URL nor a SQLite file name"),
        ("/nonexistent-checkmsg-dir/x.sqlite3", 2, "The folder /nonexistent-checkmsg-dir for the SQLite database does not exist"),
        ("postgresql://postgres@127.0.0.1:1/x", 3, "nothing answers at that address; check that the server runs and that the host and port"),
    ],
)
def test_database_settings_that_cannot_work_are_one_sentence(tmp_path, monkeypatch, capsys, url, status, words):
    """Bad scheme, not a URL, a missing folder: exit 2 and what to write; a server that does not answer: exit 3."""
    got, shown = _console(tmp_path, monkeypatch, capsys, url)
    assert (got, words in shown) == (status, True), shown
    assert "try again in a moment" not in shown  # waiting does not fix these
    assert list(tmp_path.iterdir()) == []  # no database was created on the way


def test_audit_never_creates_a_database(tmp_path, monkeypatch, capsys):
    """`audit --database nosuchfile.sqlite3` and DATABASE_URL=notaurl: exit 2, no new file."""
    monkeypatch.chdir(tmp_path)
    assert main(["audit", "--database", "nosuchfile.sqlite3"]) == 2
    assert "There is no review database at nosuchfile.sqlite3" in capsys.readouterr().err
    monkeypatch.setenv("DATABASE_URL", "notaurl")
    assert main(["audit"]) == 2
    assert "neither a database URL" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("target", ["missing-dir/x.csv", "."])
def test_audit_to_an_unwritable_path_is_one_sentence(tmp_path, monkeypatch, capsys, target):
    """audit -o into a missing folder or onto a folder: exit 2 and what to do."""
    from tests.test_i18n import _make_database

    monkeypatch.chdir(tmp_path)
    _make_database(tmp_path / "a.sqlite3")
    assert main(["audit", "--database", "a.sqlite3", "-o", target]) == 2
    err = capsys.readouterr().err
    _traceback_free(err)
    assert ("the folder missing-dir does not exist" in err) if "missing" in target else (". is a folder" in err)


def _pg_url(database: str = "", user: str = "") -> str:
    from sqlalchemy.engine import make_url

    from tests.conftest_workflow import PG_URL

    url = make_url(PG_URL)
    return url.set(database=database or url.database, username=user or url.username).render_as_string(hide_password=False)


@pytest.mark.postgres
@pytest.mark.parametrize(
    "which, words",
    [
        ("database", "cannot be used: the database does not exist on that server; create it (createdb NAME)"),
        ("user", "cannot be used: the server does not accept that user name"),
    ],
)
async def test_a_missing_postgres_database_or_role_is_one_sentence(tmp_path, monkeypatch, capsys, which, words):
    """nonexistentdb or a role that does not exist: exit 2, one sentence, no chained tracebacks."""
    from tests.conftest_workflow import require_pg

    await require_pg()
    url = _pg_url(database="nonexistentdb_h17") if which == "database" else _pg_url(user="nosuchrole_h17")
    status, shown = await asyncio.to_thread(_console, tmp_path, monkeypatch, capsys, url)
    assert status == 2 and words in shown, shown


# --- the console ---------------------------------------------------------------------------


def test_the_console_takes_the_context_options_of_check(tmp_path, monkeypatch, capsys):
    """--attach, --previous-review-requests, --html, --today, --buyer-lang: accepted, and the
    report no longer asks for what was given."""
    status, shown = _console(
        tmp_path, monkeypatch, capsys, None,
        "--database", "c.sqlite3", "--attach", "manual.pdf", "--previous-review-requests", "0",
        "--html", "--today", "2026-01-10", "--order-date", "2026-01-02", "--buyer-lang", "en", "--order-id", ORDER,
    )
    assert status == 0, shown
    for option in ("--attach", "--previous-review-requests", "--order-date", "--buyer-lang", "--order-id"):
        assert f"give {option}" not in shown


def _pty_console(tmp_path, keys: list[tuple[str, bytes | Callable[[int], None]]]) -> tuple[int, str]:
    """Run `checkmsg console` in a pseudo-terminal; each (prompt, bytes) waits for the prompt, then types
    (or, given a function, calls it with the console's process id)."""
    import os
    import pty
    import select
    import sys
    import time

    pid, fd = pty.fork()
    if pid == 0:  # the child: the real command, as a person starts it
        os.chdir(tmp_path)
        os.execv(sys.executable, [sys.executable, "-c", "import sys; from adapters.cli import main; sys.exit(main())", "console", "--database", "c.sqlite3"])
    shown = b""

    def read_until(text: bytes, seconds: float) -> None:
        nonlocal shown
        deadline = time.monotonic() + seconds
        while text not in shown and time.monotonic() < deadline:
            if select.select([fd], [], [], 0.1)[0]:
                try:
                    shown += os.read(fd, 65536)
                except OSError:
                    return

    for prompt, typed in keys:
        read_until(prompt.encode(), 60)
        if callable(typed):
            typed(pid)
        else:
            os.write(fd, typed)
    deadline = time.monotonic() + 45  # generous on a loaded machine; the bug was never leaving
    while time.monotonic() < deadline:  # the rest, until the process ends
        read_until(b"\x00never", 0.2)
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace")
    os.kill(pid, 9)  # still running after Ctrl-C: that is the failure
    os.waitpid(pid, 0)
    return -1, shown.decode("utf-8", "replace")


@pytest.mark.parametrize("where", ["first prompt", "reviewer prompt"])
def test_ctrl_c_in_the_console_leaves_cleanly(tmp_path, where):
    """Ctrl-C at the paste prompt or the reviewer prompt: a one-line goodbye, exit 130, no traceback."""
    keys = [("| ", b"\x03")]
    if where == "reviewer prompt":
        keys = [("| ", f"About order {ORDER}: it ships today.\r.\r".encode()), ("> ", b"\x03")]
    status, shown = _pty_console(tmp_path, keys)
    assert status == 130, shown
    assert "Left the console (Ctrl-C)" in shown
    assert "Traceback" not in shown and "CancelledError" not in shown and "KeyboardInterrupt" not in shown


def _ctrl_c_to_another_thread(pid: int) -> None:
    """SIGINT as the kernel may deliver a Ctrl-C: to a thread of the console other than its main one."""
    import ctypes
    import os
    import signal
    import time

    time.sleep(0.3)  # the prompt is written just before the read starts
    threads = sorted(int(t) for t in os.listdir(f"/proc/{pid}/task") if int(t) != pid)
    assert threads, "the console runs a database worker thread"
    libc = ctypes.CDLL(None, use_errno=True)
    assert libc.syscall(234, pid, threads[0], signal.SIGINT) == 0, ctypes.get_errno()  # tgkill (x86-64)


@pytest.mark.skipif(not (sys.platform == "linux" and platform.machine() == "x86_64"), reason="tgkill by syscall number, x86-64 Linux")
def test_ctrl_c_handed_to_another_thread_still_leaves_the_console(tmp_path):
    """The kernel hands a process-wide SIGINT to any thread that can take it; the
    console left only when it reached the main thread (CI once waited 45 s at the prompt)."""
    keys = [("| ", f"About order {ORDER}: it ships today.\r.\r".encode()), ("> ", _ctrl_c_to_another_thread)]
    status, shown = _pty_console(tmp_path, keys)
    assert status == 130, shown
    assert "Left the console (Ctrl-C)" in shown


# --- options are checked, in our words ---------------------------------------------------


@pytest.mark.parametrize(
    "options, words",
    [
        (["--buyer-lang", "klingon"], "--buyer-lang: not a BCP-47 language tag: 'klingon'; write e.g. de, en-GB or ja"),
        (["--buyer-lang", "tlh"], "--buyer-lang: CheckMsg does not know the language 'tlh'; it knows ar, cs,"),
        (["--marketplace", "amazon.xyz"], "--marketplace: 'amazon.xyz' is not an Amazon marketplace; write one of amazon.ae,"),
        (["--marketplace", "amazon.dee"], "'amazon.dee' is not an Amazon marketplace; did you mean amazon.de?"),
        (["--order-id", "12345"], "--order-id: '12345' is not an Amazon order id: write its 3-7-7 digits"),
        (["--order-date", "2999-01-01"], "--order-date: 2999-01-01 is in the future; give the date it happened"),
        (["--order-date", "2026-11-10", "--delivery-date", "2026-11-01"], "--delivery-date: 2026-11-01 is before the order date 2026-11-10"),
        (["--order-date", "2026-11-10", "--today", "2026-11-01"], "--today: 2026-11-01 is before the order date 2026-11-10"),
        (["--order-date", "14/11/2026"], "--order-date: '14/11/2026' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14"),
    ],
)
def test_context_options_are_checked_in_our_words(tmp_path, capsys, options, words):
    """Impossible context is refused (exit 2) with a sentence saying what to write, never pydantic's wording."""
    draft = tmp_path / "d.txt"
    draft.write_text(CLEAN)
    assert main(["check", "--reply", *options, str(draft)]) == 2
    err = capsys.readouterr().err
    assert words in err, err
    assert "Input should" not in err and "input is too short" not in err


@pytest.mark.parametrize("options", [["--buyer-lang", "en-GB"], ["--buyer-lang", "de_DE"], ["--marketplace", "https://www.amazon.co.uk/"],
                                     ["--order-date", "2026-11-02", "--delivery-date", "2026-11-05", "--today", "2026-11-20"]])
def test_real_context_options_pass(tmp_path, capsys, options):
    """Tags, marketplaces and dates as people write them are accepted."""
    draft = tmp_path / "d.txt"
    draft.write_text(CLEAN)
    assert main(["check", "--reply", *options, str(draft)]) in (0, 1)


def test_batch_refuses_a_context_the_same_way(tmp_path, capsys):
    """A batch line with an unknown marketplace answers with the same sentence."""
    status, out, err = _batch(tmp_path, capsys, [json.dumps({"id": 1, "text": CLEAN, "context": {"marketplace": "amazon.xyz"}})])
    assert status == 2 and out[0]["error"].startswith("context.marketplace: 'amazon.xyz' is not an Amazon marketplace")


def test_languages_are_named_in_english_and_chinese():
    """lang.mismatch says 'The draft is in English', not 'in en'; Chinese names it 英语."""
    from checks import CheckSettings, Context

    draft = Draft(text="We are sorry: your espresso machine will ship two days late.", context=Context(marketplace="amazon.fr"))
    english = asyncio.run(check(draft))
    chinese = asyncio.run(check(draft, CheckSettings(ui_language="zh")))
    message = next(f.message for f in english.findings if f.rule == "lang.mismatch")
    assert message == "The draft is in English, but the buyer's language is French."
    assert "英语" in next(f.message for f in chinese.findings if f.rule == "lang.mismatch")


async def test_a_refusal_reads_as_english(tmp_path):
    """Sending back a withdrawn draft: "you cannot send it back now" (not "send back it")."""
    from bot.review import ReviewError
    from bot.store import Store
    from tests.conftest_workflow import make_workflow

    store = await Store.open(str(tmp_path / "w.sqlite3"))
    try:
        workflow = make_workflow(store)
        draft = (await workflow.submit(author="alice", text=f"About order {ORDER}: it ships today.", platform="test", channel="C", thread="T")).draft
        await workflow.withdraw(draft.id, "alice")
        with pytest.raises(ReviewError) as refused:
            await workflow.request_changes(draft.id, "bob", content_hash=draft.content_hash, reason="shorten")
        assert str(refused.value.message).endswith("is withdrawn; you cannot send it back now.")
    finally:
        await store.close()


# --- small things a new user meets ----------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rules_id_shows_a_finished_example_message(capsys, lang):
    """`rules ID`: the message as the rule words it on its violating example, no {templates}, no ``quotes``."""
    for rule_id in sorted(all_rules()):
        assert main(["rules", rule_id, "--lang", lang]) == 0
        out = capsys.readouterr().out
        line = next(line for line in out.splitlines() if line.startswith(("Message:", "消息：")))
        assert "{" not in line and "…" not in line, line
        assert "``" not in out, rule_id
    assert main(["rules", "order.window"]) == 0
    assert "Message:   This proactive message goes out 54 days after delivery; the limit is 30." in capsys.readouterr().out


def test_batch_lines_never_split_on_unicode_line_separators(tmp_path, capsys):
    """NEL, U+2028 and U+2029 in a draft are escaped in the answer: one line stays one line for every reader."""
    status, out, err = _batch(tmp_path, capsys, [json.dumps({"id": 1, "text": "Hello\x85there\u2028dear\u2029buyer"})])
    assert len(out) == 1 and "rewrite" in out[0]


def test_the_chinese_help_lists_every_exit_status(capsys):
    """--help --lang zh names statuses 3 and 4 too."""
    assert main(["--help", "--lang", "zh"]) == 0
    out = "".join(capsys.readouterr().out.split())  # argparse wraps lines
    assert "3表示某项服务" in out and "4表示内部错误" in out


def test_a_config_default_marketplace_is_checked_like_the_option(tmp_path, capsys):
    """marketplace = "amazon.xyz" in checkmsg.toml: exit 2, the key named, the same sentence."""
    config = tmp_path / "checkmsg.toml"
    config.write_text('marketplace = "amazon.xyz"\n', encoding="utf-8")
    assert main(["--config", str(config), "rules"]) == 2
    assert "marketplace: 'amazon.xyz' is not an Amazon marketplace" in capsys.readouterr().err


def test_a_stored_context_opens_though_the_checks_grew_stricter():
    """A context saved before these checks (order id 12345, amazon.xyz) still loads from the review store."""
    from checks.models import TRUSTED

    old = '{"order_id": "12345", "marketplace": "amazon.xyz", "buyer_language": "tlh", "order_date": "2999-01-01"}'
    context = Context.model_validate_json(old, context=TRUSTED)
    assert (context.order_id, context.marketplace) == ("12345", "amazon.xyz")
    with pytest.raises(ValueError):
        Context.model_validate_json(old)  # a new submission is refused


def test_unclosed_nested_links_are_checked_in_linear_time():
    """49,000 characters of unclosed <a href> (found by the property test: 7 s before) check in well under 2 s."""
    import time

    text = ("0<a href=01?/atmx0>" * 3000)[:49_000]
    start = time.perf_counter()
    report = asyncio.run(check(Draft(text=text, context=Context(format="html"))))
    assert time.perf_counter() - start < 2.0
    assert not [f for f in report.findings if f.rule == INTERNAL_ERROR]


def test_nested_links_keep_their_meaning():
    """An image deep inside nested links makes each enclosing external link a logo link; text inside names them all."""
    html = '<a href="https://shop.example"><a href="https://other.example"><img src="cid:l.png" alt="Shop"></a></a><p>Your refund was issued.</p>'
    report = asyncio.run(check(Draft(text=html, context=Context(format="html"))))
    assert sum(1 for f in report.findings if f.rule == "html.logo-link") == 2
    assert not [f for f in report.findings if f.rule == "html.accessibility" and "without text" in f.message]
    empty = '<p>Your refund was issued.</p><a href="https://www.amazon.com/gp/css"><img src="cid:x.png"></a>'
    report = asyncio.run(check(Draft(text=empty, context=Context(format="html"))))
    messages = [f.message for f in report.findings if f.rule == "html.accessibility"]
    assert any("a link without text" in m for m in messages) and any("an image without alt text" in m for m in messages)


def test_detection_answers_are_cached_but_failures_are_not(monkeypatch):
    """A text's language is worked out once; a detector failure is reported every time it happens."""
    language._predict.cache_clear()
    calls = []
    real = language._detector()

    class Counting:
        def detect(self, *a, **k):
            calls.append(a)
            return real.detect(*a, **k)

    monkeypatch.setattr(language, "_detector", lambda: Counting())
    text = "Thank you for your order, the parcel left our warehouse this morning."
    assert language.detect(text) == language.detect(text)
    assert len(calls) == 1

    class Broken:
        def detect(self, *a, **k):
            raise TypeError("broken")

    monkeypatch.setattr(language, "_detector", lambda: Broken())
    other = "Vielen Dank für Ihre Bestellung, das Paket ist heute unterwegs."
    with language.failures_recorded() as failures:
        assert language.detect(other) == (None, 0.0)
        assert language.detect(other) == (None, 0.0)
    assert len(failures) == 2


def test_a_rewrite_that_is_no_draft_is_not_offered_and_logs_no_traceback(caplog):
    """A draft whose rewrite would be mostly control characters gets its findings, no rewrite, and no logged traceback."""
    text = (
        "About your order 113-4829105-7730142: we are sorry the lamp arrived scratched, and we have refunded it in full."
        + "\x01" * 12  # few enough for the draft, too many once the contact lines are gone
        + "\n\n"
        + "Please email us at help@shop-example.com for anything. " * 25
    )
    with caplog.at_level("DEBUG", logger="checks.engine"):
        report = asyncio.run(check(Draft(text=text)))
    assert "contact.email" in report.rule_ids()
    assert report.rewrite is None
    assert any("control characters" in str(note) for note in report.notes)
    assert not [r for r in caplog.records if r.exc_info]
