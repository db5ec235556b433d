from factlint.findings.model import Evidence, Finding, Fix, Severity, sort_findings

__all__ = ["Evidence", "Finding", "Fix", "Severity", "sort_findings"]
