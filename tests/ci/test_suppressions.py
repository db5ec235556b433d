"""Suppression comments: parsing, and filtering findings with them (facts built by hand)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from factlint.cache import document_key
from factlint.diagnostics import Finding, Severity
from factlint.documents.discover import STDIN
from factlint.documents.load import load_documents
from factlint.documents.model import Document
from factlint.documents.suppressions import document_suppressions, parse_suppressions
from factlint.facts.model import DocumentFacts, FactSet
from factlint.findings.filters import RuleSelection, filter_findings
from factlint.rules.base import RuleContext
from factlint.rules.loader import Rule, builtin_rules_dir, load_rule_file
from factlint.rules.model import RuleSpec


def covered(source: str) -> list[tuple[str, tuple[str, ...], int, int | None]]:
    return [(s.action, s.codes, s.first_line, s.last_line) for s in parse_suppressions(source)]


def test_ignore_on_its_own_line_covers_the_next_line_with_text() -> None:
    source = "One.\n<!-- factlint: ignore FL301 -->\n\nTwo.\nThree.\n"
    assert covered(source) == [("ignore", ("FL301",), 4, 4)]


def test_ignore_after_text_covers_its_own_line() -> None:
    source = "One.\nTwo Khmeimim. <!-- factlint: ignore FL301 FL302 -->\nThree.\n"
    assert covered(source) == [("ignore", ("FL301", "FL302"), 2, 2)]


def test_stacked_ignores_both_cover_the_line_below_them() -> None:
    source = "<!-- factlint: ignore FL301 -->\n<!-- factlint: ignore FL1 -->\nText.\n"
    assert covered(source) == [("ignore", ("FL301",), 3, 3), ("ignore", ("FL1",), 3, 3)]


def test_no_codes_means_every_rule_and_the_rest_is_the_reason() -> None:
    (everything,) = parse_suppressions("x <!-- factlint: ignore -->\n")
    assert everything.codes == () and everything.applies_to("FL999")
    (reasoned,) = parse_suppressions("x <!--factlint:ignore FL301, FL2 -- agency style -->\n")
    assert reasoned.codes == ("FL301", "FL2")
    assert reasoned.reason == "agency style"
    assert reasoned.applies_to("FL205") and not reasoned.applies_to("FL101")


def test_disable_enable_blocks() -> None:
    source = (
        "a\n"  # 1
        "<!-- factlint: disable FL3 -->\n"  # 2
        "b\n"  # 3
        "<!-- factlint: disable FL1 -->\n"  # 4
        "c\n"  # 5
        "<!-- factlint: enable FL301 -->\n"  # 6: ends the FL3 block only
        "d\n"  # 7
        "<!-- factlint: enable -->\n"  # 8: ends the rest
        "e\n"  # 9
        "<!-- factlint: disable -->\n"  # 10: never closed
        "f\n"
    )
    assert covered(source) == [
        ("disable", ("FL3",), 2, 6),
        ("disable", ("FL1",), 4, 8),
        ("disable", (), 10, None),
    ]
    block = parse_suppressions(source)[2]
    assert block.covers("FL101", 500, 500)


def test_comment_position_and_crlf_lines() -> None:
    source = "One.\r\nTwo. <!-- factlint: ignore -->\r\nThree.\r\n"
    (s,) = parse_suppressions(source)
    assert (s.line, s.column, s.end_line, s.end_column) == (2, 6, 2, 31)
    assert s.text == "<!-- factlint: ignore -->"
    assert s.first_line == 2


def test_other_comments_and_plain_mentions_are_not_suppressions() -> None:
    source = (
        "<!-- a note -->\n"
        "factlint: ignore FL301 in prose is just text\n"
        "<!-- factlint: ignored -->\n"
    )
    assert parse_suppressions(source) == []


def test_document_source_wins_over_the_blanked_text(tmp_path: Path) -> None:
    html = "<p>Text <!-- factlint: ignore FL301 --></p>\n"
    blanked = Document(path=str(tmp_path / "gone.html"), text=" " * len(html), format="html")
    blanked.source = html
    assert [s.line for s in document_suppressions(blanked)] == [1]
    # Without a source the file itself is read.
    file = tmp_path / "a.md"
    file.write_text("x\n<!-- factlint: disable -->\n", encoding="utf-8")
    on_disk = Document(path=str(file), text="x\n" + " " * 26 + "\n", format="md")
    assert [s.first_line for s in document_suppressions(on_disk)] == [2]


LOADED = {
    "a.txt": "Khmeimim. <!-- factlint: ignore FL301 -->\n",
    "b.md": "---\ntitle: T\n---\n<!-- factlint: disable FL3 -->\nKhmeimim.\n",
    "c.html": "<html><body>\n<p>Khmeimim.</p> <!-- factlint: ignore -->\n</body></html>\n",
    "d.jsonl": '{"id": 1, "text": "x"}\n{"id": 2, "text": "Khmeimim. <!-- factlint: ignore -->"}\n',
}


def test_every_format_has_its_comments_read_when_loaded(tmp_path: Path) -> None:
    for name, text in LOADED.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    documents = load_documents([str(tmp_path / name) for name in LOADED])
    found = {Path(d.path).name: [(s.action, s.line) for s in d.suppressions] for d in documents}
    assert found == {
        "a.txt": [("ignore", 1)],
        "b.md": [("disable", 4)],
        "c.html": [("ignore", 2)],
        "d.jsonl:1": [],
        "d.jsonl:2": [("ignore", 1)],
    }
    # Not facts: the fact cache neither stores them nor keys on them.
    assert "suppressions" not in DocumentFacts.model_fields
    plain = documents[0].model_copy(update={"suppressions": []})
    assert document_key(plain, "context") == document_key(documents[0], "context")


def test_standard_input_has_its_comments_read(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"One.\n<!-- factlint: ignore FL101 -->\nTwo.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    (document,) = load_documents([STDIN])
    assert [(s.codes, s.first_line) for s in document.suppressions] == [(("FL101",), 3)]


# Filtering with suppressions ---------------------------------------------------------------


def finding(code: str, path: str, line: int, text: str = "Khmeimim") -> Finding:
    return Finding(
        code=code,
        rule="test",
        severity=Severity.warning,
        message="m",
        path=path,
        line=line,
        column=1,
        end_line=line,
        end_column=1 + len(text),
        text=text,
    )


class _NoKind:
    phase = "facts"

    def check(self, facts: FactSet) -> list[Finding]:
        return []


def plain_rule(code: str) -> Rule:
    spec = RuleSpec(code=code, name="test", kind="test", severity="warning", message="m")
    return Rule(spec=spec, kind=_NoKind(), path=Path(f"{code}.yml"))  # type: ignore[arg-type]


@pytest.fixture
def fl901() -> Rule:
    return load_rule_file(
        builtin_rules_dir() / "meta" / "FL901-unused-suppression.yml", RuleContext()
    )


def facts_for(**sources: str) -> FactSet:
    return FactSet(
        documents=[DocumentFacts(path=path) for path in sources],
        suppressions={path: parse_suppressions(source) for path, source in sources.items()},
    )


SOURCE = (
    "Khmeimim one.\n"  # 1
    "<!-- factlint: ignore FL301 -->\n"  # 2 -> line 3 (used)
    "Khmeimim two.\n"  # 3
    "<!-- factlint: ignore FL302 -->\n"  # 4 -> line 5 (unused)
    "Clean line.\n"  # 5
    "<!-- factlint: ignore FL777 -->\n"  # 6 -> names a rule that did not run
    "Clean too.\n"  # 7
    "<!-- factlint: disable -->\n"  # 8 -> to the end (used by line 9)
    "Khmeimim three.\n"  # 9
)


def test_suppressed_findings_go_and_unused_comments_are_reported(fl901: Rule) -> None:
    rules = [plain_rule("FL301"), plain_rule("FL302"), fl901]
    findings = [finding("FL301", "a.txt", 1), finding("FL301", "a.txt", 3)]
    findings.append(finding("FL301", "a.txt", 9))
    out = filter_findings(findings, facts_for(**{"a.txt": SOURCE}), rules, RuleSelection())
    assert out.suppressed == 2
    assert [(f.code, f.line) for f in out.findings] == [("FL301", 1), ("FL901", 4)]
    unused = out.findings[1]
    assert unused.text == "<!-- factlint: ignore FL302 -->"
    assert unused.message == "suppression comment silences no FL302 finding on line 5"
    assert unused.fix is not None and unused.fix.replacement == "" and unused.fix.safe


def test_unused_comments_are_not_reported_when_fl901_is_not_selected(fl901: Rule) -> None:
    rules = [plain_rule("FL301"), plain_rule("FL302")]
    findings = [finding("FL301", "a.txt", 3)]
    out = filter_findings(findings, facts_for(**{"a.txt": SOURCE}), rules, RuleSelection())
    assert out.findings == [] and out.suppressed == 1


def test_a_comment_for_a_rule_ignored_in_that_file_is_not_reported(fl901: Rule) -> None:
    rules = [plain_rule("FL301"), plain_rule("FL302"), fl901]
    selection = RuleSelection(per_file_ignores={"a.txt": ("FL302",)})
    out = filter_findings([], facts_for(**{"a.txt": SOURCE}), rules, selection)
    # FL301's comment and the disable block are unused; FL302's is for a rule off in a.txt.
    assert [f.line for f in out.findings] == [2, 8]


def test_a_comment_naming_fl901_silences_an_unused_one(fl901: Rule) -> None:
    source = "<!-- factlint: disable FL901 -->\nx <!-- factlint: ignore FL301 -->\n"
    rules = [plain_rule("FL301"), fl901]
    out = filter_findings([], facts_for(**{"a.txt": source}), rules, RuleSelection())
    assert out.findings == [] and out.suppressed == 1


def test_findings_in_documents_without_comments_pass_through(fl901: Rule) -> None:
    rules = [plain_rule("FL301"), fl901]
    findings = [finding("FL301", "b.txt", 2)]
    out = filter_findings(findings, facts_for(**{"b.txt": "Khmeimim\n"}), rules, RuleSelection())
    assert out.findings == findings and out.suppressed == 0
