"""Benchmark factlint against the spaCy floor: throughput, cache speed-up, rule time, memory.

    .venv/bin/python benchmarks/bench.py --docs 1000 --json bench.json

Each size is measured in one process: build a deterministic corpus in a temp dir, load the
model (timed apart, counted in no throughput), run raw `nlp.pipe` over the texts (the floor),
then `factlint check` in-process through the CLI's own command object, once with an empty
cache (cold) and once more on the unchanged files (warm). The warm run is also timed as a
subprocess, which includes interpreter start-up and whatever the warm path imports. With
scaling on (the default) each of N and 10×N runs in its own child process, so peak RSS is per
size.
"""

from __future__ import annotations

import argparse
import functools
import gc
import inspect
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build_corpus


class Figures(BaseModel):
    """What one size measured. Rates are words per second; times are seconds."""

    docs: int
    words: int
    jobs: int
    model_load_s: float
    spacy_s: float
    spacy_cpu_s: float
    spacy_wps: float
    cold_s: float
    cold_cpu_s: float
    factlint_cold_wps: float
    ratio: float
    # The same ratio in CPU seconds (own and child processes): steadier on a shared machine.
    ratio_cpu: float
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
    import factlint.nlp.extract as extract
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
            and name not in {"extract", "extract_pieces", "facts_from_doc", "piece_facts"}
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


def measure(docs: int, jobs: int, workdir: Path, ignore: list[str] | None = None) -> Figures:
    corpus_dir, cache_dir = workdir / "corpus", workdir / "cache"
    paths = build_corpus(docs, corpus_dir)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    words = sum(len(t.split()) for t in texts)

    from factlint.nlp.extract import BATCH_SIZE
    from factlint.nlp.model import load_model

    start = time.perf_counter()
    nlp = load_model()
    model_load_s = time.perf_counter() - start

    # The floor at spaCy's best batch size here (factlint's), with as many processes.
    start, cpu = time.perf_counter(), cpu_seconds()
    for _doc in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=jobs):
        pass
    spacy_s, spacy_cpu = time.perf_counter() - start, cpu_seconds() - cpu
    del texts

    # The env var, not --cache-dir, so the harness also measures a factlint without that option.
    os.environ["FACTLINT_CACHE_DIR"] = str(cache_dir)
    check_args = [str(corpus_dir), "--format", "json", "--jobs", str(jobs)]
    for codes in ignore or []:
        check_args += ["--ignore", codes]
    phases: dict[str, float] = defaultdict(float)
    rule_ms: dict[str, float] = defaultdict(float)
    extract_ms: dict[str, float] = defaultdict(float)
    floor_peak_mb = peak_rss_mb()
    with timed_phases(phases, rule_ms, extract_ms):
        start, cpu = time.perf_counter(), cpu_seconds()
        cold_code = run_check([*check_args, "--output", str(workdir / "cold.json")])
        cold_s, cold_cpu = time.perf_counter() - start, cpu_seconds() - cpu
    # The cold run is what one `factlint check` of an uncached
    # set holds at once; collect its leftovers (cycles through the exit exception's traceback
    # keep its FactSet alive) so the warm run's facts are not counted on top of them.
    cold_peak_mb = peak_rss_mb()
    gc.collect()
    warm_phases: dict[str, float] = defaultdict(float)
    with timed_phases(warm_phases, defaultdict(float), defaultdict(float)):
        start = time.perf_counter()
        warm_code = run_check([*check_args, "--output", str(workdir / "warm.json")])
        warm_s = time.perf_counter() - start
    if {cold_code, warm_code} - {0, 1}:
        raise RuntimeError(f"factlint check exited {cold_code} (cold), {warm_code} (warm)")

    warm_cli_s = warm_cli(check_args, workdir / "cli.json")

    cold = (workdir / "cold.json").read_text(encoding="utf-8")
    warm = (workdir / "warm.json").read_text(encoding="utf-8")
    spacy_wps = words / spacy_s
    cold_wps = words / cold_s
    return Figures(
        docs=docs,
        words=words,
        jobs=jobs,
        model_load_s=round(model_load_s, 3),
        spacy_s=round(spacy_s, 3),
        spacy_cpu_s=round(spacy_cpu, 3),
        spacy_wps=round(spacy_wps, 1),
        cold_s=round(cold_s, 3),
        cold_cpu_s=round(cold_cpu, 3),
        factlint_cold_wps=round(cold_wps, 1),
        ratio=round(cold_wps / spacy_wps, 3),
        ratio_cpu=round(spacy_cpu / cold_cpu, 3),
        warm_s=round(warm_s, 3),
        warm_speedup=round(cold_s / warm_s, 1),
        warm_facts_s=round(warm_phases["extract"], 3),
        warm_rules_s=round(warm_phases["rules"], 3),
        warm_cli_s=warm_cli_s,
        extract_s=round(phases["extract"], 3),
        rules_s=round(phases["rules"], 3),
        rule_phase_share=round(phases["rules"] / cold_s, 4),
        rule_ms={code: round(ms, 1) for code, ms in sorted(rule_ms.items())},
        extract_cpu_ms={name: round(ms, 1) for name, ms in sorted(extract_ms.items())},
        findings=len(json.loads(cold)["findings"]),
        warm_output_identical=cold == warm,
        peak_rss_extract_mb=round(floor_peak_mb + phases["extract_rss_growth_mb"], 1),
        peak_rss_mb=round(cold_peak_mb, 1),
        peak_rss_warm_mb=round(peak_rss_mb(), 1),
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


def measure_in_child(docs: int, jobs: int, ignore: list[str]) -> Figures:
    """One size in a fresh process, so its peak RSS is its own."""
    with tempfile.TemporaryDirectory(prefix="factlint-bench-") as tmp:
        out = Path(tmp) / "figures.json"
        command = [sys.executable, __file__, "--docs", str(docs), "--jobs", str(jobs)]
        command += [arg for codes in ignore for arg in ("--ignore", codes)]
        subprocess.run(
            [*command, "--no-scale", "--json", str(out)], check=True, stdout=subprocess.DEVNULL
        )
        return Figures.model_validate_json(out.read_text(encoding="utf-8"))


ROWS = [
    ("docs", "documents"),
    ("words", "words"),
    ("spacy_wps", "spaCy nlp.pipe (words/s)"),
    ("factlint_cold_wps", "factlint cold (words/s)"),
    ("ratio", "ratio cold/spaCy (wall)"),
    ("ratio_cpu", "ratio cold/spaCy (CPU time)"),
    ("spacy_cpu_s", "spaCy nlp.pipe CPU (s)"),
    ("cold_s", "cold run (s)"),
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
]


def table(columns: list[Figures]) -> str:
    lines = ["| figure | " + " | ".join(f"N={c.docs}" for c in columns) + " |"]
    lines.append("|---|" + "---:|" * len(columns))
    for key, label in ROWS:
        cells = " | ".join(
            "n/a" if getattr(c, key) is None else str(getattr(c, key)) for c in columns
        )
        lines.append(f"| {label} | {cells} |")
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
    parser.add_argument("--jobs", type=int, default=1, help="pass --jobs to factlint check")
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
    args = parser.parse_args(argv)

    if not args.scale:
        with tempfile.TemporaryDirectory(prefix="factlint-bench-") as tmp:
            figures = measure(args.docs, args.jobs, Path(tmp), args.ignore)
        print(table([figures]))
        if args.json:
            args.json.write_text(figures.model_dump_json(indent=2) + "\n", encoding="utf-8")
        return 0

    small = measure_in_child(args.docs, args.jobs, args.ignore)
    large = measure_in_child(args.docs * 10, args.jobs, args.ignore)
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
