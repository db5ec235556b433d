"""Markdown: front matter metadata, syntax blanked so only prose is analysed, positions kept."""

from __future__ import annotations

from datetime import date

import pytest
from documents_helpers import load_collecting, position_of, source_position

from factlint.documents import load_documents
from factlint.errors import InputError

ARTICLE = """---
title: Harbour reopens
date: 2023-06-14
url: https://example.org/harbour
---
# The *harbour* in Gdansk

Officials in `Sopot` said the [port of Gdynia](https://example.org/gdynia "Gdynia 2019") reopened
with **Maria Kowalska** present &amp; smiling. <!-- factlint: ignore FL301 -->

- Ships from Riga arrived
- See <https://example.org/riga-1999>

> Quoted words from Tallinn

```
Code block mentions Helsinki in 1998
```

    indented code mentions Stockholm

![Photo of Copenhagen](copenhagen.jpg)
"""


@pytest.fixture
def article(write):
    (doc,) = load_documents([str(write("harbour.md", ARTICLE))])
    return doc


def test_front_matter_sets_metadata(article):
    assert article.format == "md"
    assert article.title == "Harbour reopens"
    assert article.url == "https://example.org/harbour"
    assert article.published == date(2023, 6, 14)
    assert article.published_source == "front-matter"


def test_text_keeps_source_length_and_lines(article):
    assert len(article.text) == len(ARTICLE)
    assert article.text.count("\n") == ARTICLE.count("\n")
    assert article.source == ARTICLE


def test_prose_positions_count_front_matter_lines(article):
    assert position_of(article, "Gdansk") == (6, 20)
    assert position_of(article, "harbour") == (6, 8)
    assert position_of(article, "Officials") == (8, 1)
    for word in ("Maria", "Kowalska", "Riga", "Tallinn", "reopened", "smiling"):
        assert position_of(article, word) == source_position(ARTICLE, word), word


def test_syntax_is_blanked(article):
    text = article.text
    for hidden in ("---", "title:", "#", "`", "https://", "**", "<!--", "factlint", "Helsinki"):
        assert hidden not in text, hidden
    for hidden in ("Stockholm", "Copenhagen", "1999", "Gdynia 2019", "Sopot"):
        assert hidden not in text, hidden
    assert "port of Gdynia" in text  # a link's words are prose, its URL and title are not
    assert "present &" in text  # the entity reads as the character it stands for


def test_markdown_without_front_matter_or_syntax_is_unchanged(write):
    body = "Plain words about Porto.\nNothing else to see.\n"
    (doc,) = load_documents([str(write("plain.md", body))])
    assert doc.text == body
    assert doc.published is None


def test_front_matter_published_key_and_textual_date(write):
    body = "---\npublished: March 3, 2021\n---\nText about Quito.\n"
    (doc,) = load_documents([str(write("q.md", body))])
    assert doc.published == date(2021, 3, 3)
    assert position_of(doc, "Quito") == (4, 12)


def test_broken_front_matter_is_an_error_naming_the_line(write):
    bad = write("bad.md", "---\ntitle: ok\ndate: [unclosed\n---\nBody\n")
    good = write("good.md", "Fine body about Lima.\n")
    docs, errors = load_collecting([str(bad), str(good)])
    assert [d.path for d in docs] == [str(good)]
    assert len(errors) == 1
    assert isinstance(errors[0], InputError)
    assert errors[0].location is not None
    assert errors[0].location.startswith(f"{bad}:")
    assert "front matter" in errors[0].message


def test_crlf_markdown_positions(write):
    body = "---\r\ntitle: T\r\n---\r\n## Riots in Athens\r\n\r\nPolice in *Thessaloniki* said.\r\n"
    (doc,) = load_documents([str(write("crlf.md", body.encode()))])
    assert doc.title == "T"
    assert position_of(doc, "Athens") == (4, 13)
    assert position_of(doc, "Thessaloniki") == (6, 12)


def test_escapes_entities_and_tables(write):
    body = (
        "Price \\*not\\* 5 &lt; 6 in Bonn\n\n"
        "| City | Mayor |\n"
        "|------|-------|\n"
        "| Kassel | Anna *Weber* |\n"
    )
    (doc,) = load_documents([str(write("t.md", body))])
    assert "*not" in doc.text
    assert "\\" not in doc.text
    assert "&lt;" not in doc.text and "5 <" in doc.text
    assert "|" not in doc.text and "---" not in doc.text
    for word in ("Bonn", "Kassel", "Weber", "City"):
        assert position_of(doc, word) == source_position(body, word), word


def test_html_comment_block_is_blanked_but_kept_in_source(write):
    body = "<!-- factlint: ignore FL101 -->\nThe summit in Bled ended.\n"
    (doc,) = load_documents([str(write("c.md", body))])
    assert "factlint" not in doc.text
    assert "<!-- factlint: ignore FL101 -->" in doc.source
    assert position_of(doc, "Bled") == (2, 15)
