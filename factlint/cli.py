"""The command line: `factlint check|facts|rules|explain`."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from factlint import __version__
from factlint.console import setup_streams, write_stdout
from factlint.errors import FactlintError
from factlint.findings.model import Severity
from factlint.printable import printable

if TYPE_CHECKING:
    from factlint.cache import CacheOptions
    from factlint.nlp.executors import ExecutorOptions

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="factlint: flag dates, counts and names that disagree across a set of articles.",
    pretty_exceptions_enable=False,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class FactsFormat(str, Enum):
    json = "json"
    text = "text"


NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the fact cache.")
]
CacheDirOption = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir", help="Fact cache folder (default: $FACTLINT_CACHE_DIR or the user cache)."
    ),
]
JobsOption = Annotated[
    str,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N|auto",
        help="Processes for the NLP pass on uncached files (auto: every usable core).",
    ),
]


SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="Run the NLP pass on this Dask scheduler, e.g. tcp://10.0.0.5:8786 "
        "(needs factlint[dask]; --jobs is then ignored).",
    ),
]


def cache_options(no_cache: bool, cache_dir: Path | None) -> CacheOptions:
    from factlint.cache import CacheOptions

    return CacheOptions(enabled=not no_cache, directory=cache_dir)


def executor_options(jobs: str, scheduler: str | None = None) -> ExecutorOptions:
    """Where the NLP pass runs, from `--jobs` and `--scheduler`."""
    from factlint.nlp.executors import ExecutorOptions

    if jobs.strip().lower() == "auto":
        return ExecutorOptions(scheduler=scheduler)
    try:
        count = int(jobs)
    except ValueError:
        count = 0
    if count < 1:
        fail(f"--jobs: '{jobs}' is not a number of processes (1 or more) or 'auto'")
    return ExecutorOptions(jobs=count, scheduler=scheduler)


def fail(error: FactlintError | str) -> NoReturn:
    typer.echo(f"factlint: error: {printable(str(error))}", err=True)
    raise typer.Exit(EXIT_ERROR)


def warn(message: str) -> None:
    typer.echo(f"factlint: warning: {printable(message)}", err=True)


def emit(text: str, utf8: bool) -> None:
    """Print a report on standard output; closed or full, that is one error line, status 2."""
    problem = write_stdout(text, utf8)
    if problem is not None:
        fail(problem)


def warn_if_empty(documents: int) -> None:
    """Nothing to lint is said, not passed in silence; the exit status stays as Ruff's: 0."""
    from factlint.documents.discover import NO_DOCUMENTS

    if not documents:
        typer.echo(f"factlint: warning: {NO_DOCUMENTS}", err=True)


def refuse_input_targets(paths: list[str], targets: dict[str, Path | None]) -> None:
    """Stop before linting when --output or --write-baseline names one of the inputs."""
    from factlint.documents.discover import names_an_input

    for option, target in targets.items():
        if target is not None and names_an_input(target, paths):
            fail(f"{option}: '{target}' is one of the inputs; writing there would overwrite it")


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--reference-date: '{value}' is not a date in the form YYYY-MM-DD")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factlint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    pass


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to lint; '-' reads stdin.")],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text, json, json-lines, sarif, github, junit, html.",
        ),
    ] = "text",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to FILE (atomically).")
    ] = None,
    rules_dirs: Annotated[
        list[Path] | None, typer.Option("--rules", help="Extra rule folder (repeatable).")
    ] = None,
    reference_date: Annotated[
        str | None,
        typer.Option(
            "--reference-date", help="Publication date (YYYY-MM-DD) for documents without one."
        ),
    ] = None,
    fail_on: Annotated[
        Severity | None,
        typer.Option(
            "--fail-on",
            help="Lowest severity that makes the exit status 1 (config `fail-on`; default info).",
        ),
    ] = None,
    ignore_errors: Annotated[
        bool,
        typer.Option(
            "--ignore-errors",
            help="Unreadable inputs are still reported, but the exit status follows the findings.",
        ),
    ] = False,
    config_file: Annotated[
        Path | None,
        typer.Option("--config", help="Config file (default: nearest factlint.toml/pyproject)."),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Only these rule codes or prefixes (comma-separated)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="Skip these rule codes or prefixes (comma-separated)."),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print finding counts per rule instead.")
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Report only findings not recorded in this baseline."),
    ] = None,
    write_baseline_file: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="Record today's findings in FILE and exit 0."),
    ] = None,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply safe fixes to .txt/.md/.html files.")
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="With --fix or --diff, unsafe fixes too.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print the fixes as a unified diff; write nothing.")
    ] = False,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    jobs: JobsOption = "auto",
    scheduler: SchedulerOption = None,
) -> None:
    """Lint documents and report the facts that disagree."""
    from factlint.config import resolve_config
    from factlint.findings.baseline import filter_baseline, load_baseline, write_baseline
    from factlint.findings.filters import fails, filter_findings
    from factlint.findings.fixes import plan_fixes, render_diff, write_fixes
    from factlint.io import atomic_write
    from factlint.pipeline import lint
    from factlint.reporters import REPORTERS, Report, RuleMeta
    from factlint.reporters.progress import progress
    from factlint.reporters.statistics import STATISTICS_RENDERERS
    from factlint.reporters.text import use_color
    from factlint.rules.kinds.unused_suppression import UnusedSuppression
    from factlint.rules.loader import load_rules

    if output_format not in REPORTERS:
        fail(f"--format: unknown format '{output_format}' (known: {', '.join(REPORTERS)})")
    if statistics and output_format not in STATISTICS_RENDERERS:
        fail(f"--statistics: works with --format {' or '.join(STATISTICS_RENDERERS)}")
    executor = executor_options(jobs, scheduler)
    refuse_input_targets(paths, {"--output": output, "--write-baseline": write_baseline_file})
    try:
        config = resolve_config(paths, config_file)
        selection = config.selection(select, ignore)
        anchor = parse_date(reference_date) or config.settings.reference_date
        fail_level = fail_on or config.settings.fail_on or Severity.info
        rules = load_rules([*config.rule_dirs(), *(rules_dirs or [])], context=config.context())
        selection.check_known(
            [r.spec.code for r in rules], "--select" if select else config.location
        )
        active = [r for r in rules if selection.rule_enabled(r.spec.code)]
        known = load_baseline(baseline) if baseline is not None else None
        # Unused-suppression rules need every other rule's findings: filter_findings runs them.
        first_pass = [r for r in active if not isinstance(r.kind, UnusedSuppression)]
        with progress(output_format, paths) as on_progress:
            options = cache_options(no_cache, cache_dir)
            result = lint(paths, first_pass, anchor, options, on_progress, executor)
        filtered = filter_findings(result.findings, result.facts, active, selection)
    except FactlintError as error:
        fail(error)
    for error in result.errors:
        typer.echo(f"factlint: error: {error}", err=True)
    warn_if_empty(len(result.facts.documents))
    input_failed = bool(result.errors) and not ignore_errors
    findings = filtered.findings
    if write_baseline_file is not None:
        try:
            count = write_baseline(write_baseline_file, findings)
        except FactlintError as error:
            fail(error)
        typer.echo(
            f"factlint: wrote {count} finding(s) to {printable(str(write_baseline_file))}", err=True
        )
        raise typer.Exit(EXIT_ERROR if input_failed else EXIT_CLEAN)
    baselined = 0
    if baseline is not None:
        try:
            findings, baselined = filter_baseline(findings, baseline, known)
        except FactlintError as error:
            fail(error)
    fixed, write_failed = 0, False
    if fix or diff:
        plan = plan_fixes(findings, unsafe=unsafe_fixes, roots=paths)
        for note in [*plan.notes, *map(str, plan.skipped)]:
            warn(note)
        if diff:
            emit(render_diff(plan), utf8=True)
            raise typer.Exit(EXIT_ERROR if input_failed else int(bool(plan.files)))
        for message in write_fixes(plan):
            write_failed = True
            typer.echo(f"factlint: error: {printable(message)}", err=True)
        for path in plan.changed:
            write_failed = True
            warn(f"{path}: changed on disk while factlint ran; fixes not written")
        applied = {id(f) for f in plan.applied}
        fixed = len(applied)
        findings = [f for f in findings if id(f) not in applied]
        files = sum(1 for file in plan.files if file.applied)
        typer.echo(f"factlint: fixed {fixed} finding(s) in {files} file(s)", err=True)
    report = Report(
        findings=findings,
        documents=len(result.facts.documents),
        errors=[str(e) for e in result.errors],
        paths=[d.path for d in result.facts.documents],
        facts=result.facts,
        color=output is None and output_format == "text" and use_color(sys.stdout),
        rules=[
            RuleMeta(
                r.spec.code, r.spec.name, r.spec.severity.value, r.spec.description, r.spec.kind
            )
            for r in active
        ],
        suppressed=filtered.suppressed,
        baselined=baselined,
        fixed=fixed,
    )
    if statistics:
        rendered = STATISTICS_RENDERERS[output_format](report)
    else:
        rendered = REPORTERS[output_format](report)
    if output is not None:
        try:
            atomic_write(output, rendered)
        except OSError as exc:
            fail(f"{output}: cannot write report: {exc.strerror}")
    else:
        emit(rendered, utf8=output_format != "text")
    if input_failed or write_failed:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FINDINGS if fails(findings, fail_level) else EXIT_CLEAN)


@app.command()
def facts(
    paths: Annotated[list[str], typer.Argument(help="Files or folders; '-' reads stdin.")],
    output_format: Annotated[FactsFormat, typer.Option("--format", "-f")] = FactsFormat.text,
    reference_date: Annotated[str | None, typer.Option("--reference-date")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="Config file.")] = None,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    jobs: JobsOption = "auto",
    scheduler: SchedulerOption = None,
) -> None:
    """Print what the NLP pass pulled out: publication dates, dates, entities."""
    from factlint.config import resolve_config
    from factlint.pipeline import collect_facts
    from factlint.reporters.facts import render_facts_json, render_facts_text

    errors: list[FactlintError] = []
    executor = executor_options(jobs, scheduler)
    try:
        anchor = (
            parse_date(reference_date) or resolve_config(paths, config_file).settings.reference_date
        )
        fact_set = collect_facts(
            paths,
            anchor,
            errors,  # type: ignore[arg-type]
            cache_options(no_cache, cache_dir),
            executor=executor,
        )
    except FactlintError as error:
        fail(error)
    for error in errors:
        typer.echo(f"factlint: error: {error}", err=True)
    warn_if_empty(len(fact_set.documents))
    render = render_facts_json if output_format is FactsFormat.json else render_facts_text
    emit(render(fact_set), utf8=output_format is FactsFormat.json)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_CLEAN)


@app.command("rules")
def list_rules(
    rules_dirs: Annotated[list[Path] | None, typer.Option("--rules")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the rules: code, name, kind, severity."""
    from factlint.rules.loader import load_rules

    try:
        rules = load_rules(list(rules_dirs or []))
    except FactlintError as error:
        fail(error)
    if as_json:
        rows = [
            {
                "code": r.spec.code,
                "name": r.spec.name,
                "kind": r.spec.kind,
                "severity": r.spec.severity.value,
                "path": str(r.path),
            }
            for r in rules
        ]
        typer.echo(json.dumps(rows, indent=2))
        return
    width = max((len(r.spec.name) for r in rules), default=4)
    kind_width = max((len(r.spec.kind) for r in rules), default=4)
    for r in rules:
        spec = r.spec
        typer.echo(
            f"{spec.code}  {spec.name:<{width}}  {spec.kind:<{kind_width}}  {spec.severity.value}"
        )


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. FL301.")],
    rules_dirs: Annotated[list[Path] | None, typer.Option("--rules")] = None,
) -> None:
    """Print a rule's documentation."""
    from factlint.rules.loader import load_rules

    try:
        rules = load_rules(list(rules_dirs or []))
    except FactlintError as error:
        fail(error)
    match = next((r for r in rules if r.spec.code == code.upper()), None)
    if match is None:
        fail(f"unknown rule code '{code}'; `factlint rules` lists them")
    spec = match.spec
    typer.echo(f"{spec.code} {spec.name} ({spec.severity.value}, kind: {spec.kind})\n")
    typer.echo(spec.description.strip() or "(no description)")
    doc = (type(match.kind).__doc__ or "").strip()
    if doc:
        typer.echo(f"\nKind '{spec.kind}':\n{doc}")
    typer.echo(f"\nRule file: {match.path}")


def main() -> None:
    setup_streams()
    try:
        app()
    except FactlintError as error:  # errors raised outside a command's own handling
        typer.echo(f"factlint: error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        typer.echo("factlint: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit as exit_:
        # Typer turns a KeyboardInterrupt inside a command into a silent exit 130.
        if exit_.code == EXIT_INTERRUPTED:
            typer.echo("factlint: interrupted", err=True)
        raise
