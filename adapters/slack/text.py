"""Slack's message formatting undone, so the checks read what the buyer would read.

Slack sends ``&amp; &lt; &gt;`` escaped and wraps links and mentions in
angle brackets: ``<https://x|label>``, ``<mailto:a@b.c|a@b.c>``, ``<@U123>``,
``<#C123|general>``, ``<!here>``, ``<!subteam^S1|@team>``. A draft pasted
into Slack must be checked as the plain text it stands for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_TOKEN = re.compile(r"<([^<>\n]+)>")


def unslack(text: str, user_names: Mapping[str, str] | None = None) -> str:
    """Plain text for Slack's formatted ``text``.

    Links become their URL (with the label before it when the label says
    something else), ``mailto:`` links their address, user mentions
    ``@name`` (from ``user_names``, else ``@user``), channel mentions
    ``#name``; the three HTML entities Slack escapes are unescaped last.
    """
    names = user_names or {}

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            return "@" + (label or names.get(target[1:]) or "user")
        if target.startswith("#"):
            return "#" + (label or "channel")
        if target.startswith("!"):
            if label:
                return label if label.startswith("@") else "@" + label
            word = target[1:].split("^", 1)[0]
            return "@" + word
        if target.startswith("mailto:"):
            return target.removeprefix("mailto:")
        if not label or _same_link(target, label):
            return target
        return f"{label} ({target})"

    return _unescape(_TOKEN.sub(replace, text))


def mentioned_users(text: str) -> list[str]:
    """User ids mentioned without a name in the token (``<@U123>``), in order, once each."""
    return list(dict.fromkeys(re.findall(r"<@([A-Z0-9]+)>", text)))


def escape(text: str) -> str:
    """Text made safe to show in a Slack message (the reverse of the unescaping above)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _same_link(target: str, label: str) -> bool:
    bare = re.sub(r"^[a-z]+://", "", target).rstrip("/")
    return label.rstrip("/") in (target.rstrip("/"), bare)


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
