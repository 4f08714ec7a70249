"""Team settings the engine honours. Loading them from a file is ``bot``'s job."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .models import Severity


class RuleSetting(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool = True
    severity: Severity | None = None


class CheckSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: dict[str, RuleSetting] = Field(default_factory=dict)
    allowed_domains: list[str] = Field(default_factory=list)
    allowed_phone_numbers: list[str] = Field(default_factory=list)
    words: list[str] = Field(default_factory=list)
    marketplace: str | None = None
    buyer_language: str | None = None
    # The team's own country (ISO 3166 alpha-2, e.g. "CN"): its local phone
    # numbers are read as numbers too, whatever the buyer's marketplace.
    phone_region: str | None = None
    html_max_width: int | None = Field(default=None, gt=0)
    # The language a person reads the report in (checks/i18n.py): "en" or "zh" (Simplified Chinese).
    ui_language: Literal["en", "zh"] = "en"

    @field_validator("phone_region")
    @classmethod
    def _region(cls, value: str | None) -> str | None:
        if value is None:
            return None
        import phonenumbers

        region = value.strip().upper()
        if region not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"{value!r} is not a country code with phone numbers (write e.g. \"CN\" or \"DE\")")
        return region

    def enabled(self, rule_id: str) -> bool:
        setting = self.rules.get(rule_id)
        return setting is None or setting.enabled

    def severity(self, rule_id: str, default: Severity) -> Severity:
        setting = self.rules.get(rule_id)
        return setting.severity if setting and setting.severity else default
