"""Determinism: the same documents give byte-identical JSON, whatever order the paths are given in.

The documents are generated from a small vocabulary of names with variant spellings, dates
with and without weekdays, counts and house-style words, so that most examples do produce
findings (a property that holds only on silent output would prove little).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factlint.cli import app

pytestmark = pytest.mark.model

PEOPLE = [
    ("Jonathan Smithers", "Jonathon Smithers"),
    ("Ahmed al-Sharaa", "Ahmad al-Sharaa"),
    ("Mark Teixeira", "Mark Teixiera"),
]
PLACES = [("Hmeimim", "Khmeimim"), ("Tartus", "Tartous"), ("Kyiv", "Kiev")]
DATES = [
    "on Monday, March 4, 2024",
    "on Tuesday, March 4, 2024",
    "in December 2024",
    "in December 2014",
    "last Friday",
    "two weeks ago",
]
COUNTS = ["12 agreements", "14 agreements", "the first meeting", "the second meeting"]
TEMPLATES = [
    "{person} visited the {place} base {date}.",
    "Officials said {person} signed {count} {date}.",
    "The talks in {place} began {date}, according to {person}.",
    "{person} and the delegation left {place} after {count}.",
]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    def variant(pairs: list[tuple[str, str]]) -> str:
        return draw(st.sampled_from(draw(st.sampled_from(pairs))))

    return draw(st.sampled_from(TEMPLATES)).format(
        person=variant(PEOPLE),
        place=variant(PLACES),
        date=draw(st.sampled_from(DATES)),
        count=draw(st.sampled_from(COUNTS)),
    )


@st.composite
def document(draw: st.DrawFn) -> str:
    head = draw(st.sampled_from(["", "Published: March 6, 2024\n\n", "Talks go on\n\n"]))
    return head + "\n".join(draw(st.lists(sentence(), min_size=1, max_size=4))) + "\n"


document_sets = st.lists(document(), min_size=2, max_size=4)


def write_set(folder: Path, texts: list[str]) -> list[str]:
    paths = []
    for index, text in enumerate(texts):
        path = folder / f"doc{index}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def check_json(*args: str) -> str:
    result = CliRunner().invoke(app, ["check", "--format", "json", "--no-cache", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1), result.output
    return result.stdout


DETERMINISM = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Examples that found something, to show the property was not tested on silence alone.
_with_findings: list[int] = []


@DETERMINISM
@given(texts=document_sets)
def test_the_same_inputs_give_byte_identical_json(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_set(Path(tmp), texts)
        first = check_json(*paths)
        second = check_json(*paths)
    assert first == second
    _with_findings.append(len(json.loads(first)["findings"]))


@DETERMINISM
@given(texts=document_sets, data=st.data())
def test_the_order_of_paths_does_not_change_the_report(
    texts: list[str], data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_set(Path(tmp), texts)
        shuffled = data.draw(st.permutations(paths))
        given_order = check_json(*paths)
        other_order = check_json(*shuffled)
        as_folder = check_json(tmp)
    assert other_order == given_order
    assert as_folder == given_order
    _with_findings.append(len(json.loads(given_order)["findings"]))


def test_the_generated_sets_do_produce_findings() -> None:
    # Runs after the two properties in file order; alone it checks a fresh sample.
    if not _with_findings:
        texts = [
            "Jonathan Smithers visited the Hmeimim base on Monday, March 4, 2024.\n",
            "Jonathon Smithers visited the Khmeimim base on Tuesday, March 4, 2024.\n",
        ]
        with tempfile.TemporaryDirectory() as tmp:
            _with_findings.append(
                len(json.loads(check_json(*write_set(Path(tmp), texts)))["findings"])
            )
    assert sum(1 for count in _with_findings if count) >= len(_with_findings) / 2
