"""How `factlint check` scales on input built to make some stage of it quadratic.

    .venv/bin/python benchmarks/hostile.py --size 2000            # every line shape, N and 4N
    .venv/bin/python benchmarks/hostile.py --size 2000 --shape all --json out.json
    .venv/bin/python benchmarks/hostile.py --shape lines --stage sentences --size 2000
    .venv/bin/python benchmarks/hostile.py --shape html-nested --stage load --size 2000
    .venv/bin/python benchmarks/hostile.py --shape report --size 500

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

Document shapes build a whole document of N units instead: `lines` (N short lines),
`html-nested` (N `<article>` elements nested in each other), `html-furniture` (N nested
small `byline` blocks), `html-times` (N nested `<time>` stamps), `html-paragraphs` (N tiny
paragraphs). `--stage` times one stage of the check on them: `check` (the whole CLI, the
default; `--jobs 1`, so this process's CPU time is all of it), `load` (reading the file into
a document), `sentences` (the tokenizer and the line-break sentence component alone, without
the model's other components). Shape `report`
times the HTML report alone, over a made-up run of N documents (see `made_up_report`); its
figures also give the size of the page at N and 4N.
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


def _html(body: str) -> str:
    return f"<html><body>{body}</body></html>"


# Whole documents of N units: the structure, not one line, is what is hostile.
DOCUMENTS: dict[str, tuple[str, Callable[[int], str]]] = {
    "lines": (".txt", lambda n: "".join(f"Item {i} of the list\n" for i in range(n))),
    "html-nested": (".html", lambda n: _html("<article><p>Word</p>" * n + "</article>" * n)),
    "html-furniture": (
        ".html",
        lambda n: _html('<div class="byline"><p>Word</p>' * n + "</div>" * n),
    ),
    "html-times": (
        ".html",
        lambda n: _html('<div><time datetime="2024-03-04">today</time>' * n + "</div>" * n),
    ),
    "html-paragraphs": (".html", lambda n: _html("".join(f"<p>Item {i}.</p>" for i in range(n)))),
}
STAGES = ("check", "load", "sentences")
ARTICLE = (
    "Talks resume in Kiev\n\n"
    "Ministers met in Kiev on Tuesday, March 4, 2024, for the second round of talks.\n"
    "{line}\n"
    "The 12 agreements signed in Geneva still stand, President Maria Lindqvist said.\n"
)


class ShapeFigures(BaseModel):
    shape: str
    stage: str = "check"
    size: int
    seconds_n: float
    seconds_4n: float
    ratio: float
    gave_up: bool = False
    # Shape `report`: characters of HTML at N and 4N.
    chars_n: int | None = None
    chars_4n: int | None = None


class GaveUp(Exception):
    """The CPU-time cap of a run at 4N was reached."""


def hostile_text(shape: str, size: int) -> str:
    """The article with the shape's hostile line(s) of `size` characters."""
    names = list(SHAPES) if shape == "all" else [shape]
    return ARTICLE.format(line="\n".join(SHAPES[name](size) for name in names))


def run_check(path: Path, report: Path) -> int:
    from typer.main import get_command

    from factlint.cli import app

    # One process: CPU time of this process is then the whole cost (no pool of workers).
    args = [
        "check",
        str(path),
        "--no-cache",
        "--jobs",
        "1",
        "--format",
        "json",
        "--output",
        str(report),
    ]
    try:
        code = get_command(app).main(args, prog_name="factlint", standalone_mode=False)
    except SystemExit as exit_:  # pragma: no cover - click exits on usage errors
        code = exit_.code
    return int(code or 0)


def _give_up(signum: int, frame: object) -> None:
    raise GaveUp


def cpu_seconds(run: Callable[[], int], repeat: int, cap: float | None = None) -> float:
    """The fastest of `repeat` runs, in CPU seconds. A run stops once it has used `cap`
    seconds; GaveUp when every run did (one slow run on a busy machine is not a verdict)."""
    best = float("inf")
    for _ in range(repeat):
        if cap is not None:
            signal.signal(signal.SIGPROF, _give_up)
            signal.setitimer(signal.ITIMER_PROF, cap)  # counts this process's CPU time
        start = time.process_time()
        try:
            run()
        except GaveUp:
            continue
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        best = min(best, time.process_time() - start)
        if best > 5:
            break
    if best == float("inf"):
        raise GaveUp
    return best


def made_up_report(n: int) -> object:
    """What rules report on N short articles of one story: most write "Hmeimim", every
    fourth "Khmeimim" and is flagged with three documents as evidence and the rest counted
    (as the rules cut evidence); each pair of articles disputes a date of its own."""
    from datetime import date

    from factlint.facts.model import DocumentFacts, FactSet
    from factlint.findings.model import Evidence, Finding, Severity
    from factlint.reporters.base import Report

    paths = [f"story/a{i:05d}.txt" for i in range(n)]
    variants = ["Khmeimim" if i % 4 == 0 else "Hmeimim" for i in range(n)]
    # Each pair of articles gives its own event a date, one year apart.
    days = [f"March {i // 2 % 28 + 1}, {2000 + i // 56 + i % 2}" for i in range(n)]
    documents, findings = [], []
    for i, path in enumerate(paths):
        variant, day = variants[i], days[i]
        text = f"Jets flew from {variant} on {day}.\n"
        documents.append(DocumentFacts(path=path, published=date(2024, 1, i % 28 + 1), text=text))
        common = {"severity": Severity.warning, "line": 1, "end_line": 1}
        if variant == "Khmeimim":
            others = [paths[(i + k) % n] for k in (1, 2, 3)]
            findings.append(
                Finding(
                    code="FL301",
                    rule="variant-spelling",
                    message="'Khmeimim' is a variant",
                    path=path,
                    column=16,
                    end_column=24,
                    text=variant,
                    evidence=[Evidence(path=p, line=1, column=16, text="Hmeimim") for p in others],
                    more_evidence=max(n - n // 4 - 3, 0),
                    **common,
                )
            )
        if i % 2:
            column = len("Jets flew from ") + len(variant) + len(" on ") + 1
            before = len("Jets flew from ") + len(variants[i - 1]) + len(" on ") + 1
            findings.append(
                Finding(
                    code="FL101",
                    rule="date-conflict",
                    message="the other says otherwise",
                    path=path,
                    column=column,
                    end_column=column + len(day),
                    text=day,
                    evidence=[Evidence(path=paths[i - 1], line=1, column=before, text=days[i - 1])],
                    **common,
                )
            )
    facts = FactSet(documents=documents)
    return Report(findings=findings, documents=n, paths=paths, facts=facts)


def runner(shape: str, stage: str, size: int, folder: Path) -> Callable[[], int]:
    """What one timed run does: the CLI, or one stage, on the shape at `size`; returns the
    characters it wrote where that is the figure (the report), else 0."""
    if shape == "report":
        from factlint.reporters.html import render_html

        report = made_up_report(size)
        return lambda: len(render_html(report))  # type: ignore[arg-type]
    suffix, build = DOCUMENTS.get(shape, (".txt", lambda n: hostile_text(shape, n)))
    path = folder / f"{shape}-{size}{suffix}"
    path.write_text(build(size), encoding="utf-8")
    if stage == "load":
        from factlint.documents.load import load_documents

        return lambda: len(load_documents([str(path)])) and 0
    if stage == "sentences":
        from factlint.documents.load import load_documents
        from factlint.nlp.model import line_breaks, load_model

        text = load_documents([str(path)])[0].text
        tokenizer = load_model().tokenizer
        return lambda: len(line_breaks(tokenizer(text))) and 0

    def check() -> int:
        code = run_check(path, folder / "report.json")
        if code not in (0, 1):
            raise SystemExit(f"factlint check {path} exited {code}")
        return 0

    return check


def measure(
    shape: str, size: int, repeat: int, folder: Path, give_up: float | None = None,
    stage: str = "check",
) -> ShapeFigures:  # fmt: skip
    runs = [runner(shape, stage, n, folder) for n in (size, 4 * size)]
    chars = [run() for run in runs] if shape == "report" else [None, None]
    seconds_n = cpu_seconds(runs[0], repeat)
    cap = give_up * seconds_n if give_up is not None else None
    try:
        seconds_4n = cpu_seconds(runs[1], repeat, cap)
    except GaveUp:
        assert cap is not None
        seconds_4n = cap
    return ShapeFigures(
        shape=shape,
        stage="report" if shape == "report" else stage,
        size=size,
        seconds_n=seconds_n,
        seconds_4n=seconds_4n,
        ratio=seconds_4n / seconds_n,
        gave_up=seconds_4n == cap,
        chars_n=chars[0],
        chars_4n=chars[1],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000, help="N: hostile characters")
    shapes = [*SHAPES, "all", *DOCUMENTS, "report"]
    parser.add_argument("--shape", action="append", choices=shapes)
    parser.add_argument("--stage", choices=STAGES, default="check", help="what is timed")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--give-up", type=float, help="stop a 4N run at this ratio")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shapes = args.shape or list(SHAPES)
        if args.stage == "check" and set(shapes) != {"report"}:
            warm = folder / "warm.txt"
            warm.write_text(ARTICLE.format(line=""), encoding="utf-8")
            run_check(warm, folder / "report.json")  # loads the model
        figures = []
        for shape in shapes:
            figures.append(measure(shape, args.size, args.repeat, folder, args.give_up, args.stage))
            f = figures[-1]
            chars = f"  chars {f.chars_n} -> {f.chars_4n}" if f.chars_n is not None else ""
            print(
                f"{f.shape:15} {f.stage:9} N={f.size:<7} {f.seconds_n:8.3f}s  4N={4 * f.size:<7} "
                f"{f.seconds_4n:8.3f}s  ratio {f.ratio:5.1f}{' (gave up)' if f.gave_up else ''}"
                + chars,
                flush=True,
            )
    if args.json is not None:
        args.json.write_text(json.dumps([f.model_dump() for f in figures], indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
