"""Every string the Discord bot shows, through one function: :func:`t`.

Keys the chat layer has (verdicts, states, ...) come from ``bot.chat.message``;
the Discord-only ones (buttons, dialogs, thread names) live here. Adding a
language is one more table in each place, keyed like ``"zh"`` or ``"zh-CN"``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.chat import message
from bot.messages import lookup

DISCORD_MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "modal.details.title": "Add order details",
        "closing": "CheckMsg is restarting; try again in a minute.",
        "modal.delivery_date": "Delivery date, e.g. 2025-03-01 (optional)",
        "modal.order_date": "Order date, e.g. 2025-02-20 (optional)",
        "option.delivery_date": "When the order was delivered, e.g. 2025-03-01",
        "option.order_date": "When the order was placed, e.g. 2025-02-20",
        "decided.to_author": "<@{author}>: {note}",
        "command.description": "Check a buyer message draft against Amazon's guidelines",
        "option.draft": "The draft; leave empty to paste a long one in a dialog",
        "option.order_id": "The Amazon order id, 123-1234567-1234567",
        "option.buyer_language": "The buyer's language, e.g. de",
        "option.marketplace": "The marketplace, e.g. amazon.de",
        "option.attachment": "A file that goes with the message",
        "menu.check": "Check with CheckMsg",
        "modal.draft.title": "Check a draft",
        "modal.draft.text": "Draft",
        "modal.draft.placeholder": "Paste the message to the buyer",
        "modal.order_id": "Order id (optional)",
        "modal.buyer_language": "Buyer's language (optional)",
        "modal.marketplace": "Marketplace (optional)",
        "modal.changes.title": "Request changes",
        "modal.changes.reason": "What should change?",
        "modal.override.title": "Approve despite errors",
        "modal.override.reason": "Why is it fine to send as it is?",
        "thread.name": "CheckMsg draft #{id}",
        "anchor": "Draft by <@{author}> for review: the report is in the thread.",
        "checked": "Checked: the report is in {thread}.",
        "updated": "Checked again: the report in {thread} is updated.",
        "not_approver": "Only members with the approver role can do this.",
        "no_role": "No approver role is configured (DISCORD_APPROVER_ROLE), so no one can decide here.",
        "stale": "This draft changed after this report was posted; use the buttons on the newest report.",
        "gone": "This report no longer matches a draft here.",
        "invalid_context": "Cannot check this draft: {reason}",
        "done": "Done: the report is updated.",
        "discord_error": "Discord refused a step ({status}: {reason}). Check the bot's permissions here: "
        "Send Messages, Create Public Threads, Send Messages in Threads, Embed Links, Attach Files.",
        "empty_message": "This message has no text to check.",
        "report.more": "{count} more section(s) are in the attached file {name}.",
        "report.whole": "(whole in {name})",
        "report.file": "checkmsg-draft-{id}-v{revision}.txt",
        "decided.request_changes": "Changes requested by <@{actor}>: {reason}",
        "decided.override": "Approved with override by <@{actor}>: {reason}",
    },
    "zh": {
        "modal.details.title": "补充订单信息",
        "closing": "CheckMsg 正在重启，请稍后再试。",
        "modal.delivery_date": "送达日期，例如 2025-03-01（可选）",
        "modal.order_date": "下单日期，例如 2025-02-20（可选）",
        "option.delivery_date": "订单送达的日期，例如 2025-03-01",
        "option.order_date": "下单日期，例如 2025-02-20",
        "decided.to_author": "<@{author}>：{note}",
        "command.description": "按照亚马逊的规定检查一份买家消息草稿",
        "option.draft": "草稿内容；留空则在弹出的对话框中粘贴较长的草稿",
        "option.order_id": "亚马逊订单号，格式 123-1234567-1234567",
        "option.buyer_language": "买家的语言，例如 de",
        "option.marketplace": "站点，例如 amazon.de",
        "option.attachment": "随消息发送的文件",
        "menu.check": "用 CheckMsg 检查",
        "modal.draft.title": "检查草稿",
        "modal.draft.text": "草稿",
        "modal.draft.placeholder": "粘贴要发给买家的消息",
        "modal.order_id": "订单号（可选）",
        "modal.buyer_language": "买家的语言（可选）",
        "modal.marketplace": "站点（可选）",
        "modal.changes.title": "要求修改",
        "modal.changes.reason": "需要修改什么？",
        "modal.override.title": "有错误仍强制批准",
        "modal.override.reason": "为什么可以按原样发送？",
        "thread.name": "CheckMsg 草稿 #{id}",
        "anchor": "<@{author}> 提交的草稿，请审核：报告在子区中。",
        "checked": "已检查：报告在 {thread} 中。",
        "updated": "已重新检查：{thread} 中的报告已更新。",
        "not_approver": "只有拥有审批人角色的成员才能执行此操作。",
        "no_role": "尚未配置审批人角色（DISCORD_APPROVER_ROLE），因此这里没有人可以做出决定。",
        "stale": "这份草稿在报告发布后已被修改；请使用最新报告上的按钮。",
        "gone": "这份报告已不再对应这里的任何草稿。",
        "invalid_context": "无法检查这份草稿：{reason}",
        "done": "完成：报告已更新。",
        "discord_error": "Discord 拒绝了一个操作（{status}：{reason}）。请检查机器人在此处的权限："
        "发送消息、创建公开子区、在子区中发送消息、嵌入链接、附加文件。",
        "empty_message": "这条消息没有可检查的文字。",
        "report.more": "还有 {count} 个部分在附件 {name} 中。",
        "report.whole": "（完整内容见 {name}）",
        "report.file": "checkmsg-draft-{id}-v{revision}.txt",
        "decided.request_changes": "<@{actor}> 要求修改：{reason}",
        "decided.override": "<@{actor}> 强制批准：{reason}",
    },
}


def t(key: str, locale: str | None = None, /, **values: Any) -> str:
    """The text for ``key`` in ``locale`` (Discord's ``en-US``, ``zh-CN``, ...), English when missing."""
    table = _table(locale)
    if key in table or key in DISCORD_MESSAGES["en"]:
        text = table.get(key) or DISCORD_MESSAGES["en"][key]
        return text.format(**values) if values else text
    return message(key, locale, **values)


def _table(locale: str | None) -> dict[str, str]:
    return lookup(DISCORD_MESSAGES, locale)  # the same fallback as bot.messages


_USER_MENTION = re.compile(r"<@!?([0-9]{15,21})>")
_ROLE_MENTION = re.compile(r"<@&([0-9]{15,21})>")
_CHANNEL_MENTION = re.compile(r"<#([0-9]{15,21})>")


def mentioned_users(text: str) -> list[int]:
    """User ids in Discord's mention syntax (``<@id>``, ``<@!id>``), in order, once each;
    a bare number is not a mention."""
    return list(dict.fromkeys(int(m) for m in _USER_MENTION.findall(text)))


def plain_text(text: str, users: Mapping[int, str], roles: Mapping[int, str] | None = None,
               channels: Mapping[int, str] | None = None) -> str:
    """The draft as the buyer would read it: mentions become ``@name`` / ``#channel``."""
    roles, channels = roles or {}, channels or {}
    text = _USER_MENTION.sub(lambda m: "@" + users.get(int(m[1]), "user"), text)
    text = _ROLE_MENTION.sub(lambda m: "@" + roles.get(int(m[1]), "role"), text)
    return _CHANNEL_MENTION.sub(lambda m: "#" + channels.get(int(m[1]), "channel"), text)
