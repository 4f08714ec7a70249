"""Imports point one way, adapters -> bot -> checks: no cycle among the modules of
``checks/``, not even through an import inside a function; nothing in ``checks/``
imports the bot or the adapters, nothing in ``bot/`` the adapters."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CHECKS = Path(__file__).resolve().parent.parent / "checks"
BOT = CHECKS.parent / "bot"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(CHECKS.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def imported(path: Path) -> set[str]:
    """The modules ``path`` imports when it runs (annotations-only imports left out)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    skipped: set[int] = set()
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _type_checking_only(node):
            skipped.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            # ``from . import mixing`` imports the module checks.mixing
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in CHECKS.rglob("*.py")}
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = {t for t in imported(path) if t in modules and t != name}
        # A package's __init__ runs before its modules: importing checks.x also runs checks.
        edges[name] = {t for t in targets if not name.startswith(t + ".")}
    return edges


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return stack[stack.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_checks_modules_import_each_other_without_a_cycle():
    """A cycle hidden in a function-local import counts too."""
    assert cycle(graph()) is None, " -> ".join(cycle(graph()) or [])


def test_the_cycle_finder_finds_a_cycle():
    """The check above can fail: a two-module loop is reported."""
    assert cycle({"a": {"b"}, "b": {"a"}, "c": set()}) == ["a", "b", "a"]


def test_checks_never_imports_the_bot_or_the_adapters():
    for path in CHECKS.rglob("*.py"):
        outward = {t for t in imported(path) if t.split(".")[0] in ("bot", "adapters")}
        assert not outward, f"{path.relative_to(CHECKS.parent)} imports {sorted(outward)}"


def test_html_package_reads_no_document_engine_or_rules():
    """checks.html is read by the document and the rules, never the other way round."""
    for path in (CHECKS / "html").rglob("*.py"):
        upward = {t for t in imported(path) if t.startswith(("checks.document", "checks.engine", "checks.rules", "checks.registry"))}
        assert not upward, f"{path.name} imports {sorted(upward)}"


def test_bot_never_imports_the_adapters():
    """The command line lives in adapters/cli/; bot/ holds what it runs."""
    for path in BOT.rglob("*.py"):
        outward = {t for t in imported(path) if t.split(".")[0] == "adapters"}
        assert not outward, f"{path.relative_to(BOT.parent)} imports {sorted(outward)}"


def test_checkmsg_check_loads_no_database_or_chat_library():
    """Each subcommand's module is imported only when it runs: checking a draft stays light."""
    code = (
        "import sys\n"
        "from adapters.cli import main\n"
        "main(['check', '--reply', '-'])\n"
        "print(sorted(m for m in ('sqlalchemy', 'slack_bolt', 'discord', 'aiohttp') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], input="Hello", capture_output=True, text=True, cwd=CHECKS.parent, timeout=120)
    assert done.stdout.splitlines()[-1] == "[]", done.stdout + done.stderr


ADAPTERS = CHECKS.parent / "adapters"
SPEAKS_SQL = {"bot/store.py", "bot/repository.py", "bot/models_db.py"}  # and bot/migrations/


def _speaks_sql(targets: set[str]) -> set[str]:
    return {t for t in targets if t.split(".")[0] == "sqlalchemy" or t in ("bot.models_db", "bot.models_db.metadata")}


def test_sql_lives_in_the_store_and_its_repository():
    """The workflow, its policy, the chat layer, Amazon and the adapters ask bot/repository.py; none writes SQL."""
    for path in [*BOT.rglob("*.py"), *ADAPTERS.rglob("*.py")]:
        where = path.relative_to(CHECKS.parent).as_posix()
        if where in SPEAKS_SQL or where.startswith("bot/migrations/"):
            continue
        assert not _speaks_sql(imported(path)), f"{where} imports {sorted(_speaks_sql(imported(path)))}"


def test_the_sql_check_finds_sql(tmp_path):
    """The check above can fail: a module that builds a statement itself is caught."""
    module = tmp_path / "leaky.py"
    module.write_text("from sqlalchemy import select\nfrom bot import models_db as db\n", encoding="utf-8")
    assert {"sqlalchemy", "bot.models_db"} <= _speaks_sql(_all_imports(module))


def _all_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found.add(node.module or "")
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_transition_table_loads_no_database_code():
    """bot/policy.py (who may do what, in which state) stands apart from the store: importing it
    loads neither SQLAlchemy nor the store, its repository or the review workflow."""
    code = (
        "import sys\n"
        "import bot.policy\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'"
        " or m in ('bot.models_db', 'bot.repository', 'bot.store', 'bot.review')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=CHECKS.parent, timeout=120)
    assert done.stdout.splitlines()[-1] == "[]", done.stdout + done.stderr
