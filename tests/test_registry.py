"""The rule registry is complete, documented, and every rule's examples hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks import CheckSettings, Context, Draft, check
from checks.registry import INTERNAL_ERROR, RULES, Rule
from checks.rules import all_rules

RULES_MD = Path(__file__).resolve().parents[2] / "shared" / "rules.md"
CATALOGUE_IDS = {
    "order.id-missing", "order.id-malformed", "order.id-mismatch", "order.window", "order.confirmation",
    "order.cancel-request", "order.discourage-return", "order.divert", "content.thanks-only",
    "content.auto-reply", "review.incentive", "review.change-request", "review.positive",
    "review.conditional", "review.repeat", "review.scripted", "promo.marketing", "promo.coupon",
    "contact.email", "contact.phone", "contact.social", "link.external", "link.insecure", "link.opt-out",
    "content.objectionable", "content.too-long", "attach.disallowed", "lang.mismatch", "lang.mixed",
    "style.emoji", "style.line-breaks", "style.spelling", "style.grammar", "html.gif",
    "html.tracking-pixel", "html.insecure-image", "html.font-override", "html.font-sizes",
    "html.alignment", "html.margin", "html.image-width", "html.logo-link", "html.accessibility",
}
EXAMPLE_TODAY = "2026-11-21"


def test_every_catalogue_rule_is_registered():
    """Each id of rules.md has a rule; the copy here is checked against rules.md when it is present."""
    if RULES_MD.exists():
        listed = set(re.findall(r"^\| `([a-z]+\.[a-z-]+)` \|", RULES_MD.read_text("utf-8"), re.M))
        assert listed == CATALOGUE_IDS
    assert CATALOGUE_IDS <= set(all_rules())


def test_only_html_rules_may_wait_for_their_issue():
    pending = {rid for rid, rule in all_rules().items() if not rule.implemented}
    assert all(rid.startswith("html.") for rid in pending)


@pytest.mark.parametrize("rule", list(all_rules().values()), ids=lambda r: r.id)
def test_rule_is_documented(rule: Rule):
    assert rule.documentation(), f"{rule.id} has no docstring"
    assert rule.guideline and "(" in rule.guideline, f"{rule.id} names no guideline section"
    assert rule.message and rule.severity


def _draft(example) -> Draft:
    context = {"today": EXAMPLE_TODAY, **example.context}
    return Draft(text=example.text, context=Context(**context))


IMPLEMENTED = [r for r in all_rules().values() if r.implemented]


@pytest.mark.parametrize("rule", IMPLEMENTED, ids=lambda r: r.id)
async def test_violating_example_fires(rule: Rule):
    report = await check(_draft(rule.violating))
    assert rule.id in report.rule_ids(), f"{rule.id} silent on its violating example"


@pytest.mark.parametrize("rule", IMPLEMENTED, ids=lambda r: r.id)
async def test_compliant_example_is_quiet(rule: Rule):
    report = await check(_draft(rule.compliant))
    assert rule.id not in report.rule_ids(), f"{rule.id} fired on its compliant example"


async def test_a_rule_that_raises_becomes_an_internal_error_and_others_still_run(monkeypatch):
    def boom(self, doc):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(type(RULES["promo.coupon"]), "find", boom)
    report = await check(Draft(text="Follow us on Instagram! Use code SAVE20 for 20% off."))
    internal = [f for f in report.findings if f.rule == INTERNAL_ERROR]
    assert len(internal) == 1 and "promo.coupon" in internal[0].message
    assert "promo.marketing" in report.rule_ids()


async def test_absent_context_keeps_a_rule_silent_and_is_reported():
    report = await check(Draft(text="We would appreciate a review on Amazon of order 113-1234567-1234567."))
    assert "review.repeat" not in report.rule_ids()
    assert report.missing_context["review.repeat"] == ["previous_review_requests"]
    assert "order.window" in report.missing_context


async def test_settings_disable_and_regrade_rules():
    settings = CheckSettings.model_validate(
        {"rules": {"style.emoji": {"enabled": False}, "promo.coupon": {"severity": "info"}}}
    )
    report = await check(Draft(text="Use code SAVE20 now 🙂"), settings)
    assert "style.emoji" not in report.rule_ids()
    assert [f.severity.value for f in report.findings if f.rule == "promo.coupon"] == ["info"]


def test_preload_all_calls_every_registered_rules_preload_hook(monkeypatch):
    """The registry asks each rule to preload (style.grammar builds Harper there); the engine names no rule."""
    from checks import registry

    called: list[str] = []
    for rule in all_rules().values():
        monkeypatch.setattr(type(rule), "preload", classmethod(lambda cls: called.append(cls.id)))
    registry.preload_all()
    assert sorted(called) == sorted(all_rules())


def test_grammar_rule_preloads_harper(monkeypatch):
    """style.grammar's hook starts the Harper build; a rule without a hook loads nothing."""
    from checks.rules import style

    started: list[bool] = []
    monkeypatch.setattr(style, "preload_grammar", lambda: started.append(True))
    all_rules()["style.grammar"].preload()
    assert started == [True]
    all_rules()["promo.coupon"].preload()
    assert started == [True]
