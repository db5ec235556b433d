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
    from collections.abc import Callable

    from factlint.cache import CacheOptions
    from factlint.facts.model import FactSet
    from factlint.findings.fixes import FixRun
    from factlint.nlp.executors import ExecutorOptions
    from factlint.pipeline import LintResult
    from factlint.rules.loader import Rule

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="factlint: flag dates, counts and names that disagree across a set of articles.",
    pretty_exceptions_enable=False,
    # Plain help, as click prints it: no boxed panels.
    rich_markup_mode=None,
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
        "--cache-dir",
        metavar="DIR",
        help="Fact cache folder (default: $FACTLINT_CACHE_DIR or the user cache).",
    ),
]
RulesOption = Annotated[
    list[Path] | None,
    typer.Option("--rules", metavar="PATH", help="Extra rule folder or rule file (repeatable)."),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Config file (default: the nearest factlint.toml, or pyproject.toml with"
        " [tool.factlint]).",
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


def parse_fail_on(value: str | None) -> str | None:
    """`--fail-on`: a severity, or `none` (never fail on findings, as --exit-zero)."""
    if value is None:
        return None
    levels = ("error", "warning", "info", "none")
    if value.strip().lower() not in levels:
        fail(f"--fail-on: '{value}' is not one of {', '.join(levels)}")
    return value.strip().lower()


def check_target_folders(targets: dict[str, Path | None]) -> None:
    """Stop before linting when a report or baseline would go into a missing folder."""
    for option, target in targets.items():
        if target is None or str(target) == "-":
            continue
        folder = target.parent
        if not folder.is_dir():
            fail(f"{option}: cannot write '{target}': the folder '{folder}' does not exist")


def report_fix_run(run: FixRun, quiet: bool = False) -> bool:
    """Print what --fix did on stderr; True when some file could not be written."""
    for note in run.warnings:
        warn(note)
    for message in run.errors:
        typer.echo(f"factlint: error: {printable(message)}", err=True)
    for path in run.changed:
        warn(f"{path}: changed on disk while factlint ran; fixes not written")
    if not run.settled:
        typer.echo(
            f"factlint: warning: fixes still change the text after {run.passes} passes;"
            " stopped (run --fix again, or check the fixes that undo each other)",
            err=True,
        )
    if not quiet:
        files = len(run.files)
        typer.echo(f"factlint: fixed {run.fixed} finding(s) in {files} file(s)", err=True)
    return bool(run.errors or run.changed)


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
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    pass


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Files or folders to lint; '-' reads stdin."),
    ],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "--output-format",
            "-f",
            envvar="FACTLINT_OUTPUT_FORMAT",
            metavar="FORMAT",
            help="Output format: text, json, json-lines, sarif, github, gitlab, rdjson, junit,"
            " html (also $FACTLINT_OUTPUT_FORMAT).",
        ),
    ] = "text",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the report to FILE (atomically)."
        ),
    ] = None,
    rules_dirs: RulesOption = None,
    reference_date: Annotated[
        str | None,
        typer.Option(
            "--reference-date",
            metavar="DATE",
            help="Publication date (YYYY-MM-DD) for documents without one.",
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="LEVEL",
            help="Lowest severity that makes the exit status 1: error, warning, info or none"
            " (config `fail-on`; default info).",
        ),
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option("--exit-zero", help="Exit 0 even with findings (same as --fail-on none)."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Print the findings and errors only: no summary or notes."
        ),
    ] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            metavar="PATH",
            help="The path standard input ('-') stands for in reports and configuration.",
        ),
    ] = None,
    ignore_errors: Annotated[
        bool,
        typer.Option(
            "--ignore-errors",
            help="Unreadable inputs are still reported, but the exit status follows the findings.",
        ),
    ] = False,
    config_file: ConfigOption = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="CODES",
            help="Only these rule codes or prefixes (comma-separated).",
        ),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option(
            "--extend-select",
            metavar="CODES",
            help="Rule codes or prefixes to add to the selection (comma-separated).",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore", metavar="CODES", help="Skip these rule codes or prefixes (comma-separated)."
        ),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print finding counts per rule instead.")
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Report only findings not recorded in this baseline.",
        ),
    ] = None,
    write_baseline_file: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline", metavar="FILE", help="Record today's findings in FILE and exit 0."
        ),
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
    against: Annotated[
        list[str] | None,
        typer.Option(
            "--against",
            metavar="ARCHIVE",
            help="Archive files or folders (repeatable): compared with, never reported on.",
        ),
    ] = None,
    archive_limit: Annotated[
        int,
        typer.Option(
            "--archive-limit",
            metavar="N",
            min=0,
            help="Archive documents read per key a target shares with them (0: no limit).",
        ),
    ] = 50,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    jobs: JobsOption = "auto",
    scheduler: SchedulerOption = None,
) -> None:
    """Lint documents and report the facts that disagree."""
    from factlint.config import resolve_config
    from factlint.documents.load import stdin_named
    from factlint.findings.baseline import filter_baseline, load_baseline, write_baseline
    from factlint.findings.filters import Filtered, fails, filter_findings
    from factlint.findings.fixes import fix_until_stable, plan_fixes, render_diff
    from factlint.findings.model import Finding
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
    level = "none" if exit_zero else parse_fail_on(fail_on)
    if against and no_cache:
        fail("--against keeps the archive in the fact store; it cannot run with --no-cache")
    if against:
        from factlint.archive.sync import check_archive_paths

        try:
            check_archive_paths(against)
        except FactlintError as error:
            fail(error)
    # The archive is input too: a report written over an archive article would destroy it.
    writes = {"--output": output, "--write-baseline": write_baseline_file}
    refuse_input_targets([*paths, *(against or [])], writes)
    check_target_folders(writes)
    try:
        named = [stdin_filename if p == "-" and stdin_filename else p for p in paths]
        config = resolve_config(named, config_file)
        selection = config.selection(select, ignore, extend_select)
        anchor = parse_date(reference_date) or config.settings.reference_date
        fail_level = level or config.settings.fail_on or "info"
        rules = load_rules([*config.rule_dirs(), *(rules_dirs or [])], context=config.context())
        codes = [r.spec.code for r in rules]
        selection.check_known(codes, "--select" if select else config.location)
        selection.check_ignored(codes, "--ignore" if ignore else config.location)
        active = [r for r in rules if selection.rule_enabled(r.spec.code)]
        known = load_baseline(baseline) if baseline is not None else None
        # Unused-suppression rules need every other rule's findings: filter_findings runs them.
        first_pass = [r for r in active if not isinstance(r.kind, UnusedSuppression)]
        options = cache_options(no_cache, cache_dir)

        def run_lint() -> tuple[LintResult, Filtered, FactSet, dict[str, int] | None]:
            archive: dict[str, int] | None = None
            with progress(output_format, paths) as on_progress, stdin_named(stdin_filename):
                if against:
                    result, archive, targets = _lint_against(
                        paths,
                        against,
                        first_pass,
                        anchor,
                        options,
                        on_progress,
                        archive_limit,
                        executor,
                    )
                else:
                    result = lint(paths, first_pass, anchor, options, on_progress, executor)
                    targets = result.facts
            found = result.findings
            filtered = filter_findings(found, targets, active, selection, result.silenced)
            return result, filtered, targets, archive

        result, filtered, targets, archive = run_lint()
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
        if not quiet:
            shown = printable(str(write_baseline_file))
            typer.echo(f"factlint: wrote {count} finding(s) to {shown}", err=True)
        raise typer.Exit(EXIT_ERROR if input_failed else EXIT_CLEAN)
    baselined = 0
    if baseline is not None:
        try:
            findings, baselined = filter_baseline(findings, baseline, known)
        except FactlintError as error:
            fail(error)
    fixed, write_failed = 0, False
    if diff:
        with stdin_named(stdin_filename):
            plan = plan_fixes(findings, unsafe=unsafe_fixes, roots=paths)
        for note in [*plan.notes, *map(str, plan.skipped)]:
            warn(note)
        emit(render_diff(plan), utf8=True)
        raise typer.Exit(EXIT_ERROR if input_failed else int(bool(plan.files)))
    if fix:

        def relint() -> list[Finding]:
            nonlocal result, filtered, baselined, targets, archive
            try:
                result, filtered, targets, archive = run_lint()
                found = filtered.findings
                if baseline is not None:
                    found, baselined = filter_baseline(found, baseline, known)
            except FactlintError as error:
                fail(error)
            return found

        with stdin_named(stdin_filename):
            run = fix_until_stable(findings, relint, unsafe=unsafe_fixes, roots=paths)
        findings, fixed = run.findings, run.fixed
        write_failed = report_fix_run(run, quiet)
    report = Report(
        findings=findings,
        documents=len(targets.documents),
        errors=[str(e) for e in result.errors],
        paths=[d.path for d in targets.documents],
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
        quiet=quiet,
        archive=archive,
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
    failing = fail_level != "none" and fails(findings, Severity(fail_level))
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _lint_against(
    paths: list[str],
    against: list[str],
    rules: list[Rule],
    anchor: date | None,
    options: CacheOptions,
    on_progress: Callable[[int, int], None],
    limit: int,
    executor: ExecutorOptions,
) -> tuple[LintResult, dict[str, int], FactSet]:
    """`check --against`: the result over targets and consulted archive documents, the
    archive counts for the summary, and the targets' facts (what is reported on)."""
    from factlint.archive import lint_against
    from factlint.pipeline import LintResult

    run = lint_against(paths, against, rules, anchor, options, on_progress, limit, executor)
    result = LintResult(facts=run.facts, findings=run.findings, errors=run.errors)
    counts = {"documents": run.archive_documents, "consulted": run.consulted}
    return result, counts, run.targets


@app.command()
def index(
    paths: Annotated[list[str], typer.Argument(help="Archive files and folders to index.")],
    reference_date: Annotated[
        str | None,
        typer.Option(
            "--reference-date", help="Publication date (YYYY-MM-DD) for documents without one."
        ),
    ] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="Config file.")] = None,
    rules_dirs: Annotated[
        list[Path] | None, typer.Option("--rules", help="Extra rule folder (repeatable).")
    ] = None,
    cache_dir: CacheDirOption = None,
    jobs: JobsOption = "auto",
    scheduler: SchedulerOption = None,
) -> None:
    """Keep an archive's facts in the fact store, for `check --against`."""
    from factlint.archive import index_archive
    from factlint.archive.sync import check_archive_paths
    from factlint.config import resolve_config
    from factlint.reporters.progress import progress
    from factlint.rules.loader import load_rules

    executor = executor_options(jobs, scheduler)
    try:
        check_archive_paths(paths)
        config = resolve_config(paths, config_file)
        anchor = parse_date(reference_date) or config.settings.reference_date
        selection = config.selection(None, None)
        rules = load_rules([*config.rule_dirs(), *(rules_dirs or [])], context=config.context())
        active = [r for r in rules if selection.rule_enabled(r.spec.code)]
        with progress("text", paths, label="Indexing") as on_progress:
            result = index_archive(
                paths, active, anchor, cache_options(False, cache_dir), on_progress, executor
            )
    except FactlintError as error:
        fail(error)
    for error in result.errors:
        typer.echo(f"factlint: error: {error}", err=True)
    counts = result.counts
    typer.echo(
        f"factlint: indexed {result.documents} document(s): {counts.added} added, "
        f"{counts.updated} updated, {counts.unchanged} unchanged, {counts.removed} removed"
    )
    raise typer.Exit(EXIT_ERROR if result.errors else EXIT_CLEAN)


@app.command()
def facts(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="Files or folders; '-' reads stdin.")
    ],
    output_format: Annotated[
        FactsFormat, typer.Option("--format", "-f", metavar="FORMAT", help="text or json.")
    ] = FactsFormat.text,
    reference_date: Annotated[
        str | None,
        typer.Option(
            "--reference-date",
            metavar="DATE",
            help="Publication date (YYYY-MM-DD) for documents without one.",
        ),
    ] = None,
    config_file: ConfigOption = None,
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


def configured_rules(rules_dirs: list[Path] | None, config_file: Path | None) -> list[Rule]:
    """The rules `check` would load: built-in, the config's `rules`, then `--rules`."""
    from factlint.config import resolve_config
    from factlint.rules.loader import load_rules

    try:
        config = resolve_config([], config_file)
        extra = [*config.rule_dirs(), *(rules_dirs or [])]
        return load_rules(extra, context=config.context())
    except FactlintError as error:
        fail(error)


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command("rules")
def list_rules(
    rules_dirs: RulesOption = None,
    config_file: ConfigOption = None,
    output_format: Annotated[
        RulesFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text, json (for tools) or markdown (the README's rules table).",
        ),
    ] = RulesFormat.text,
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
) -> None:
    """List the rules: code, name, kind, severity."""
    from factlint.rules.docs import rule_record, rules_table

    rules = configured_rules(rules_dirs, config_file)
    if as_json or output_format is RulesFormat.json:
        typer.echo(json.dumps([rule_record(r) for r in rules], indent=2))
        return
    if output_format is RulesFormat.markdown:
        sys.stdout.write(rules_table(rules))
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
    code: Annotated[str, typer.Argument(metavar="CODE", help="A rule code, e.g. FL301.")],
    rules_dirs: RulesOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Print a rule's documentation: what it flags, its options and message fields."""
    from factlint.rules.docs import explain as explain_rule

    rules = configured_rules(rules_dirs, config_file)
    match = next((r for r in rules if r.spec.code == code.upper()), None)
    if match is None:
        fail(f"unknown rule code '{code}'; `factlint rules` lists them")
    sys.stdout.write(explain_rule(match))


def main() -> None:
    from factlint.usage import run

    setup_streams()
    try:
        sys.exit(run(typer.main.get_command(app)))
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
