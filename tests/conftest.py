

# ---------------------------------------------------------------------------
# Review workflow, store and console fixtures (issue 6): they live in
# tests/conftest_workflow.py; this section only makes pytest see them.
# ---------------------------------------------------------------------------
try:
    from .conftest_workflow import database, fake_checker, store  # noqa: F401
except ImportError:
    from conftest_workflow import database, fake_checker, store  # noqa: F401
# ---------------------------------------------------------------------------
