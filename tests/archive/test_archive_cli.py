"""`factlint index` and `check --against`: archive documents vote and give evidence, findings
stay on the targets, the index follows the files, and bad archive input is reported like bad
targets. Real spaCy extraction and a real SQLite store in a temporary folder."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factlint
from factlint.archive import index_archive
from factlint.cache import DB_NAME, CacheOptions
from factlint.cli import app
from factlint.rules.loader import load_rules

pytestmark = pytest.mark.model

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> dict:  # type: ignore[type-arg]
        return json.loads(self.stdout)


def factlint_cli(*args: str) -> Run:
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def seed(number: str) -> Path:
    return next(SEEDS.glob(f"{number}_*.txt"))


@pytest.fixture
def seeds_archive(workdir: Path) -> Path:
    """seeds 000, 003 and 004 in archive/, 001 and 002 in new/."""
    for folder, numbers in (("archive", ("000", "003", "004")), ("new", ("001", "002"))):
        (workdir / folder).mkdir()
        for number in numbers:
            shutil.copy(seed(number), workdir / folder)
    return workdir / "archive"


def _findings(run: Run) -> list[dict]:  # type: ignore[type-arg]
    return run.json()["findings"]


def test_seeds_checked_against_their_archive(seeds_archive: Path) -> None:
    indexed = factlint_cli("index", "archive")
    assert indexed.exit_code == 0, indexed.stderr
    assert "3 document(s): 3 added, 0 updated, 0 unchanged, 0 removed" in indexed.stdout

    run = factlint_cli("check", "new", "--against", "archive", "--format", "json")
    assert run.exit_code == 1, run.stderr
    findings = _findings(run)
    assert findings and all(f["path"].startswith("new/") for f in findings)
    ahmad = [f for f in findings if f["code"] == "FL301" and f["text"] == "Ahmad"]
    assert ahmad and all(f["path"] == f"new/{seed('002').name}" for f in ahmad)
    assert any(e["path"].startswith("archive/") for e in ahmad[0]["evidence"])
    assert ahmad[0]["fix"]["replacement"] == "Ahmed"
    dated = [f for f in findings if f["code"] == "FL101" and f["text"] == "December 2014"]
    assert [f["path"] for f in dated] == [f"new/{seed('001').name}"]
    evidence = dated[0]["evidence"]
    assert evidence and all(e["path"].startswith("archive/") for e in evidence)
    assert {e["text"] for e in evidence} == {"December 2024"}
    assert run.json()["summary"]["documents"] == 2
    assert run.json()["summary"]["archive"]["documents"] == 3
    assert 1 <= run.json()["summary"]["archive"]["consulted"] <= 3


def test_the_targets_alone_have_no_archive_findings(seeds_archive: Path) -> None:
    """The archive is what dates the fall: without it 001 has no date conflict."""
    alone = _findings(factlint_cli("check", "new", "--format", "json"))
    assert not [f for f in alone if f["code"] == "FL101"]
    assert "archive" not in factlint_cli("check", "new", "-f", "json").json()["summary"]


def test_archive_not_yet_indexed_is_extracted_and_kept(seeds_archive: Path) -> None:
    run = factlint_cli("check", "new", "--against", "archive", "--format", "json")
    assert run.json()["summary"]["archive"]["documents"] == 3
    assert "0 added, 0 updated, 3 unchanged" in factlint_cli("index", "archive").stdout


def test_index_follows_added_edited_and_deleted_articles(seeds_archive: Path) -> None:
    factlint_cli("index", "archive")
    archive = seeds_archive
    (archive / "extra.txt").write_text("Rain fell on Lima on Monday.\n", encoding="utf-8")
    edited = next(archive.glob("003_*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA late paragraph.\n", "utf-8")
    next(archive.glob("004_*.txt")).unlink()
    run = factlint_cli("index", "archive")
    assert "3 document(s): 1 added, 1 updated, 1 unchanged, 1 removed" in run.stdout
    # The deleted article's facts left the store with it.
    check = factlint_cli("check", "new", "--against", "archive", "--format", "json")
    assert all("004_" not in e["path"] for f in _findings(check) for e in f["evidence"])
    assert check.json()["summary"]["archive"]["documents"] == 3


def test_a_new_factlint_version_re_extracts(
    seeds_archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    factlint_cli("index", "archive")
    monkeypatch.setattr(factlint, "__version__", "99.0.0")
    assert "0 added, 3 updated, 0 unchanged" in factlint_cli("index", "archive").stdout


def test_a_file_given_as_target_and_archive_counts_once(seeds_archive: Path) -> None:
    target = str(seeds_archive.relative_to(seeds_archive.parent) / seed("000").name)
    run = factlint_cli("check", target, "--against", "archive", "--format", "json")
    summary = run.json()["summary"]
    assert (summary["documents"], summary["archive"]["documents"]) == (1, 2)
    assert {f["path"] for f in _findings(run)} <= {target}


def test_a_tampered_store_cannot_name_the_files_a_check_reports(seeds_archive: Path) -> None:
    """Facts rows naming another file, and index rows naming a file outside the archive
    file they belong to, steer neither findings nor evidence: the archive reads each file
    under the path it was given, and cached facts take the path of the row that asked."""
    factlint_cli("index", "archive")
    clean = factlint_cli("check", "new", "--against", "archive", "--format", "json").json()
    with sqlite3.connect(seeds_archive.parent / "cache" / DB_NAME) as connection:
        for key, blob in connection.execute("SELECT key, data FROM facts").fetchall():
            facts = json.loads(zlib.decompress(blob))
            facts["path"] = "new/victim.txt"
            data = zlib.compress(json.dumps(facts).encode())
            connection.execute("UPDATE facts SET data = ? WHERE key = ?", (data, key))
        connection.execute("UPDATE archive_docs SET path = '/etc/elsewhere.txt'")
    run = factlint_cli("check", "new", "--against", "archive", "--format", "json")
    assert run.exit_code == 1, run.stderr
    assert run.json()["findings"] == clean["findings"]
    places = {e["path"] for f in _findings(run) for e in [f, *f["evidence"]]}
    assert places and all(p.startswith(("new/0", "archive/0")) for p in places), places


def test_missing_archive_path_is_an_error_before_anything_is_read(workdir: Path) -> None:
    (workdir / "new.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    run = factlint_cli("check", "new.txt", "--against", "gone/")
    assert run.exit_code == 2
    assert run.stderr.strip() == "factlint: error: gone/: no such file or directory (archive)"
    assert not (workdir / "cache" / DB_NAME).exists()
    index = factlint_cli("index", "gone/")
    assert index.exit_code == 2 and "gone/: no such file or directory" in index.stderr


def test_bad_archive_input_is_one_line_and_the_run_goes_on(seeds_archive: Path) -> None:
    (seeds_archive / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    for _ in range(2):  # the second run reads the index, and still reports the file
        run = factlint_cli("check", "new", "--against", "archive", "--format", "json")
        assert run.exit_code == 2
        assert run.stderr.splitlines() == [
            "factlint: error: archive/broken.txt: binary file (PNG image), not text"
        ]
        assert run.json()["summary"]["archive"]["documents"] == 3
    ignored = factlint_cli("check", "new", "--against", "archive", "--ignore-errors")
    assert ignored.exit_code == 1


def test_every_format_reports_only_targets(seeds_archive: Path) -> None:
    factlint_cli("index", "archive")
    for fmt in ("text", "json-lines", "sarif", "github", "junit", "html"):
        run = factlint_cli("check", "new", "--against", "archive", "--format", fmt)
        assert run.exit_code == 1, (fmt, run.stderr)
        assert "Ahmad" in run.stdout
        if fmt in ("text", "json-lines", "github"):
            flagged = [line for line in run.stdout.splitlines() if "Ahmad" in line]
            assert flagged and not any(line.startswith("archive/") for line in flagged), fmt
    sarif = json.loads(factlint_cli("check", "new", "--against", "archive", "-f", "sarif").stdout)
    results = sarif["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris and all(uri.startswith("new/") for uri in uris)
    related = [
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in results
        for loc in r.get("relatedLocations", [])
    ]
    assert any(uri.startswith("archive/") for uri in related)


def test_unrelated_archive_documents_are_not_read(seeds_archive: Path) -> None:
    for i in range(4):
        (seeds_archive / f"weather-{i}.txt").write_text(
            f"Heavy rain fell on Lima for the {i + 2}nd day, the weather service said.\n",
            encoding="utf-8",
        )
    factlint_cli("index", "archive")
    run = factlint_cli("check", "new", "--against", "archive", "--format", "json")
    assert run.json()["summary"]["archive"] == {"documents": 7, "consulted": 3}


def test_an_interrupted_index_keeps_what_it_wrote(
    seeds_archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = load_rules()
    options = CacheOptions(directory=seeds_archive.parent / "cache")
    seen: list[int] = []

    def interrupt_after_first(done: int, total: int) -> None:
        seen.append(done)
        if done >= 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        index_archive(["archive"], rules, options=options, on_progress=interrupt_after_first)
    assert seen[-1] == 1
    again = index_archive(["archive"], rules, options=options)
    assert (again.counts.added, again.counts.unchanged) == (2, 1)


def test_a_key_held_by_many_reads_the_documents_about_the_same_story(workdir: Path) -> None:
    """With one document per key, the archive document sharing the most keys with the target
    is read for every key, not the newest holder of each (which would read two)."""
    (workdir / "new").mkdir()
    (workdir / "archive").mkdir()
    story = (
        "Ahmed Khalil, the governor of Homs, opened the Hmeimim bridge on Tuesday. "
        "Khalil said the bridge had cost 12 million dollars.\n"
    )
    (workdir / "archive" / "a-story.txt").write_text(story, encoding="utf-8")
    factlint_cli("index", "archive")  # indexed first: the oldest document
    (workdir / "archive" / "b-aside.txt").write_text(
        "Ahmed Khalil spoke briefly about the weather in Lima.\n", encoding="utf-8"
    )
    factlint_cli("index", "archive")
    (workdir / "new" / "article.txt").write_text(story.replace("Ahmed", "Ahmad"), encoding="utf-8")
    run = factlint_cli(
        "check", "new", "--against", "archive", "--archive-limit", "1", "--format", "json"
    )
    assert run.json()["summary"]["archive"] == {"documents": 2, "consulted": 1}


QUOTED = (
    "The ministry kept its own spelling.\n\n"
    "<!-- factlint: disable FL301 -- the agency's wording -->\n\n"
    'The statement said: "Flights from Khmeimim resume on Monday."\n\n'
    "<!-- factlint: enable -->\n"
)


def test_an_archive_documents_comments_keep_its_silenced_text_from_voting(workdir: Path) -> None:
    """Kept in the archive store (the fact cache holds no comments): b.md's silenced quote
    does not vote, so two documents against one flag the target; were it to vote, two
    against two would be a tie, and the target would not be flagged."""
    archive = workdir / "archive"
    archive.mkdir()
    (archive / "b.md").write_text(QUOTED, encoding="utf-8")
    (archive / "c.txt").write_text("Jets left Hmeimim after the storm.\n", encoding="utf-8")
    (archive / "e.txt").write_text("The Hmeimim air base stayed open.\n", encoding="utf-8")
    (workdir / "a.txt").write_text("Flights left the Khmeimim air base.\n", encoding="utf-8")
    for _ in range(2):  # indexed by the first check, read from the store by the second
        args = ("check", "a.txt", "--against", "archive", "--select", "FL301", "-f", "json")
        (finding,) = _findings(factlint_cli(*args))
        assert "no majority" not in finding["message"], finding
        assert [e["path"] for e in finding["evidence"]] == ["archive/c.txt", "archive/e.txt"]
