"""Phone numbers are read in the buyer's region, the team's own region
(``phone_region``), and the draft's language region when no marketplace is given."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, parse_config
from checks import CheckSettings, Context, Draft, check


async def _phones(text: str, settings: CheckSettings | None = None, **context) -> list[str]:
    report = await check(Draft(text=text, context=Context(proactive=False, **context)), settings or CheckSettings())
    return [f.excerpt for f in report.findings if f.rule == "contact.phone"]


async def test_the_teams_local_number_is_found_in_a_draft_for_another_marketplace():
    text = "Hello, if the hinge breaks again please ring 0755 8829 4410 and ask for Li."
    assert await _phones(text, buyer_language="en", marketplace="amazon.com") == []
    found = await _phones(text, CheckSettings(phone_region="cn"), buyer_language="en", marketplace="amazon.com")
    assert found == ["0755 8829 4410"]


async def test_a_local_number_without_marketplace_is_read_in_the_drafts_language():
    assert await _phones("Rufen Sie uns an: 030 12345678") == ["030 12345678"]


async def test_part_and_document_numbers_are_no_phone_numbers():
    text = "The hinge LW-2024-5561-88 replaces INV-2026-11-0042; batch 0043-2211-7."
    assert await _phones(text, buyer_language="en", marketplace="amazon.com") == []


def test_phone_region_in_the_config_is_checked():
    settings, _review = parse_config({"phone_region": "de"})
    assert settings.phone_region == "DE"
    with pytest.raises(ConfigError, match="phone_region"):
        parse_config({"phone_region": "Germany"})
