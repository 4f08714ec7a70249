"""The language a person reads CheckMsg in: English (in the code) or Simplified Chinese.

English is the source and lives in the code, next to the logic that uses it.
A text a person reads is written as a :class:`Text`: a ``str`` holding the
English text that also remembers its catalogue key and its parameters, so
every existing use of it (comparisons, JSON, logs) keeps seeing English while
:func:`localize` can render it in another language later. The translations
are data, one catalogue per layer and language: the engine's is
``checks/messages/<lang>.toml``, keyed by rule id (``message``,
``guideline``) and by stable keys (fix titles, notes, guidance), with the
same ``{placeholders}`` as the English; the bot and the adapters add their
own (``bot/messages/``, ``adapters/messages/``) with :func:`add_catalogue`.
A parameter that is itself a :class:`Text` is localized too. Which
language a locale reads is decided in one place, :func:`ui_language`
("zh-CN" -> "zh", anything unknown -> English); a key a catalogue lacks
reads in English.

The engine stays English while it works (the rewrite reads findings) and
localizes the finished report once, when ``CheckSettings.ui_language`` asks
for another language; catalogues are read once per process.
``tests/test_i18n.py`` fails when a text lacks a translation or its
placeholders differ.
"""

from __future__ import annotations

import functools
import string
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Report

ENGLISH = "en"
LANGUAGES = ("en", "zh")  # the UI languages; "zh" is Simplified Chinese


class Text(str):
    """English text with its catalogue ``key`` and format ``params``."""

    key: str
    template: str
    params: dict[str, Any]

    args: tuple[Any, ...]

    def __new__(cls, key: str, template: str, /, *args: Any, **params: Any) -> Text:
        self = super().__new__(cls, template.format(*args, **params) if args or params else template)
        self.key, self.template, self.args, self.params = key, template, args, params
        return self

    def __reduce__(self) -> tuple:  # copy, deepcopy and pickle keep the key
        return (_rebuild, (type(self), self.key, self.template, self.args, self.params))

    def localized(self, lang: str) -> str:
        if lang == ENGLISH:
            return str.__str__(self)
        template = catalogue(lang).get(self.key)
        if template is None:  # untranslated: English, rather than nothing
            return str.__str__(self)
        if not self.args and not self.params:
            return template
        args = [localize(value, lang) for value in self.args]
        params = {name: localize(value, lang) for name, value in self.params.items()}
        try:
            return template.format(*args, **params)
        except (KeyError, IndexError, ValueError):
            return str.__str__(self)


class Either(Text):
    """Alternatives joined by the catalogue's ``words.or`` ("de or fr", "德语或法语")."""

    def __new__(cls, items: Iterable[Any]) -> Either:
        items = list(items)
        self = str.__new__(cls, " or ".join(items))
        self.key, self.template, self.args, self.params = "words.or", " or ", (), {"items": items}
        return self

    def __reduce__(self) -> tuple:
        return (Either, (self.params["items"],))

    def localized(self, lang: str) -> str:
        if lang == ENGLISH:
            return str.__str__(self)
        joiner = catalogue(lang).get(self.key, self.template)
        return joiner.join(localize(item, lang) for item in self.params["items"])


class Joined(Text):
    """Items joined by the catalogue's separator ``key`` ("; " in English, "；" in Chinese)."""

    def __new__(cls, items: Iterable[Any], key: str = "words.semicolon", separator: str = "; ") -> Joined:
        items = list(items)
        self = str.__new__(cls, separator.join(items))
        self.key, self.template, self.args, self.params = key, separator, (), {"items": items}
        return self

    def __reduce__(self) -> tuple:
        return (Joined, (self.params["items"], self.key, self.template))

    def localized(self, lang: str) -> str:
        if lang == ENGLISH:
            return str.__str__(self)
        joiner = catalogue(lang).get(self.key, self.template)
        return joiner.join(localize(item, lang) for item in self.params["items"])


def _rebuild(cls: type[Text], key: str, template: str, args: tuple, params: dict[str, Any]) -> Text:
    return cls(key, template, *args, **params)


def tr(key: str, template: str, /, *args: Any, **params: Any) -> Text:
    """The English ``template`` (formatted with ``args``/``params``) under catalogue ``key``."""
    return Text(key, template, *args, **params)


def say(lang: str, key: str, template: str, /, *args: Any, **params: Any) -> str:
    """``template`` under ``key`` rendered in ``lang`` at once (CLI and chat texts)."""
    return Text(key, template, *args, **params).localized(lang)


# The languages CheckMsg can name (and so accepts as a buyer's language), in
# English; their Chinese names are under [language] in messages/zh.toml.
LANGUAGE_NAMES = {
    "ar": "Arabic", "cs": "Czech", "da": "Danish", "de": "German", "en": "English", "es": "Spanish",
    "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi", "it": "Italian", "ja": "Japanese",
    "ko": "Korean", "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ru": "Russian",
    "sv": "Swedish", "th": "Thai", "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
}


def language_name(code: str | None) -> Text:
    """A language code as a person reads it: "German", "德语" (an unnamed code stays a code)."""
    code = code or "?"
    english = LANGUAGE_NAMES.get(code, "an unknown language" if code == "?" else code)
    return Text("language." + code, english.replace("{", "{{").replace("}", "}}"))


def ui_language(value: str | None, default: str = ENGLISH) -> str:
    """One of :data:`LANGUAGES` for a configured or platform locale:
    ``zh``, ``zh-CN``, ``zh_TW``, ``zh-Hans`` → ``zh``; ``en-US`` → ``en``;
    unknown or empty → ``default``."""
    if not value:
        return default
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else default


# The packages whose ``messages/<lang>.toml`` make up the catalogue: the engine's, then each layer above.
_CATALOGUES: list[str] = [__package__]


def add_catalogue(package: str) -> None:
    """Add ``package``'s own catalogue (``<package>/messages/<lang>.toml``) to every language's;
    a layer above the engine calls it once, when it is imported."""
    if package not in _CATALOGUES:
        _CATALOGUES.append(package)
        catalogue.cache_clear()


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """Key → template for ``lang`` or a locale of it ("zh-CN"), from every added catalogue
    (empty for English: the code is the source). Rule texts are under ``<rule id>``
    (message), ``<rule id>#guideline`` and ``<rule id>#doc`` (the documentation
    ``checkmsg rules`` shows)."""
    lang = ui_language(lang)
    merged: dict[str, str] = {}
    for package in _CATALOGUES:
        merged.update(layer_catalogue(package, lang))
    return merged


def layer_catalogue(package: str, lang: str) -> dict[str, str]:
    """One layer's own key → template for ``lang`` (empty when it has no file for it)."""
    if lang == ENGLISH:
        return {}
    path = resources.files(package).joinpath("messages", f"{lang}.toml")
    return flatten(tomllib.loads(path.read_text("utf-8"))) if path.is_file() else {}


def flatten(data: Mapping[str, Any]) -> dict[str, str]:
    """The catalogue file as one flat table (see :func:`catalogue`)."""
    flat: dict[str, str] = {}
    for rule_id, texts in data.get("rules", {}).items():
        flat[rule_id] = texts["message"]
        flat[rule_id + "#guideline"] = texts["guideline"]
        if "doc" in texts:  # the rule's documentation (``checkmsg rules``)
            flat[rule_id + "#doc"] = texts["doc"].strip()
    for section, table in data.items():
        if section == "rules":
            continue
        for key, value in _leaves(table, section):
            flat[key] = value
    return flat


def _leaves(table: Any, prefix: str) -> Iterable[tuple[str, str]]:
    if isinstance(table, str):
        yield prefix, table
    elif isinstance(table, Mapping):
        for key, value in table.items():
            yield from _leaves(value, f"{prefix}.{key}")


def placeholders(template: str) -> set[str]:
    """The names of ``template``'s ``{fields}`` (conversions and formats aside)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name is not None}


# Pydantic's error types people meet in a draft's context or the configuration:
# the English stays pydantic's text, the translation is ours.
_VALIDATION_KEYS = {
    "date_parsing": "validation.date",
    "date_type": "validation.date",
    "date_from_datetime_parsing": "validation.date",
    "date_from_datetime_inexact": "validation.date",
    "int_parsing": "validation.whole-number",
    "int_type": "validation.whole-number",
    "int_from_float": "validation.whole-number",
    "greater_than_equal": "validation.at-least",
    "literal_error": "validation.one-of",
    "bool_parsing": "validation.bool",
    "bool_type": "validation.bool",
    "string_type": "validation.string",
    "list_type": "validation.list",
}


def validation_problem(error: Mapping[str, Any]) -> str:
    """One pydantic error's message (without "Value error, ") as a keyed text
    when its kind is known (:data:`_VALIDATION_KEYS`, or a validator that
    raised a :class:`Text`), else pydantic's English."""
    english = str(error.get("msg", "")).removeprefix("Value error, ")
    ctx = error.get("ctx") or {}
    raised = ctx.get("error")
    if isinstance(raised, ValueError) and raised.args and isinstance(raised.args[0], Text):
        return raised.args[0]
    key = _VALIDATION_KEYS.get(str(error.get("type")))
    if key is None:
        return english
    params = {name: value for name, value in (("limit", ctx.get("ge")), ("expected", ctx.get("expected"))) if value is not None}
    own = _VALIDATION_WORDS.get(key)
    if own is not None and i18n_placeholders_met(own, params):
        return Text(key, own, **params)
    return keyed(key, english, **params)


# Our English for those kinds, short and saying what to write (pydantic's
# "Input should be a valid date or datetime, input is too short" does not).
_VALIDATION_WORDS = {
    "validation.date": "not a date: write it as YYYY-MM-DD, e.g. 2026-03-14",
    "validation.whole-number": "must be a whole number",
    "validation.at-least": "must be {limit} or more",
    "validation.one-of": "must be one of {expected}",
    "validation.bool": "must be true or false",
    "validation.string": "must be a text",
    "validation.list": "must be a list",
}


def i18n_placeholders_met(template: str, params: Mapping[str, Any]) -> bool:
    return placeholders(template) <= set(params)


def keyed(key: str, english: str, /, **params: Any) -> Text:
    """``english`` as it is (not a template: braces stay) under catalogue
    ``key``, whose translation takes ``params``."""
    if not params:
        return Text(key, english)
    escaped = english.replace("{", "{{").replace("}", "}}")  # formatting gives ``english`` back
    return Text(key, escaped, **params)


def localize(value: Any, lang: str) -> Any:
    """``value`` in ``lang`` when it is a :class:`Text`; anything else unchanged."""
    if isinstance(value, Text):
        return value.localized(lang)
    return value


def localize_report(report: Report, lang: str) -> Report:
    """Render every text of ``report`` in ``lang``, in place (English: untouched)."""
    if lang == ENGLISH:
        return report
    for finding in report.findings:
        finding.message = localize(finding.message, lang)
        finding.guideline = localize(finding.guideline, lang)
        if finding.fix is not None:
            finding.fix.title = localize(finding.fix.title, lang)
    report.notes = [localize(note, lang) for note in report.notes]
    for guidance in report.guidance:
        guidance.text = localize(guidance.text, lang)
    if report.rewrite_verdict is not None:
        report.rewrite_verdict = localize(report.rewrite_verdict, lang)
    return report
