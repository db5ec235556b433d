"""End to end: seeds 001 and 002 checked against an archive of seeds 000, 003, 004 and real
ECB+ articles (noise), against checking the two seeds alone.

    .venv/bin/python benchmarks/against_seeds.py --noise 300

Builds the archive in a temp folder (the seeds and the first NOISE ECB+ articles in sorted
order from ../shared/corpora/ecbplus-dev), indexes it into a fresh store, warms both
commands, then runs each as a `python -m factlint` subprocess ROUNDS times, alternating, and
keeps the fastest wall time and the least CPU time of each. Prints the findings on the
targets and the ratio against / alone (the goal is at most 2).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ECBPLUS = ROOT.parent.parent / "shared" / "corpora" / "ecbplus-dev"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def factlint(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall and CPU seconds of one `python -m factlint` run, and its stdout."""
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "factlint", *args], cwd=cwd, capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"factlint {' '.join(args)}: {done.stderr.strip()}")
    return wall, _children_cpu() - cpu, done.stdout


def build(work: Path, noise: int, corpus: Path) -> None:
    archive, new = work / "archive", work / "new"
    archive.mkdir()
    new.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        target = new if seed.name[:3] in ("001", "002") else archive
        shutil.copy(seed, target)
    articles = sorted(corpus.glob("*_ecb*/*.txt"))[:noise]
    for article in articles:
        shutil.copy(article, archive / f"{article.parent.name}-{article.name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--noise", type=int, default=300, help="ECB+ articles in the archive")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=ECBPLUS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factlint-against-") as tmp:
        work = Path(tmp)
        build(work, args.noise, args.corpus)
        os.environ["FACTLINT_CACHE_DIR"] = str(work / "store")
        start = time.perf_counter()
        _, _, indexed = factlint(["index", "archive"], work)
        print(f"index: {indexed.strip()} ({time.perf_counter() - start:.1f} s, cold)")
        commands = {
            "against": ["check", "new", "--against", "archive", "--format", "json"],
            "alone": ["check", "new", "--format", "json"],
        }
        outputs = {name: factlint(command, work)[2] for name, command in commands.items()}
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                wall, cpu, _ = factlint(command, work)
                walls[name].append(wall)
                cpus[name].append(cpu)
    report = json.loads(outputs["against"])
    for finding in report["findings"]:
        evidence = ", ".join(f"{e['path']}:{e['line']} {e['text']}" for e in finding["evidence"])
        print(f"{finding['path']}:{finding['line']} {finding['code']} {finding['text']!r}"
              f" <- {evidence}")  # fmt: skip
    print(f"summary: {report['summary']}")
    wall = {name: min(values) for name, values in walls.items()}
    cpu = {name: min(values) for name, values in cpus.items()}
    print(
        f"against: {wall['against']:.2f} s wall, {cpu['against']:.2f} s CPU; "
        f"alone: {wall['alone']:.2f} s wall, {cpu['alone']:.2f} s CPU; "
        f"ratio {wall['against'] / wall['alone']:.2f} (wall), "
        f"{cpu['against'] / cpu['alone']:.2f} (CPU)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
