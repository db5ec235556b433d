"""The archive figure: one new article checked against an indexed archive of N and of 10×N.

    from against import measure_against   # bench.py calls it after the N-size run

The N archive is the benchmark corpus itself, whose facts the cold run has just stored. The
10×N archive is ten copies of it under new folders: their facts are the originals' with the
path changed, written to the store under the copies' own cache keys (extracting 10×N more
documents would take the better part of an hour and measure spaCy, not the check). Both are
then indexed with `factlint index`. The target is document N of the corpus generator, so a
new text about the same names. Each check runs warm (the target's facts cached) in a fresh
child process, N and 10×N interleaved, and the fastest of the rounds is kept.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pydantic import BaseModel

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build_corpus

COPIES = 10
ROUNDS = 3


class AgainstFigures(BaseModel):
    """Seconds are wall time of `factlint check NEW --against ARCHIVE` in-process, warm;
    RSS is the peak of the child process that ran it."""

    archive_docs: int
    archive_docs_10x: int
    index_10x_s: float
    against_one_s: float
    against_one_s_10x: float
    against_growth: float
    against_rss_mb: float
    against_rss_mb_10x: float
    against_rss_growth: float
    consulted: int
    consulted_10x: int
    findings: int
    findings_10x: int


def run_cli(args: list[str]) -> int:
    from typer.main import get_command

    from factlint.cli import app

    code = get_command(app).main(args, prog_name="factlint", standalone_mode=False)
    return int(code or 0)


def copy_with_facts(corpus: Path, target: Path, copies: int) -> list[Path]:
    """`copies` copies of the corpus under `target`, each copy's facts stored under its own
    key: the original document's facts with the copy's path."""
    from factlint.cache import FactCache, cache_dir, context_fingerprint, document_key
    from factlint.documents.load import load_documents
    from factlint.documents.published import resolve_published

    context = context_fingerprint(None)
    originals = load_documents([str(corpus)])
    resolve_published(originals, None)
    keys = [document_key(d, context) for d in originals]
    folders = []
    with FactCache(cache_dir()) as cache:
        facts = cache.get_many({k: d.path for k, d in zip(keys, originals, strict=True)})
        for index in range(copies):
            folder = target / f"copy{index}"
            shutil.copytree(corpus, folder)
            folders.append(folder)
            prefix, new_prefix = str(corpus), str(folder)
            rows = []
            for document, key in zip(originals, keys, strict=True):
                if key not in facts:
                    continue
                path = new_prefix + document.path[len(prefix) :]
                copy = document.model_copy(update={"path": path})
                stored = facts[key].model_copy(update={"path": copy.path})
                rows.append((document_key(copy, context), stored))
            cache.put_many(rows)
    return folders


def peak_rss_mb() -> float:
    """This process's own peak RSS. Not `ru_maxrss`: after fork and exec it can report the
    parent's size at the fork (the bench process holds a thousand documents' facts)."""
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def probe(args: list[str]) -> None:
    """Child: run one warm check in-process, print its time and this process's peak RSS."""
    start = time.perf_counter()
    code = run_cli(args)
    seconds = time.perf_counter() - start
    rss = peak_rss_mb()
    print(json.dumps({"seconds": seconds, "rss_mb": rss, "code": code}))


def _child(args: list[str]) -> dict[str, float]:
    command = [sys.executable, __file__, "--probe", *args]
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=os.environ)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _summary(output: Path) -> tuple[int, int]:
    data = json.loads(output.read_text(encoding="utf-8"))
    return data["summary"]["archive"]["consulted"], len(data["findings"])


def measure_against(corpus: Path, docs: int, workdir: Path) -> AgainstFigures:
    """Needs FACTLINT_CACHE_DIR set and the corpus's facts in that cache (the cold run)."""
    new_dir = workdir / "new-source"
    target = build_corpus(docs + 1, new_dir)[-1]
    article = workdir / "new" / "article.txt"
    article.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(target, article)
    shutil.rmtree(new_dir)
    large = workdir / "archive10"
    copy_with_facts(corpus, large, COPIES)
    if run_cli(["index", str(corpus)]) != 0:
        raise RuntimeError("factlint index failed on the N archive")
    start = time.perf_counter()
    if run_cli(["index", str(large)]) != 0:
        raise RuntimeError("factlint index failed on the 10×N archive")
    index_10x_s = time.perf_counter() - start
    outputs = {name: workdir / f"against-{name}.json" for name in ("n", "10n")}
    archives = {"n": corpus, "10n": large}

    def args(name: str) -> list[str]:
        return [
            "check", str(article), "--against", str(archives[name]),
            "--format", "json", "--output", str(outputs[name]),
        ]  # fmt: skip

    for name in archives:  # warm-up: the target's facts enter the cache
        run_cli(args(name))
    rounds: dict[str, list[dict[str, float]]] = {"n": [], "10n": []}
    for _ in range(ROUNDS):
        for name in archives:
            rounds[name].append(_child(args(name)))
    best = {name: min(r["seconds"] for r in rounds[name]) for name in rounds}
    rss = {name: min(r["rss_mb"] for r in rounds[name]) for name in rounds}
    consulted, findings = _summary(outputs["n"])
    consulted_10x, findings_10x = _summary(outputs["10n"])
    return AgainstFigures(
        archive_docs=docs,
        archive_docs_10x=docs * COPIES,
        index_10x_s=round(index_10x_s, 3),
        against_one_s=round(best["n"], 3),
        against_one_s_10x=round(best["10n"], 3),
        against_growth=round(best["10n"] / best["n"], 3),
        against_rss_mb=round(rss["n"], 1),
        against_rss_mb_10x=round(rss["10n"], 1),
        against_rss_growth=round(rss["10n"] / rss["n"], 3),
        consulted=consulted,
        consulted_10x=consulted_10x,
        findings=findings,
        findings_10x=findings_10x,
    )


def against_only(docs: int, jobs: str, workdir: Path) -> AgainstFigures:
    """The archive figure alone: the corpus of N indexed cold (`factlint index --jobs`),
    then `measure_against`."""
    corpus = workdir / "corpus"
    build_corpus(docs, corpus)
    os.environ["FACTLINT_CACHE_DIR"] = str(workdir / "cache")
    if run_cli(["index", str(corpus), "--jobs", jobs]) != 0:
        raise RuntimeError("factlint index failed on the corpus")
    return measure_against(corpus, docs, workdir)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probe"]:
        probe(sys.argv[2:])
    else:
        sys.exit("run benchmarks/bench.py; this module is its archive figure")
