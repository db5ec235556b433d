"""JSON Lines: one document per record, positions inside the JSONL line, bad lines reported."""

from __future__ import annotations

import json
from datetime import date

from documents_helpers import load_collecting, position_of

from factlint.documents import load_documents


def _column_in_line(line: str, raw_word: str) -> int:
    return line.index(raw_word) + 1


def test_one_document_per_line_with_metadata(write):
    records = [
        {"id": "a1", "title": "Quake", "date": "2020-02-03", "url": "https://x.org/q", "text": "A"},
        {"text": "Second record about Cairo."},
    ]
    path = write("set.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    first, second = load_documents([str(path)])
    assert first.path == f"{path}:1"
    assert second.path == f"{path}:2"
    assert (first.id, first.title, first.url) == ("a1", "Quake", "https://x.org/q")
    assert first.published == date(2020, 2, 3)
    assert first.published_source == "jsonl"
    assert first.format == "jsonl"
    assert second.id is None
    assert second.published is None


def test_positions_point_into_the_jsonl_line_across_escapes(write):
    line1 = json.dumps({"id": 7, "text": "Intro"})
    line2 = json.dumps(
        {"id": 8, "text": 'He said "Alexandria" \u00e9t\u00e9\nthen Giza\tand Luxor'}
    )
    path = write("esc.jsonl", f"{line1}\n\n{line2}\n")
    docs = load_documents([str(path)])
    assert [d.path for d in docs] == [f"{path}:1", f"{path}:3"]
    doc = docs[1]
    assert doc.text == 'He said "Alexandria" été\nthen Giza\tand Luxor'
    assert position_of(doc, "Alexandria") == (3, _column_in_line(line2, "Alexandria"))
    assert position_of(doc, "Giza") == (3, _column_in_line(line2, "Giza"))
    assert position_of(doc, "Luxor") == (3, _column_in_line(line2, "Luxor"))


def test_bad_line_is_reported_with_its_line_and_the_others_load(write):
    lines = [
        json.dumps({"text": "Good one about Tunis."}),
        '{"text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Good two about Rabat."}),
    ]
    path = write("mixed.jsonl", "\n".join(lines) + "\n")
    docs, errors = load_collecting([str(path)])
    assert [d.path for d in docs] == [f"{path}:1", f"{path}:5"]
    assert [e.location for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert all("\n" not in str(e) for e in errors)
    assert "not valid JSON" in errors[0].message


def test_crlf_jsonl(write):
    content = '{"text": "Alpha Oslo"}\r\n{"text": "Beta Bergen"}\r\n'
    docs = load_documents([str(write("crlf.jsonl", content.encode()))])
    assert [d.text for d in docs] == ["Alpha Oslo", "Beta Bergen"]
    assert position_of(docs[1], "Bergen") == (2, 16)


def test_published_line_inside_a_record_text(write):
    record = {"text": "Title of the piece\nPublished: March 9, 2016\nBody mentions Kigali."}
    (doc,) = load_documents([str(write("p.jsonl", json.dumps(record)))])
    assert doc.published == date(2016, 3, 9)
    assert doc.published_source == "published-line"
