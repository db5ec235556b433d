"""One settings object for every command: the config file, with the command line over it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factlint.config import CommandLine, resolve_settings
from factlint.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(
        tmp_path / "factlint.toml",
        'rules = ["house"]\nfail-on = "warning"\nselect = ["FL3"]\nreference-date = 2026-01-28\n',
    )
    write(tmp_path / "news" / "a.txt", "text\n")
    return tmp_path


def test_the_file_gives_what_the_command_line_leaves_out(project: Path) -> None:
    settings = resolve_settings(CommandLine(paths=[str(project / "news" / "a.txt")]))
    assert settings.config.path == project / "factlint.toml"
    assert settings.rule_paths == [project / "house"]
    assert settings.fail_on == "warning"
    assert settings.reference_date == date(2026, 1, 28)
    assert settings.selection.select == ("FL3",)
    assert settings.cache.enabled and settings.executor.jobs is None


def test_the_command_line_wins(project: Path) -> None:
    line = CommandLine(
        paths=[str(project / "news")],
        rules=[Path("extra")],
        fail_on="error",
        reference_date="2025-05-01",
        select=["FL1"],
        no_cache=True,
        jobs="3",
    )
    settings = resolve_settings(line)
    # Extra rules add to the file's, after them.
    assert settings.rule_paths == [project / "house", Path("extra")]
    assert settings.fail_on == "error"
    assert settings.reference_date == date(2025, 5, 1)
    assert settings.selection.select == ("FL1",)
    assert not settings.cache.enabled and settings.executor.jobs == 3
    assert settings.select_source == "--select"
    assert resolve_settings(line.model_copy(update={"exit_zero": True})).fail_on == "none"


def test_standard_input_finds_the_config_from_the_name_it_stands_for(project: Path) -> None:
    line = CommandLine(paths=["-"], stdin_filename=str(project / "news" / "a.txt"))
    assert resolve_settings(line).config.path == project / "factlint.toml"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (CommandLine(jobs="0"), "--jobs: '0' is not a number of processes"),
        (CommandLine(fail_on="loud"), "--fail-on: 'loud' is not one of"),
        (CommandLine(reference_date="May 1"), "--reference-date: 'May 1' is not a date"),
    ],
)
def test_bad_options_name_the_option(line: CommandLine, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        resolve_settings(line)
    assert str(caught.value).startswith(message)
