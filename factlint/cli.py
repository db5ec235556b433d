"""The command line: `factlint check|index|facts|rules|explain`. It parses arguments, hands
them to one resolved settings object (`factlint.config.resolve_settings`) and the command's
work (`factlint.commands`), and prints; it decides nothing else."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from factlint import __version__
from factlint.console import setup_streams, write_stdout
from factlint.diagnostics import Severity
from factlint.errors import ConfigError, FactlintError
from factlint.printable import printable

if TYPE_CHECKING:
    from factlint.commands import CheckRequest, CheckRun
    from factlint.config import CommandLine, RunSettings
    from factlint.diagnostics import Finding
    from factlint.findings.fixes import FixRun
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


# Options several commands take, declared once.
PathsArgument = Annotated[
    list[str], typer.Argument(metavar="PATH", help="Files or folders; '-' reads stdin.")
]
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
ReferenceDateOption = Annotated[
    str | None,
    typer.Option(
        "--reference-date",
        metavar="DATE",
        help="Publication date (YYYY-MM-DD) for documents without one.",
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


ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        metavar="GLOBS",
        help="Globs of files and folders to leave out of the folders given, in place of the"
        " config's `exclude` (comma-separated, repeatable).",
    ),
]
ExtendExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--extend-exclude",
        metavar="GLOBS",
        help="Globs to leave out besides `exclude` (comma-separated, repeatable).",
    ),
]
RespectGitignoreOption = Annotated[
    bool | None,
    typer.Option(
        "--respect-gitignore/--no-respect-gitignore",
        help="Leave out what .gitignore and .ignore files name (config `respect-gitignore`;"
        " default: on).",
        show_default=False,
    ),
]
ForceExcludeOption = Annotated[
    bool | None,
    typer.Option(
        "--force-exclude/--no-force-exclude",
        help="Leave out files given by name that the exclusions match (config `force-exclude`).",
        show_default=False,
    ),
]


def globs(values: list[str] | None) -> list[str] | None:
    """`--exclude a,b --exclude c` as one list."""
    if values is None:
        return None
    return [g.strip() for value in values for g in value.split(",") if g.strip()]


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


def settings_of(line: CommandLine) -> RunSettings:
    """The run's settings, or a one-line error naming the option or file at fault."""
    from factlint.config import resolve_settings

    try:
        return resolve_settings(line)
    except FactlintError as error:
        fail(error)


def warn_if_empty(documents: int) -> None:
    """Nothing to lint is said, not passed in silence; the exit status stays as Ruff's: 0."""
    from factlint.documents.discover import NO_DOCUMENTS

    if not documents:
        typer.echo(f"factlint: warning: {NO_DOCUMENTS}", err=True)


def print_errors(errors: Sequence[FactlintError]) -> None:
    for error in errors:
        typer.echo(f"factlint: error: {error}", err=True)


def refuse_input_targets(paths: list[str], targets: dict[str, Path | None]) -> None:
    """Stop before linting when --output or --write-baseline names one of the inputs."""
    from factlint.documents.discover import names_an_input

    for option, target in targets.items():
        if target is not None and names_an_input(target, paths):
            fail(f"{option}: '{target}' is one of the inputs; writing there would overwrite it")


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


def output_formats() -> list[str]:
    from factlint.reporters import REPORTERS

    return list(REPORTERS)


# The options of `check` alone.
CheckPathsArgument = Annotated[
    list[str],
    typer.Argument(metavar="PATH", help="Files or folders to lint; '-' reads stdin."),
]

OutputFormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "--output-format",
        "-f",
        envvar="FACTLINT_OUTPUT_FORMAT",
        metavar="FORMAT",
        help=f"Output format: {', '.join(output_formats())} (also $FACTLINT_OUTPUT_FORMAT).",
    ),
]

OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write the report to FILE (atomically)."),
]

FailOnOption = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        metavar="LEVEL",
        help="Lowest severity that makes the exit status 1: error, warning, info or none"
        " (config `fail-on`; default info).",
    ),
]

ExitZeroOption = Annotated[
    bool,
    typer.Option("--exit-zero", help="Exit 0 even with findings (same as --fail-on none)."),
]

QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Print the findings and errors only: no summary or notes."),
]

StdinFilenameOption = Annotated[
    str | None,
    typer.Option(
        "--stdin-filename",
        metavar="PATH",
        help="The path standard input ('-') stands for in reports and configuration.",
    ),
]

IgnoreErrorsOption = Annotated[
    bool,
    typer.Option(
        "--ignore-errors",
        help="Unreadable inputs are still reported, but the exit status follows the findings.",
    ),
]

SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        metavar="CODES",
        help="Only these rule codes or prefixes (comma-separated).",
    ),
]

ExtendSelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--extend-select",
        metavar="CODES",
        help="Rule codes or prefixes to add to the selection (comma-separated).",
    ),
]

IgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore", metavar="CODES", help="Skip these rule codes or prefixes (comma-separated)."
    ),
]

StatisticsOption = Annotated[
    bool, typer.Option("--statistics", help="Print finding counts per rule instead.")
]

BaselineOption = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        metavar="FILE",
        help="Report only findings not recorded in this baseline.",
    ),
]

WriteBaselineOption = Annotated[
    Path | None,
    typer.Option(
        "--write-baseline", metavar="FILE", help="Record today's findings in FILE and exit 0."
    ),
]

FixOption = Annotated[bool, typer.Option("--fix", help="Apply safe fixes to .txt/.md/.html files.")]

UnsafeFixesOption = Annotated[
    bool, typer.Option("--unsafe-fixes", help="With --fix or --diff, unsafe fixes too.")
]

DiffOption = Annotated[
    bool, typer.Option("--diff", help="Print the fixes as a unified diff; write nothing.")
]

AgainstOption = Annotated[
    list[str] | None,
    typer.Option(
        "--against",
        metavar="ARCHIVE",
        help="Archive files or folders (repeatable): compared with, never reported on.",
    ),
]

ArchiveLimitOption = Annotated[
    int,
    typer.Option(
        "--archive-limit",
        metavar="N",
        min=0,
        help="Archive documents read per key a target shares with them (0: no limit).",
    ),
]


@app.command()
def check(
    paths: CheckPathsArgument,
    output_format: OutputFormatOption = "text",
    output: OutputOption = None,
    rules_dirs: RulesOption = None,
    reference_date: ReferenceDateOption = None,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    quiet: QuietOption = False,
    stdin_filename: StdinFilenameOption = None,
    ignore_errors: IgnoreErrorsOption = False,
    config_file: ConfigOption = None,
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    statistics: StatisticsOption = False,
    baseline: BaselineOption = None,
    write_baseline_file: WriteBaselineOption = None,
    fix: FixOption = False,
    unsafe_fixes: UnsafeFixesOption = False,
    diff: DiffOption = False,
    against: AgainstOption = None,
    archive_limit: ArchiveLimitOption = 50,
    exclude: ExcludeOption = None,
    extend_exclude: ExtendExcludeOption = None,
    respect_gitignore: RespectGitignoreOption = None,
    force_exclude: ForceExcludeOption = None,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    jobs: JobsOption = "auto",
    scheduler: SchedulerOption = None,
) -> None:
    """Lint documents and report the facts that disagree."""
    from factlint.commands import CheckRequest, CheckRun
    from factlint.config import CommandLine

    line = CommandLine(
        paths=paths,
        config_file=config_file,
        rules=rules_dirs or [],
        reference_date=reference_date,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
        fail_on=fail_on,
        exit_zero=exit_zero,
        no_cache=no_cache,
        cache_dir=cache_dir,
        jobs=jobs,
        scheduler=scheduler,
        stdin_filename=stdin_filename,
        exclude=globs(exclude),
        extend_exclude=globs(extend_exclude),
        respect_gitignore=respect_gitignore,
        force_exclude=force_exclude,
    )
    request = CheckRequest(paths, output_format, against or [], archive_limit, baseline)
    outputs = CheckOutputs(
        output, statistics, quiet, ignore_errors, write_baseline_file, fix, unsafe_fixes, diff
    )
    settings = check_settings(line, request, statistics, outputs.targets())
    try:
        run = CheckRun(settings, request)
        linted = run.lint()
        findings = run.findings() if write_baseline_file is None else linted.filtered.findings
    except FactlintError as error:
        fail(error)
    finish_check(run, findings, outputs)


@dataclass(frozen=True)
class CheckOutputs:
    """What `check` does with its findings: the options that write, fix or set the status."""

    output: Path | None
    statistics: bool
    quiet: bool
    ignore_errors: bool
    write_baseline: Path | None
    fix: bool
    unsafe_fixes: bool
    diff: bool

    def targets(self) -> dict[str, Path | None]:
        """The files this run writes, by the option naming them."""
        return {"--output": self.output, "--write-baseline": self.write_baseline}


def finish_check(run: CheckRun, findings: list[Finding], outputs: CheckOutputs) -> NoReturn:
    """Print the lint's input errors, then write the baseline, the diff, the fixes or the
    report, and exit with the status they call for."""
    from factlint.reporters.text import use_color

    linted, request = run.linted, run.request
    assert linted is not None, "lint() first"
    print_errors(linted.result.errors)
    warn_if_empty(len(linted.result.facts.documents))
    input_failed = bool(linted.result.errors) and not outputs.ignore_errors
    if outputs.write_baseline is not None:
        save_baseline(outputs.write_baseline, findings, outputs.quiet)
        raise typer.Exit(EXIT_ERROR if input_failed else EXIT_CLEAN)
    if outputs.diff:
        changes = print_diff(findings, outputs.unsafe_fixes, run)
        raise typer.Exit(EXIT_ERROR if input_failed else int(changes))
    fixed, write_failed = 0, False
    if outputs.fix:
        findings, fixed, write_failed = apply_fixes(
            run, findings, outputs.unsafe_fixes, outputs.quiet
        )
    text = request.output_format == "text"
    color = outputs.output is None and text and use_color(sys.stdout)
    report = run.report(findings, color=color, fixed=fixed, quiet=outputs.quiet)
    write_report(run.render(report, outputs.statistics), outputs.output, utf8=not text)
    raise typer.Exit(exit_status(input_failed or write_failed, findings, run.settings.fail_on))


def check_settings(
    line: CommandLine, request: CheckRequest, statistics: bool, writes: dict[str, Path | None]
) -> RunSettings:
    """The settings of a `check`, after the checks that need no file read: the format, the
    option values, the archive, and where reports and baselines will be written."""
    from factlint.config import check_options

    try:
        check_format(request.output_format, statistics)
        check_options(line)
        check_archive(request, line.no_cache)
    except FactlintError as error:
        fail(error)
    # The archive is input too: a report written over an archive article would destroy it.
    refuse_input_targets([*request.paths, *request.against], writes)
    check_target_folders(writes)
    return settings_of(line)


def check_format(output_format: str, statistics: bool) -> None:
    """`--format` names a registered reporter; `--statistics` one with a statistics form."""
    from factlint.reporters import REPORTERS, STATISTICS_REPORTERS

    REPORTERS.require(output_format, "--format")
    if statistics and output_format not in STATISTICS_REPORTERS:
        raise ConfigError(
            f"works with --format {' or '.join(STATISTICS_REPORTERS)}", "--statistics"
        )


def check_archive(request: CheckRequest, no_cache: bool) -> None:
    if not request.against:
        return
    if no_cache:
        raise ConfigError(
            "--against keeps the archive in the fact store; it cannot run with --no-cache"
        )
    from factlint.archive.sync import check_archive_paths

    check_archive_paths(request.against)


def save_baseline(path: Path, findings: list[Finding], quiet: bool) -> None:
    from factlint.findings.baseline import write_baseline

    try:
        count = write_baseline(path, findings)
    except FactlintError as error:
        fail(error)
    if not quiet:
        typer.echo(f"factlint: wrote {count} finding(s) to {printable(str(path))}", err=True)


def print_diff(findings: list[Finding], unsafe: bool, run: CheckRun) -> bool:
    """`--diff`: print the fixes as a unified diff; True when some file would change."""
    from factlint.findings.fixes import plan_fixes, render_diff

    stdin_name = run.settings.discovery.stdin_name
    plan = plan_fixes(findings, unsafe, run.request.paths, stdin_name)
    for note in [*plan.notes, *map(str, plan.skipped)]:
        warn(note)
    emit(render_diff(plan), utf8=True)
    return bool(plan.files)


def apply_fixes(
    run: CheckRun, findings: list[Finding], unsafe: bool, quiet: bool
) -> tuple[list[Finding], int, bool]:
    """`--fix`: fix, lint again, until nothing changes. The findings left, how many were
    fixed, and whether some file could not be written."""
    from factlint.findings.fixes import fix_until_stable

    def relint() -> list[Finding]:
        try:
            return run.relint()
        except FactlintError as error:
            fail(error)

    stdin_name = run.settings.discovery.stdin_name
    fixes = fix_until_stable(
        findings, relint, unsafe=unsafe, roots=run.request.paths, stdin_name=stdin_name
    )
    return fixes.findings, fixes.fixed, report_fix_run(fixes, quiet)


def write_report(rendered: str, output: Path | None, utf8: bool) -> None:
    from factlint.io import atomic_write

    if output is None:
        emit(rendered, utf8)
        return
    try:
        atomic_write(output, rendered)
    except OSError as exc:
        fail(f"{output}: cannot write report: {exc.strerror}")


def exit_status(failed: bool, findings: list[Finding], fail_on: str) -> int:
    """2 when an input or a write failed, else 1 when a finding is at or above `fail_on`."""
    from factlint.findings.filters import fails

    if failed:
        return EXIT_ERROR
    failing = fail_on != "none" and fails(findings, Severity(fail_on))
    return EXIT_FINDINGS if failing else EXIT_CLEAN


@app.command()
def index(
    paths: Annotated[list[str], typer.Argument(help="Archive files and folders to index.")],
    reference_date: ReferenceDateOption = None,
    config_file: ConfigOption = None,
    rules_dirs: RulesOption = None,
    exclude: ExcludeOption = None,
    extend_exclude: ExtendExcludeOption = None,
    respect_gitignore: RespectGitignoreOption = None,
    force_exclude: ForceExcludeOption = None,
    cache_dir: CacheDirOption = None,
    jobs: JobsOption = "auto",
    scheduler: SchedulerOption = None,
) -> None:
    """Keep an archive's facts in the fact store, for `check --against`."""
    from factlint.archive import index_archive
    from factlint.archive.sync import check_archive_paths
    from factlint.config import CommandLine, check_options
    from factlint.reporters.progress import progress

    line = CommandLine(
        paths=paths,
        config_file=config_file,
        rules=rules_dirs or [],
        reference_date=reference_date,
        cache_dir=cache_dir,
        jobs=jobs,
        scheduler=scheduler,
        exclude=globs(exclude),
        extend_exclude=globs(extend_exclude),
        respect_gitignore=respect_gitignore,
        force_exclude=force_exclude,
    )
    try:
        check_options(line)
        check_archive_paths(paths)
        settings = settings_of(line)
        rules = settings.load_rules()
        active = [r for r in rules if settings.selection.rule_enabled(r.spec.code)]
        discovery = settings.discovery
        with progress("text", paths, discovery.exclusions, label="Indexing") as on_progress:
            result = index_archive(
                paths,
                active,
                settings.reference_date,
                settings.cache,
                on_progress,
                settings.executor,
                discovery,
            )
    except FactlintError as error:
        fail(error)
    print_errors(result.errors)
    counts = result.counts
    typer.echo(
        f"factlint: indexed {result.documents} document(s): {counts.added} added, "
        f"{counts.updated} updated, {counts.unchanged} unchanged, {counts.removed} removed"
    )
    raise typer.Exit(EXIT_ERROR if result.errors else EXIT_CLEAN)


@app.command()
def facts(
    paths: PathsArgument,
    output_format: Annotated[
        FactsFormat, typer.Option("--format", "-f", metavar="FORMAT", help="text or json.")
    ] = FactsFormat.text,
    reference_date: ReferenceDateOption = None,
    config_file: ConfigOption = None,
    exclude: ExcludeOption = None,
    extend_exclude: ExtendExcludeOption = None,
    respect_gitignore: RespectGitignoreOption = None,
    force_exclude: ForceExcludeOption = None,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    jobs: JobsOption = "auto",
    scheduler: SchedulerOption = None,
) -> None:
    """Print what the NLP pass pulled out: publication dates, dates, entities."""
    from factlint.config import CommandLine
    from factlint.errors import InputError
    from factlint.pipeline import collect_facts
    from factlint.reporters.facts import render_facts_json, render_facts_text

    settings = settings_of(
        CommandLine(
            paths=paths,
            config_file=config_file,
            reference_date=reference_date,
            no_cache=no_cache,
            cache_dir=cache_dir,
            jobs=jobs,
            scheduler=scheduler,
            exclude=globs(exclude),
            extend_exclude=globs(extend_exclude),
            respect_gitignore=respect_gitignore,
            force_exclude=force_exclude,
        )
    )
    errors: list[InputError] = []
    try:
        fact_set = collect_facts(
            paths,
            settings.reference_date,
            errors,
            settings.cache,
            executor=settings.executor,
            discovery=settings.discovery,
        )
    except FactlintError as error:
        fail(error)
    print_errors(errors)
    warn_if_empty(len(fact_set.documents))
    render = render_facts_json if output_format is FactsFormat.json else render_facts_text
    emit(render(fact_set), utf8=output_format is FactsFormat.json)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_CLEAN)


def configured_rules(rules_dirs: list[Path] | None, config_file: Path | None) -> list[Rule]:
    """The rules `check` would load: built-in, the config's `rules`, then `--rules`; the
    config is found from the working folder."""
    from factlint.config import CommandLine

    settings = settings_of(CommandLine(config_file=config_file, rules=rules_dirs or []))
    try:
        return settings.load_rules()
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
        typer.echo(rules_table(rules), nl=False)
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
    typer.echo(explain_rule(match), nl=False)


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
