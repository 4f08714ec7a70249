"""How CheckMsg reaches a seller account: Login with Amazon credentials and the SP-API endpoint.

Everything comes from the environment (never from ``checkmsg.toml``, which
teams commit): ``AMAZON_LWA_CLIENT_ID``, ``AMAZON_LWA_CLIENT_SECRET``,
``AMAZON_REFRESH_TOKEN``, ``AMAZON_REGION`` (NA, EU or FE) and
``AMAZON_MARKETPLACE`` (``amazon.de`` or its id ``A1PA6795UKMFR9``). Without
the three secrets every Amazon feature is off and :meth:`missing` says which
variables to set. ``AMAZON_SP_API_ENDPOINT`` and ``AMAZON_LWA_TOKEN_URL``
point the client elsewhere (tests, the sandbox); ``AMAZON_DRY_RUN=true`` does
everything but the final send.
"""

from __future__ import annotations

from pydantic import PrivateAttr, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from checks.i18n import tr

from .marketplaces import Marketplace, by_domain_or_id

REGION_ENDPOINTS = {
    "NA": "https://sellingpartnerapi-na.amazon.com",
    "EU": "https://sellingpartnerapi-eu.amazon.com",
    "FE": "https://sellingpartnerapi-fe.amazon.com",
}
LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token"
_SECRETS = ("lwa_client_id", "lwa_client_secret", "refresh_token")


class AmazonSettings(BaseSettings):
    """The seller account's SP-API connection; read from ``AMAZON_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="AMAZON_", extra="ignore")

    lwa_client_id: str | None = None
    lwa_client_secret: SecretStr | None = None
    refresh_token: SecretStr | None = None
    region: str | None = None
    marketplace: str | None = None
    sp_api_endpoint: str | None = None
    lwa_token_url: str | None = None
    dry_run: bool = False
    _problems: list[str] = PrivateAttr(default_factory=list)

    @field_validator("region")
    @classmethod
    def _region(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip().upper()
        if value not in REGION_ENDPOINTS:
            raise ValueError(tr("amazon.bad-region", "AMAZON_REGION must be NA, EU or FE, not {value!r}", value=value))
        return value

    @field_validator("marketplace")
    @classmethod
    def _marketplace(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if by_domain_or_id(value) is None:
            raise ValueError(
                tr("amazon.bad-marketplace", "AMAZON_MARKETPLACE {value!r} is not an Amazon marketplace (write e.g. amazon.de)", value=value)
            )
        return value.strip()

    @classmethod
    def from_env(cls) -> AmazonSettings:
        """The settings from the environment; a wrong value turns Amazon off and :meth:`how_to_enable` says what is wrong."""
        try:
            return cls()
        except ValidationError as exc:
            off = cls.model_construct(**{name: None for name in cls.model_fields} | {"dry_run": False})
            off._problems = [str(e["msg"]).removeprefix("Value error, ") for e in exc.errors()]
            return off

    def missing(self) -> list[str]:
        """The environment variables still to set before Amazon features work."""
        names = [f"AMAZON_{name.upper()}" for name in _SECRETS if not _present(getattr(self, name))]
        if self.marketplace is None:
            names.append("AMAZON_MARKETPLACE")
        return names

    @property
    def enabled(self) -> bool:
        return not self.missing() and not self._problems

    def how_to_enable(self) -> str:
        """What to tell a person who asked for an Amazon feature while it is off."""
        problems = self._problems
        if problems:
            return tr("amazon.off-invalid", "Amazon is not connected: {problems}.", problems="; ".join(problems))
        return tr(
            "amazon.off",
            "Amazon is not connected, so order context and sending are off. Set {names} in the bot's "
            "environment (see the README, \"Connecting a seller account\") and start it again.",
            names=", ".join(self.missing()),
        )

    @property
    def market(self) -> Marketplace:
        market = by_domain_or_id(self.marketplace or "")
        if market is None:
            raise ValueError(self.how_to_enable())
        return market

    @property
    def endpoint(self) -> str:
        return (self.sp_api_endpoint or REGION_ENDPOINTS[self.region or self.market.region]).rstrip("/")

    @property
    def token_url(self) -> str:
        return self.lwa_token_url or LWA_TOKEN_URL


def _present(value: str | SecretStr | None) -> bool:
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
    return bool(value and value.strip())
