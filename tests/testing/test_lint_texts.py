"""`lint_texts` and `run_case_file`: the Python API, on a rule kind defined in this module."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from factlint.errors import ConfigError
from factlint.facts.model import FactSet
from factlint.findings.model import Finding
from factlint.rules.base import KindOptions, RuleKind
from factlint.rules.registry import register
from factlint.testing import lint_texts, run_case_file

pytestmark = pytest.mark.model


class YearOptions(KindOptions):
    year: str


@register("api_test_year")
class FlagYear(RuleKind):
    """Flags dates resolved into `year` (relative ones need a publication date)."""

    Options = YearOptions

    def check(self, facts: FactSet) -> Iterator[Finding]:
        for doc in facts.documents:
            for fact in doc.dates:
                if fact.value and fact.value.startswith(self.options.year):  # type: ignore[attr-defined]
                    yield self.finding(doc, fact.span)


def rule(folder: Path, code: str, year: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{code}-year-{year}.yml"
    path.write_text(
        f"code: {code}\nname: year-{year}\nkind: api_test_year\nseverity: info\n"
        f'message: "in {year}"\noptions:\n  year: "{year}"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    rule(tmp_path / "rules", "TS201", "2023")
    rule(tmp_path / "rules", "TS202", "2024")
    return tmp_path / "rules"


TEXTS = {
    "a.txt": "Talks opened.\nThe deal was signed on March 3.\n",
    "notes/b.md": "The summit was held on June 1, 2023.\n",
}


def where(findings: list[Finding]) -> list[tuple[str, str, int, int, str]]:
    return [(f.code, f.path, f.line, f.column, f.text) for f in findings]


def test_rules_from_a_folder_run_on_in_memory_texts(rules_dir: Path) -> None:
    findings = lint_texts(TEXTS, published={"a.txt": date(2024, 5, 1)}, rules=[rules_dir])
    assert where(findings) == [
        ("TS202", "a.txt", 2, 24, "March 3"),
        ("TS201", "notes/b.md", 1, 24, "June 1, 2023"),
    ]


def test_without_a_publication_date_relative_dates_stay_unresolved(rules_dir: Path) -> None:
    findings = lint_texts(TEXTS, rules=[rules_dir])
    assert where(findings) == [("TS201", "notes/b.md", 1, 24, "June 1, 2023")]


def test_the_reference_date_stands_in_for_missing_publication_dates(rules_dir: Path) -> None:
    findings = lint_texts(TEXTS, rules=[rules_dir], reference_date=date(2023, 9, 9))
    assert [f.code for f in findings] == ["TS201", "TS201"]


def test_rules_are_picked_by_code_from_the_extra_folders(rules_dir: Path) -> None:
    findings = lint_texts(
        TEXTS, published={"a.txt": date(2024, 5, 1)}, rules=["ts202"], rules_dirs=[rules_dir]
    )
    assert where(findings) == [("TS202", "a.txt", 2, 24, "March 3")]


def test_a_single_rule_file_can_be_given(rules_dir: Path) -> None:
    findings = lint_texts(TEXTS, rules=[rules_dir / "TS201-year-2023.yml"])
    assert [f.code for f in findings] == ["TS201"]


def test_a_text_where_nothing_must_happen(rules_dir: Path) -> None:
    assert lint_texts({"c.txt": "Nobody said anything.\n"}, rules=[rules_dir]) == []


def test_built_in_rules_run_by_default_beside_the_extra_folders(rules_dir: Path) -> None:
    findings = lint_texts(TEXTS, rules_dirs=[rules_dir])
    assert ("TS201", "notes/b.md", 1, 24, "June 1, 2023") in where(findings)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rules": ["ZZ999"]}, "unknown rule code(s): ZZ999"),
        ({"rules": ["no/such/folder"]}, "no such rule file or folder"),
        ({"published": {"z.txt": date(2024, 1, 1)}}, "unknown document(s): z.txt"),
    ],
)
def test_user_errors_are_factlint_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        lint_texts(TEXTS, **kwargs)  # type: ignore[arg-type]
    assert message in caught.value.message


def test_absolute_document_paths_are_refused() -> None:
    with pytest.raises(ConfigError, match="must be relative"):
        lint_texts({"/etc/a.txt": "x"}, rules=[])


def test_run_case_file_reports_each_case(rules_dir: Path) -> None:
    cases = rules_dir / "TS201-year-2023.cases.yaml"
    cases.write_text(
        """\
cases:
  - name: flagged
    documents:
      - path: a.txt
        text: "It ended on May 2, 2023."
    expect:
      - {path: a.txt, line: 1, text: "May 2, 2023", message: "in 2023"}
  - name: wrongly quiet
    documents:
      - path: a.txt
        text: "It ended on May 2, 2023."
    expect: []
""",
        encoding="utf-8",
    )
    results = run_case_file(cases)
    assert [(r.case.name, r.passed) for r in results] == [
        ("flagged", True),
        ("wrongly quiet", False),
    ]
    assert "+ unexpected: TS201 a.txt:1:13 'May 2, 2023': in 2023" in results[1].report()


def test_markdown_html_and_jsonl_texts_go_through_their_loaders(rules_dir: Path) -> None:
    texts = {
        "n.md": "---\ndate: 2024-03-05\n---\n# Talks\n\nThe deal was signed on March 3.\n",
        "p.html": "<html><body><article><p>Talks began on June 1, 2023.</p></article></body>",
        "feed.jsonl": '{"id": "x", "text": "It ended on May 2, 2023."}\n',
    }
    findings = lint_texts(texts, rules=[rules_dir])
    # The front-matter date resolves "March 3"; positions are those of the source files.
    assert where(findings) == [
        ("TS201", "feed.jsonl", 1, 34, "May 2, 2023"),
        ("TS202", "n.md", 6, 24, "March 3"),
        ("TS201", "p.html", 1, 40, "June 1, 2023"),
    ]
