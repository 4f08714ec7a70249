"""The bot layer's user-facing strings, by locale: one catalogue, one fallback.

:func:`message` looks a key up in the person's locale ("zh-CN" -> "zh", by the
engine's ``ui_language``: the one locale fallback), else in English. Rule
titles (a person's words for a rule, used as headings) and what a missing
piece of order context would let the checks do are here too, so a report
never shows an internal id or field name.
"""

from __future__ import annotations

from typing import Any

from checks.i18n import ui_language

DEFAULT_LOCALE = "en"

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "verdict.clean": "No problems found: this draft follows Amazon's messaging guidelines.",
        "verdict.errors": "Not ready to send: {errors} and {warnings}.",
        "verdict.warnings": "Can be sent, but look at {warnings} first.",
        "verdict.info": "Can be sent; {infos} to consider.",
        "count.error": "{n} error",
        "count.errors": "{n} errors",
        "count.warning": "{n} warning",
        "count.warnings": "{n} warnings",
        "count.info": "{n} note",
        "count.infos": "{n} notes",
        "draft.title": "Draft #{id}, version {revision}",
        "finding.why": "Why: {message}",
        "finding.guideline": "Guideline: {guideline}",
        "finding.fix": "Fix: {title}",
        "missing.title": "Can also be checked, if you add:",
        "missing.line": "{what}: {why}",
        "rewrite.title": "Suggested rewrite, ready to copy:",
        "rewrite.title-unready": "Suggested rewrite, not ready to send:",
        "rewrite.status.title": "Rewrite checked again:",
        "rewrite.guidance": "- {rule}: {text}",
        "diff.title": "What the rewrite changes:",
        "notes.title": "Notes:",
        "state.pending": "Waiting for approval: {count} of {required}.",
        "state.approved": "Approved by {who}; ready to send. Mark it as sent once it went out.",
        "verdict.overridden": "Approved despite {errors}: {who} overrode them ({reason}).",
        "finding.times": "{title} ({n} times)",
        "finding.more": "… and {n} more",
        "draft.checking": "Checking a draft from {who}…",
        "button.withdraw": "Withdraw",
        "button.edit": "Add order details",
        "state.changes_requested": "Changes requested by {who}{reason}. Edit the draft to submit a new version.",
        "state.withdrawn": "Withdrawn by {who}{reason}.",
        "state.sent": "Sent, marked by {who}.",
        "state.expired": "Expired: its text was removed after the retention period.",
        "state.needs_override": "It has errors: an approver can approve it only with Override and a reason.",
        "state.last": "Last: {action} by {who} at {when}.",
        "action.approve": "approved",
        "action.override": "approved with override ({reason})",
        "action.request_changes": "changes requested",
        "action.withdraw": "withdrawn",
        "action.sent": "marked as sent",
        "result.unchanged": "Nothing changed from the version under review.",
        "result.new_revision": "A new version: it was checked again, and earlier approvals no longer count.",
        "result.repeated": "You had already done this on this version.",
        "error.draft": "Cannot check this draft: {reason}",
        "error.unknown_action": "Unknown action {action!r}.",
        "error.not_found": "There is no draft #{id} here.",
        "error.stale": "Draft #{id} changed after this report was posted; use the buttons on the newest report.",
        "error.reason_required": "A reason is required.",
        "error.override_not_needed": "This draft has no errors; approve it normally.",
        "error.override_approvers": "Only approvers can override errors.",
        "error.draft_required": "Paste the draft message here.",
        "draft.from": "Draft from {who} for review:",
        "button.approve": "Approve",
        "button.request_changes": "Request changes",
        "button.override": "Override",
        "button.sent": "Mark as sent",
        "hint.use_override": "Use Override and give the reason.",
        "part.continued": "(continued, part {n} of {total})",
        "part.attached": "The full report is in the attached file {name}.",
    },
    "zh": {
        "verdict.clean": "未发现问题：这份草稿符合亚马逊的买家消息规定。",
        "verdict.errors": "暂不能发送：{errors}，{warnings}。",
        "verdict.warnings": "可以发送，但请先查看{warnings}。",
        "verdict.info": "可以发送；有{infos}供参考。",
        "count.error": "{n} 个错误",
        "count.errors": "{n} 个错误",
        "count.warning": "{n} 个警告",
        "count.warnings": "{n} 个警告",
        "count.info": "{n} 条提示",
        "count.infos": "{n} 条提示",
        "draft.title": "草稿 #{id}，第 {revision} 版",
        "finding.why": "原因：{message}",
        "finding.guideline": "规定：{guideline}",
        "finding.fix": "修改：{title}",
        "missing.title": "补充以下信息后还可以检查：",
        "missing.line": "{what}：{why}",
        "rewrite.title": "修改建议（可直接复制）：",
        "rewrite.title-unready": "修改建议（尚不能发送）：",
        "rewrite.status.title": "修改稿复查结果：",
        "rewrite.guidance": "- {rule}：{text}",
        "diff.title": "修改建议改动了什么：",
        "notes.title": "附注：",
        "state.pending": "等待审批：{count}/{required}。",
        "state.approved": "已由 {who} 批准，可以发送。发出后请标记为已发送。",
        "verdict.overridden": "尽管有{errors}，仍已批准：{who} 强制批准（{reason}）。",
        "finding.times": "{title}（{n} 处）",
        "finding.more": "……另有 {n} 处",
        "draft.checking": "正在检查 {who} 提交的草稿……",
        "button.withdraw": "撤回",
        "button.edit": "补充订单信息",
        "state.changes_requested": "{who} 要求修改{reason}。请编辑草稿并提交新版本。",
        "state.withdrawn": "已由 {who} 撤回{reason}。",
        "state.sent": "已发送，由 {who} 标记。",
        "state.expired": "已过期：保留期结束后，草稿内容已被删除。",
        "state.needs_override": "草稿有错误：审批人只能通过“强制批准”并填写理由来批准。",
        "state.last": "最近操作：{who} 于 {when} {action}。",
        "action.approve": "批准",
        "action.override": "强制批准（{reason}）",
        "action.request_changes": "要求修改",
        "action.withdraw": "撤回",
        "action.sent": "标记为已发送",
        "result.unchanged": "与正在审核的版本相比没有变化。",
        "result.new_revision": "这是新版本：已重新检查，之前的批准不再有效。",
        "result.repeated": "你已经对这个版本执行过此操作。",
        "error.draft": "无法检查这份草稿：{reason}",
        "error.unknown_action": "未知操作 {action!r}。",
        "error.not_found": "这里没有草稿 #{id}。",
        "error.stale": "草稿 #{id} 在这份报告发布后已被修改；请使用最新报告上的按钮。",
        "error.reason_required": "必须填写理由。",
        "error.override_not_needed": "这份草稿没有错误，请直接批准。",
        "error.override_approvers": "只有审批人可以强制批准有错误的草稿。",
        "error.draft_required": "请在这里粘贴草稿消息。",
        "draft.from": "{who} 提交的草稿，请审核：",
        "button.approve": "批准",
        "button.request_changes": "要求修改",
        "button.override": "强制批准",
        "button.sent": "标记为已发送",
        "hint.use_override": "请使用“强制批准”并填写理由。",
        "part.continued": "（续，第 {n}/{total} 部分）",
        "part.attached": "完整报告见附件 {name}。",
    },
}


RULE_TITLES: dict[str, dict[str, str]] = {
    "en": {
        "content.thanks-only": "Only thanks the buyer",
        "content.auto-reply": "Automated reply",
        "content.objectionable": "Offensive or sensitive wording",
        "content.too-long": "Longer than 2,000 characters",
        "attach.disallowed": "Attachment Amazon does not allow",
        "contact.email": "Email address",
        "contact.phone": "Phone number",
        "contact.social": "Social media or messaging app",
        "link.external": "Link outside Amazon",
        "link.insecure": "Insecure http:// link",
        "link.opt-out": "Unsubscribe link",
        "html.gif": "GIF image",
        "html.tracking-pixel": "Tracking pixel",
        "html.insecure-image": "Image over http://",
        "html.font-override": "Changed font or line height",
        "html.font-sizes": "Too many font sizes",
        "html.alignment": "Centred or re-aligned text",
        "html.margin": "Margin too wide",
        "html.image-width": "Image too wide",
        "html.logo-link": "Logo linking off Amazon",
        "html.accessibility": "Accessibility problem",
        "lang.mismatch": "Not in the buyer's language",
        "lang.mixed": "Passage in another language",
        "order.id-missing": "No order id",
        "order.id-malformed": "Order id in the wrong form",
        "order.id-mismatch": "Order id of another order",
        "order.window": "Sent too late after the order",
        "order.confirmation": "Order or shipping confirmation",
        "order.cancel-request": "Asks the buyer to cancel",
        "order.discourage-return": "Discourages a return or refund",
        "order.divert": "Steers the buyer off Amazon",
        "promo.marketing": "Marketing or promotion",
        "promo.coupon": "Coupon or discount code",
        "review.incentive": "Reward for a review",
        "review.change-request": "Asks to change a review",
        "review.positive": "Asks for a positive review",
        "review.conditional": "Asks only happy buyers for a review",
        "review.repeat": "Second review request for this order",
        "review.scripted": "Tells the buyer what to write",
        "style.emoji": "Emoji",
        "style.line-breaks": "Too many blank lines",
        "style.spelling": "Spelling",
        "style.grammar": "Grammar",
    },
    "zh": {
        "content.thanks-only": "只有感谢",
        "content.auto-reply": "自动回复",
        "content.objectionable": "冒犯或敏感用语",
        "content.too-long": "超过 2000 个字符",
        "attach.disallowed": "亚马逊不允许的附件",
        "contact.email": "电子邮件地址",
        "contact.phone": "电话号码",
        "contact.social": "社交媒体或聊天软件",
        "link.external": "亚马逊以外的链接",
        "link.insecure": "不安全的 http:// 链接",
        "link.opt-out": "退订链接",
        "html.gif": "GIF 图片",
        "html.tracking-pixel": "跟踪像素",
        "html.insecure-image": "通过 http:// 加载的图片",
        "html.font-override": "改动了字体或行高",
        "html.font-sizes": "字号过多",
        "html.alignment": "居中或改变对齐的正文",
        "html.margin": "边距过宽",
        "html.image-width": "图片过宽",
        "html.logo-link": "链接到亚马逊以外的标志",
        "html.accessibility": "无障碍问题",
        "lang.mismatch": "不是买家的语言",
        "lang.mixed": "夹杂其他语言的段落",
        "order.id-missing": "缺少订单号",
        "order.id-malformed": "订单号格式不对",
        "order.id-mismatch": "其他订单的订单号",
        "order.window": "订单完成后发送过晚",
        "order.confirmation": "订单或发货确认",
        "order.cancel-request": "要求买家自己取消",
        "order.discourage-return": "劝阻退货或退款",
        "order.divert": "把买家引离亚马逊",
        "promo.marketing": "营销或推广",
        "promo.coupon": "优惠券或折扣码",
        "review.incentive": "以好处换评价",
        "review.change-request": "要求修改评价",
        "review.positive": "索要好评",
        "review.conditional": "只请满意的买家评价",
        "review.repeat": "同一订单再次索评",
        "review.scripted": "告诉买家写什么",
        "style.emoji": "表情符号",
        "style.line-breaks": "空行过多",
        "style.spelling": "拼写",
        "style.grammar": "语法",
    },
}

# What a rule needs and why, as the team would add it; the context fields each rule reads are
# in its ``needs`` (checks/rules/).
CONTEXT_HINTS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "review.repeat": ("The order id", "then CheckMsg counts the review requests this order already had"),
        "order.window": (
            "The delivery date (or order date)", "to check the message goes out within 30 days of the order"
        ),
        "order.id-mismatch": ("The order id", "to check the order id in the text is this order's"),
        "lang.mismatch": ("The marketplace or the buyer's language", "to check the draft is in the buyer's language"),
    },
    "zh": {
        "review.repeat": ("订单号", "CheckMsg 会据此统计这个订单已经发出过的索评请求"),
        "order.window": ("送达日期（或下单日期）", "用于检查消息是否在订单完成后 30 天内发出"),
        "order.id-mismatch": ("订单号", "用于检查正文中的订单号是否属于这个订单"),
        "lang.mismatch": ("站点或买家的语言", "用于检查草稿是否使用买家的语言"),
    },
}


def message(key: str, locale: str | None = None, /, **values: Any) -> str:
    """The text for ``key`` in ``locale`` ("zh-CN", "en-US", ...), else English.

    Every string of the chat layer goes through here, so a translation is one
    more table in :data:`MESSAGES`.
    """
    text = lookup(MESSAGES, locale).get(key) or MESSAGES[DEFAULT_LOCALE][key]
    return text.format(**values) if values else text


def rule_title(rule_id: str, locale: str | None = None) -> str:
    """A rule's title in the person's words; the id only for a rule without one."""
    return lookup(RULE_TITLES, locale).get(rule_id) or RULE_TITLES[DEFAULT_LOCALE].get(rule_id) or rule_id


def context_hint(rule_id: str, locale: str | None = None) -> tuple[str, str] | None:
    """(what to add, what it lets CheckMsg check) for a rule that lacked context; None when unknown."""
    return lookup(CONTEXT_HINTS, locale).get(rule_id) or CONTEXT_HINTS[DEFAULT_LOCALE].get(rule_id)


def lookup(tables: dict[str, dict[str, Any]], locale: str | None) -> dict[str, Any]:
    """The table for ``locale``: the one fallback every catalogue uses is the engine's
    (``checks.i18n.ui_language``: "zh-CN" -> "zh", anything unknown -> English)."""
    return tables.get(ui_language(locale, DEFAULT_LOCALE)) or tables[DEFAULT_LOCALE]
