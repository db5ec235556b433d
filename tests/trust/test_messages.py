"""Messages read as English: counts agree with their nouns, verbs with their subjects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Folder
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = {
    path.name: YAML(typ="safe").load(path.read_text(encoding="utf-8"))["message"]
    for path in sorted((ROOT / "rules").rglob("*.yml"))
}


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_no_template_puts_a_verb_after_a_count_of_documents(name: str) -> None:
    # "{support}" is "1 other document" or "2 other documents": a verb after it ("{support}
    # call it") is wrong for one of the two.
    assert not re.search(r"\{support\} [a-z]", TEMPLATES[name]), TEMPLATES[name]
    # A count and its noun come from one field that agrees ("1 agreement", "14 agreements").
    assert not re.search(r"\{(value|other)\} \{noun\}", TEMPLATES[name]), TEMPLATES[name]


@pytest.mark.model
def test_counts_and_documents_read_as_english(folder: Folder) -> None:
    texts = {
        "a.txt": "Putin and Sharaa signed 12 agreements in Moscow on Monday.\n",
        "b.txt": "Putin and Sharaa signed 14 agreements in Moscow on Monday.\n",
        "c.txt": "In Moscow, Putin and Sharaa signed 14 agreements.\n",
        "d.txt": "Putin met Sharaa for their second meeting in Moscow.\n",
        "e.txt": "It was the first meeting between Putin and Sharaa.\n",
    }
    for name, text in texts.items():
        folder.write(f"many/{name}", text)
    # A story that gives a third figure for the same noun compares none: "1 agreement" gets a
    # folder of its own.
    for name in ("b.txt", "c.txt"):
        folder.write(f"one/{name}", texts[name])
    folder.write("one/f.txt", "Putin and Sharaa signed 1 agreement in Moscow.\n")
    messages = {}
    for sub in ("many", "one"):
        run = folder.run("check", sub, "--select", "FL201,FL202", "-f", "json")
        messages |= {f["path"].split("/")[-1]: f["message"] for f in run.json()["findings"]}
    assert messages["a.txt"] == "12 agreements here, but 14 agreements in 2 other documents"
    assert messages["f.txt"] == "1 agreement here, but 14 agreements in 2 other documents"
    assert "but the 'first' in 1 other document (" in messages["d.txt"]
