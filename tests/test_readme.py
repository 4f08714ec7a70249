"""The README shows what the commands really print.

Every ```text block of README.md that holds ``$ command`` lines is run: each
command in a scratch copy of the checkout (``.venv`` linked, ``examples/``
copied, ``../shared`` linked when it exists), standard output and error
together, and its output compared line by line with the lines under it
(trailing spaces aside). ``$ echo $?`` compares the previous command's exit
status. A command that reads ``../shared`` is skipped, with the reason, in a
clone that has no shared folder beside it.

After a change that alters what CheckMsg prints, refresh the blocks with
``CHECKMSG_README_UPDATE=1 .venv/bin/python -m pytest tests/test_readme.py``
and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SHARED = ROOT.parent / "shared"
BLOCK = re.compile(r"^```text\n(.*?)^```$", re.MULTILINE | re.DOTALL)
UPDATE = os.environ.get("CHECKMSG_README_UPDATE") == "1"


@dataclass
class Step:
    command: str
    expected: list[str] = field(default_factory=list)


def examples() -> list[tuple[int, list[Step]]]:
    """(line number of the block, its steps) for every block that runs commands."""
    text = README.read_text("utf-8")
    found = []
    for match in BLOCK.finditer(text):
        steps: list[Step] = []
        for line in match.group(1).splitlines():
            if line.startswith("$ "):
                steps.append(Step(line[2:]))
            elif steps:
                steps[-1].expected.append(line)
        if steps:
            found.append((text.count("\n", 0, match.start()) + 1, steps))
    return found


def scratch_checkout(tmp_path: Path) -> Path:
    """A folder laid out like a checkout: the commands' relative paths work, and
    what they write (checkmsg.sqlite3) stays out of the real one."""
    clone = tmp_path / "checkout"
    clone.mkdir()
    (clone / ".venv").symlink_to(ROOT / ".venv")
    shutil.copytree(ROOT / "examples", clone / "examples")
    if SHARED.is_dir():
        (tmp_path / "shared").symlink_to(SHARED)
    return clone


def run_block(steps: list[Step], cwd: Path) -> list[tuple[Step, list[str]]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHECKMSG_", "DATABASE_URL", "PYTEST"))}
    env.update(COLUMNS="100", LC_ALL="C.UTF-8", PYTHONUTF8="1")
    outcomes, status = [], 0
    for step in steps:
        if step.command == "echo $?":
            outcomes.append((step, [str(status)]))
            continue
        proc = subprocess.run(
            ["bash", "-c", step.command], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300,
        )
        status = proc.returncode
        outcomes.append((step, proc.stdout.splitlines()))
    return outcomes


def _normal(lines: list[str]) -> list[str]:
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    return lines


BLOCKS = examples()


def test_the_readme_has_examples_to_run():
    """The README keeps its runnable examples (check, rewrite, console, exit codes, eval)."""
    commands = " ".join(step.command for _, steps in BLOCKS for step in steps)
    for word in ("checkmsg check", "--rewrite", "checkmsg console", "checkmsg eval", "echo $?"):
        assert word in commands


@pytest.mark.parametrize("line, steps", BLOCKS, ids=[f"README.md:{line}" for line, _ in BLOCKS])
def test_readme_example_matches_real_output(tmp_path, line, steps):
    """The lines under each `$ command` are what the command prints today."""
    if any("../shared" in step.command for step in steps) and not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the labelled corpus lives in the shared folder beside the checkout")
    outcomes = run_block(steps, scratch_checkout(tmp_path))
    if UPDATE:
        _rewrite_block(outcomes)
        return
    for step, got in outcomes:
        assert _normal(got) == _normal(step.expected), f"README.md:{line}: $ {step.command}"


def _rewrite_block(outcomes: list[tuple[Step, list[str]]]) -> None:
    """Put the real output under each command of the block that starts with
    the same first command (found afresh: an earlier block may have grown)."""
    text = README.read_text("utf-8")
    start = text.index(f"```text\n$ {outcomes[0][0].command}\n") + len("```text\n")
    end = text.index("\n```", start - 1) + 1
    body = "".join(f"$ {step.command}\n" + "".join(f"{out}\n" for out in _normal(got)) for step, got in outcomes)
    README.write_text(text[:start] + body + text[end:], "utf-8")
