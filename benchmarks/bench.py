"""Benchmark factlint against the spaCy floor: throughput, cache speed-up, rule time, memory.

    .venv/bin/python benchmarks/bench.py --docs 1000 --json bench.json

Each size is measured in one process: build a deterministic corpus in a temp dir, load the
model (timed apart, counted in no throughput), then in each of `--rounds` rounds, one after
the other on the same texts (A B C A B C ...): raw single-process `nlp.pipe` over the texts
(the floor), `factlint check --jobs 1` and `factlint check` with the default jobs (every
usable core), both in-process through the CLI's own command object with an empty cache
(cold). Ratios are taken per round and reported as the median and the min-max over rounds,
so a drift in the machine's speed shows as spread instead of landing in one ratio. Then
the same command once more on the unchanged files (warm), also as a subprocess, which
includes interpreter start-up and whatever the warm path imports. With scaling on (the
default) N and 10×N each run in their own child process, so peak RSS is per size; 10×N
runs one round.
"""

from __future__ import annotations

import argparse
import functools
import gc
import inspect
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

sys.path.insert(0, str(Path(__file__).resolve().parent))
from against import AgainstFigures, against_only, measure_against
from corpus import build_corpus

# The archive figure's goal is set at N >= 1 000; below, it only lengthens a quick run.
AGAINST_MIN_DOCS = 1000


class Figures(BaseModel):
    """What one size measured. Rates are words per second; times are seconds."""

    docs: int
    words: int
    # Usable cores, and the processes the default (`--jobs auto`) run used.
    cores: int
    jobs: int
    rounds: int
    # One-minute load average before the first round and after the last (other work).
    load_avg_start: float
    load_avg_end: float
    model_load_s: float
    # The warm-up before the rounds (documents, seconds): discarded, as pyperf and hyperfine
    # discard theirs, so one-time loads (inflect, the gazetteer's tables, compiled patterns)
    # land in no round.
    warmup_docs: int = 0
    warmup_s: float = 0.0
    # Medians over the rounds; the _min/_max keys are the spread.
    spacy_s: float
    spacy_cpu_s: float
    spacy_wps: float
    spacy_wps_min: float
    spacy_wps_max: float
    cold_s: float
    cold_cpu_s: float
    factlint_cold_wps: float
    factlint_cold_wps_min: float
    factlint_cold_wps_max: float
    # factlint --jobs 1 words/s over the single-process floor's, per round.
    ratio: float
    ratio_min: float
    ratio_max: float
    # The same ratio in CPU seconds (own and child processes): steadier on a shared machine.
    ratio_cpu: float
    all_cores_s: float
    factlint_all_cores_wps: float
    factlint_all_cores_wps_min: float
    factlint_all_cores_wps_max: float
    # factlint with the default jobs, words/s over the single-process floor's, per round.
    ratio_all_cores: float
    ratio_all_cores_min: float
    ratio_all_cores_max: float
    all_cores_output_identical: bool
    warm_s: float
    warm_speedup: float
    # The warm run's parts: facts (load, hash, read the cache) and the rules, which rerun.
    warm_facts_s: float
    warm_rules_s: float
    # None when factlint's own source changed during the run (see warm_cli).
    warm_cli_s: float | None
    extract_s: float
    rules_s: float
    rule_phase_share: float
    # Wall time of each rule's check over the whole set (cold run).
    rule_ms: dict[str, float] = Field(default_factory=dict)
    # CPU time of piece_facts and of each factlint function it calls (cold run, --jobs 1).
    extract_cpu_ms: dict[str, float] = Field(default_factory=dict)
    findings: int
    warm_output_identical: bool
    # Peak RSS through the cold run's extraction, the whole cold run, and the warm run too.
    peak_rss_extract_mb: float
    peak_rss_mb: float
    peak_rss_warm_mb: float
    # One new article checked against an indexed archive of N and 10×N (against.py): warm
    # time and peak RSS at N, and time and RSS at 10×N over those at N. None with --no-against.
    against_one_s: float | None = None
    against_rss_mb: float | None = None
    against_growth: float | None = None
    against_rss_growth: float | None = None
    against: AgainstFigures | None = None


class Scaling(BaseModel):
    docs: int
    at_10x: Figures
    rule_ms_per_doc: float
    rule_ms_per_doc_10x: float
    # Per-document rule time at 10×N over that at N: ~1 is linear in the documents, ~10 quadratic.
    rule_growth: float
    rule_growth_by_code: dict[str, float] = Field(default_factory=dict)


@contextmanager
def timed_phases(
    phases: dict[str, float], rule_ms: dict[str, float], extract_ms: dict[str, float]
) -> Iterator[None]:
    """Time extraction, the rule phase, each rule, and the parts of the per-document fact
    building, by wrapping the functions the pipeline calls by module attribute.

    `extract_ms` is CPU time (steadier than wall time on a shared machine) of `piece_facts`
    and of each factlint function it calls directly; only filled with --jobs 1.
    """
    import factlint.facts.extract as extract
    import factlint.pipeline as pipeline
    import factlint.rules.loader as loader

    originals: list[tuple[Any, str, Any]] = []

    def wrap(owner: Any, name: str, sink: dict[str, float], key: str, clock: Any, scale: float):
        original = getattr(owner, name)
        originals.append((owner, name, original))

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = clock()
            try:
                return original(*args, **kwargs)
            finally:
                sink[key] += (clock() - start) * scale

        setattr(owner, name, timed)

    def load_timed_rules(*args: Any, **kwargs: Any) -> Any:
        rules = loader_load_rules(*args, **kwargs)
        for rule in rules:
            check = rule.kind.check
            rule.kind.check = lambda facts, check=check: list(check(facts))
            wrap(rule.kind, "check", rule_ms, rule.spec.code, time.perf_counter, 1000)
        return rules

    wrap(pipeline, "collect_facts", phases, "extract", time.perf_counter, 1)
    wrap(pipeline, "collect_facts", phases, "extract_rss_growth_mb", peak_rss_mb, 1)
    wrap(pipeline, "run_rules", phases, "rules", time.perf_counter, 1)
    wrap(extract, "piece_facts", extract_ms, "piece_facts", time.process_time, 1000)
    for name, value in list(vars(extract).items()):
        if (
            inspect.isfunction(value)
            and value.__module__.startswith("factlint.")
            and name not in {"extract", "extract_pieces", "piece_facts"}
        ):
            wrap(extract, name, extract_ms, name, time.process_time, 1000)
    loader_load_rules = loader.load_rules
    originals.append((loader, "load_rules", loader_load_rules))
    loader.load_rules = load_timed_rules
    try:
        yield
    finally:
        for owner, name, original in reversed(originals):
            setattr(owner, name, original)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def cpu_seconds() -> float:
    """User and system CPU time of this process and its finished children."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def run_check(args: list[str]) -> int:
    """`factlint check ARGS` in-process, through the same click command the CLI runs."""
    from typer.main import get_command

    from factlint.cli import app

    code = get_command(app).main(["check", *args], prog_name="factlint", standalone_mode=False)
    return int(code or 0)


@dataclass
class Round:
    """Wall and CPU seconds of the three runs of one round."""

    spacy_s: float
    spacy_cpu: float
    cold_s: float
    cold_cpu: float
    all_s: float


def timed(run: Callable[..., object], *args: Any) -> tuple[float, float]:
    """Wall and CPU seconds of `run(*args)`."""
    start, cpu = time.perf_counter(), cpu_seconds()
    run(*args)
    return time.perf_counter() - start, cpu_seconds() - cpu


def floor(nlp: Any, texts: list[str], batch_size: int) -> None:
    """spaCy alone, one process, at factlint's batch size (spaCy's fastest here)."""
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass


def run_cached(check_args: list[str], cache_dir: Path, output: Path) -> None:
    """`factlint check` with the fact cache in `cache_dir` (an empty one for a cold run). The
    env var, not --cache-dir, so the harness also measures a factlint without that option."""
    os.environ["FACTLINT_CACHE_DIR"] = str(cache_dir)
    code = run_check([*check_args, "--output", str(output)])
    if code not in (0, 1):
        raise RuntimeError(f"factlint check exited {code}")


WARMUP_DOCS = 10


def warm_up(nlp: Any, paths: list[Path], workdir: Path, batch_size: int) -> tuple[int, float]:
    """The floor and factlint once each on the first documents, with a cache of its own."""
    folder = workdir / "warm-up"
    folder.mkdir()
    for path in paths[:WARMUP_DOCS]:
        shutil.copy(path, folder / path.name)
    floor(nlp, [p.read_text(encoding="utf-8") for p in paths[:WARMUP_DOCS]], batch_size)
    seconds, _ = timed(
        run_cached,
        [str(folder), "--format", "json", "--jobs", "1"],
        workdir / "cache-warm-up",
        workdir / "warm-up.json",
    )
    return min(len(paths), WARMUP_DOCS), seconds


def median_spread(values: list[float], digits: int) -> tuple[float, float, float]:
    return (
        round(statistics.median(values), digits),
        round(min(values), digits),
        round(max(values), digits),
    )


def measure(
    docs: int,
    jobs: str,
    workdir: Path,
    ignore: list[str] | None = None,
    rounds: int = 3,
    against: bool = False,
) -> Figures:
    corpus_dir = workdir / "corpus"
    paths = build_corpus(docs, corpus_dir)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    words = sum(len(t.split()) for t in texts)
    load_start = os.getloadavg()[0]

    from factlint.facts.executors import usable_cores
    from factlint.facts.extract import BATCH_SIZE
    from factlint.nlp.model import load_model

    start = time.perf_counter()
    nlp = load_model()
    model_load_s = time.perf_counter() - start

    check_args = [str(corpus_dir), "--format", "json"]
    for codes in ignore or []:
        check_args += ["--ignore", codes]
    one_args = [*check_args, "--jobs", "1"]
    all_args = [*check_args, "--jobs", jobs]
    phases: dict[str, float] = defaultdict(float)
    rule_ms: dict[str, float] = defaultdict(float)
    extract_ms: dict[str, float] = defaultdict(float)
    warmup_docs, warmup_s = warm_up(nlp, paths, workdir, BATCH_SIZE)
    measured: list[Round] = []
    for index in range(rounds):
        spacy_s, spacy_cpu = timed(floor, nlp, texts, BATCH_SIZE)
        floor_peak_mb = peak_rss_mb()
        cold_dir = workdir / f"cache-{index}-one"
        # The first round's --jobs 1 run is split into phases (a clock read per call).
        with timed_phases(phases, rule_ms, extract_ms) if index == 0 else nullcontext():
            cold_s, cold_cpu = timed(run_cached, one_args, cold_dir, workdir / "cold.json")
        if index == 0:
            # What one `factlint check` of an uncached set holds at once.
            extract_peak_mb = floor_peak_mb + phases["extract_rss_growth_mb"]
            cold_peak_mb = peak_rss_mb()
        all_dir = workdir / f"cache-{index}-all"
        all_s, _ = timed(run_cached, all_args, all_dir, workdir / "all.json")
        measured.append(Round(spacy_s, spacy_cpu, cold_s, cold_cpu, all_s))
    # Collect the cold runs' leftovers (cycles through the exit exception's traceback keep a
    # FactSet alive) so the warm run's facts are not counted on top of them.
    gc.collect()
    warm_phases: dict[str, float] = defaultdict(float)
    with timed_phases(warm_phases, defaultdict(float), defaultdict(float)):
        warm_s, _ = timed(run_cached, one_args, cold_dir, workdir / "warm.json")
    warm_cli_s = warm_cli(one_args, workdir / "cli.json")

    cold = (workdir / "cold.json").read_text(encoding="utf-8")
    median = statistics.median
    spacy_wps = median_spread([words / r.spacy_s for r in measured], 1)
    cold_wps = median_spread([words / r.cold_s for r in measured], 1)
    all_wps = median_spread([words / r.all_s for r in measured], 1)
    ratio = median_spread([r.spacy_s / r.cold_s for r in measured], 3)
    ratio_all = median_spread([r.spacy_s / r.all_s for r in measured], 3)
    cold_s = median(r.cold_s for r in measured)
    # FACTLINT_CACHE_DIR still names the cache the cold and warm runs filled.
    archive = measure_against(corpus_dir, docs, workdir) if against else None
    return Figures(
        docs=docs,
        words=words,
        cores=usable_cores(),
        jobs=usable_cores() if jobs == "auto" else int(jobs),
        rounds=rounds,
        load_avg_start=round(load_start, 2),
        load_avg_end=round(os.getloadavg()[0], 2),
        model_load_s=round(model_load_s, 3),
        warmup_docs=warmup_docs,
        warmup_s=round(warmup_s, 3),
        spacy_s=round(median(r.spacy_s for r in measured), 3),
        spacy_cpu_s=round(median(r.spacy_cpu for r in measured), 3),
        spacy_wps=spacy_wps[0],
        spacy_wps_min=spacy_wps[1],
        spacy_wps_max=spacy_wps[2],
        cold_s=round(cold_s, 3),
        cold_cpu_s=round(median(r.cold_cpu for r in measured), 3),
        factlint_cold_wps=cold_wps[0],
        factlint_cold_wps_min=cold_wps[1],
        factlint_cold_wps_max=cold_wps[2],
        ratio=ratio[0],
        ratio_min=ratio[1],
        ratio_max=ratio[2],
        ratio_cpu=round(median(r.spacy_cpu / r.cold_cpu for r in measured), 3),
        all_cores_s=round(median(r.all_s for r in measured), 3),
        factlint_all_cores_wps=all_wps[0],
        factlint_all_cores_wps_min=all_wps[1],
        factlint_all_cores_wps_max=all_wps[2],
        ratio_all_cores=ratio_all[0],
        ratio_all_cores_min=ratio_all[1],
        ratio_all_cores_max=ratio_all[2],
        all_cores_output_identical=(workdir / "all.json").read_text(encoding="utf-8") == cold,
        warm_s=round(warm_s, 3),
        warm_speedup=round(cold_s / warm_s, 1),
        warm_facts_s=round(warm_phases["extract"], 3),
        warm_rules_s=round(warm_phases["rules"], 3),
        warm_cli_s=warm_cli_s,
        extract_s=round(phases["extract"], 3),
        rules_s=round(phases["rules"], 3),
        rule_phase_share=round(phases["rules"] / measured[0].cold_s, 4),
        rule_ms={code: round(ms, 1) for code, ms in sorted(rule_ms.items())},
        extract_cpu_ms={name: round(ms, 1) for name, ms in sorted(extract_ms.items())},
        findings=len(json.loads(cold)["findings"]),
        warm_output_identical=cold == (workdir / "warm.json").read_text(encoding="utf-8"),
        peak_rss_extract_mb=round(extract_peak_mb, 1),
        peak_rss_mb=round(cold_peak_mb, 1),
        peak_rss_warm_mb=round(peak_rss_mb(), 1),
        against_one_s=archive.against_one_s if archive else None,
        against_rss_mb=archive.against_rss_mb if archive else None,
        against_growth=archive.against_growth if archive else None,
        against_rss_growth=archive.against_rss_growth if archive else None,
        against=archive,
    )


def warm_cli(check_args: list[str], output: Path) -> float | None:
    """Wall time of `python -m factlint check` on the cached corpus, or None when factlint's
    source changed since the cold run (the cache keys on it, so the run would be cold): that
    happens in a checkout that others are editing."""
    from factlint.cache import source_fingerprint

    cold_source = source_fingerprint()
    source_fingerprint.cache_clear()
    if source_fingerprint() != cold_source:
        return None
    command = [sys.executable, "-m", "factlint", "check", *check_args, "--output", str(output)]
    start = time.perf_counter()
    cli = subprocess.run(command, check=False, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if cli.returncode not in (0, 1):
        raise RuntimeError(f"factlint check failed ({cli.returncode}): {cli.stderr.strip()}")
    source_fingerprint.cache_clear()
    return round(seconds, 3) if source_fingerprint() == cold_source else None


def measure_in_child(
    docs: int, jobs: str, ignore: list[str], rounds: int, against: bool = False
) -> Figures:
    """One size in a fresh process, so its peak RSS is its own."""
    with tempfile.TemporaryDirectory(prefix="factlint-bench-") as tmp:
        out = Path(tmp) / "figures.json"
        command = [sys.executable, __file__, "--docs", str(docs), "--jobs", jobs]
        command += ["--rounds", str(rounds)]
        command += [arg for codes in ignore for arg in ("--ignore", codes)]
        command += ["--against" if against else "--no-against"]
        subprocess.run(
            [*command, "--no-scale", "--json", str(out)], check=True, stdout=subprocess.DEVNULL
        )
        return Figures.model_validate_json(out.read_text(encoding="utf-8"))


ROWS = [
    ("docs", "documents"),
    ("words", "words"),
    ("cores", "usable cores"),
    ("jobs", "processes of the default run"),
    ("rounds", "rounds"),
    ("load_avg_start", "load average before"),
    ("load_avg_end", "load average after"),
    ("spacy_wps", "spaCy nlp.pipe, one process (words/s)"),
    ("factlint_cold_wps", "factlint cold --jobs 1 (words/s)"),
    ("factlint_all_cores_wps", "factlint cold, default jobs (words/s)"),
    ("ratio", "ratio cold/spaCy (wall)"),
    ("ratio_cpu", "ratio cold/spaCy (CPU time)"),
    ("ratio_all_cores", "ratio default jobs/spaCy one process (wall)"),
    ("all_cores_output_identical", "default jobs output = --jobs 1 output"),
    ("spacy_cpu_s", "spaCy nlp.pipe CPU (s)"),
    ("cold_s", "cold run (s)"),
    ("all_cores_s", "cold run, default jobs (s)"),
    ("cold_cpu_s", "cold run CPU (s)"),
    ("warm_s", "warm run, in-process (s)"),
    ("warm_cli_s", "warm run, CLI subprocess (s)"),
    ("warm_speedup", "warm speed-up (cold/warm)"),
    ("warm_facts_s", "warm: facts from cache (s)"),
    ("warm_rules_s", "warm: rule phase (s)"),
    ("extract_s", "extraction phase (s)"),
    ("rules_s", "rule phase (s)"),
    ("rule_phase_share", "rule phase share"),
    ("findings", "findings"),
    ("peak_rss_extract_mb", "peak RSS, through cold extraction (MB)"),
    ("peak_rss_mb", "peak RSS, through the cold run (MB)"),
    ("peak_rss_warm_mb", "peak RSS, through the warm run (MB)"),
    ("model_load_s", "model load, excluded (s)"),
    ("warmup_s", "warm-up run before the rounds, excluded (s)"),
    ("against_one_s", "one article --against archive of N, warm (s)"),
    ("against_growth", "  time at archive 10×N / at N"),
    ("against_rss_mb", "  peak RSS, archive of N (MB)"),
    ("against_rss_growth", "  peak RSS at archive 10×N / at N"),
]


def cell(figures: Figures, key: str) -> str:
    """The figure; a median over rounds with its min-max beside it."""
    value = getattr(figures, key)
    if value is None:
        return "n/a"
    low, high = getattr(figures, f"{key}_min", None), getattr(figures, f"{key}_max", None)
    return str(value) if low is None else f"{value} ({low}–{high})"


def table(columns: list[Figures]) -> str:
    lines = ["| figure | " + " | ".join(f"N={c.docs}" for c in columns) + " |"]
    lines.append("|---|" + "---:|" * len(columns))
    for key, label in ROWS:
        lines.append(f"| {label} | {' | '.join(cell(c, key) for c in columns)} |")
    codes = sorted({code for c in columns for code in c.rule_ms})
    for code in codes:
        cells = " | ".join(f"{c.rule_ms.get(code, 0.0)}" for c in columns)
        lines.append(f"| rule {code} (ms) | {cells} |")
    names = sorted({name for c in columns for name in c.extract_cpu_ms})
    for name in names:
        cells = " | ".join(f"{c.extract_cpu_ms.get(name, 0.0)}" for c in columns)
        lines.append(f"| extraction: {name} (CPU ms) | {cells} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents at size N")
    parser.add_argument("--json", type=Path, help="write the figures at N (and 10×N) here")
    parser.add_argument(
        "--jobs", default="auto", help="--jobs of the all-cores run (default: auto)"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="interleaved rounds at N (10×N runs one)"
    )
    parser.add_argument(
        "--scale",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also measure 10×N, each size in its own process (default: on)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODES",
        help="pass --ignore CODES to factlint check (e.g. a rule too slow for 10×N)",
    )
    parser.add_argument(
        "--against",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also measure one article checked against archives of N and 10×N (at N only;"
        f" default: on when N >= {AGAINST_MIN_DOCS}, where the archive goal is set)",
    )
    parser.add_argument(
        "--against-only",
        action="store_true",
        help="only the archive figure: index N documents (cold), then check one against N, 10×N",
    )
    args = parser.parse_args(argv)
    if args.against is None:
        args.against = args.docs >= AGAINST_MIN_DOCS

    if args.against_only:
        with tempfile.TemporaryDirectory(prefix="factlint-bench-") as tmp:
            archive = against_only(args.docs, args.jobs, Path(tmp))
        print(archive.model_dump_json(indent=2))
        if args.json:
            args.json.write_text(archive.model_dump_json(indent=2) + "\n", encoding="utf-8")
        return 0
    if not args.scale:
        with tempfile.TemporaryDirectory(prefix="factlint-bench-") as tmp:
            figures = measure(
                args.docs, args.jobs, Path(tmp), args.ignore, args.rounds, args.against
            )
        print(table([figures]))
        if args.json:
            args.json.write_text(figures.model_dump_json(indent=2) + "\n", encoding="utf-8")
        return 0

    small = measure_in_child(args.docs, args.jobs, args.ignore, args.rounds, args.against)
    large = measure_in_child(args.docs * 10, args.jobs, args.ignore, 1)
    per_doc = sum(small.rule_ms.values()) / small.docs
    per_doc_10x = sum(large.rule_ms.values()) / large.docs
    scaling = Scaling(
        docs=small.docs,
        at_10x=large,
        rule_ms_per_doc=round(per_doc, 4),
        rule_ms_per_doc_10x=round(per_doc_10x, 4),
        rule_growth=round(per_doc_10x / per_doc, 2) if per_doc else 0.0,
        rule_growth_by_code={
            code: round(large.rule_ms.get(code, 0.0) / large.docs / (ms / small.docs), 2)
            for code, ms in small.rule_ms.items()
            if ms > 0
        },
    )
    print(table([small, large]))
    print(
        f"\nrule phase per document: {scaling.rule_ms_per_doc} ms at N={small.docs}, "
        f"{scaling.rule_ms_per_doc_10x} ms at N={large.docs} (×{scaling.rule_growth}; "
        "1 = linear in the documents, 10 = quadratic)"
    )
    growth = ", ".join(f"{code} ×{g}" for code, g in scaling.rule_growth_by_code.items())
    print(f"per rule: {growth}")
    if args.json:
        payload = {**small.model_dump(), "scale": scaling.model_dump()}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
