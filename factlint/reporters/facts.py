"""`factlint facts`: what the NLP pass pulled out, as JSON or readable text."""

from __future__ import annotations

import json
from typing import Any

from factlint.facts.model import DocumentFacts, FactSet
from factlint.printable import printable


def document_json(doc: DocumentFacts) -> dict[str, Any]:
    return {
        "path": doc.path,
        "published": doc.published.isoformat() if doc.published else None,
        "published_source": doc.published_source,
        "published_note": doc.published_note,
        "dates": [
            {
                "text": d.span.text,
                "line": d.span.line,
                "column": d.span.column,
                "end_line": d.span.end_line,
                "end_column": d.span.end_column,
                "value": d.value,
                "granularity": d.granularity,
                "weekday": d.weekday,
                "year_stated": d.year_stated,
                "relative": d.relative,
                "note": d.note,
                "impossible": d.impossible,
                "event": d.event.trigger,
            }
            for d in doc.dates
        ],
        "entities": [
            {
                "text": e.span.text,
                "label": e.label,
                "line": e.span.line,
                "column": e.span.column,
                "canonical": e.canonical,
            }
            for e in doc.entities
        ],
        "ordinals": [
            {
                "text": o.span.text,
                "line": o.span.line,
                "column": o.span.column,
                "value": o.value,
                "noun": o.noun,
            }
            for o in doc.ordinals
        ],
        "counts": [
            {
                "text": c.span.text,
                "line": c.span.line,
                "column": c.span.column,
                "value": c.value,
                "noun": c.noun,
            }
            for c in doc.counts
        ],
        "titles": [
            {
                "text": t.span.text,
                "line": t.span.line,
                "column": t.span.column,
                "person": t.person,
                "role": t.role,
                "qualifiers": t.qualifiers,
                "title": t.title,
            }
            for t in doc.titles
        ],
        "sources": [
            {"text": s.span.text, "line": s.span.line, "column": s.span.column, "cue": s.cue}
            for s in doc.sources
        ],
    }


def render_facts_json(facts: FactSet) -> str:
    payload = {"documents": [document_json(d) for d in facts.documents]}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def render_facts_text(facts: FactSet) -> str:
    out: list[str] = []
    for doc in facts.documents:
        published = doc.published.isoformat() if doc.published else "unknown"
        note = f" ({doc.published_note})" if doc.published_note else ""
        out.append(printable(doc.path))
        out.append(f"  published: {published}{note}")
        out.append("  dates:")
        for d in doc.dates:
            value = d.value or f"unresolved: {d.note}"
            event = f" [event: {d.event.trigger}]" if d.event.trigger else ""
            where = f"{d.span.line}:{d.span.column}"
            out.append(f"    {where} {d.span.text!r} -> {value} ({d.granularity}){event}")
        out.append("  entities:")
        for e in doc.entities:
            out.append(
                f"    {e.span.line}:{e.span.column} {e.label:<8} {e.span.text!r} -> {e.canonical}"
            )
        if doc.ordinals:
            out.append("  ordinals:")
            for o in doc.ordinals:
                out.append(
                    f"    {o.span.line}:{o.span.column} {o.span.text!r} = {o.value} of {o.noun}"
                )
        if doc.titles:
            out.append("  titles:")
            for t in doc.titles:
                out.append(
                    f"    {t.span.line}:{t.span.column} {t.span.text!r}: {t.role} {t.qualifiers}"
                )
        out.append("")
    return "\n".join(out)
