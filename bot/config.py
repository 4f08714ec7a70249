"""A team's ``checkmsg.toml``: rule switches, allow-lists, defaults, and the ``[review]`` table.

The file is read once, at start-up. Every mistake in it becomes a
:class:`ConfigError` whose text names the file and the key, so a person can
fix it without reading a traceback::

    checkmsg.toml: rules.style.spelling.severity: must be one of error, warning, info

Shape of the file (every key optional)::

    marketplace = "amazon.de"          # used when a draft's context has none
    buyer_language = "de"
    allowed_domains = ["help.lumiwood.example"]
    allowed_phone_numbers = ["+49 30 901820"]
    phone_region = "CN"                 # the team's own country: its local numbers count as phone numbers too
    words = ["Lumiwood", "DeskMate"]   # the spell checker accepts these
    html_max_width = 600
    ui_language = "zh"                  # reports, chat replies and CLI texts in Simplified Chinese (default "en")

    [rules."style.spelling"]
    enabled = false
    [rules."order.discourage-return"]
    severity = "error"

    [review]                            # see bot.review_settings.ReviewSettings
    approvers = ["U024BE7LH"]
"""

from __future__ import annotations

import difflib
import json
import logging
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, ValidationError, field_validator

from checks import CheckSettings, Context, RuleSetting, Severity, all_rules, i18n
from checks.i18n import tr

from .review_settings import ReviewSettings

if TYPE_CHECKING:
    from .amazon.settings import AmazonSettings

log = logging.getLogger(__name__)

CONFIG_FILE = "checkmsg.toml"


class ConfigError(Exception):
    """The configuration cannot be used; ``str()`` is the text to show (English),
    :meth:`localized` the same in another UI language. ``ui_language`` is the
    language the file asked for, when it could be read that far."""

    def __init__(self, *lines: str, ui_language: str | None = None) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines
        self.ui_language = ui_language

    def localized(self, lang: str) -> str:
        return "\n".join(i18n.localize(line, lang) for line in self.lines)


@dataclass(frozen=True)
class Config:
    """The loaded configuration: engine settings, review settings, and where they came from."""

    checks: CheckSettings = field(default_factory=CheckSettings)
    review: ReviewSettings = field(default_factory=ReviewSettings)
    path: Path | None = None
    # The seller account for SP-API; None: from the AMAZON_* environment variables when an Amazon
    # feature starts (bot.amazon.settings; read late so `checkmsg check` does not load it).
    amazon: AmazonSettings | None = None


class _ConfigFile(CheckSettings):
    """The file's schema: the engine's settings at the top level, ``[review]`` as a table."""

    review: ReviewSettings = Field(default_factory=ReviewSettings)
    # Retired: checks run in one process now (issue 16). Still read, and ignored
    # with a warning, so a file written for an older version loads.
    html_worker: bool | None = None

    @field_validator("allowed_domains")
    @classmethod
    def _domains(cls, values: list[str]) -> list[str]:
        cleaned = []
        for value in values:
            domain = value.strip().lower().removeprefix("https://").removeprefix("http://").rstrip("/")
            if not domain or "/" in domain or " " in domain or "." not in domain:
                raise ValueError(tr("config.not-a-domain", '{value!r} is not a domain name (write e.g. "help.example.com")', value=value))
            cleaned.append(domain)
        return cleaned

    @field_validator("allowed_phone_numbers", "words")
    @classmethod
    def _not_empty(cls, values: list[str]) -> list[str]:
        cleaned = [v.strip() for v in values]
        if any(not v for v in cleaned):
            raise ValueError(tr("config.empty-entry", "contains an empty entry"))
        return cleaned

    @field_validator("marketplace", "buyer_language")
    @classmethod
    def _like_context(cls, value: str | None, info: Any) -> str | None:
        # The same normalisation and checks a draft's context gets.
        if value is None:
            return None
        try:
            return getattr(Context.model_validate({info.field_name: value}), info.field_name)
        except ValidationError as exc:
            raise ValueError(exc.errors()[0]["msg"].removeprefix("Value error, ")) from None


def load_config(path: str | Path | None = None, cwd: str | Path | None = None) -> Config:
    """Read ``path``, else ``checkmsg.toml`` in ``cwd`` (default: the working folder).

    No file and no ``path``: the defaults. A ``path`` that cannot be read is an error.
    """
    if path is None:
        candidate = Path(cwd or Path.cwd()) / CONFIG_FILE
        if not candidate.is_file():
            return Config()
        path, shown = candidate, CONFIG_FILE
    else:
        path = Path(path)
        shown = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(
            tr("config.cannot-read", "{file}: cannot read the configuration file: {reason}", file=shown, reason=exc.strerror or exc)
        ) from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(tr("config.not-utf8", "{file}: not UTF-8 text", file=shown)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(tr("config.not-toml", "{file}: not valid TOML: {error}", file=shown, error=exc)) from None
    return Config(*parse_config(data, shown), path=path)


def parse_config(data: dict[str, Any], shown: str = CONFIG_FILE) -> tuple[CheckSettings, ReviewSettings]:
    """Validate the parsed TOML; ``shown`` is the file name used in error messages."""
    try:
        # Strict, on JSON input: TOML has real booleans and numbers, so "no" is
        # not false and "600" is not a width; enums still take their values.
        parsed = _ConfigFile.model_validate_json(json.dumps(data, default=str), strict=True)
    except ValidationError as exc:
        lang = data.get("ui_language") if data.get("ui_language") in i18n.LANGUAGES else None
        raise ConfigError(*(_in_file(shown, line) for line in _describe(exc)), ui_language=lang) from None
    _check_rule_ids(parsed.rules, shown, parsed.ui_language)
    if parsed.html_worker is not None:
        log.warning("%s: html_worker is no longer used (checks run in one process); remove it", shown)
    checks = CheckSettings(**parsed.model_dump(exclude={"review", "html_worker"}))
    return checks, parsed.review


def _in_file(shown: str, line: str) -> str:
    return tr("config.in-file", "{file}: {problem}", file=shown, problem=line)


def _check_rule_ids(rules: dict[str, RuleSetting], shown: str, lang: str | None = None) -> None:
    known = sorted(all_rules())
    problems = []
    for rule_id in rules:
        if rule_id in known:
            continue
        close = difflib.get_close_matches(rule_id, known, n=3, cutoff=0.6)
        if close:
            hint = tr("config.did-you-mean", "; did you mean {options}?", options=i18n.Joined(close, "report.or", " or "))
        else:
            hint = tr("config.list-ids", "; `checkmsg rules` lists the ids")
        problems.append(tr("config.unknown-rule", "{file}: rules.{rule}: no rule has this id{hint}", file=shown, rule=rule_id, hint=hint))
    if problems:
        raise ConfigError(*problems, ui_language=lang)


_SEVERITIES = ", ".join(s.value for s in Severity)

# Plain-words versions of pydantic's error types; the rest keep pydantic's text.
_MESSAGES = {
    "enum": tr("config.must-be-one-of", "must be one of {values}", values=_SEVERITIES),
    "extra_forbidden": tr("config.unknown-key", "unknown key"),
    "bool_type": tr("config.must-be-bool", "must be true or false"),
    "bool_parsing": tr("config.must-be-bool", "must be true or false"),
    "string_type": tr("config.must-be-string", "must be a string"),
    "list_type": tr("config.must-be-list", "must be a list"),
    "dict_type": tr("config.must-be-table", "must be a table"),
    "model_type": tr("config.must-be-table", "must be a table"),
    "int_type": tr("config.must-be-whole", "must be a whole number"),
    "int_parsing": tr("config.must-be-whole", "must be a whole number"),
    "int_from_float": tr("config.must-be-whole", "must be a whole number"),
}


def _describe(exc: ValidationError) -> list[str]:
    lines = []
    for error in exc.errors():
        key = ".".join(str(part) for part in error["loc"])
        kind = error["type"]
        if kind in _MESSAGES:
            text = _MESSAGES[kind]
        elif kind in ("greater_than", "greater_than_equal", "less_than_equal", "less_than"):
            text = error["msg"].lower().replace("input should be", "must be")
            limit = next(iter((error.get("ctx") or {}).values()), None)
            text = i18n.keyed("validation." + kind.replace("_", "-"), text, limit=limit)
        elif isinstance((error.get("ctx") or {}).get("error"), ValueError) and isinstance(error["ctx"]["error"].args[0], i18n.Text):
            text = error["ctx"]["error"].args[0]  # our own validators' texts keep their key
        else:
            text = error["msg"].removeprefix("Value error, ")
            text = text[:1].lower() + text[1:]
            if kind == "literal_error":
                text = i18n.keyed("validation.one-of", text, expected=(error.get("ctx") or {}).get("expected"))
        lines.append(tr("config.key-problem", "{key}: {text}", key=key, text=text))
    return lines
