"""checkmsg.toml: what it maps onto, and errors that name the key."""

import pytest

from bot.config import CONFIG_FILE, Config, ConfigError, load_config
from checks import Severity

FULL = """
marketplace = "https://www.Amazon.de/"
buyer_language = "de_DE"
allowed_domains = ["https://Help.Lumiwood.example/"]
allowed_phone_numbers = ["+49 30 901820"]
words = ["Lumiwood", "DeskMate"]
html_max_width = 600

[rules."style.spelling"]
enabled = false

[rules."order.discourage-return"]
severity = "error"

[review]
approvers = ["U1", "U2"]
required_approvals = 2
"""


def write(tmp_path, text, name=CONFIG_FILE):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path, text) -> str:
    write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(cwd=tmp_path)
    return str(caught.value)


def test_no_file_gives_defaults(tmp_path):
    """Without checkmsg.toml every rule runs with its own severity."""
    config = load_config(cwd=tmp_path)
    assert config == Config()
    assert config.checks.enabled("style.spelling")
    assert config.path is None


def test_every_key_maps_onto_the_settings(tmp_path):
    """Top-level keys fill CheckSettings (normalised); [review] fills ReviewSettings."""
    write(tmp_path, FULL)
    config = load_config(cwd=tmp_path)
    checks = config.checks
    assert checks.marketplace == "amazon.de"
    assert checks.buyer_language == "de-DE"
    assert checks.allowed_domains == ["help.lumiwood.example"]
    assert checks.allowed_phone_numbers == ["+49 30 901820"]
    assert checks.words == ["Lumiwood", "DeskMate"]
    assert checks.html_max_width == 600
    assert not checks.enabled("style.spelling")
    assert checks.severity("order.discourage-return", Severity.WARNING) is Severity.ERROR
    assert checks.severity("contact.email", Severity.ERROR) is Severity.ERROR
    assert config.review.approvers == ["U1", "U2"]
    assert config.review.required_approvals == 2
    assert config.path == tmp_path / CONFIG_FILE


def test_retired_html_worker_key_still_loads_with_a_warning(tmp_path, caplog):
    """A file written for the two-process HTML worker loads; the key is ignored and named in a warning."""
    write(tmp_path, 'html_worker = true\nwords = ["Lumiwood"]')
    with caplog.at_level("WARNING", logger="bot.config"):
        config = load_config(cwd=tmp_path)
    assert config.checks.words == ["Lumiwood"]
    assert "html_worker" not in config.checks.model_dump()
    assert any("html_worker is no longer used" in r.getMessage() for r in caplog.records)


def test_explicit_path_wins_over_the_working_folder(tmp_path):
    """--config PATH is read even when ./checkmsg.toml exists."""
    write(tmp_path, 'words = ["Local"]')
    other = write(tmp_path, 'words = ["Other"]', name="team.toml")
    assert load_config(other, cwd=tmp_path).checks.words == ["Other"]


def test_missing_explicit_path_is_an_error(tmp_path):
    """A --config file that is not there is an error naming it."""
    with pytest.raises(ConfigError, match=r"nope\.toml: cannot read"):
        load_config(tmp_path / "nope.toml")


def test_bad_severity_names_the_key_and_the_choices(tmp_path):
    """The message names the dotted key and the allowed values."""
    message = error_of(tmp_path, '[rules."style.spelling"]\nseverity = "fatal"\n')
    assert message == "checkmsg.toml: rules.style.spelling.severity: must be one of error, warning, info"


def test_unknown_rule_id_lists_close_matches(tmp_path):
    """A misspelt rule id is named, with the ids it probably meant."""
    message = error_of(tmp_path, '[rules."style.speling"]\nenabled = false\n')
    assert message.startswith("checkmsg.toml: rules.style.speling: no rule has this id")
    assert "did you mean style.spelling" in message


def test_unknown_rule_id_without_close_match_points_to_the_list(tmp_path):
    message = error_of(tmp_path, '[rules."zzz"]\nenabled = false\n')
    assert "rules.zzz" in message and "checkmsg rules" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[rules."contact.email"]\nenabled = "no"\n', "rules.contact.email.enabled: must be true or false"),
        ('[rules."contact.email"]\ncolour = "red"\n', "rules.contact.email.colour: unknown key"),
        ('words = "Lumiwood"\n', "words: must be a list"),
        ("html_max_width = 0\n", "html_max_width: must be greater than 0"),
        ('html_max_width = "wide"\n', "html_max_width: must be a whole number"),
        ('allow_domains = ["x.com"]\n', "allow_domains: unknown key"),
        ('allowed_domains = ["not a domain"]\n', "allowed_domains: "),
        ('buyer_language = "en GB"\n', "buyer_language: not a BCP-47 language tag"),
        ("[review]\nrequired_approvals = 0\n", "review.required_approvals: must be greater than or equal to 1"),
        ('[review]\napprovers = "bob"\n', "review.approvers: must be a list"),
    ],
)
def test_wrong_values_name_the_key(tmp_path, text, expected):
    """Every validation error is one line: file, dotted key, plain reason."""
    assert f"checkmsg.toml: {expected}" in error_of(tmp_path, text)


def test_toml_syntax_error_names_the_file(tmp_path):
    message = error_of(tmp_path, "words = [\n")
    assert message.startswith("checkmsg.toml: not valid TOML")


def test_several_errors_are_all_reported(tmp_path):
    """Each bad key gets its own line."""
    message = error_of(tmp_path, 'words = 3\nhtml_max_width = -1\n')
    assert len(message.splitlines()) == 2
