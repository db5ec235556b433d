"""Config discovery, validation and the rule selection it builds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factlint.cli import app
from factlint.config import find_config, load_config, resolve_config
from factlint.errors import ConfigError
from factlint.findings.filters import RuleSelection, parse_selectors


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_nearest_config_upward_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.factlint]\nignore = ['FL1']\n")
    write(tmp_path / "news" / "factlint.toml", "ignore = ['FL2']\n")
    article = write(tmp_path / "news" / "2026" / "a.md", "text\n")
    assert find_config(article) == tmp_path / "news" / "factlint.toml"
    assert find_config(tmp_path / "other") == tmp_path / "pyproject.toml"
    config = resolve_config([str(article)])
    assert config.settings.ignore == ["FL2"]


def test_pyproject_without_a_factlint_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "factlint.toml", "fail-on = 'error'\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(tmp_path / "sub") == tmp_path / "factlint.toml"


def test_factlint_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.factlint]\nfail-on = 'info'\n")
    write(tmp_path / "factlint.toml", "fail-on = 'error'\n")
    assert find_config(tmp_path) == tmp_path / "factlint.toml"


def test_every_key_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        """
[tool.factlint]
select = ["fl1", "FL301"]
ignore = ["FL105"]
fail-on = "warning"
rules = ["house"]
reference-date = 2026-01-28

[tool.factlint.per-file-ignores]
"archive/*.md" = ["FL1"]

[tool.factlint.vocabulary]
accept = ["al-Sharaa"]
reject = ["Al Sharaa"]
canonical = { Khmeimim = "Hmeimim" }
""",
    )
    config = load_config(path)
    settings = config.settings
    assert settings.select == ["FL1", "FL301"]
    assert settings.fail_on == "warning"
    assert settings.reference_date == date(2026, 1, 28)
    assert config.rule_dirs() == [tmp_path / "house"]
    vocabulary = config.context().vocabulary
    assert vocabulary.canonical == {"Khmeimim": "Hmeimim"}
    assert vocabulary.accept == ["al-Sharaa"] and vocabulary.reject == ["Al Sharaa"]
    selection = config.selection()
    assert selection.per_file_ignores == {"archive/*.md": ("FL1",)}
    assert selection.base_dir == tmp_path


@pytest.mark.parametrize(
    ("name", "text", "message", "line"),
    [
        (
            "pyproject.toml",
            "[tool.factlint]\nselct = ['FL1']\n",
            "unknown key 'tool.factlint.selct'",
            2,
        ),
        ("factlint.toml", "fail-on = 'warning'\ncolour = true\n", "unknown key 'colour'", 2),
        (
            "factlint.toml",
            "[vocabulary]\naccept = []\nprefer = []\n",
            "unknown key 'vocabulary.prefer'",
            3,
        ),
        ("factlint.toml", "fail-on = 'fatal'\n", "'fail-on': Input should be", 1),
        ("factlint.toml", "select = ['the rules']\n", "'the rules' is not a rule code", 1),
    ],
)
def test_bad_keys_name_the_file_the_key_and_the_line(
    tmp_path: Path, name: str, text: str, message: str, line: int
) -> None:
    path = write(tmp_path / name, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert message in caught.value.message
    assert caught.value.location == f"{path}:{line}"


def test_malformed_toml_names_file_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "factlint.toml", 'fail-on = "info"\nselect = ["FL1" "FL2"]\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.message.startswith("invalid TOML")
    assert caught.value.location == f"{path}:2:17"


@pytest.mark.parametrize("explicit", [False, True])
def test_cli_config_error_exits_2_naming_file_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, explicit: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    config = write(tmp_path / ("custom.toml" if explicit else "factlint.toml"), "colour = 1\n")
    write(tmp_path / "a.txt", "Text.\n")
    args = ["check", "a.txt", *(["--config", str(config)] if explicit else [])]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"factlint: error: {config}:1: unknown key 'colour'"
    assert "Traceback" not in result.stderr


def test_cli_missing_config_file_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", "Text.\n")
    result = CliRunner().invoke(app, ["check", "a.txt", "--config", "nope.toml"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "factlint: error: nope.toml: no such config file"


def test_cli_bad_select_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", "Text.\n")
    result = CliRunner().invoke(app, ["check", "a.txt", "--select", "not-a-code"])
    assert result.exit_code == 2
    assert "'not-a-code' is not a rule code or prefix" in result.stderr
    unknown = CliRunner().invoke(app, ["check", "a.txt", "--select", "ZZ9"])
    assert unknown.exit_code == 2
    assert "select: 'ZZ9' matches no rule" in unknown.stderr


# Selection ---------------------------------------------------------------------------------


def test_parse_selectors_splits_commas_and_upper_cases() -> None:
    assert parse_selectors(["fl1, FL301", "FL2"], "--select") == ("FL1", "FL301", "FL2")
    with pytest.raises(ConfigError):
        parse_selectors(["FL-1"], "--select")


def test_the_more_specific_selector_wins() -> None:
    prefer_ignore = RuleSelection(select=("FL3",), ignore=("FL301",))
    assert prefer_ignore.rule_enabled("FL302") and not prefer_ignore.rule_enabled("FL301")
    assert not prefer_ignore.rule_enabled("FL101")
    prefer_select = RuleSelection(select=("FL301",), ignore=("FL3",))
    assert prefer_select.rule_enabled("FL301") and not prefer_select.rule_enabled("FL302")
    tie = RuleSelection(select=("FL301",), ignore=("FL301",))
    assert not tie.rule_enabled("FL301")
    everything = RuleSelection(ignore=("FL9",))
    assert everything.rule_enabled("FL101") and not everything.rule_enabled("FL901")


def test_per_file_ignores_match_paths_relative_to_the_config(tmp_path: Path) -> None:
    selection = RuleSelection(
        per_file_ignores={"archive/*.md": ("FL1",), "*.html": ("FL3",)}, base_dir=tmp_path
    )
    inside = str(tmp_path / "archive" / "old.md")
    assert not selection.enabled_for("FL101", inside)
    assert selection.enabled_for("FL301", inside)
    assert selection.enabled_for("FL101", str(tmp_path / "news" / "old.md"))
    # A pattern without '/' matches the file name in any folder.
    assert not selection.enabled_for("FL305", str(tmp_path / "deep" / "er" / "page.html"))
