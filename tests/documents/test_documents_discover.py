"""Which files are read: folders recursed in sorted order, hidden and unknown files skipped."""

from __future__ import annotations

import io
import os
import sys

import pytest
from documents_helpers import load_collecting

from factlint.documents import load_documents


def test_folder_is_recursed_sorted_with_known_suffixes_only(write, tmp_path):
    for name in ("b.txt", "a.md", "sub/c.html", "sub/d.jsonl", "sub/e.htm", "f.markdown"):
        content = '{"text": "x"}' if name.endswith(".jsonl") else "words"
        write(name, content)
    write("notes.csv", "a,b")
    write("image.png", b"\x89PNG\r\n\x1a\n\x00")
    write(".hidden.txt", "secret")
    write(".git/HEAD.txt", "ref")
    docs, errors = load_collecting([str(tmp_path)])
    assert errors == []
    names = [os.path.relpath(d.path, tmp_path) for d in docs]
    assert names == ["a.md", "b.txt", "f.markdown", "sub/c.html", "sub/d.jsonl:1", "sub/e.htm"]


def test_explicit_file_with_other_suffix_is_read_as_text(write):
    path = write("article.rst", "Words about Dublin\n")
    (doc,) = load_documents([str(path)])
    assert doc.format == "txt"
    assert "Dublin" in doc.text


def test_same_file_twice_is_read_once(write, tmp_path):
    path = write("a.txt", "Cork\n")
    docs = load_documents([str(path), str(tmp_path), str(path)])
    assert [d.path for d in docs] == [str(path)]


def test_symlink_loop_does_not_hang(write, tmp_path):
    write("root/a.txt", "Galway\n")
    write("root/sub/b.txt", "Sligo\n")
    os.symlink(tmp_path / "root", tmp_path / "root/sub/loop")
    os.symlink(tmp_path / "root/sub", tmp_path / "root/back")
    docs, errors = load_collecting([str(tmp_path / "root")])
    assert errors == []
    assert sorted(d.text.strip() for d in docs) == ["Galway", "Sligo"]


def test_broken_symlink_given_explicitly_is_reported(tmp_path):
    link = tmp_path / "dangling.txt"
    os.symlink(tmp_path / "missing-target.txt", link)
    docs, errors = load_collecting([str(link)])
    assert docs == []
    assert [str(e) for e in errors] == [f"{link}: broken symbolic link"]


def test_empty_folder_gives_no_documents(tmp_path):
    (tmp_path / "empty").mkdir()
    assert load_collecting([str(tmp_path / "empty")]) == ([], [])


def test_stdin_is_read_as_stdin(monkeypatch):
    data = b"Storm in Hamburg\nPublished: 2 June 2017\nRain fell.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    (doc,) = load_documents(["-"])
    assert doc.path == "<stdin>"
    assert "Hamburg" in doc.text
    assert doc.published is not None and doc.published.isoformat() == "2017-06-02"


def test_stdin_html_is_recognised(monkeypatch):
    data = b"<!DOCTYPE html><html><body><nav>Menu Bremen</nav><p>Text on Kiel</p></body></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    (doc,) = load_documents(["-"])
    assert doc.format == "html"
    assert "Kiel" in doc.text and "Bremen" not in doc.text


def test_empty_stdin_is_an_empty_document(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    (doc,) = load_documents(["-"])
    assert doc.text == ""


@pytest.mark.parametrize("closed", ["none", "closed"])
def test_closed_stdin_is_reported_and_files_still_load(monkeypatch, write, closed):
    if closed == "none":
        monkeypatch.setattr(sys, "stdin", None)
    else:
        stream = io.TextIOWrapper(io.BytesIO(b"x"), encoding="utf-8")
        stream.close()
        monkeypatch.setattr(sys, "stdin", stream)
    good = write("good.txt", "Dresden\n")
    docs, errors = load_collecting(["-", str(good)])
    assert [d.path for d in docs] == [str(good)]
    assert [str(e) for e in errors] == ["<stdin>: standard input is closed"]
