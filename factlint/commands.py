"""What `factlint check` does between parsing its options and printing: load and select the
rules, lint (with an archive or without), filter, apply the baseline, and build the report.
The CLI parses arguments, calls these and prints; nothing here writes to the terminal
except the progress bar. Errors are raised as FactlintError for the CLI to print."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from factlint.config import RunSettings
from factlint.diagnostics import Finding
from factlint.facts.model import FactSet
from factlint.findings.baseline import filter_baseline, load_baseline
from factlint.findings.filters import Filtered, filter_findings
from factlint.pipeline import LintResult, ProgressCallback, lint
from factlint.reporters import Report, RuleMeta, render
from factlint.reporters.progress import progress
from factlint.rules.loader import Rule


@dataclass
class CheckRequest:
    """What `check` was asked to do besides the settings every command shares."""

    paths: list[str]
    output_format: str = "text"
    against: list[str] = field(default_factory=list)
    archive_limit: int = 50
    baseline: Path | None = None


@dataclass
class Linted:
    """One lint of the inputs: the result, what filtering kept and hid, the facts reported on
    (the targets, without the archive) and the archive counts for the summary."""

    result: LintResult
    filtered: Filtered
    targets: FactSet
    archive: dict[str, int] | None = None


class CheckRun:
    """One `factlint check`: its rules are loaded and selected once, then it lints as often
    as `--fix` needs. `linted` and `baselined` describe the latest lint."""

    def __init__(self, settings: RunSettings, request: CheckRequest) -> None:
        self.settings = settings
        self.request = request
        self.active = settings.active_rules(settings.load_rules())
        self.known = load_baseline(request.baseline) if request.baseline is not None else None
        # Findings-phase rules (FL901) read the others' findings: filter_findings runs them.
        self.first_pass = [r for r in self.active if r.kind.phase == "facts"]
        self.linted: Linted | None = None
        self.baselined = 0

    def lint(self) -> Linted:
        request, settings = self.request, self.settings
        archive: dict[str, int] | None = None
        exclusions = settings.discovery.exclusions
        with progress(request.output_format, request.paths, exclusions) as on_progress:
            if request.against:
                result, archive, targets = self._lint_against(on_progress)
            else:
                result = lint(
                    request.paths,
                    self.first_pass,
                    settings.reference_date,
                    settings.cache,
                    on_progress,
                    settings.executor,
                    settings.discovery,
                )
                targets = result.facts
        filtered = filter_findings(
            result.findings, targets, self.active, settings.selection, result.silenced
        )
        self.linted = Linted(result, filtered, targets, archive)
        return self.linted

    def _lint_against(
        self, on_progress: ProgressCallback
    ) -> tuple[LintResult, dict[str, int], FactSet]:
        """`check --against`: the result over targets and consulted archive documents, the
        archive counts for the summary, and the targets' facts (what is reported on)."""
        from factlint.archive import lint_against

        request, settings = self.request, self.settings
        run = lint_against(
            request.paths,
            request.against,
            self.first_pass,
            settings.reference_date,
            settings.cache,
            on_progress,
            request.archive_limit,
            settings.executor,
            settings.discovery,
        )
        result = LintResult(facts=run.facts, findings=run.findings, errors=run.errors)
        counts = {"documents": run.archive_documents, "consulted": run.consulted}
        return result, counts, run.targets

    def findings(self) -> list[Finding]:
        """The latest lint's findings less those the baseline records."""
        assert self.linted is not None, "lint() first"
        found = self.linted.filtered.findings
        if self.request.baseline is not None:
            found, self.baselined = filter_baseline(found, self.request.baseline, self.known)
        return found

    def relint(self) -> list[Finding]:
        """Lint again (after --fix wrote files) and return the findings left."""
        self.lint()
        return self.findings()

    def report(
        self, findings: list[Finding], *, color: bool, fixed: int = 0, quiet: bool = False
    ) -> Report:
        linted = self.linted
        assert linted is not None, "lint() first"
        return Report(
            findings=findings,
            documents=len(linted.targets.documents),
            errors=[str(e) for e in linted.result.errors],
            paths=[d.path for d in linted.targets.documents],
            facts=linted.result.facts,
            color=color,
            rules=[rule_meta(r) for r in self.active],
            suppressed=linted.filtered.suppressed,
            baselined=self.baselined,
            fixed=fixed,
            quiet=quiet,
            archive=linted.archive,
        )

    def render(self, report: Report, statistics: bool = False) -> str:
        return render(self.request.output_format, report, statistics=statistics)


def rule_meta(rule: Rule) -> RuleMeta:
    spec = rule.spec
    return RuleMeta(spec.code, spec.name, spec.severity.value, spec.description, spec.kind)
