"""The checkmsg command line: exit codes, input errors, output shapes, batch, eval, rules, config."""

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from adapters.cli import main
from checks import MAX_DRAFT_CHARS, all_rules

ORDER = "113-4829105-7730142"
DELAY = (
    "Hello Jennifer,\n\n"
    f"Your order {ORDER} will ship later than planned: our warehouse received the new stock "
    "one week late. The new estimated delivery date is November 28.\n\n"
)
COMPLIANT = DELAY + "We are sorry for the delay.\n\nBest regards,\nLumiwood"
# Lines: greeting, blank, order line, blank, apology, blank, "Best regards,", "Lumiwood",
# then the address on line 9 after the 12 characters of "Reach us at ": column 13.
WITH_EMAIL = DELAY + "We are sorry for the delay.\n\nBest regards,\nLumiwood\nReach us at service@lumiwood-lighting.com"
WITH_EMOJI = DELAY + "We are sorry for the delay 🙏\n\nBest regards,\nLumiwood"
WITH_DOUBLED_WORD = DELAY + "We are sorry for the the delay.\n\nBest regards,\nLumiwood"
CONTEXT = {
    "format": "text",
    "buyer_language": "en",
    "marketplace": "amazon.com",
    "order_id": ORDER,
    "order_date": "2026-11-16",
    "today": "2026-11-21",
    "proactive": True,
    "previous_review_requests": 0,
    "attachments": [],
}
FULL_CONTEXT_ARGS = [
    "--order-id", ORDER, "--buyer-lang", "en", "--marketplace", "amazon.com",
    "--order-date", "2026-11-16", "--today", "2026-11-21",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _no_team_config(tmp_path, monkeypatch):
    """Run every test in an empty folder, so no checkmsg.toml leaks in."""
    monkeypatch.chdir(tmp_path)


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def draft_file(tmp_path, text, name="draft.txt"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def stdin_bytes(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- check: exit codes and text output -------------------------------------


def test_compliant_draft_exits_0(tmp_path, capsys):
    """No finding at all: status 0 and a zero summary."""
    status, out, err = run(capsys, "check", *FULL_CONTEXT_ARGS, draft_file(tmp_path, COMPLIANT))
    assert status == 0, out
    assert "0 errors, 0 warnings in " in out
    assert err == ""


def test_error_finding_exits_1_with_position_and_underline(tmp_path, capsys):
    """An email address: line 9 column 13, rule id, severity, and a ^~~ under the address."""
    path = draft_file(tmp_path, WITH_EMAIL)
    status, out, _ = run(capsys, "check", *FULL_CONTEXT_ARGS, path)
    assert status == 1
    lines = out.splitlines()
    row = next(i for i, line in enumerate(lines) if "contact.email" in line)
    assert lines[row].split()[:2] == ["9:13", "error"]
    assert lines[row + 1].strip() == "Reach us at service@lumiwood-lighting.com"
    underline = lines[row + 2]
    address = "service@lumiwood-lighting.com"
    assert underline.strip() == "^" + "~" * (len(address) - 1)
    assert underline.index("^") == lines[row + 1].index("service")
    assert f"in {path}" in lines[-1] or any(line.endswith(f"in {path}") for line in lines)


def test_warning_only_exits_0(tmp_path, capsys):
    """Warnings do not fail the run."""
    status, out, _ = run(capsys, "check", *FULL_CONTEXT_ARGS, draft_file(tmp_path, WITH_DOUBLED_WORD))
    assert status == 0
    assert "style.grammar" in out
    assert "0 errors, 1 warning in" in out


def test_summary_counts_errors(tmp_path, capsys):
    """Two error rules (email and emoji) are counted as 2 errors."""
    text = WITH_EMAIL.replace("sorry for the delay.", "sorry for the delay 🙏")
    _, out, _ = run(capsys, "check", *FULL_CONTEXT_ARGS, draft_file(tmp_path, text))
    assert "2 errors, 0 warnings in" in out


def test_missing_context_is_hinted_with_the_option(tmp_path, capsys):
    """Without --order-id the id-mismatch rule is listed as not checked, naming the option."""
    _, out, _ = run(capsys, "check", draft_file(tmp_path, COMPLIANT))
    assert "order.id-mismatch: needs order_id (give --order-id)" in out


# --- check: context options -------------------------------------------------


def test_context_keys_not_given_stay_unset(tmp_path, capsys):
    """Only the options given become context: the rest is reported missing."""
    _, out, _ = run(capsys, "check", "--format", "json", "--buyer-lang", "en", draft_file(tmp_path, COMPLIANT))
    missing = json.loads(out)["missing_context"]
    assert "order.id-mismatch" in missing
    assert "order.window" in missing
    assert "lang.mismatch" not in missing


def test_reply_turns_off_proactive_rules(tmp_path, capsys):
    """--reply: a reply needs no order id, so order.id-missing stays quiet."""
    text = "Hello Jennifer,\n\nThe desk organizer is 30 cm wide and 12 cm deep.\n\nBest regards,\nLumiwood"
    path = draft_file(tmp_path, text)
    _, out, _ = run(capsys, "check", "--format", "json", path)
    assert "order.id-missing" in [f["rule"] for f in json.loads(out)["findings"]]
    _, out, _ = run(capsys, "check", "--format", "json", "--reply", path)
    assert "order.id-missing" not in [f["rule"] for f in json.loads(out)["findings"]]


def test_order_id_mismatch_uses_the_given_order(tmp_path, capsys):
    """--order-id is compared with the id in the text."""
    status, out, _ = run(capsys, "check", "--order-id", "113-0000000-0000000", draft_file(tmp_path, COMPLIANT))
    assert status == 1
    assert "order.id-mismatch" in out


def test_bad_context_option_is_a_usage_error(tmp_path, capsys):
    """An unreadable date names its option and exits 2."""
    status, out, err = run(capsys, "check", "--order-date", "soon", draft_file(tmp_path, COMPLIANT))
    assert status == 2
    assert "--order-date" in err
    assert out == ""


# --- check: JSON -------------------------------------------------------------


def test_json_output_shape(tmp_path, capsys):
    """One object per file with path, language, findings, missing_context, notes, rewrite."""
    path = draft_file(tmp_path, WITH_EMAIL)
    status, out, _ = run(capsys, "check", "--format", "json", *FULL_CONTEXT_ARGS, path)
    assert status == 1
    data = json.loads(out)
    assert set(data) == {"path", "language", "findings", "missing_context", "notes", "rewrite"}
    assert data["path"] == path
    assert data["language"] == "en"
    assert data["rewrite"] is None
    email = next(f for f in data["findings"] if f["rule"] == "contact.email")
    assert set(email) == {"rule", "severity", "message", "span", "excerpt", "guideline", "fix"}
    start, end = email["span"]
    assert WITH_EMAIL[start:end] == "service@lumiwood-lighting.com" == email["excerpt"]
    assert email["severity"] == "error"


def test_json_several_files_one_line_each(tmp_path, capsys):
    """Several files give JSON lines, in the order given."""
    a = draft_file(tmp_path, COMPLIANT, "a.txt")
    b = draft_file(tmp_path, WITH_EMAIL, "b.txt")
    status, out, _ = run(capsys, "check", "--format", "json", *FULL_CONTEXT_ARGS, a, b)
    assert status == 1
    assert [json.loads(line)["path"] for line in out.splitlines()] == [a, b]


# --- check: inputs that cannot be checked -------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"Hello \xff\xfe buyer", "UTF-8"),
        (b"a" * (MAX_DRAFT_CHARS + 1), "characters"),
    ],
    ids=["empty", "whitespace", "binary", "invalid-utf8", "oversized"],
)
def test_unusable_input_exits_2_naming_the_file(tmp_path, capsys, content, reason):
    """Empty, binary, non-UTF-8 and oversized files: exit 2, the file and the reason on stderr."""
    path = draft_file(tmp_path, content)
    status, out, err = run(capsys, "check", path)
    assert status == 2
    assert out == ""
    assert path in err
    assert reason in err


def test_far_oversized_input_is_refused_without_reading_it_all(tmp_path, capsys):
    """A file far over the limit is refused as too large."""
    path = draft_file(tmp_path, b"a" * (MAX_DRAFT_CHARS * 5))
    status, _, err = run(capsys, "check", path)
    assert status == 2
    assert "too large" in err


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_unreadable_file_exits_2(tmp_path, capsys, kind):
    """A missing file or a folder: exit 2 with 'cannot read' and the name."""
    path = tmp_path / "nothing.txt" if kind == "missing" else tmp_path
    status, _, err = run(capsys, "check", str(path))
    assert status == 2
    assert f"{path}: cannot read" in err


def test_a_bad_file_does_not_stop_the_others(tmp_path, capsys):
    """The good file is still checked and printed; the status is 2."""
    good = draft_file(tmp_path, WITH_EMAIL, "good.txt")
    bad = draft_file(tmp_path, b"", "bad.txt")
    status, out, err = run(capsys, "check", *FULL_CONTEXT_ARGS, bad, good)
    assert status == 2
    assert "contact.email" in out
    assert bad in err


def test_utf8_bom_is_accepted_and_spans_skip_it(tmp_path, capsys):
    """A BOM is dropped; offsets are into the text after it."""
    path = draft_file(tmp_path, b"\xef\xbb\xbf" + WITH_EMAIL.encode("utf-8"))
    _, out, _ = run(capsys, "check", "--format", "json", *FULL_CONTEXT_ARGS, path)
    email = next(f for f in json.loads(out)["findings"] if f["rule"] == "contact.email")
    assert WITH_EMAIL[email["span"][0] : email["span"][1]] == "service@lumiwood-lighting.com"


def test_standard_input(capsys, monkeypatch):
    """No file (or '-') reads standard input, shown as <stdin>."""
    stdin_bytes(monkeypatch, WITH_EMAIL.encode("utf-8"))
    status, out, _ = run(capsys, "check", *FULL_CONTEXT_ARGS)
    assert status == 1
    assert "in <stdin>" in out
    stdin_bytes(monkeypatch, b"   ")
    status, _, err = run(capsys, "check", "-")
    assert status == 2
    assert "<stdin>: the draft is empty" in err


def test_usage_error_exits_2(capsys):
    """An unknown option is argparse's usage error, status 2."""
    status, _, err = run(capsys, "check", "--frobnicate")
    assert status == 2
    assert "usage:" in err


# --- batch -------------------------------------------------------------------


def test_batch_keeps_going_past_bad_lines(tmp_path, capsys):
    """Each input line gives one output line, in order; bad lines give an error and the run goes on."""
    lines = [
        json.dumps({"id": "ok", "text": COMPLIANT, "context": CONTEXT, "expect": []}),
        "{not json",
        json.dumps({"id": "no-text", "context": CONTEXT}),
        "",
        json.dumps({"id": "bad-date", "text": COMPLIANT, "context": {"order_date": "soon"}}),
        json.dumps({"id": "empty", "text": "   ", "context": CONTEXT}),
        json.dumps({"text": WITH_EMAIL, "context": CONTEXT}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, err = run(capsys, "batch", str(path))
    results = [json.loads(line) for line in out.splitlines()]
    assert status == 2
    assert [r["id"] for r in results] == ["ok", 2, "no-text", "bad-date", "empty", 7]
    assert set(results[0]) == {"id", "findings", "language", "rewrite", "remaining", "rewrite_status",
                               "rewrite_verdict", "guidance"}
    assert results[0]["findings"] == []
    assert "not valid JSON" in results[1]["error"]
    assert "text" in results[2]["error"]
    assert results[3]["error"].startswith("context.order_date:")
    assert "empty" in results[4]["error"]
    found = results[5]["findings"]
    assert [f["rule"] for f in found] == ["contact.email"]
    assert set(found[0]) == {"rule", "severity", "message", "span", "excerpt", "guideline", "fix"}
    assert "4 bad lines (2, 3, 5, 6)" in err


def test_batch_exit_1_on_error_findings_and_output_file(tmp_path, capsys):
    """All lines good, one with an error finding: status 1; -o writes the file."""
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": 1, "text": COMPLIANT, "context": CONTEXT}) + "\n"
        + json.dumps({"id": 2, "text": WITH_EMAIL, "context": CONTEXT}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out_path = tmp_path / "out.jsonl"
    status, out, _ = run(capsys, "batch", str(path), "-o", str(out_path))
    assert status == 1
    assert out == ""
    assert [json.loads(line)["id"] for line in out_path.read_text().splitlines()] == [1, 2]


def test_batch_all_clean_exits_0(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": 1, "text": COMPLIANT, "context": CONTEXT}) + "\n", encoding="utf-8")
    assert run(capsys, "batch", str(path))[0] == 0


# --- eval --------------------------------------------------------------------


def tiny_corpus(tmp_path, extra=()):
    """Five drafts whose figures are counted by hand below.

    a: nothing expected, nothing reported.
    b: contact.email expected and reported               -> email tp
    c: nothing expected, style.emoji reported (mislabel) -> emoji fp
    d: email and phone expected, only email reported     -> email tp, phone fn
    e: style.grammar (a warning) expected and reported   -> grammar tp
    Errors: tp 2, fp 1, fn 1 -> precision 2/3, recall 2/3. Warnings: 1/1.
    """
    rows = [
        ("a", COMPLIANT, [], CONTEXT),
        ("b", WITH_EMAIL, ["contact.email"], CONTEXT),
        ("c", WITH_EMOJI, [], CONTEXT),
        ("d", WITH_EMAIL, ["contact.email", "contact.phone"], CONTEXT),
        ("e", WITH_DOUBLED_WORD, ["style.grammar"], CONTEXT),
        *extra,
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        "".join(json.dumps({"id": i, "text": t, "expect": e, "context": c}) + "\n" for i, t, e, c in rows),
        encoding="utf-8",
    )
    return str(path)


def test_eval_figures_by_hand(tmp_path, capsys):
    """Per-rule and micro figures match the hand count in tiny_corpus."""
    status, out, _ = run(capsys, "eval", "--json", tiny_corpus(tmp_path))
    assert status == 0
    data = json.loads(out)
    assert data["drafts"] == 5
    errors = data["groups"]["error"]
    assert errors["rules"]["contact.email"] == {
        "tp": 2, "fp": 0, "fn": 0, "support": 2, "precision": 1.0, "recall": 1.0
    }  # fmt: skip
    assert errors["rules"]["contact.phone"] == {
        "tp": 0, "fp": 0, "fn": 1, "support": 1, "precision": None, "recall": 0.0
    }  # fmt: skip
    assert errors["rules"]["style.emoji"] == {
        "tp": 0, "fp": 1, "fn": 0, "support": 0, "precision": 0.0, "recall": None
    }  # fmt: skip
    assert set(errors["rules"]) == {"contact.email", "contact.phone", "style.emoji"}
    assert (errors["micro"]["tp"], errors["micro"]["fp"], errors["micro"]["fn"]) == (2, 1, 1)
    assert errors["micro"]["precision"] == pytest.approx(2 / 3)
    assert errors["micro"]["recall"] == pytest.approx(2 / 3)
    warnings = data["groups"]["warning"]
    assert warnings["rules"] == {
        "style.grammar": {"tp": 1, "fp": 0, "fn": 0, "support": 1, "precision": 1.0, "recall": 1.0}
    }
    assert data["wrong"] == [
        {"id": "c", "missed": [], "extra": ["style.emoji"]},
        {"id": "d", "missed": ["contact.phone"], "extra": []},
    ]


def test_eval_text_tables(tmp_path, capsys):
    """Text output: a table per severity, micro totals, and the drafts it got wrong."""
    _, out, _ = run(capsys, "eval", tiny_corpus(tmp_path))
    assert "Error-severity rules" in out and "Warning-severity rules" in out
    error_table = out.split("Error-severity rules")[1].split("Warning-severity rules")[0]
    assert "micro total" in error_table
    total = next(line for line in error_table.splitlines() if "micro total" in line).split()
    assert total[2:] == ["2", "1", "1", "3", "0.667", "0.667"]
    assert "style.grammar" not in error_table
    assert "c: extra style.emoji" in out
    assert "d: missed contact.phone" in out


@pytest.mark.parametrize(
    ("bars", "status"),
    [
        ([], 0),
        (["--min-precision", "0.6"], 0),
        (["--min-precision", "0.7"], 1),
        (["--min-recall", "0.66"], 0),
        (["--min-recall", "0.7"], 1),
    ],
)
def test_eval_bars_on_error_micro(tmp_path, capsys, bars, status):
    """Bars apply to the error rules' micro figures (2/3 each here)."""
    assert run(capsys, "eval", tiny_corpus(tmp_path), *bars)[0] == status


def test_eval_language_and_format_filters(tmp_path, capsys):
    """--lang takes regional tags; unset languages only with --include-unset; --format filters."""
    other = {k: v for k, v in CONTEXT.items() if k != "buyer_language"}
    extra = [
        ("gb", COMPLIANT, [], {**CONTEXT, "buyer_language": "en-GB"}),
        ("de", COMPLIANT, ["lang.mismatch"], {**CONTEXT, "buyer_language": "de"}),
        ("unset", COMPLIANT, [], other),
        ("html", "<p>" + COMPLIANT + "</p>", [], {**CONTEXT, "format": "html"}),
    ]
    corpus = tiny_corpus(tmp_path, extra)

    def drafts(*options):
        status, out, _ = run(capsys, "eval", "--json", corpus, *options)
        return json.loads(out)["drafts"], json.loads(out)["skipped"]

    assert drafts() == (9, 0)
    assert drafts("--lang", "en") == (7, 2)  # a-e, gb, html
    assert drafts("--lang", "en", "--include-unset") == (8, 1)
    assert drafts("--lang", "de") == (1, 8)
    assert drafts("--format", "text") == (8, 1)
    assert drafts("--format", "html", "--lang", "en") == (1, 8)


def test_eval_bad_corpus_line_exits_2_and_measures_the_rest(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "b", "text": WITH_EMAIL, "context": CONTEXT, "expect": ["contact.email"]})
        + "\n{oops\n"
        + json.dumps({"id": "x", "text": COMPLIANT, "context": CONTEXT})
        + "\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, "eval", "--json", str(corpus))
    assert status == 2
    assert json.loads(out)["drafts"] == 1
    assert "line 2: not valid JSON" in err
    assert 'line 3: no "expect"' in err


# --- rules -------------------------------------------------------------------


def test_rules_lists_the_catalogue(capsys):
    """Every registered id is listed once; pending rules say so."""
    status, out, _ = run(capsys, "rules")
    assert status == 0
    listed = [line.split()[0] for line in out.splitlines()[1:] if line and "." in line.split()[0]]
    assert sorted(listed) == sorted(all_rules())
    for rule in all_rules().values():
        line = next(line for line in out.splitlines() if line.startswith(rule.id + " "))
        assert line.split()[1] == rule.severity.value
        assert line.endswith("(not implemented yet)") is (not rule.implemented)


def test_rules_explains_one(capsys):
    """One rule: its doc, guideline, severity, needed context and both examples."""
    rule = all_rules()["order.id-mismatch"]
    status, out, _ = run(capsys, "rules", "order.id-mismatch")
    assert status == 0
    assert out.startswith("order.id-mismatch — error")
    assert rule.guideline in out
    assert "Needs:     order_id" in out
    assert "Violating example:" in out and "Compliant example:" in out
    assert rule.violating.text.splitlines()[0] in out


def test_rules_unknown_id_suggests(capsys):
    status, _, err = run(capsys, "rules", "contact.emial")
    assert status == 2
    assert "did you mean contact.email" in err


# --- configuration -------------------------------------------------------------


def test_config_disables_a_rule(tmp_path, capsys):
    """[rules."contact.email"] enabled=false: the email draft passes."""
    (tmp_path / "checkmsg.toml").write_text('[rules."contact.email"]\nenabled = false\n', encoding="utf-8")
    status, out, _ = run(capsys, "check", *FULL_CONTEXT_ARGS, draft_file(tmp_path, WITH_EMAIL))
    assert status == 0
    assert "contact.email" not in out


def test_config_changes_a_severity(tmp_path, capsys):
    """severity="warning" regrades the finding and the exit status follows."""
    config = tmp_path / "team.toml"
    config.write_text('[rules."contact.email"]\nseverity = "warning"\n', encoding="utf-8")
    path = draft_file(tmp_path, WITH_EMAIL)
    status, out, _ = run(capsys, "check", "--config", str(config), "--format", "json", *FULL_CONTEXT_ARGS, path)
    assert status == 0
    email = next(f for f in json.loads(out)["findings"] if f["rule"] == "contact.email")
    assert email["severity"] == "warning"
    _, out, _ = run(capsys, "--config", str(config), "rules")
    assert next(line for line in out.splitlines() if line.startswith("contact.email ")).split()[1] == "warning"


def test_config_allowed_words_reach_the_spell_checker(tmp_path, capsys):
    """A brand name in `words` is not a misspelling."""
    text = COMPLIANT.replace("the new stock", "the new zorbitex stock")
    path = draft_file(tmp_path, text)
    _, out, _ = run(capsys, "check", "--format", "json", *FULL_CONTEXT_ARGS, path)
    assert "style.spelling" in [f["rule"] for f in json.loads(out)["findings"]]
    (tmp_path / "checkmsg.toml").write_text('words = ["zorbitex"]\n', encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", "json", *FULL_CONTEXT_ARGS, path)
    assert "style.spelling" not in [f["rule"] for f in json.loads(out)["findings"]]


def test_config_disabled_rule_left_out_of_eval(tmp_path, capsys):
    """A disabled rule is neither expected nor reported in eval."""
    (tmp_path / "checkmsg.toml").write_text('[rules."contact.phone"]\nenabled = false\n', encoding="utf-8")
    _, out, _ = run(capsys, "eval", "--json", tiny_corpus(tmp_path))
    data = json.loads(out)
    assert "contact.phone" not in data["groups"]["error"]["rules"]
    assert data["disabled"] == ["contact.phone"]
    assert data["groups"]["error"]["micro"]["fn"] == 0


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        ('[rules."style.spelling"]\nseverity = "fatal"\n', "rules.style.spelling.severity: must be one of error, warning, info"),
        ('[rules."style.speling"]\nenabled = false\n', "rules.style.speling: no rule has this id; did you mean style.spelling"),
    ],
)
def test_bad_config_exits_2_naming_the_key(tmp_path, capsys, toml, named):
    (tmp_path / "checkmsg.toml").write_text(toml, encoding="utf-8")
    status, out, err = run(capsys, "check", draft_file(tmp_path, COMPLIANT))
    assert status == 2
    assert out == ""
    assert f"checkmsg.toml: {named}" in err


# --- the installed console script ---------------------------------------------------


def test_installed_console_script(tmp_path):
    """The real `checkmsg` executable reads stdin and exits 1 on an error finding."""
    exe = shutil.which("checkmsg", path=str(Path(sys.executable).parent)) or shutil.which("checkmsg")
    if exe is None:
        pytest.skip("the checkmsg console script is not installed (pip install -e .)")
    proc = subprocess.run(
        [exe, "check", "--format", "json", *FULL_CONTEXT_ARGS, "-"],
        input=WITH_EMAIL.encode("utf-8"),
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert proc.returncode == 1, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert data["path"] == "<stdin>"
    assert "contact.email" in [f["rule"] for f in data["findings"]]
    empty = subprocess.run([exe, "check", "-"], input=b"", capture_output=True, cwd=tmp_path, timeout=120)
    assert empty.returncode == 2
    assert b"empty" in empty.stderr


# --- the text renderer ----------------------------------------------------------


def test_position_is_one_based_line_and_column():
    from bot.render import position

    assert position("ab\ncd", 0) == (1, 1)
    assert position("ab\ncd", 3) == (2, 1)
    assert position("ab\ncd", 4) == (2, 2)


def test_underline_counts_wide_characters_twice():
    """Under CJK text the caret moves two columns per character."""
    from bot.render import underline

    line, mark = underline("注意 bob@x.com", (3, 12))
    assert line == "注意 bob@x.com"
    assert mark == " " * 5 + "^" + "~" * 8


def test_underline_cuts_long_lines_around_the_span():
    """A 300-character line is shown as a window holding the span, marked with ellipses."""
    from bot.render import underline

    text = "x" * 150 + "TARGET" + "y" * 144
    line, mark = underline(text, (150, 156), width=60)
    assert line.startswith("…") and line.endswith("…")
    assert len(line) == 62
    assert line[mark.index("^") : mark.index("^") + 6] == "TARGET"
    assert mark.strip() == "^~~~~~"
