"""The house_style kind: patterns checked at load time, positions right in every format, and a
pattern that backtracks without end stops the rule for one document instead of hanging."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from reliability_helpers import facts_without_nlp, house_rule, run_factlint

from factlint.diagnostics import Finding
from factlint.errors import RuleFileError
from factlint.rules.loader import Rule, load_rules
from factlint.rules.registry import get_kind

# Catastrophic backtracking: each extra "a" doubles the ways (a+)+ can split the run.
BACKTRACKING = "(a+)+$"
HOSTILE_TEXT = "a" * 50_000 + "!"


def house(tmp_path: Path, swap: dict[str, str], **options: object) -> Rule:
    rules = load_rules([house_rule(tmp_path / "rules", swap, **options)], include_builtin=False)
    assert [r.spec.code for r in rules] == ["HS501"]
    return rules[0]


def check(rule: Rule, *paths: Path) -> list[Finding]:
    return list(rule.kind.check(facts_without_nlp(list(paths))))


def spans(findings: list[Finding]) -> list[tuple[str, int, int, int, int, str]]:
    return [
        (Path(f.path).name, f.line, f.column, f.end_line, f.end_column, f.text) for f in findings
    ]


def test_the_kind_is_registered() -> None:
    assert get_kind("house_style") is not None


def test_matches_are_whole_words_with_a_safe_fix_and_the_message_fields(
    tmp_path: Path, write
) -> None:
    rule = house(tmp_path, {"Kiev": "Kyiv", r"per\s+cent": "percent"})
    doc = write("a.txt", "Kiev talks\n\nIn Kiev, Kievan scholars said 5 per\ncent; Kyiv agreed.\n")
    findings = check(rule, doc)
    assert spans(findings) == [
        ("a.txt", 1, 1, 1, 5, "Kiev"),
        ("a.txt", 3, 4, 3, 8, "Kiev"),
        ("a.txt", 3, 33, 4, 5, "per\ncent"),
    ]
    assert [f.message for f in findings] == [
        "use 'Kyiv', not 'Kiev'",
        "use 'Kyiv', not 'Kiev'",
        "use 'percent', not 'per cent'",
    ]
    assert all(f.fix is not None and f.fix.safe for f in findings)
    assert [f.fix.replacement for f in findings if f.fix] == ["Kyiv", "Kyiv", "percent"]


def test_text_in_the_house_form_gives_nothing(tmp_path: Path, write) -> None:
    rule = house(tmp_path, {"Kiev": "Kyiv", "per ?cent": "percent"}, ignorecase=True)
    doc = write("a.txt", "Kyiv and KYIV; prices rose 5 percent. Kievan Rus, Kievs.\n")
    # "percent" matches `per ?cent` but already reads as the replacement.
    assert check(rule, doc) == []


def test_ignorecase_and_word_bounded_options(tmp_path: Path, write) -> None:
    doc = write("a.txt", "KIEV and kiev, but Kievan too.\n")
    assert [f.text for f in check(house(tmp_path, {"Kiev": "Kyiv"}), doc)] == []
    assert [f.text for f in check(house(tmp_path, {"Kiev": "Kyiv"}, ignorecase=True), doc)] == [
        "KIEV",
        "kiev",
    ]
    loose = house(tmp_path, {"Kiev": "Kyiv"}, word_bounded=False)
    assert [f.text for f in check(loose, doc)] == ["Kiev"]


def test_overlapping_patterns_report_the_leftmost_longest_match_once(tmp_path: Path, write) -> None:
    rule = house(tmp_path, {"cent": "¢", "per cent": "percent", "five per": "5 per"})
    doc = write("a.txt", "It rose five per cent, a cent more.\n")
    assert [(f.text, f.fix.replacement if f.fix else None) for f in check(rule, doc)] == [
        ("five per", "5 per"),
        ("cent", "¢"),
        ("cent", "¢"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("bom.txt", "\ufeffIn Kiev today.\n", (1, 4)),
        ("crlf.txt", "Title\r\n\r\nTalks in Kiev.\r\n", (3, 10)),
        ("cr.txt", "Title\r\rTalks in Kiev.\r", (3, 10)),
        ("front.md", "---\ntitle: x\n---\nOfficials in **Kiev** met.\n", (4, 16)),
        (
            "page.html",
            "<html><body><p>The <b>mayor</b> of\n  Kiev spoke.</p></body></html>",
            (2, 3),
        ),
        ("records.jsonl", '{"id": 1, "text": "x"}\n{"text": "\\u00e9 in Kiev"}\n', (2, 21)),
    ],
)
def test_positions_are_what_the_user_sees(
    tmp_path: Path, write, name: str, content: str, where: tuple[int, int]
) -> None:
    doc = write(name, content)
    (finding,) = check(house(tmp_path, {"Kiev": "Kyiv"}), doc)
    assert (finding.line, finding.column) == where
    assert finding.text == "Kiev"


def test_empty_and_whitespace_only_documents_give_nothing(tmp_path: Path, write) -> None:
    rule = house(tmp_path, {"Kiev": "Kyiv"})
    assert check(rule, write("empty.txt", ""), write("blank.txt", " \n\t\n")) == []


def _load_error(tmp_path: Path, message: str, options: str) -> tuple[Path, str]:
    """Write a house_style rule file with this message and options; the error loading it."""
    folder = tmp_path / "rules"
    folder.mkdir()
    path = folder / "HS501-house-words.yml"
    path.write_text(
        "code: HS501\nname: house-words\nkind: house_style\nseverity: info\n"
        f"message: {message}\noptions:\n" + options,
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError) as info:
        load_rules([folder], include_builtin=False)
    return path, str(info.value)


@pytest.mark.parametrize(
    ("swap_yaml", "where", "reason"),
    [
        ('    "(unclosed": x\n', ":8:5", "invalid regular expression '(unclosed'"),
        ('    "ok": x\n    "a[b": x\n', ":9:5", "invalid regular expression 'a[b'"),
        ('    "": x\n', ":8:5", "must not be empty"),
        ('    "a*": x\n', ":8:5", "matches empty text"),
        ('    "Kiev": 3\n', ":8:13", "options.swap.Kiev"),
        ('    "Kiev": ""\n', ":8:13", "options.swap.Kiev"),
    ],
)
def test_bad_patterns_are_rule_file_errors_at_the_pattern(
    tmp_path: Path, swap_yaml: str, where: str, reason: str
) -> None:
    path, error = _load_error(tmp_path, "\"'{replacement}'\"", "  swap:\n" + swap_yaml)
    assert error.startswith(f"{path}{where}: ")
    assert reason in error
    assert "\n" not in error


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        ("  swap: [Kiev]\n", "options.swap"),
        ("  swap: {}\n", "options.swap"),
        ("  swap: {Kiev: Kyiv}\n  ignorecase: maybe\n", "options.ignorecase"),
        ("  swap: {Kiev: Kyiv}\n  timeout: -1\n", "options.timeout"),
        ("  swap: {Kiev: Kyiv}\n  timeout: 1000\n", "options.timeout"),
        ("  swap: {Kiev: Kyiv}\n  nonword: true\n", "unknown key 'options.nonword'"),
    ],
)
def test_wrong_option_types_are_rule_file_errors(tmp_path: Path, options: str, reason: str) -> None:
    path, error = _load_error(tmp_path, "x", options)
    assert error.startswith(f"{path}:")
    assert reason in error


def _check_in_thread(rule: Rule, *paths: Path) -> list[Finding]:
    """Run the rule in a thread and fail, rather than hang the suite, if it never returns."""
    result: list[Finding] = []
    worker = threading.Thread(target=lambda: result.extend(check(rule, *paths)), daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive(), "the rule is still matching: the time limit did not hold"
    return result


def test_catastrophic_backtracking_stops_the_rule_for_that_document_only(
    tmp_path: Path, write
) -> None:
    rule = house(tmp_path, {BACKTRACKING: "b", "Kiev": "Kyiv"}, timeout=0.2)
    hostile = write("hostile.txt", "Kiev first.\n" + HOSTILE_TEXT + "\n")
    fine = write("fine.txt", "Talks in Kiev.\n")
    findings = _check_in_thread(rule, hostile, fine)
    assert spans(findings) == [
        ("hostile.txt", 1, 1, 1, 1, ""),
        ("fine.txt", 1, 10, 1, 14, "Kiev"),
    ]
    warning = findings[0]
    assert warning.severity.value == "warning" and warning.fix is None
    assert f"pattern '{BACKTRACKING}' took longer than 0.2 s" in warning.message


@pytest.mark.model
def test_cli_run_with_a_backtracking_pattern_finishes_with_a_warning(tmp_path: Path) -> None:
    rules = house_rule(tmp_path / "rules", {BACKTRACKING: "b"}, timeout=0.5)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "hostile.txt").write_text(HOSTILE_TEXT + "\n", encoding="utf-8")
    (docs / "plain.txt").write_text("Nothing here.\n", encoding="utf-8")
    run = run_factlint("check", str(docs), "--rules", str(rules), "--select", "HS501", "--no-cache")
    assert "Traceback" not in run.stderr
    assert run.returncode == 1
    (line,) = [line for line in run.stdout.splitlines() if "HS501" in line]
    assert line.startswith(f"{docs / 'hostile.txt'}:1:1: HS501 [warning] pattern '(a+)+$'")


def test_the_readme_example_rule_loads_and_fires(tmp_path: Path, write) -> None:
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(code: HS501\n.*?)```", readme, re.DOTALL)
    assert block, "the README shows a house_style rule"
    folder = tmp_path / "style"
    folder.mkdir()
    (folder / "HS501-house-words.yml").write_text(block.group(1), encoding="utf-8")
    (rule,) = load_rules([folder], include_builtin=False)
    doc = write("a.txt", "Send an e-mail to Kiev; it rose 3 per\ncent.\n")
    assert [f.fix.replacement for f in check(rule, doc) if f.fix] == ["email", "Kyiv", "percent"]
