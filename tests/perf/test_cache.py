"""The fact cache: hits skip the extractor, any input that changes facts misses, and a broken
or busy cache file never stops a run."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factlint
import factlint.cache as cache_module
from factlint.cache import DB_NAME, CacheOptions, FactCache, cache_dir, decode, encode
from factlint.cli import app
from factlint.facts.model import DocumentFacts, Span
from factlint.pipeline import collect_facts

from .conftest import FakeExtractor


def collect(folder: Path, reference: date | None = None, **options: object) -> list[DocumentFacts]:
    return collect_facts([str(folder)], reference, [], CacheOptions(**options)).documents


def test_second_run_reads_the_cache_and_never_loads_the_model(
    articles: Path, cache_dir: Path, fake_extractor: FakeExtractor
) -> None:
    first = collect(articles)
    assert sorted(fake_extractor.extracted) == sorted(str(p) for p in articles.glob("*.txt"))
    assert fake_extractor.model_loads == 1
    assert (cache_dir / DB_NAME).is_file()

    second = collect(articles)
    assert len(fake_extractor.calls) == 1
    assert fake_extractor.model_loads == 1
    assert second == first


def test_changed_text_misses_only_that_document(
    articles: Path, cache_dir: Path, fake_extractor: FakeExtractor
) -> None:
    collect(articles)
    (articles / "b.txt").write_text("The third summit opened in Lima.\n", encoding="utf-8")
    facts = collect(articles)
    assert fake_extractor.calls[1] == [str(articles / "b.txt")]
    assert {f.path: f.words for f in facts}[str(articles / "b.txt")] == 6


def test_new_path_with_the_same_text_misses(
    articles: Path, cache_dir: Path, fake_extractor: FakeExtractor
) -> None:
    collect(articles)
    (articles / "c.txt").rename(articles / "d.txt")
    collect(articles)
    assert fake_extractor.calls[1] == [str(articles / "d.txt")]


def test_factlint_version_invalidates(
    articles: Path,
    cache_dir: Path,
    fake_extractor: FakeExtractor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    collect(articles)
    monkeypatch.setattr(factlint, "__version__", factlint.__version__ + ".post1")
    collect(articles)
    assert len(fake_extractor.calls) == 2 and len(fake_extractor.calls[1]) == 3


def test_model_version_invalidates(
    articles: Path,
    cache_dir: Path,
    fake_extractor: FakeExtractor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    collect(articles)
    monkeypatch.setattr(cache_module, "model_fingerprint", lambda: "spacy=9.9;en_core_web_sm=9.9")
    collect(articles)
    assert len(fake_extractor.calls) == 2 and len(fake_extractor.calls[1]) == 3


def test_reference_date_invalidates(
    articles: Path, cache_dir: Path, fake_extractor: FakeExtractor
) -> None:
    collect(articles, date(2021, 3, 5))
    collect(articles, date(2021, 3, 5))
    facts = collect(articles, date(2022, 1, 1))
    assert len(fake_extractor.calls) == 2 and len(fake_extractor.calls[1]) == 3
    assert {f.published for f in facts} == {date(2022, 1, 1)}


def test_no_cache_neither_reads_nor_writes(
    articles: Path, cache_dir: Path, fake_extractor: FakeExtractor
) -> None:
    collect(articles, enabled=False)
    assert not cache_dir.exists()
    collect(articles)
    collect(articles, enabled=False)
    assert len(fake_extractor.calls) == 3


def test_cli_no_cache_and_cache_dir(
    articles: Path, cache_dir: Path, fake_extractor: FakeExtractor, tmp_path: Path
) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["facts", str(articles), "-f", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert not cache_dir.exists()

    elsewhere = tmp_path / "elsewhere"
    for _ in range(2):
        result = runner.invoke(
            app, ["facts", str(articles), "-f", "json", "--cache-dir", str(elsewhere)]
        )
        assert result.exit_code == 0, result.output
    assert (elsewhere / DB_NAME).is_file() and not cache_dir.exists()
    assert len(fake_extractor.calls) == 2


def test_cache_dir_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "env"))
    assert cache_dir(tmp_path / "flag") == tmp_path / "flag"
    assert cache_dir() == tmp_path / "env"
    monkeypatch.delenv("FACTLINT_CACHE_DIR")
    assert cache_dir().name.lower() == "factlint"


def test_garbage_cache_file_is_rebuilt_with_one_warning(
    articles: Path,
    cache_dir: Path,
    fake_extractor: FakeExtractor,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cache_dir.mkdir()
    (cache_dir / DB_NAME).write_bytes(b"\x00\xffnot a database at all" * 300)
    facts = collect(articles)
    assert len(facts) == 3
    warnings = capsys.readouterr().err.strip().splitlines()
    assert len(warnings) == 1
    assert warnings[0].startswith("factlint: warning:") and "corrupt" in warnings[0]
    assert (cache_dir / DB_NAME).read_bytes().startswith(b"SQLite format 3\x00")

    assert collect(articles) == facts
    assert len(fake_extractor.calls) == 1
    assert capsys.readouterr().err == ""


def test_damaged_pages_behind_a_valid_header_are_rebuilt(
    articles: Path,
    cache_dir: Path,
    fake_extractor: FakeExtractor,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = collect(articles)
    path = cache_dir / DB_NAME
    data = bytearray(path.read_bytes())
    data[100:] = b"\xa5" * (len(data) - 100)
    path.write_bytes(bytes(data))
    assert collect(articles) == first
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "corrupt" in err
    assert collect(articles) == first
    assert len(fake_extractor.calls) == 2


def test_undecodable_row_is_a_miss(
    articles: Path, cache_dir: Path, fake_extractor: FakeExtractor
) -> None:
    collect(articles)
    with sqlite3.connect(cache_dir / DB_NAME) as connection:
        connection.execute("UPDATE facts SET data = ?", (b"\x78\x01garbage",))
    assert len(collect(articles)) == 3
    assert len(fake_extractor.calls[1]) == 3
    collect(articles)
    assert len(fake_extractor.calls) == 2


def test_unusable_cache_dir_warns_and_runs_without_cache(
    articles: Path,
    tmp_path: Path,
    fake_extractor: FakeExtractor,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    facts = collect(articles, directory=blocker / "cache")
    assert len(facts) == 3
    err = capsys.readouterr().err
    assert err.startswith("factlint: warning:") and err.count("\n") == 1


def test_encoding_round_trips_every_field() -> None:
    span = Span(text="March 3", start=5, end=12, line=2, column=1, end_line=2, end_column=8)
    facts = DocumentFacts.model_validate(
        {
            "path": "x.txt",
            "published": "2021-03-05",
            "words": 7,
            "dates": [{"span": span, "value": "2021-03-03", "granularity": "day"}],
            "counts": [{"span": span, "value": 1.5, "noun": "agreement"}],
            "lines": {2: "March 3 was a Wednesday"},
        }
    )
    decoded = decode(encode(facts))
    # The path is not stored: the run gives each entry the path of the document it is for.
    assert decoded is not None and decoded.path == ""
    assert decoded.model_copy(update={"path": "x.txt"}) == facts
    assert decode(b"garbage") is None


def test_prune_keeps_the_newest_entries(tmp_path: Path) -> None:
    with FactCache(tmp_path) as store:
        store.put_many([(f"k{i}", DocumentFacts(path=f"{i}.txt")) for i in range(10)])
        store.prune(keep=4)
        found = store.get_many({f"k{i}": f"{i}.txt" for i in range(10)})
        assert sorted(found) == ["k6", "k7", "k8", "k9"]
        assert found["k6"].path == "6.txt"


WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from factlint.cache import FactCache
    from factlint.facts.model import DocumentFacts

    directory, name, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    while not go.exists():
        time.sleep(0.005)
    for n in range(30):
        with FactCache(directory) as store:
            batch = [(f"{name}-{n}-{i}", DocumentFacts(path=f"{name}/{i}.txt")) for i in range(20)]
            batch += [(f"shared-{i}", DocumentFacts(path=f"shared/{i}.txt")) for i in range(20)]
            store.put_many(batch)
            assert len(store.get_many({key: facts.path for key, facts in batch})) == 40
    print("done")
    """
)


def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    directory, go = tmp_path / "cache", tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(directory), name, str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("one", "two")
    ]
    go.touch()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.strip() == "done" and err == ""
    with sqlite3.connect(directory / DB_NAME) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT COUNT(*) FROM facts").fetchone() == (2 * 30 * 20 + 20,)


def test_model_package_names_match_the_loader() -> None:
    from factlint.nlp.model import MODEL_PACKAGES

    assert cache_module.MODEL_PACKAGES == MODEL_PACKAGES


NO_SPACY = textwrap.dedent(
    """
    import sys
    from typer.testing import CliRunner
    import factlint.pipeline as pipeline
    from factlint.cli import app
    from factlint.facts.model import DocumentFacts

    def fake(documents, executor):
        yield from (DocumentFacts(path=d.path) for d in documents)

    def refuse(documents, executor):
        if documents:
            raise AssertionError("extracted on a warm run")
        yield from ()

    runner = CliRunner()
    for extractor in (fake, refuse):
        pipeline._extract = extractor
        result = runner.invoke(app, ["check", sys.argv[1], "--format", "json"])
        assert result.exit_code in (0, 1), result.output
    print(sorted(m for m in sys.modules if m == "spacy" or m.startswith("spacy.")))
    """
)


def test_warm_check_never_imports_spacy(articles: Path, cache_dir: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", NO_SPACY, str(articles)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "FACTLINT_CACHE_DIR": str(cache_dir)},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
