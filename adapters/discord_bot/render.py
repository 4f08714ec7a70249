"""A draft's report as one Discord message: status line, an embed with the report, the buttons.

Discord's limits: 2,000 characters of message content, 4,096 of embed
description, 6,000 over a message's embeds. The report goes into the embed
section by section (verdict, findings, notes, missing context, rewrite, diff);
when the next section would not fit, the rest is not dropped: the whole report
goes along as a text file and the embed says how many sections are only there.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import discord

from bot import states
from bot.chat import (
    Section,
    render_report_parts,
    report_as_text,
    split_text,
    status_line,
)
from bot.review import DraftView

from .text import t
from .views import decision_buttons

MESSAGE_CHARS = 2000
EMBED_DESCRIPTION = 4096
EMBED_TITLE = 256
# Room kept at the end of the description for the "more in the attached file" line.
_MORE_RESERVE = 200

_COLOURS = {"error": discord.Colour.red(), "warning": discord.Colour.gold(), None: discord.Colour.green()}
_SEVERITY_MARK = {"error": "🔴", "warning": "🟠", "info": "🔵"}
_FENCE = "```"


def mention(user_id: str) -> str:
    """A person on a report: Discord shows the mention as their name (and the report's
    allowed_mentions keep it from pinging them)."""
    return f"<@{user_id}>" if user_id.isdigit() else user_id


@dataclass
class Reply:
    """What to send or edit: ``files`` is empty when the report fits the embed."""

    content: str
    embed: discord.Embed
    view: discord.ui.View
    files: list[discord.File]

    def send_kwargs(self) -> dict:
        return {"content": self.content, "embed": self.embed, "view": self.view, "files": self.files,
                "allowed_mentions": discord.AllowedMentions.none()}

    def edit_kwargs(self) -> dict:
        # attachments=[] removes an earlier report file when the new one fits.
        return {"content": self.content, "embed": self.embed, "view": self.view, "attachments": self.files,
                "allowed_mentions": discord.AllowedMentions.none()}


def report_reply(draft: DraftView, locale: str | None, notice: str | None = None, *,
                 actions: list[str] | None = None) -> Reply:
    """The report message; its buttons are ``actions`` (``ChatService.buttons``)."""
    sections = render_report_parts(draft, locale=locale, include_status=False, names=mention)
    blocks = [_format(section) for section in sections]
    description, shown = _fill(blocks, EMBED_DESCRIPTION - _MORE_RESERVE)
    content = " ".join(part for part in (status_line(draft, locale, mention), notice) if part)
    files = []
    if shown < len(blocks) or len(content) > MESSAGE_CHARS:
        name = t("report.file", locale, id=draft.id, revision=draft.revision)
        if shown < len(blocks):
            description += "\n\n*" + t("report.more", locale, count=len(blocks) - shown, name=name) + "*"
        else:  # only a very long decision reason: the file has it whole
            content = split_text(content, MESSAGE_CHARS - 80)[0].rstrip() + " … " + t("report.whole", locale, name=name)
        full = report_as_text([*sections, Section("status", status_line(draft, locale, mention))])
        files.append(discord.File(io.BytesIO(full.encode("utf-8")), filename=name))
    title = (sections[0].title or "")[:EMBED_TITLE]
    embed = discord.Embed(title=title, description=description, colour=colour(draft))
    return Reply(content, embed, decision_buttons(draft, actions or [], locale), files)


def _format(section: Section) -> str:
    if section.kind == "verdict":
        return f"**{section.body}**"
    body = section.body
    if section.code:
        language = "diff" if section.kind == "diff" else ""
        body = f"{_FENCE}{language}\n{body.replace(_FENCE, '`‍`‍`')}\n{_FENCE}"
    if not section.title:
        return body
    mark = _SEVERITY_MARK.get(section.severity or "", "")
    return f"{mark} **{section.title}**\n{body}".lstrip()


def _fill(blocks: list[str], limit: int) -> tuple[str, int]:
    """As many whole blocks as fit ``limit``, in order; how many went in."""
    text, shown = "", 0
    for block in blocks:
        candidate = f"{text}\n\n{block}" if text else block
        if len(candidate) > limit:
            break
        text, shown = candidate, shown + 1
    return text, shown


def colour(draft: DraftView) -> discord.Colour:
    """Green once approved or sent (an override included: the team decided), grey once
    withdrawn or expired, else the colour of the worst finding."""
    if draft.state in (states.APPROVED, states.SENT):
        return discord.Colour.green()
    if draft.state in (states.WITHDRAWN, states.EXPIRED):
        return discord.Colour.light_grey()
    return _COLOURS[_worst(draft)]


def _worst(draft: DraftView) -> str | None:
    severities = {f.severity.value for f in (draft.report.findings if draft.report else [])}
    return "error" if "error" in severities else "warning" if "warning" in severities else None
