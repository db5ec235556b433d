"""Writes a hostile user or a careless CI script can provoke: factlint writes only what it was
asked to, where it was asked, and never loses text (issue 17 items 1-5, issue 20 item 4).

Every test runs the real command in a fresh process. Device nodes are made inside the test's
own folder (`mknod`, as root), never the system's `/dev/null`: the bug under test replaces
the node it writes to.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest
from reliability_helpers import Run, house_rule, run_factlint

from factlint.cache import DB_NAME

pytestmark = pytest.mark.model

ARTICLE = "Talks in Kiev\n\nDelegates met in Kiev on Monday.\n"
FIXED = ARTICLE.replace("Kiev", "Kyiv")


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A folder with one article, a Kiev -> Kyiv house rule, and a fresh cache."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    rules = house_rule(tmp_path / "rules", {"Kiev": "Kyiv"})
    return docs, rules, {"FACTLINT_CACHE_DIR": str(tmp_path / "cache")}


def lint(rules: Path, env: dict[str, str], *args: str, **kwargs: object) -> Run:
    return run_factlint(
        "check", "--rules", str(rules), "--select", "HS501", *args, env=env, **kwargs
    )


# --- 1. devices, FIFOs and /dev/fd/N are written to, not replaced -----------------------------


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root, as CI runs")
def test_output_to_a_character_device_keeps_the_device(setup, tmp_path: Path) -> None:
    docs, rules, env = setup
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null
    run = lint(rules, env, str(docs), "--output", str(null))
    assert "Traceback" not in run.stderr
    assert run.returncode == 1, run.stderr
    assert stat.S_ISCHR(null.stat().st_mode), "the device node was replaced by a regular file"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_output_to_a_fifo_writes_into_the_pipe(setup, tmp_path: Path) -> None:
    docs, rules, env = setup
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    run = lint(rules, env, str(docs), "--format", "json", "--output", str(fifo))
    if reader.is_alive():  # the pipe was never opened for writing: release the reader
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    reader.join(timeout=10)
    assert run.returncode == 1, run.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["summary"]["findings"] == 2


def test_output_to_process_substitution(setup, tmp_path: Path) -> None:
    """`--output >(wc -c)` hands factlint a /dev/fd/N path to a pipe."""
    docs, rules, env = setup
    count = tmp_path / "count"
    command = [sys.executable, "-m", "factlint", "check", "--rules", str(rules)]
    command += ["--select", "HS501", str(docs), "--output"]
    script = " ".join(f"'{part}'" for part in command) + f" >(wc -c > '{count}'); echo $?"
    proc = subprocess.run(
        ["bash", "-c", script + "; wait; sleep 0.2"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in proc.stderr
    assert proc.stdout.split()[0] == "1", proc.stderr
    assert int(count.read_text()) > 0


# --- 2. (and issue 20, 4) a report or baseline is never written over an input ----------------


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
@pytest.mark.parametrize("how", ["given", "in-folder", "symlink"])
def test_a_target_that_is_an_input_is_refused_before_linting(
    setup, tmp_path: Path, option: str, how: str
) -> None:
    docs, rules, env = setup
    article = docs / "a.txt"
    target = article
    if how == "symlink":
        target = tmp_path / "report.json"
        target.symlink_to(article)
    inputs = [str(article)] if how == "given" else [str(docs)]
    run = lint(rules, env, *inputs, option, str(target))
    assert run.returncode == 2
    assert run.errors == [
        f"factlint: error: {option}: '{target}' is one of the inputs; "
        "writing there would overwrite it"
    ]
    assert run.stderr.count("\n") == 1
    assert article.read_text(encoding="utf-8") == ARTICLE
    assert not (tmp_path / "cache").exists(), "refused before any document was read"


# --- 3. a tampered cache cannot steer a write --------------------------------------------------


def test_a_poisoned_cache_cannot_make_fix_rewrite_another_file(setup, tmp_path: Path) -> None:
    docs, rules, env = setup
    victim = tmp_path / "victim.txt"
    victim.write_text(ARTICLE, encoding="utf-8")
    assert lint(rules, env, str(docs)).returncode == 1  # fills the cache
    database = tmp_path / "cache" / DB_NAME
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT key, data FROM facts").fetchall()
        assert len(rows) == 1
        for key, blob in rows:
            facts = json.loads(zlib.decompress(blob))
            facts["path"] = str(victim)
            data = zlib.compress(json.dumps(facts).encode())
            connection.execute("UPDATE facts SET data = ? WHERE key = ?", (data, key))
    run = lint(rules, env, str(docs), "--fix")
    assert "Traceback" not in run.stderr
    assert victim.read_text(encoding="utf-8") == ARTICLE, "a path from the cache was written"
    assert (docs / "a.txt").read_text(encoding="utf-8") == FIXED
    report = lint(rules, env, str(docs), "--format", "json")
    assert {f["path"] for f in json.loads(report.stdout)["findings"]} <= {str(docs / "a.txt")}


# --- 4. --fix stays inside the given paths --------------------------------------------------


def test_fix_does_not_follow_a_symlink_out_of_the_input_folder(setup, tmp_path: Path) -> None:
    docs, rules, env = setup
    outside = tmp_path / "elsewhere" / "notes.txt"
    outside.parent.mkdir()
    outside.write_text(ARTICLE, encoding="utf-8")
    (docs / "notes.txt").symlink_to(outside)
    inner = docs / "inner.txt"
    inner.symlink_to(docs / "a.txt")  # a link inside the tree is fine
    run = lint(rules, env, str(docs), "--fix")
    assert "Traceback" not in run.stderr
    assert outside.read_text(encoding="utf-8") == ARTICLE
    assert (docs / "a.txt").read_text(encoding="utf-8") == FIXED
    assert (
        f"factlint: warning: {docs / 'notes.txt'}: 2 fix(es) not applied: it is a symbolic link "
        f"to {outside}, outside the given paths" in run.stderr.splitlines()
    )


# --- 5. text added while factlint runs is never lost ----------------------------------------

# Runs the real CLI with one hook: just before the fixed file is written, another program
# appends a paragraph to it, as an editor saving or a sync client would.
APPEND_BEFORE_WRITE = """
import sys
import factlint.findings.fixes as fixes
from factlint.cli import main

original = fixes.atomic_write

def racing_write(path, *args, **kwargs):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("A paragraph added meanwhile.\\n")
    return original(path, *args, **kwargs)

fixes.atomic_write = racing_write
sys.argv = ["factlint", *sys.argv[1:]]
main()
"""


def test_fix_skips_a_file_that_changed_after_it_was_read(setup) -> None:
    docs, rules, env = setup
    article = docs / "a.txt"
    args = ["check", "--rules", str(rules), "--select", "HS501", str(docs), "--fix"]
    proc = subprocess.run(
        [sys.executable, "-c", APPEND_BEFORE_WRITE, *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in proc.stderr
    assert article.read_text(encoding="utf-8") == ARTICLE + "A paragraph added meanwhile.\n"
    assert (
        f"factlint: warning: {article}: changed on disk while factlint ran; fixes not written"
        in proc.stderr.splitlines()
    )
    assert proc.returncode == 2
    assert [p.name for p in docs.iterdir() if p.name.endswith(".tmp")] == []
