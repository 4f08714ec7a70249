"""Exporting the audit trail: who submitted, what the checks found, who decided what, when."""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import Any, TextIO

from checks.i18n import tr

from .store import Store

FIELDS = (
    "id",
    "at",
    "actor",
    "action",
    "draft_id",
    "revision",
    "content_hash",
    "platform",
    "channel",
    "thread",
    "rule_ids",
    "reason",
)
FORMATS = ("csv", "json", "jsonl")
# A cell starting with one of these is a formula to a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def parse_since(value: str | dt.date | dt.datetime | None) -> dt.datetime | None:
    """ISO date or datetime (naive means UTC) -> an aware UTC datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(tr("audit.bad-since", "--since takes an ISO date or time, e.g. 2025-03-01; got {value!r}", value=value)) from exc
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _public(event: dict[str, Any]) -> dict[str, Any]:
    row = {name: event.get(name) for name in FIELDS}
    row["at"] = event["at"].isoformat()
    return row


async def export_audit(
    store: Store,
    fmt: str,
    out: TextIO,
    since: str | dt.date | dt.datetime | None = None,
) -> int:
    """Write the audit trail (oldest first) to ``out`` as ``csv``, ``json`` or ``jsonl``.

    Returns the number of events written. CSV cells that a spreadsheet would
    run as a formula are prefixed with ``'``.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(tr("audit.bad-format", "unknown audit format {format!r}; use one of {formats}", format=fmt, formats=", ".join(FORMATS)))
    events = [_public(e) for e in await store.audit_events(parse_since(since))]
    if fmt == "json":
        json.dump(events, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for event in events:
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
    else:
        writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for event in events:
            event["rule_ids"] = " ".join(event["rule_ids"])
            writer.writerow({k: _cell(v) for k, v in event.items()})
    return len(events)


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
