"""Bounded fuzzing (hypothesis, a few seconds each): the loaders on random bytes in files of
every suffix, and the publication-date parsers on random strings, never let an exception out.

A bad input may only ever be a one-line InputError naming its file (and JSONL line). The NLP
date normaliser has its own fuzz test in tests/nlp/test_date_fuzz.py. For open-ended,
coverage-guided runs see fuzz_loaders.py beside this file (atheris; not collected).
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.dates.printed import find_dates, parse_date_value
from factlint.documents import load_documents
from factlint.documents.published import infer_year
from factlint.errors import InputError

SUFFIXES = [".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".rst"]
# Pieces that steer random input into each loader's special paths: front matter, markup,
# comments, entities, JSON records, BOMs, odd line breaks, NULs, publication lines.
FRAGMENTS = [
    "---\n", "title: x\n", "date: 2024-03-0", "<", ">", "</", "<!--", "-->", "<p>", "<div>",
    "<html><body>", "<script>", "<meta property='article:published_time' content='",
    "<time datetime='2024-02-30'>", "&amp;", "&#x", "&#99999999;", "{", "}", '"text": "',
    '{"text": "', '"date": ', "\\u", "\\ud800", "[", "]", "\n", "\r\n", "\r", "\t", " ",
    "\ufeff", "\x00", "\x85", "\u2028", "Published: ", "Monday, March 4, 2024", "Feb 30",
    "Kyiv", "é", "\U0001f600", "**", "`", "# ", "| a | b |", "\\", "*", "_",
]  # fmt: skip
ENCODINGS = ["utf-8", "utf-16", "cp1252", "latin-1", "shift_jis"]

structured_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40
).map("".join)
payloads = st.one_of(
    st.binary(max_size=2000),
    st.builds(
        lambda text, encoding: text.encode(encoding, "replace"),
        structured_text,
        st.sampled_from(ENCODINGS),
    ),
)

FUZZ = settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(files=st.lists(st.tuples(st.sampled_from(SUFFIXES), payloads), min_size=1, max_size=4))
def test_loaders_never_raise_on_random_bytes(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for index, (suffix, data) in enumerate(files):
            path = Path(tmp) / f"input{index}{suffix}"
            path.write_bytes(data)
            paths.append(str(path))
        errors: list[InputError] = []
        documents = load_documents(paths, on_error=errors.append)

    for error in errors:
        assert isinstance(error, InputError)
        assert error.location is not None
        assert any(error.location.startswith(p) for p in paths), error.location
        assert "\n" not in str(error), str(error)
    for document in documents:
        assert any(document.path.startswith(p) for p in paths), document.path
        text = document.text
        for offset in {0, len(text) // 2, len(text)}:
            line, column = document.position(offset)
            assert line >= 1 and column >= 1
        document.line_text(1)


@settings(max_examples=1500, deadline=None)
@given(line=st.one_of(structured_text, st.text(max_size=80)))
def test_publication_date_parsers_never_raise(line: str) -> None:
    for found in find_dates(line):
        assert 0 <= found.start < found.end <= len(line)
        assert line[found.start : found.end] == found.text
        assert 1 <= found.month <= 12 and 1 <= found.day <= 31
        found.to_date()
    parsed = parse_date_value(line)
    assert parsed is None or isinstance(parsed, date)


@settings(max_examples=500, deadline=None)
@given(
    month=st.integers(-2, 14),
    day=st.integers(-2, 33),
    weekday=st.integers(-1, 7),
    not_before=st.one_of(st.none(), st.integers(1, 9999)),
)
def test_year_inference_never_raises(
    month: int, day: int, weekday: int, not_before: int | None
) -> None:
    year = infer_year(month, day, weekday, not_before)
    if year is not None:
        assert date(year, month, day).weekday() == weekday
        assert not_before is None or year >= not_before
