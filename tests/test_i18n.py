"""Every text a person reads exists in English and Simplified Chinese.

English lives in the code; each layer's ``messages/zh.toml`` holds its Chinese
(``checks/``: the engine's, ``bot/``: reports, workflow, chat, ``adapters/``:
command line, console, Slack, Discord). These tests fail when a text has no
translation, when a translation's ``{placeholders}`` differ from the English
ones, or when a layer's text sits in another layer's catalogue.
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import json
import re
from pathlib import Path

import pytest

from adapters.discord_bot.text import DISCORD_MESSAGES
from bot.messages import CONTEXT_HINTS, MESSAGES, RULE_TITLES
from bot.render import render_text
from checks import CheckSettings, Draft, Severity, all_rules, check, i18n
from checks.models import Context
from checks.rewrite import GUIDANCE

ROOT = Path(__file__).resolve().parent.parent
ZH = i18n.catalogue("zh")
LAYERS = ("checks", "bot", "adapters")  # each may use the texts of the layers before it
ZH_OF = {layer: i18n.layer_catalogue(layer, "zh") for layer in LAYERS}
CJK = re.compile(r"[\u4e00-\u9fff]")
# Calls that carry an English text and its key: the position of the key (the template follows it).
TEXT_CALLS = {"tr": 0, "Text": 0, "say": 1}


def _source_texts() -> list[tuple[str, str, str]]:
    """(where, key, English template) of every localizable call with literal arguments."""
    found = []
    for folder in ("checks", "bot", "adapters"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text("utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
                at = TEXT_CALLS.get(name)
                if at is None or len(node.args) < at + 2:
                    continue
                key, template = node.args[at], node.args[at + 1]
                if isinstance(key, ast.Constant) and isinstance(template, ast.Constant) and isinstance(key.value, str):
                    found.append((f"{path.relative_to(ROOT)}:{node.lineno}", key.value, template.value))
    return found


SOURCE_TEXTS = _source_texts()


def _same_placeholders(english: str, chinese: str) -> bool:
    return i18n.placeholders(english) == i18n.placeholders(chinese)


def test_the_scan_finds_the_texts():
    keys = {key for _, key, _ in SOURCE_TEXTS}
    assert {"fix.remove-link", "note.spelling-stopped", "report.summary.in", "draft.empty"} <= keys


@pytest.mark.parametrize("where,key,template", SOURCE_TEXTS, ids=[w for w, _, _ in SOURCE_TEXTS])
def test_every_text_in_the_code_has_a_chinese_translation(where, key, template):
    layer = where.split("/")[0]
    reachable = LAYERS[: LAYERS.index(layer) + 1]
    assert any(key in ZH_OF[below] for below in reachable), f"{where}: no Chinese for {key!r} ({template!r}) in {layer}/messages/zh.toml"
    assert _same_placeholders(template, ZH[key]), f"{where}: placeholders differ for {key!r}: {template!r} vs {ZH[key]!r}"


def test_each_layer_keeps_its_own_texts():
    """A key is in one catalogue only, and in the lowest layer whose code uses it: the engine's
    catalogue holds no command-line or chat text, the bot's none that only the adapters use."""
    for lower, upper in ((a, b) for i, a in enumerate(LAYERS) for b in LAYERS[i + 1:]):
        assert sorted(ZH_OF[lower].keys() & ZH_OF[upper].keys()) == [], f"{lower} and {upper} both have these"
    used_in: dict[str, set[str]] = {}
    for where, key, _ in SOURCE_TEXTS:
        used_in.setdefault(key, set()).add(where.split("/")[0])
    for layer in LAYERS:
        code = "".join(path.read_text("utf-8") for path in (ROOT / layer).rglob("*.py"))
        misplaced = [key for key in ZH_OF[layer] if key in used_in and layer not in used_in[key] and f'"{key}"' not in code]
        assert misplaced == [], f"{layer}/messages/zh.toml holds texts only layers above use: {misplaced}"


def test_the_layer_check_finds_a_misplaced_text(monkeypatch):
    """The check above can fail: a command-line text moved to the engine's catalogue, or kept in two, is caught."""
    monkeypatch.setitem(ZH_OF["checks"], "cli.interrupted", ZH_OF["adapters"]["cli.interrupted"])
    with pytest.raises(AssertionError, match="checks and adapters both have these"):
        test_each_layer_keeps_its_own_texts()
    monkeypatch.delitem(ZH_OF["adapters"], "cli.interrupted")
    with pytest.raises(AssertionError, match=r"only layers above use: \['cli.interrupted'\]"):
        test_each_layer_keeps_its_own_texts()


def test_a_key_means_one_english_text():
    seen: dict[str, str] = {}
    for where, key, template in SOURCE_TEXTS:
        assert seen.setdefault(key, template) == template, f"{where}: {key!r} is used for two texts"


@pytest.mark.parametrize("rule_id", sorted(all_rules()))
def test_every_rule_has_its_message_and_guideline_in_chinese(rule_id):
    rule = all_rules()[rule_id]
    documentation = inspect.cleandoc(rule.documentation())
    for key, english in ((rule_id, rule.message), (rule_id + "#guideline", rule.guideline), (rule_id + "#doc", documentation)):
        assert key in ZH, f"no Chinese for {key}"
        assert CJK.search(ZH[key])
        assert _same_placeholders(english, ZH[key]), f"{key}: {english!r} vs {ZH[key]!r}"


def test_keys_built_at_run_time_exist():
    built = [f"guidance.{rule}" for rule in GUIDANCE]
    built += [f"severity.{s.value}" for s in Severity]
    built += ["css.margin", "css.padding", "words.or", "words.semicolon"]
    from checks import phrases

    languages = phrases.languages()  # the language files (rewrite.toml and channels.toml are other data)
    built += [f"language.{code}" for code in [*languages, "en", "zh"]]
    assert [key for key in built if key not in ZH] == []
    for rule, english in GUIDANCE.items():
        assert _same_placeholders(english, ZH[f"guidance.{rule}"])


def _table_texts():
    """(layer, key, English) of the texts kept in tables rather than in calls: chat, rule titles, Discord."""
    yield from (("bot", "chat." + key, text) for key, text in MESSAGES.items())
    yield from (("bot", "rule-title." + rule, title) for rule, title in RULE_TITLES.items())
    for rule, (what, why) in CONTEXT_HINTS.items():
        yield from (("bot", f"context-hint.{rule}.what", what), ("bot", f"context-hint.{rule}.why", why))
    yield from (("adapters", "discord." + key, text) for key, text in DISCORD_MESSAGES.items())


@pytest.mark.parametrize("layer,key,english", list(_table_texts()), ids=lambda value: str(value)[:40])
def test_chat_tables_have_their_chinese_in_their_layer(layer, key, english):
    assert key in ZH_OF[layer], f"no Chinese for {key!r} in {layer}/messages/zh.toml"
    assert _same_placeholders(english, ZH_OF[layer][key]), f"{key}: {english!r} vs {ZH_OF[layer][key]!r}"


def test_every_rule_has_a_title():
    assert sorted(set(all_rules()) - set(RULE_TITLES)) == []


@pytest.mark.parametrize("locale", ["zh", "zh-CN", "zh_TW", "zh-Hans"])
def test_every_catalogue_reads_a_platform_locale_the_same_way(locale):
    """One locale fallback for all three layers' texts: a platform's locale reads as its language."""
    from adapters.discord_bot.text import t
    from bot.messages import message, rule_title

    assert i18n.catalogue(locale) == i18n.catalogue("zh")
    assert message("button.approve", locale) == ZH_OF["bot"]["chat.button.approve"]
    assert rule_title("contact.email", locale) == ZH_OF["bot"]["rule-title.contact.email"]
    assert t("closing", locale) == ZH_OF["adapters"]["discord.closing"]
    assert i18n.say(locale, "cli.interrupted", "interrupted; nothing more was done.") == ZH_OF["adapters"]["cli.interrupted"]
    assert i18n.Text("contact.email", "x").localized(locale) == ZH_OF["checks"]["contact.email"]


@pytest.mark.parametrize("locale", [None, "", "en-US", "de", "fr-CA"])
def test_other_locales_read_english_in_every_layer(locale):
    from adapters.discord_bot.text import t
    from bot.messages import message, rule_title

    assert message("button.approve", locale) == "Approve" and rule_title("contact.email", locale) == "Email address"
    assert t("closing", locale) == DISCORD_MESSAGES["closing"]
    assert i18n.Text("contact.email", "Email addresses are not allowed.").localized(locale or "en") == "Email addresses are not allowed."


def _violations():
    for rule in all_rules().values():
        if rule.implemented:
            yield rule


@pytest.mark.parametrize("rule", list(_violations()), ids=lambda r: r.id)
def test_a_chinese_report_has_no_english_left(rule):
    """Every finding, fix title, note and guidance of each rule's violating
    example comes out in Chinese (a text the catalogue lacks stays English)."""
    example = rule.violating
    draft = Draft(text=example.text, context=Context.model_validate(example.context))
    report = asyncio.run(check(draft, CheckSettings(ui_language="zh")))
    english = asyncio.run(check(draft, CheckSettings()))
    assert [f.rule for f in report.findings] == [f.rule for f in english.findings]
    texts = [f.message for f in report.findings] + [f.guideline for f in report.findings]
    texts += [f.fix.title for f in report.findings if f.fix] + list(report.notes) + [g.text for g in report.guidance]
    assert [t for t in texts if not CJK.search(t)] == []


def test_english_stays_the_same_text_and_json_keys():
    draft = Draft(text="Email me at help@lumiwood.com 😊", context=Context(order_id="113-1234567-1234567"))
    report = asyncio.run(check(draft))
    finding = next(f for f in report.findings if f.rule == "contact.email")
    assert finding.message == "Email addresses are not allowed in buyer messages."
    assert finding.fix.title == "Remove the email address"
    zh = asyncio.run(check(draft, CheckSettings(ui_language="zh")))
    assert list(zh.findings[0].public()) == list(report.findings[0].public())


def test_terminal_report_in_chinese():
    text = "Thanks! Leave us a 5-star review and get a $10 gift card. Email help@shop.example"
    report = asyncio.run(check(Draft(text=text), CheckSettings(ui_language="zh"), rewrite=True))
    shown = render_text(report, text, "draft.txt", "zh")
    assert "个错误" in shown and "修改建议" in shown and "因缺少上下文而未检查" in shown
    assert "错误    " in shown  # severity column stays aligned


@pytest.mark.parametrize(
    "locale,expected", [("zh", "zh"), ("zh-CN", "zh"), ("zh_TW", "zh"), ("zh-Hans", "zh"), ("en-US", "en"), ("de", "en"), (None, "en")]
)
def test_platform_locales_map_to_a_ui_language(locale, expected):
    assert i18n.ui_language(locale) == expected


def test_config_sets_the_team_language():
    from bot.config import ConfigError, parse_config

    checks, _ = parse_config({"ui_language": "zh"})
    assert checks.ui_language == "zh"
    with pytest.raises(ConfigError):
        parse_config({"ui_language": "fr"})


@pytest.mark.parametrize(
    "kind,message,key",
    [
        ("Repetition", "Did you mean to repeat this word?", "grammar.repetition"),
        ("Miscellaneous", "Incorrect indefinite article.", "grammar.article"),
        ("Capitalization", "This sentence does not start with a capital letter", "grammar.capitalization"),
        ("WordChoice", "The possessive version of this word is more common in this context.", "grammar.possessive-your"),
        ("Style", "Something Harper says that we do not know.", "grammar.other"),
    ],
)
def test_harper_messages_become_our_keyed_texts(kind, message, key):
    from types import SimpleNamespace

    from checks.rules.style import _grammar_problem

    text = _grammar_problem(SimpleNamespace(lint_kind=kind, message=message))
    assert text.key == key and text != message
    assert CJK.search(text.localized("zh"))


def test_a_grammar_finding_from_harper_reads_in_chinese():
    draft = Draft(text="Hello there. the crack was caused during transport.")
    report = asyncio.run(check(draft, CheckSettings(ui_language="zh")))
    shown = [f.message for f in report.findings if f.rule == "style.grammar"]
    assert shown == ["可能有语法问题：句子开头没有大写。"]


@pytest.mark.parametrize("name", ["malformed.html", "marketing_template.html"])
def test_html_and_css_parser_notes_read_in_chinese(name):
    source = (ROOT / "tests" / "fixtures" / "html" / name).read_text("utf-8")
    context = Context(format="html", order_id="114-9920817-3356042")
    report = asyncio.run(check(Draft(text=source, context=context), CheckSettings(ui_language="zh")))
    assert report.notes and [note for note in report.notes if not CJK.search(note)] == []
    english = asyncio.run(check(Draft(text=source, context=context), CheckSettings()))
    assert len(english.notes) == len(report.notes)


def test_rules_command_in_chinese(capsys):
    from adapters.cli import main

    assert main(["rules", "--lang", "zh"]) == 0
    listing = capsys.readouterr().out
    assert "级别" in listing and "共 " in listing and "SEVERITY" not in listing
    assert main(["rules", "lang.mismatch", "--lang", "zh"]) == 0
    shown = capsys.readouterr().out
    for english in ("Why:", "Needs:", "Violating example", "Compliant example", "context:"):
        assert english not in shown
    assert "原因：" in shown and "违规示例：" in shown and "buyer_language 或 marketplace" in shown


def test_console_help_has_its_chinese_text():
    from adapters.console import HELP

    assert CJK.search(ZH["console.help"]) and i18n.placeholders(HELP) == i18n.placeholders(ZH["console.help"]) == set()


def _console(tmp_path, script, *argv, check_settings=None):
    import argparse
    import io

    from adapters.cli import console as console_command
    from adapters.console import run_console
    from bot.review_settings import ReviewSettings

    parser = argparse.ArgumentParser(prog="checkmsg")
    console_command.configure(parser.add_subparsers(dest="command").add_parser("console"))
    args = parser.parse_args(["console", "--database", str(tmp_path / "c.sqlite3"), "--approver", "bob", *argv])
    out = io.StringIO()
    status = run_console(args, ReviewSettings(), io.StringIO(script), out, check_settings)
    return status, out.getvalue()


CONSOLE_SCRIPT = "Hello, your order 113-1234567-1234567 shipped today. Email me at help@lumiwood.com\n.\nhelp\nas bob\napprove\napprove the buyer asked\nsent\nfoo\n"


def test_console_in_chinese_with_lang(tmp_path):
    status, shown = _console(tmp_path, CONSOLE_SCRIPT, "--lang", "zh")
    assert status == 0
    for chinese in ("控制台", "请粘贴草稿", "命令（", "当前操作人：bob", "买家消息中不允许出现电子邮箱地址", "已批准", "已标记为已发送", "未知命令"):
        assert chinese in shown, chinese
    for english in ("Paste the draft", "Commands (", "Acting as", "Approved", "Marked as sent", "Unknown command", "waiting for approval"):
        assert english not in shown, english


def test_console_takes_the_team_language_and_lang_wins(tmp_path):
    _, shown = _console(tmp_path, CONSOLE_SCRIPT, check_settings=CheckSettings(ui_language="zh"))
    assert "请粘贴草稿" in shown and "买家消息中不允许出现电子邮箱地址" in shown
    _, shown = _console(tmp_path, CONSOLE_SCRIPT, "--lang", "en", check_settings=CheckSettings(ui_language="zh"))
    assert "Paste the draft" in shown and "Email addresses are not allowed" in shown


def test_audit_messages_in_chinese(tmp_path, capsys):
    from adapters.cli import main

    assert main(["audit", "--since", "soon", "--lang", "zh"]) == 2
    assert "需要 ISO 格式的日期或时间" in capsys.readouterr().err
    assert main(["audit", "--since", "soon"]) == 2
    assert "--since takes an ISO date or time" in capsys.readouterr().err
    (tmp_path / "checkmsg.toml").write_text('ui_language = "zh"\n', encoding="utf-8")
    out = tmp_path / "audit.csv"
    config = str(tmp_path / "checkmsg.toml")
    _make_database(tmp_path / "a.sqlite3")  # audit reads an existing trail; it never creates one
    assert main(["audit", "--config", config, "--database", str(tmp_path / "a.sqlite3"), "-o", str(out)]) == 0
    assert "条审计记录写入" in capsys.readouterr().err


def test_config_errors_in_the_language_the_file_asks_for(tmp_path, capsys):
    from adapters.cli import main

    config = tmp_path / "checkmsg.toml"
    config.write_text('ui_language = "zh"\nwords = [""]\nbogus = 1\n[rules."style.gramar"]\nenabled = false\n', encoding="utf-8")
    assert main(["rules", "--config", str(config)]) == 2
    shown = capsys.readouterr().err
    assert "包含空条目" in shown and "未知的键" in shown and "contains" not in shown
    assert main(["rules", "--config", str(config), "--lang", "en"]) == 2
    assert "contains an empty entry" in capsys.readouterr().err
    config.write_text('ui_language = "zh"\n[rules."style.gramar"]\nenabled = false\n', encoding="utf-8")
    assert main(["rules", "--config", str(config)]) == 2
    assert "没有这个 id 的规则" in capsys.readouterr().err


def test_batch_in_chinese(tmp_path, capsys):
    from adapters.cli import main

    lines = tmp_path / "in.jsonl"
    lines.write_text('{"id": "a", "text": "Email me at help@lumiwood.com"}\nnope\n{"id": "c"}\n', encoding="utf-8")
    assert main(["batch", str(lines), "--lang", "zh"]) == 2
    captured = capsys.readouterr()
    rows = [json.loads(row) for row in captured.out.splitlines()]
    checked = ["findings", "guidance", "id", "language", "remaining", "rewrite", "rewrite_status", "rewrite_verdict"]
    assert [sorted(row) for row in rows] == [checked, ["error", "id"], ["error", "id"]]
    assert rows[0]["rewrite_verdict"] in ("修改稿符合指南。", "没有修改稿：应用所有修改后已没有可以发送的内容。不要发送这条消息。") or \
        rows[0]["rewrite_verdict"].startswith("修改稿仍需人工处理")
    assert "不允许出现电子邮箱地址" in captured.out and "不是有效的 JSON" in rows[1]["error"] and "缺少" in rows[2]["error"]
    assert "已检查 1 份草稿" in captured.err and "2 行无法检查" in captured.err


def test_eval_summary_in_chinese(tmp_path, capsys):
    from adapters.cli import main

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "Email me at help@lumiwood.com", "expect": ["contact.email"]}\n{"id": "b", "text": "x"}\n',
        encoding="utf-8",
    )
    assert main(["eval", str(corpus), "--ui-lang", "zh"]) == 2
    captured = capsys.readouterr()
    assert "评估了 1 份草稿" in captured.out and "错误级规则" in captured.out and "有差异的草稿：1 份（共 1 份）" in captured.out
    assert "漏报" in captured.out or "误报" in captured.out
    assert "第 2 行" in captured.err and "expect" in captured.err
    for english in ("drafts evaluated", "severity rules", "Drafts with differences"):
        assert english not in captured.out


def test_slack_default_locale_follows_the_team_language(monkeypatch):
    from adapters.slack.settings import SlackSettings

    monkeypatch.delenv("SLACK_DEFAULT_LOCALE", raising=False)
    assert SlackSettings().for_team("zh").default_locale == "zh"
    assert SlackSettings().for_team("en").default_locale == "en"
    monkeypatch.setenv("SLACK_DEFAULT_LOCALE", "en-US")
    assert SlackSettings().for_team("zh").default_locale == "en-US"  # set for Slack: it wins


def test_discord_locale_follows_the_team_language(monkeypatch):
    from adapters.discord_bot.settings import DiscordSettings

    monkeypatch.delenv("DISCORD_LOCALE", raising=False)
    settings = DiscordSettings(token="t", guild_ids=[1])
    assert settings.for_team("zh").locale == "zh" and settings.for_team("en").locale == "en"
    assert DiscordSettings(token="t", guild_ids=[1], locale="en-GB").for_team("zh").locale == "en-GB"


async def test_a_discord_bot_without_its_own_locale_answers_in_the_team_language(tmp_path, monkeypatch):
    from adapters.discord_bot.run import build
    from adapters.discord_bot.settings import DiscordSettings
    from bot.config import Config

    monkeypatch.delenv("DISCORD_LOCALE", raising=False)
    bot, store = await build(DiscordSettings(token="t", guild_ids=[1]), Config(checks=CheckSettings(ui_language="zh")), database=str(tmp_path / "d.sqlite3"))
    try:
        assert bot.settings.locale == "zh"
    finally:
        await store.close()


def test_review_refusals_read_in_chinese(tmp_path):
    script = "Hello, your order 113-1234567-1234567 shipped today.\n.\napprove\nsent\n"
    _, shown = _console(tmp_path, script, "--lang", "zh", "--author", "bob")
    assert "未完成：不能批准自己写的草稿" in shown and "只有已批准的草稿才能发送" in shown
    assert "cannot approve" not in shown and "only an approved draft" not in shown


@pytest.mark.parametrize("command", ["check", "batch", "eval", "rules", "audit", "console", "slack", "discord"])
def test_command_help_in_chinese(command, capsys, tmp_path):
    from adapters.cli import main

    if command in ("slack", "discord"):  # no --lang: the team's language from the configuration
        config = tmp_path / "checkmsg.toml"
        config.write_text('ui_language = "zh"\n', encoding="utf-8")
        argv = [command, "--help", "--config", str(config)]
    else:
        argv = [command, "--help", "--ui-lang" if command == "eval" else "--lang", "zh"]
    assert main(argv) == 0
    shown = capsys.readouterr().out
    assert CJK.search(shown.split("\n\n")[1]), shown
    for key in (f"cli.help.{command}", f"cli.doc.{command}"):
        assert key in ZH


def test_command_list_in_chinese(capsys):
    import argparse
    import importlib

    from adapters.cli import main
    from adapters.cli.parser import COMMANDS

    assert main(["--help", "--lang", "zh"]) == 0
    shown = capsys.readouterr().out
    assert "按照亚马逊的沟通指南" in shown and "退出状态" in shown and "运行 Discord 机器人" in shown
    for command in COMMANDS:
        assert _same_placeholders(command.help, ZH[f"cli.help.{command.name}"])
        parser = argparse.ArgumentParser()
        importlib.import_module(command.module).configure(parser)
        assert parser.description and _same_placeholders(parser.description, ZH[f"cli.doc.{command.name}"]), command.name


def _make_database(path: Path) -> None:
    from bot.store import Store

    async def make() -> None:
        await (await Store.open(str(path))).close()

    asyncio.run(make())


def test_a_database_that_cannot_be_used_is_said_in_chinese(capsys):
    from adapters.cli import main

    missing = "/nonexistent-checkmsg-folder/audit.sqlite3"
    assert main(["audit", "--database", missing, "--lang", "zh"]) == 2
    assert "审核数据库" in capsys.readouterr().err
    assert main(["audit", "--database", missing]) == 2
    assert "The folder /nonexistent-checkmsg-folder for the SQLite database does not exist" in capsys.readouterr().err


def test_validation_keys_exist_with_their_parameters():
    from checks.i18n import _VALIDATION_KEYS

    keys = set(_VALIDATION_KEYS.values()) | {f"validation.{k}" for k in ("greater-than", "greater-than-equal", "less-than", "less-than-equal")}
    for key in keys:
        assert key in ZH and CJK.search(ZH[key]), key
        assert i18n.placeholders(ZH[key]) <= {"limit", "expected"}, key


def test_context_problems_in_chinese_and_in_our_english(capsys):
    from adapters.cli import main

    argv = ["check", "--order-date", "soon", "--previous-review-requests", "-1", "--buyer-lang", "a b", "-"]
    assert main([*argv, "--lang", "zh"]) == 2
    shown = capsys.readouterr().err
    assert "--order-date：'soon' 不是日期" in shown and "必须大于或等于 0" in shown and "不是 BCP-47 语言标记" in shown
    assert main(argv) == 2
    shown = capsys.readouterr().err
    assert "--order-date: 'soon' is not a date: write it as YYYY-MM-DD" in shown and "not a BCP-47 language tag: 'a b'" in shown
    assert "--previous-review-requests: must be 0 or more" in shown and "Input should" not in shown


def test_slack_dialogs_in_chinese():
    from adapters.slack import blocks
    from adapters.slack.app import _dialog_context

    texts = json.dumps([blocks.draft_modal("C1", "zh-CN"), blocks.reason_modal(blocks.OVERRIDE, 1, "h", "C1", "1.0", "zh-CN"),
                        blocks.reason_modal("changes", 1, "h", "C1", "1.0", "zh-CN")], ensure_ascii=False)
    assert "检查草稿" in texts and "强制批准" in texts and "需要修改什么" in texts
    for english in ("Check a draft", "Draft message", "Order id", "Approve anyway", "What should change", "Cancel"):
        assert english not in texts
    assert "Check a draft" in json.dumps(blocks.draft_modal("C1"))
    _, errors = _dialog_context({"draft": "Hi", "order_date": "soon"}, "zh-CN")
    assert errors["order_date"].startswith("'soon' 不是日期")
    _, errors = _dialog_context({}, "zh-CN")
    assert CJK.search(errors["draft"])


@pytest.mark.parametrize("command", ["check", "batch", "eval", "rules", "audit", "console", "slack", "discord", None])
def test_every_option_help_has_a_chinese_text(command):
    import argparse

    from adapters.cli.parser import GROUP_KEYS, build_parser

    parser = build_parser(command)
    if command is not None:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[command]
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS and not isinstance(action, argparse._SubParsersAction):
            keys = [f"cli.opt.{command or 'top'}.{action.dest}", f"cli.opt.{action.dest}"]
            assert any(key in ZH for key in keys), f"{command} {action.dest}: {action.help!r}"
    for group in parser._action_groups:
        assert group.title in GROUP_KEYS and GROUP_KEYS[group.title] in ZH
    zh = build_parser(command, "zh")
    if command is not None:
        zh = next(a for a in zh._actions if isinstance(a, argparse._SubParsersAction)).choices[command]
    shown = zh.format_help()
    assert "show this help" not in shown and "options:" not in shown and shown.startswith("用法：")


def test_bot_start_up_problems_in_the_team_language(monkeypatch, capsys, tmp_path):
    from adapters.cli import main

    config = tmp_path / "checkmsg.toml"
    config.write_text('ui_language = "zh"\n', encoding="utf-8")
    for name in ("DISCORD_TOKEN", "DISCORD_GUILD_IDS", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    assert main(["discord", "--config", str(config)]) == 2
    assert "没有设置 DISCORD_TOKEN" in capsys.readouterr().err
    assert main(["slack", "--config", str(config)]) == 2
    assert "请设置 SLACK_BOT_TOKEN" in capsys.readouterr().out


def test_discord_registers_its_commands_in_the_team_language():
    import discord
    from discord import app_commands

    from adapters.discord_bot.app import add_commands

    client = discord.Client(intents=discord.Intents.none())
    tree = app_commands.CommandTree(client)
    add_commands(tree, None, [1], "zh")
    registered = tree.get_commands(guild=discord.Object(1))
    names = {command.name: command for command in registered}
    assert "用 CheckMsg 检查" in names and CJK.search(names["checkmsg"].description)


def test_eval_filters_in_chinese_and_english_json_unchanged(capsys):
    from adapters.cli import main

    corpus = str(ROOT.parent / "shared" / "corpus" / "dev.jsonl")
    if not Path(corpus).is_file():
        pytest.skip("no shared corpus here")
    assert main(["eval", corpus, "--lang", "de", "--include-unset", "--format", "text", "--ui-lang", "zh"]) == 0
    assert "（buyer_language 为 de 或 未设置；format 为 text）" in capsys.readouterr().out
    assert main(["eval", corpus, "--lang", "de", "--include-unset", "--json", "--ui-lang", "zh"]) == 0
    assert json.loads(capsys.readouterr().out)["filters"] == ["buyer_language de or unset"]


def test_argparse_messages_have_chinese_texts_with_the_same_specifiers():
    from adapters.cli.parser import ARGPARSE_KEYS

    specifiers = re.compile(r"%(?:\(\w+\))?[rsd]")
    for english, key in ARGPARSE_KEYS.items():
        assert key in ZH and CJK.search(ZH[key]), key
        assert sorted(specifiers.findall(english)) == sorted(specifiers.findall(ZH[key])), key


def test_usage_errors_in_chinese(capsys):
    import argparse

    from adapters.cli import main

    original = argparse._
    assert main(["check", "--format", "xml", "--lang", "zh"]) == 2
    shown = capsys.readouterr().err
    assert "错误：参数 --format：无效的选项值：'xml'" in shown and shown.startswith("用法：")
    assert argparse._ is original  # put back after reading the command line
    assert main(["check", "--format", "xml"]) == 2
    assert "error: argument --format: invalid choice: 'xml'" in capsys.readouterr().err


def test_css_parser_reasons_in_chinese():
    from types import SimpleNamespace

    from checks.html.css import _css_error

    cases = [
        ("eof-in-string", "EOF in string"),
        ("eof-in-url", "EOF in URL"),
        (")", "Unmatched )"),
        ("invalid", "Expected ':' after declaration name, got EOF"),
        ("invalid", "Expected <ident> for declaration name, got number."),
        ("invalid", "EOF reached before {} block for a qualified rule."),
        ("invalid", "Declaration contains {} block"),
    ]
    for kind, message in cases:
        text = _css_error(SimpleNamespace(kind=kind, message=message))
        assert text == message and text.key in ZH and CJK.search(text.localized("zh")), message


def test_eval_bars_in_chinese(tmp_path, capsys):
    from adapters.cli import main

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "a", "text": "Hello there, thanks.", "expect": ["contact.email"]}\n', encoding="utf-8")
    assert main(["eval", str(corpus), "--min-recall", "0.5", "--ui-lang", "zh"]) == 1
    shown = capsys.readouterr().out
    assert "未达标：错误级规则的召回率 0.000 低于 0.500" in shown and "漏报 contact.email；" in shown
    assert main(["eval", str(corpus), "--min-recall", "0.5", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["below_bar"] == ["recall 0.000 is below 0.500"]
    assert main(["eval", str(corpus), "--min-recall", "2", "--ui-lang", "zh"]) == 2
    assert "2 不在 0 到 1 之间" in capsys.readouterr().err
