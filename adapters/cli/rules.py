"""``checkmsg rules``: list the rule catalogue, or explain one rule."""

from __future__ import annotations

import argparse
import asyncio
import difflib
import inspect
import json
import re
from typing import Any

from pydantic import ValidationError

from bot.config import Config
from bot.exits import EXIT_OK
from checks import CheckSettings, Context, Draft, DraftError, all_rules, check, i18n
from checks.i18n import say

from .common import InputError, lang_option, pad, ui_settings
from .parser import doc


def configure(p: argparse.ArgumentParser) -> None:
    p.description = doc(run)
    p.add_argument("rule", nargs="?", metavar="ID", help="a rule id, e.g. contact.email")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    lang_option(p)


def run(args: argparse.Namespace, config: Config) -> int:
    """List the rule catalogue, or explain one rule: what it catches, why, what it needs, examples.

    Severities shown are after the configuration; "off" marks a disabled rule.
    """
    rules = all_rules()
    lang = ui_settings(args, config).ui_language
    if args.rule is None:
        return _list_rules(rules, config, args.json, lang)
    rule = rules.get(args.rule)
    if rule is None:
        close = difflib.get_close_matches(args.rule, list(rules), n=3, cutoff=0.6)
        if close:
            hint = say(lang, "cli.rules.did-you-mean", "; did you mean {options}?", options=say(lang, "report.or", " or ").join(close))
        else:
            hint = say(lang, "cli.rules.list-them", "; `checkmsg rules` lists them")
        raise InputError(say(lang, "cli.rules.unknown", "no rule has the id {rule!r}{hint}", rule=args.rule, hint=hint))
    info = _rule_info(rule, config, lang)
    info["example_message"] = _example_message(rule, config, lang)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        print(_explain(info, lang))
    return EXIT_OK


def _rule_info(rule: Any, config: Config, lang: str = "en") -> dict:
    needs = [" or ".join(n) if isinstance(n, tuple) else n for n in rule.needs]
    documentation = i18n.Text(rule.id + "#doc", inspect.cleandoc(rule.documentation())).localized(lang)
    documentation = documentation.replace("``", "`")  # docstrings quote code reST-style; a terminal shows one
    return {
        "id": rule.id,
        "severity": config.checks.severity(rule.id, rule.severity).value,
        "enabled": config.checks.enabled(rule.id),
        "implemented": rule.implemented,
        "summary": _summary(documentation),
        "documentation": documentation,
        "message": i18n.Text(rule.id, rule.message).localized(lang),
        "guideline": i18n.Text(rule.id + "#guideline", rule.guideline).localized(lang),
        "needs": needs,
        "violating": {"text": rule.violating.text, "context": rule.violating.context},
        "compliant": {"text": rule.compliant.text, "context": rule.compliant.context},
    }


def _example_message(rule: Any, config: Config, lang: str) -> str:
    """The rule's message as a person will read it: what it says on its own
    violating example (no ``{placeholders}`` left), else the template with
    each placeholder shown as "…"."""
    example = rule.violating
    draft_context = {key: value for key, value in example.context.items()}
    settings = config.checks.model_copy(update={"ui_language": lang})
    if settings.enabled(rule.id) is False:  # a disabled rule would say nothing: ask it anyway
        settings = CheckSettings(ui_language=lang)
    try:
        draft = Draft(text=example.text, context=Context.model_validate(draft_context))
        report = asyncio.run(check(draft, settings, rewrite=False))
    except (ValidationError, DraftError):  # an example past its dates: the template will do
        report = None
    found = next((f.message for f in report.findings if f.rule == rule.id), None) if report else None
    if found is not None:
        return found
    template = i18n.Text(rule.id, rule.message).localized(lang) if lang != i18n.ENGLISH else rule.message
    return _PLACEHOLDER.sub("…", template)


_PLACEHOLDER = re.compile(r"\{[^{}]{1,40}\}")


def _summary(documentation: str) -> str:
    """The documentation's first paragraph on one line (Chinese lines join without spaces)."""
    lines = [" ".join(line.split()) for line in documentation.split("\n\n")[0].splitlines()]
    summary = ""
    for line in filter(None, lines):
        wide = not summary or _CJK.match(summary[-1]) or _CJK.match(line[0])
        summary += ("" if wide else " ") + line
    return summary


_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _severity_word(info: dict, lang: str) -> str:
    return say(lang, "severity." + info["severity"], info["severity"])


def _list_rules(rules: dict, config: Config, as_json: bool, lang: str = "en") -> int:
    infos = [_rule_info(rule, config, lang) for rule in rules.values()]
    infos.sort(key=lambda i: i["id"])
    if as_json:
        print(json.dumps(infos, ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(i["id"]) for i in infos) + 2
    header = say(lang, "cli.rules.column-severity", "SEVERITY")
    print(pad(say(lang, "cli.rules.column-id", "ID"), width) + pad(header, 10) + say(lang, "cli.rules.column-summary", "SUMMARY"))
    for info in infos:
        severity = _severity_word(info, lang) if info["enabled"] else say(lang, "cli.rules.off", "off")
        pending = say(lang, "cli.rules.pending", " (not implemented yet)") if not info["implemented"] else ""
        print(f"{info['id']:<{width}}{pad(severity, 10)}{info['summary']}{pending}")
    print("\n" + say(lang, "cli.rules.count", "{count} rules. `checkmsg rules ID` explains one.", count=len(infos)))
    return EXIT_OK


def _explain(info: dict, lang: str = "en") -> str:
    if info["enabled"]:
        state = _severity_word(info, lang)
    else:
        state = say(lang, "cli.rules.off-would-be", "off (would be {severity})", severity=_severity_word(info, lang))
    out = [f"{info['id']} — {state}"]
    if not info["implemented"]:
        out.append(say(lang, "cli.rules.not-implemented", "Not implemented yet: this rule reports nothing for now."))
    guideline = say(lang, "cli.rules.guideline", "Guideline: {text}", text=info["guideline"])
    message = say(lang, "cli.rules.message", "Message:   {text}", text=info.get("example_message", info["message"]))
    out += ["", info["documentation"], "", guideline, message]
    or_ = say(lang, "report.or", " or ")
    needs = ", ".join(n.replace(" or ", or_) for n in info["needs"]) if info["needs"] else say(lang, "cli.rules.needs-nothing", "nothing beyond the text")
    out.append(say(lang, "cli.rules.needs", "Needs:     {needs}", needs=needs))
    for label in ("violating", "compliant"):
        example = info[label]
        if label == "violating":
            out += ["", say(lang, "cli.rules.violating", "Violating example:")]
        else:
            out += ["", say(lang, "cli.rules.compliant", "Compliant example:")]
        out += ["  | " + line for line in example["text"].splitlines() or [""]]
        if example["context"]:
            context = json.dumps(example["context"], ensure_ascii=False)
            out.append(say(lang, "cli.rules.context", "  context: {context}", context=context))
    return "\n".join(out)
