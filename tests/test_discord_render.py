"""Discord's size limits, the locale strings, and the settings from the environment."""

from __future__ import annotations

import pytest
from fakes.discord_harness import start_bot

from adapters.discord_bot import text
from adapters.discord_bot.render import EMBED_DESCRIPTION, MESSAGE_CHARS, report_reply
from adapters.discord_bot.settings import SettingsError, load_settings
from adapters.discord_bot.text import t
from bot.review import Decision, DraftView
from checks import Draft, Finding, Report, Severity

LONG = "Dear buyer, " + "your parcel is on its way and should arrive soon. " * 60


class ManyFindings:
    """A checker that finds ``count`` long-winded problems and suggests a rewrite."""

    def __init__(self, count: int) -> None:
        self.count = count

    async def __call__(self, draft: Draft, settings) -> Report:
        findings = [
            Finding(rule=f"test.rule-{i:02d}", severity=Severity.WARNING, message="Too wordy here. " * 8,
                    span=(0, 10), excerpt=draft.text[:10], guideline="Keep it short.")
            for i in range(self.count)
        ]
        return Report(findings=findings, language="en", rewrite="Your parcel is on its way.")


def view(report: Report, *, reason: str | None = None) -> DraftView:
    import datetime as dt

    decisions = []
    if reason:
        decisions = [Decision("1100000000000000042", "request_changes", "ab" * 32, reason, False,
                              dt.datetime(2025, 3, 1, tzinfo=dt.UTC))]
    return DraftView(
        id=7, platform="discord", channel="1", thread="2", author="3",
        state="changes_requested" if reason else "pending", revision=1, content_hash="ab" * 32,
        submitted_by="3", text=LONG, context=None, report=report, rule_ids=[], has_errors=False,
        review_request=False, approvals=[], required_approvals=1, decisions=decisions,
    )


async def test_a_long_report_fits_the_embed_and_the_rest_is_attached_not_cut():
    """Over 4,096 characters: whole sections in the embed, the full report in a file, and a line saying so."""
    report = await ManyFindings(40)(Draft(text=LONG), None)
    reply = report_reply(view(report), "en-US")
    description = reply.embed.description
    assert len(description) <= EMBED_DESCRIPTION and len(reply.content) <= MESSAGE_CHARS
    assert len(reply.embed) <= 6000
    [file] = reply.files
    assert file.filename == "checkmsg-draft-7-v1.txt"
    full = file.fp.read().decode()
    assert all(f"test.rule-{i:02d}" in full for i in range(40))
    assert "Your parcel is on its way." in full  # the rewrite too
    shown = sum(f"test.rule-{i:02d}" in description for i in range(40))
    assert 0 < shown < 40
    assert f"more section(s) are in the attached file {file.filename}" in description


def test_a_short_report_has_no_file():
    reply = report_reply(view(Report(findings=[], language="en")), "en")
    assert reply.files == [] and "No problems found" in reply.embed.description
    assert reply.edit_kwargs()["attachments"] == []  # an edit removes an earlier report file


def test_a_very_long_reason_is_shown_whole_in_the_file():
    reply = report_reply(view(Report(findings=[], language="en"), reason="Please " * 400), "en")
    assert len(reply.content) <= MESSAGE_CHARS
    assert "whole in checkmsg-draft-7-v1.txt" in reply.content
    assert ("Please " * 400).strip() in reply.files[0].fp.read().decode()
    assert "<@1100000000000000042>" in reply.content  # actors show as mentions


async def test_long_report_goes_out_with_its_file(fake, db_url):
    """End to end: the report message carries the attached file (multipart upload to the channel)."""
    watched = fake.add_channel("drafts")
    bot = await start_bot(fake, db_url, ManyFindings(40), watch_channel_ids=[watched])
    try:
        message = await fake.post_message(fake.person("sam"), watched, LONG)
        [call] = await fake.wait_for("POST", rf"/channels/{message['id']}/messages")
        assert list(call.files) == ["checkmsg-draft-1-v1.txt"]
        assert len(call.json["embeds"][0]["description"]) <= EMBED_DESCRIPTION
        report = fake.report_in(int(message["id"]))
        assert report["attachments"][0]["filename"] == "checkmsg-draft-1-v1.txt"
    finally:
        await bot.stop()


async def test_replies_follow_the_users_locale_else_the_teams(fake, db_url, monkeypatch):
    """A slash command answers in interaction.locale; a watched message in DISCORD_LOCALE."""
    watched = fake.add_channel("drafts")
    bot = await start_bot(fake, db_url, ManyFindings(0), watch_channel_ids=[watched], locale="zh-CN")
    try:
        interaction = await fake.slash_command(fake.person("sam"), "checkmsg", {"draft": "Hello"}, locale="zh-CN")
        await fake.wait_for("POST", rf"/webhooks/{fake.app_id}/{interaction['token']}")
        anchor = fake.in_channel(fake.general)[0]
        assert anchor["thread"]["name"] == "CheckMsg 草稿 #1"
        assert fake.labels(fake.report_in(int(anchor["id"])))[0] == "批准"
        message = await fake.post_message(fake.person("sam"), watched, "Hello again")
        await fake.wait_for("POST", rf"/channels/{message['id']}/messages")
        assert fake.labels(fake.report_in(int(message["id"])))[0] == "批准"
        english = await fake.slash_command(fake.person("kim"), "checkmsg", {"draft": "Hi"}, locale="en-GB")
        await fake.wait_for("POST", rf"/webhooks/{fake.app_id}/{english['token']}")
        assert fake.in_channel(fake.general)[1]["thread"]["name"] == "CheckMsg draft #3"
    finally:
        await bot.stop()


def test_strings_fall_back_to_english_and_to_the_chat_layer(monkeypatch):
    from checks import i18n

    assert t("thread.name", "zh-CN", id=2) == "CheckMsg 草稿 #2"  # Discord's own text
    assert t("button.approve", "zh-CN") == "批准"  # the chat layer's
    assert t("button.approve", None) == "Approve"
    monkeypatch.delitem(i18n.catalogue("zh"), "chat.button.sent")  # the fallbacks are what this test is about
    monkeypatch.delitem(i18n.catalogue("zh"), "discord.closing")
    assert t("button.sent", "zh-CN") == "Mark as sent"
    assert t("closing", "zh-CN") == text.DISCORD_MESSAGES["closing"]


def test_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("DISCORD_TOKEN", "abc")
    monkeypatch.setenv("DISCORD_GUILD_IDS", "11, 12")
    monkeypatch.setenv("DISCORD_WATCH_CHANNEL_IDS", "21")
    monkeypatch.setenv("DISCORD_APPROVER_ROLE", "seller-support-leads")
    monkeypatch.setenv("DISCORD_API_URL", "")
    settings = load_settings(_env_file=None)
    assert settings.guild_ids == [11, 12] and settings.watch_channel_ids == [21]
    assert settings.approver_role == "seller-support-leads" and settings.api_url is None
    assert settings.locale == "en"


def test_missing_settings_are_named(monkeypatch):
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("DISCORD_GUILD_IDS", raising=False)
    with pytest.raises(SettingsError) as error:
        load_settings(_env_file=None)
    assert "DISCORD_TOKEN is not set" in str(error.value) and "DISCORD_GUILD_IDS is not set" in str(error.value)


def test_checkmsg_discord_names_missing_settings(monkeypatch, capsys):
    """``checkmsg discord`` without a token stops with status 2 and says what to set."""
    from adapters.cli import main

    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("DISCORD_GUILD_IDS", raising=False)
    monkeypatch.chdir(pytest.importorskip("pathlib").Path(__file__).parent)  # no .env here
    assert main(["discord"]) == 2
    assert "DISCORD_TOKEN is not set" in capsys.readouterr().err
