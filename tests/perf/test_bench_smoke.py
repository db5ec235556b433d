"""The benchmark harness runs end to end on a tiny corpus and writes every figure it promises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"

KEYS = {
    "docs": int,
    "words": int,
    "spacy_wps": float,
    "factlint_cold_wps": float,
    "ratio": float,
    "ratio_min": float,
    "ratio_max": float,
    "rounds": int,
    "warmup_docs": int,
    "warmup_s": float,
    "cores": int,
    "ratio_all_cores": float,
    "ratio_all_cores_min": float,
    "ratio_all_cores_max": float,
    "ratio_cpu": float,
    "warm_speedup": float,
    "rule_phase_share": float,
    "peak_rss_mb": float,
    "rule_ms": dict,
    "warm_output_identical": bool,
}


def test_corpus_is_deterministic_and_never_repeats_a_text(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from corpus import build_corpus
    finally:
        sys.path.remove(str(BENCHMARKS))
    small = [p.read_text(encoding="utf-8") for p in build_corpus(4, tmp_path / "a")]
    large = [p.read_text(encoding="utf-8") for p in build_corpus(12, tmp_path / "b")]
    assert large[:4] == small
    assert len(set(large)) == 12
    assert all(len(text.split()) > 100 for text in large)


@pytest.mark.model
def test_bench_writes_the_figures(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    command = [sys.executable, str(BENCHMARKS / "bench.py"), "--docs", "3", "--no-scale"]
    command += ["--rounds", "2", "--jobs", "2", "--against"]  # on by default from N = 1000
    run = subprocess.run(
        [*command, "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    for key, kind in KEYS.items():
        assert isinstance(figures[key], kind), key
    assert figures["docs"] == 3 and figures["words"] > 300
    assert figures["spacy_wps"] > 0 and figures["factlint_cold_wps"] > 0
    assert figures["warm_output_identical"] is True
    assert figures["all_cores_output_identical"] is True
    assert figures["rounds"] == 2
    assert figures["warmup_docs"] == 3  # the whole tiny corpus, before the rounds
    assert figures["ratio_min"] <= figures["ratio"] <= figures["ratio_max"]
    assert figures["ratio_all_cores_min"] <= figures["ratio_all_cores"]
    assert "| ratio cold/spaCy (wall) |" in run.stdout
    for key in ("against_one_s", "against_rss_mb", "against_growth", "against_rss_growth"):
        assert isinstance(figures[key], float) and figures[key] > 0, key
