"""Rule docs come from the models: the README table, `factlint explain` and `factlint rules`
cannot disagree with the rule files and kinds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factlint.cli import app
from factlint.rules.base import RuleKind
from factlint.rules.docs import explain, kind_doc, rules_table
from factlint.rules.families import DATES, family_of
from factlint.rules.loader import builtin_rules_dir, load_rules
from factlint.rules.model import KindOptions
from factlint.rules.registry import kinds

ROOT = Path(__file__).resolve().parents[2]


def readme_rules_table() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Rules\n", 1)[1].lstrip()
    rows = [line for line in section.split("\n\n", 1)[0].splitlines() if line.startswith("|")]
    return "\n".join(rows) + "\n"


def test_readme_rules_table_is_the_rule_files() -> None:
    # Regenerate with `factlint rules --format markdown`.
    assert readme_rules_table() == rules_table(load_rules())


def test_rules_markdown_prints_the_readme_table() -> None:
    result = CliRunner().invoke(app, ["rules", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout == readme_rules_table()


def test_rules_json_is_for_tools() -> None:
    result = CliRunner().invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    fl301 = next(r for r in records if r["code"] == "FL301")
    assert fl301["severity"] == "warning" and fl301["kind"] == "variant_spelling"
    assert fl301["summary"] == "one name spelled two ways"
    # Every placeholder the message uses is described.
    used = set(re.findall(r"\{(\w+)\}", fl301["message"]))
    assert used <= set(fl301["message_fields"])
    assert all(fl301["message_fields"][name] for name in used)
    legacy = CliRunner().invoke(app, ["rules", "--json"])
    assert json.loads(legacy.stdout) == records


@pytest.mark.parametrize("name", sorted(kinds()))
def test_every_option_and_message_field_is_described(name: str) -> None:
    kind = kinds()[name]
    for option, info in kind.Options.model_fields.items():
        assert info.description, f"{name}: option '{option}' has no Field(description=...)"
    for field, doc in kind.field_docs().items():
        assert doc, f"{name}: message field '{field}' has no description"


def test_every_builtin_message_uses_only_declared_fields() -> None:
    for rule in load_rules():
        used = set(re.findall(r"\{(\w+)\}", rule.spec.message))
        assert used <= set(type(rule.kind).field_docs()), rule.spec.code


def test_explain_prints_the_options_from_the_model() -> None:
    rule = next(r for r in load_rules() if r.spec.code == "FL301")
    text = explain(rule)
    options = type(rule.kind).Options.model_fields
    for name, info in options.items():
        assert f"  {name} (" in text and str(info.description) in text
    assert "  {canonical}: the spelling to use" in text
    assert text.startswith("FL301 variant-spelling (warning, kind: variant_spelling)")


def test_explain_names_option_types_as_authors_write_them() -> None:
    rules = load_rules([ROOT / "examples" / "rules"])
    house = next(r for r in rules if r.spec.kind == "house_style")
    text = explain(house)
    assert "  swap (dict[str, str], required): " in text
    assert "  ignorecase (bool, default false): Match any case." in text
    assert " at 0x" not in text  # nothing that changes from run to run
    date = next(r for r in rules if r.spec.code == "FL101")
    assert "  flag ('absolute' | 'relative', default \"absolute\"): " in explain(date)


def test_a_third_party_kind_with_a_tuple_of_fields_still_documents() -> None:
    class Plain(RuleKind[KindOptions]):
        """A kind written before message fields had descriptions."""

        message_fields = ("who",)  # type: ignore[assignment]

        def check(self, facts):  # type: ignore[no-untyped-def]
            return []

    assert Plain.field_docs() == {"text": "the flagged text, on one line", "who": ""}
    assert Plain.template_fields() == ("text", "who")
    assert "{who}" in kind_doc(Plain)


def test_options_type_comes_from_the_type_parameter() -> None:
    for name, kind in kinds().items():
        if kind.Options is not KindOptions:
            assert kind.Options.__module__ == kind.__module__, name


def test_each_builtin_rule_file_lives_in_its_family_folder() -> None:
    for rule in load_rules():
        folder = rule.path.relative_to(builtin_rules_dir()).parts[0]
        assert family_of(rule.spec.code).folder == folder, rule.path


def test_dates_family_is_the_timeline_family() -> None:
    assert DATES.key == "FL1" and family_of("FL104") == DATES
    assert family_of("HS501").label == "HS5xx Rules"
    assert family_of("x").key == "other"
