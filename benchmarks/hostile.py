"""How `factlint check` scales on text built to make spaCy's tokenizer quadratic.

    .venv/bin/python benchmarks/hostile.py --size 2000            # every shape, N and 4N
    .venv/bin/python benchmarks/hostile.py --size 2000 --shape all --json out.json

Each shape is a short article with one hostile line of N characters in it (a separator of
`=`, a run of quotes, brackets nested N deep around a word, ...). The command runs in-process
through the CLI's own click command (`--no-cache`, JSON report to a file), after one warm-up
run that loads the model, so the figures are the CLI's code path minus start-up. Each size is
timed `--repeat` times in CPU seconds (steadier than wall time on a shared machine) and the
fastest kept (a run over 5 s is not repeated). `ratio` is the time at 4N over the time at
N: about 4 is linear, 16 quadratic, and nearer 1 while fixed costs outweigh the hostile line.
`--give-up R` stops a run at 4N once it has used R times the CPU time of N (a quadratic run
at 4N can take minutes); its ratio is then R and `gave_up` is true. Shape `all` puts every
hostile line in one article.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

SHAPES: dict[str, Callable[[int], str]] = {
    "equals": lambda n: "=" * n,
    "quotes": lambda n: '"' * n,
    "bangs": lambda n: "!" * n,
    "stars": lambda n: "*" * n,
    "underscores": lambda n: "_" * n,
    "hashes": lambda n: "#" * n,
    "brackets": lambda n: "(" * (n // 2) + "Kiev" + ")" * (n // 2),
    "possessives": lambda n: "'s" * (n // 2),
    "dashes": lambda n: "\u2014" * n,
}
ARTICLE = (
    "Talks resume in Kiev\n\n"
    "Ministers met in Kiev on Tuesday, March 4, 2024, for the second round of talks.\n"
    "{line}\n"
    "The 12 agreements signed in Geneva still stand, President Maria Lindqvist said.\n"
)


class ShapeFigures(BaseModel):
    shape: str
    size: int
    seconds_n: float
    seconds_4n: float
    ratio: float
    gave_up: bool = False


class GaveUp(Exception):
    """The CPU-time cap of a run at 4N was reached."""


def hostile_text(shape: str, size: int) -> str:
    """The article with the shape's hostile line(s) of `size` characters."""
    names = list(SHAPES) if shape == "all" else [shape]
    return ARTICLE.format(line="\n".join(SHAPES[name](size) for name in names))


def run_check(path: Path, report: Path) -> int:
    from typer.main import get_command

    from factlint.cli import app

    args = ["check", str(path), "--no-cache", "--format", "json", "--output", str(report)]
    try:
        code = get_command(app).main(args, prog_name="factlint", standalone_mode=False)
    except SystemExit as exit_:  # pragma: no cover - click exits on usage errors
        code = exit_.code
    return int(code or 0)


def _give_up(signum: int, frame: object) -> None:
    raise GaveUp


def cpu_seconds(path: Path, report: Path, repeat: int, cap: float | None = None) -> float:
    """The fastest of `repeat` runs, in CPU seconds; GaveUp once a run uses `cap` seconds."""
    best = float("inf")
    for _ in range(repeat):
        if cap is not None:
            signal.signal(signal.SIGPROF, _give_up)
            signal.setitimer(signal.ITIMER_PROF, cap)  # counts this process's CPU time
        start = time.process_time()
        try:
            code = run_check(path, report)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        best = min(best, time.process_time() - start)
        if code not in (0, 1):
            raise SystemExit(f"factlint check {path} exited {code}")
        if best > 5:
            break
    return best


def measure(
    shape: str, size: int, repeat: int, folder: Path, give_up: float | None = None
) -> ShapeFigures:
    paths = []
    for n in (size, 4 * size):
        paths.append(folder / f"{shape}-{n}.txt")
        paths[-1].write_text(hostile_text(shape, n), encoding="utf-8")
    report = folder / "report.json"
    seconds_n = cpu_seconds(paths[0], report, repeat)
    cap = give_up * seconds_n if give_up is not None else None
    try:
        seconds_4n = cpu_seconds(paths[1], report, repeat, cap)
    except GaveUp:
        assert cap is not None
        seconds_4n = cap
    return ShapeFigures(
        shape=shape,
        size=size,
        seconds_n=seconds_n,
        seconds_4n=seconds_4n,
        ratio=seconds_4n / seconds_n,
        gave_up=seconds_4n == cap,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000, help="N: hostile characters")
    parser.add_argument("--shape", action="append", choices=[*SHAPES, "all"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--give-up", type=float, help="stop a 4N run at this ratio")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        warm = folder / "warm.txt"
        warm.write_text(ARTICLE.format(line=""), encoding="utf-8")
        run_check(warm, folder / "report.json")  # loads the model
        figures = []
        for shape in args.shape or list(SHAPES):
            figures.append(measure(shape, args.size, args.repeat, folder, args.give_up))
            f = figures[-1]
            print(
                f"{f.shape:12} N={f.size:<7} {f.seconds_n:8.3f}s  4N={4 * f.size:<7} "
                f"{f.seconds_4n:8.3f}s  ratio {f.ratio:5.1f}{' (gave up)' if f.gave_up else ''}",
                flush=True,
            )
    if args.json is not None:
        args.json.write_text(json.dumps([f.model_dump() for f in figures], indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
