"""A draft's report as one Discord message: status line, an embed with the report, the buttons.

Discord's limits: 2,000 characters of message content, 4,096 of embed
description, 6,000 over a message's embeds. The report goes into the embed
section by section (verdict, findings, notes, missing context, rewrite, diff);
when the next section would not fit, the rest is not dropped: the whole report
goes along as a text file and the embed says how many sections are only there.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import discord

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
_USER_ID = re.compile(r"(?<![\d<@])(\d{17,20})(?!\d)")
_FENCE = "```"


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


def report_reply(draft: DraftView, locale: str | None, notice: str | None = None) -> Reply:
    sections = render_report_parts(draft, locale=locale, include_status=False)
    blocks = [_format(section) for section in sections]
    description, shown = _fill(blocks, EMBED_DESCRIPTION - _MORE_RESERVE)
    content = mention_ids(" ".join(part for part in (status_line(draft, locale), notice) if part))
    files = []
    if shown < len(blocks) or len(content) > MESSAGE_CHARS:
        name = t("report.file", locale, id=draft.id, revision=draft.revision)
        if shown < len(blocks):
            description += "\n\n*" + t("report.more", locale, count=len(blocks) - shown, name=name) + "*"
        else:  # only a very long decision reason: the file has it whole
            content = split_text(content, MESSAGE_CHARS - 80)[0].rstrip() + " … " + t("report.whole", locale, name=name)
        full = report_as_text([*sections, Section("status", status_line(draft, locale))])
        files.append(discord.File(io.BytesIO(full.encode("utf-8")), filename=name))
    title = (sections[0].title or "")[:EMBED_TITLE]
    embed = discord.Embed(title=title, description=description, colour=_COLOURS[_worst(draft)])
    return Reply(content, embed, decision_buttons(draft, locale), files)


def _format(section: Section) -> str:
    if section.kind == "verdict":
        return f"**{section.body}**"
    body = section.body
    if section.code:
        language = "diff" if section.kind == "diff" else ""
        body = f"{_FENCE}{language}\n{body.replace(_FENCE, '`‍`‍`')}\n{_FENCE}"
    return f"**{section.title}**\n{body}" if section.title else body


def _fill(blocks: list[str], limit: int) -> tuple[str, int]:
    """As many whole blocks as fit ``limit``, in order; how many went in."""
    text, shown = "", 0
    for block in blocks:
        candidate = f"{text}\n\n{block}" if text else block
        if len(candidate) > limit:
            break
        text, shown = candidate, shown + 1
    return text, shown


def _worst(draft: DraftView) -> str | None:
    severities = {f.severity.value for f in (draft.report.findings if draft.report else [])}
    return "error" if "error" in severities else "warning" if "warning" in severities else None


def mention_ids(text: str) -> str:
    """Show Discord user ids (what the workflow records as actors) as mentions."""
    return _USER_ID.sub(r"<@\1>", text)
