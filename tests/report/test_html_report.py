"""The HTML reporter on findings and facts built here: no spaCy, no browser."""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from factlint.facts.model import DateFact, DocumentFacts, EventContext, FactSet, Span
from factlint.findings.model import Evidence, Finding, Fix, Severity, sort_findings
from factlint.reporters import REPORTERS, Report
from factlint.reporters.html import build_page, render_html

SCRIPT = "<script>alert(1)</script>"
TEMPLATES = Path(__file__).resolve().parents[2] / "factlint" / "reporters" / "templates"


def finding(
    code: str,
    where: tuple[str, int, int],
    text: str,
    evidence: list[tuple[str, int, int, str]] = (),  # type: ignore[assignment]
    severity: Severity = Severity.warning,
    message: str | None = None,
    fix: str | None = None,
) -> Finding:
    path, line, column = where
    return Finding(
        code=code,
        rule={"1": "date-conflict", "2": "count-conflict", "3": "variant-spelling"}.get(
            code[2], "meta"
        ),
        severity=severity,
        message=message or f"'{text}' disagrees with the other documents",
        path=path,
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(text),
        text=text,
        evidence=[Evidence(path=p, line=ln, column=c, text=t) for p, ln, c, t in evidence],
        fix=Fix(replacement=fix) if fix else None,
    )


def on_lines(lines: dict[int, str]) -> str:
    """A document text with these lines (1-based) and blank lines between."""
    return "\n".join(lines.get(n, "") for n in range(1, max(lines) + 1)) + "\n"


def date_fact(line: int, column: int, text: str, value: str | None, sentence: str) -> DateFact:
    offset = sentence.index(text)
    start = 1000 + offset  # the sentence starts at offset 1000 of the document
    return DateFact(
        span=Span(
            text=text,
            start=start,
            end=start + len(text),
            line=line,
            column=column,
            end_line=line,
            end_column=column + len(text),
        ),
        value=value,
        granularity="month" if value else None,
        event=EventContext(trigger="fall", sentence=sentence, sentence_start=1000),
    )


def story() -> tuple[list[Finding], FactSet]:
    """Three articles: a date conflict, two spelling variants, one count conflict."""
    a_line = "Intro sentence here. The regime fell in December 2014, officials said. More text."
    b_line = "The regime fell in December 2024 after a long war."
    c_line = "It fell in December 2024. The Khmeimim base stays."
    facts = FactSet(
        documents=[
            DocumentFacts(
                path="news/a.txt",
                published=date(2025, 10, 15),
                text=on_lines({3: a_line, 5: "Russia keeps Khmeimim and Tartous."}),
                dates=[date_fact(3, 41, "December 2014", "2014-12", a_line[21:70])],
            ),
            DocumentFacts(
                path="news/b.txt",
                text=on_lines({2: b_line, 4: "Hmeimim and Tartus remain."}),
                dates=[date_fact(2, 20, "December 2024", "2024-12", b_line)],
            ),
            DocumentFacts(
                path="news/c.txt",
                text=on_lines({1: c_line, 7: "The Hmeimim airbase."}),
                dates=[date_fact(1, 12, "December 2024", "2024-12", c_line[:25])],
            ),
        ]
    )
    findings = [
        finding(
            "FL101",
            ("news/a.txt", 3, 41),
            "December 2014",
            [("news/b.txt", 2, 20, "December 2024"), ("news/c.txt", 1, 12, "December 2024")],
            Severity.error,
        ),
        # The majority side flagged too, pointing back: the same conflict, the same card.
        finding(
            "FL101",
            ("news/b.txt", 2, 20),
            "December 2024",
            [("news/a.txt", 3, 41, "December 2014")],
            Severity.warning,
        ),
        finding(
            "FL301",
            ("news/a.txt", 5, 14),
            "Khmeimim",
            [("news/b.txt", 4, 1, "Hmeimim"), ("news/c.txt", 7, 5, "Hmeimim")],
            fix="Hmeimim",
        ),
        # Another place with the same forms and no shared place: still the same card.
        finding("FL301", ("news/c.txt", 1, 31), "Khmeimim", [("news/b.txt", 4, 1, "Hmeimim")]),
        finding("FL301", ("news/a.txt", 5, 27), "Tartous", [("news/b.txt", 4, 13, "Tartus")]),
        # Same place as the FL101 finding but another code: a card of its own.
        finding("FL201", ("news/a.txt", 3, 41), "December 2014", [], Severity.info),
    ]
    return sort_findings(findings), facts


def report_of(findings: list[Finding], facts: FactSet | None = None, **kw: object) -> Report:
    paths = [d.path for d in facts.documents] if facts else []
    return Report(
        findings=findings,
        documents=len(paths),
        paths=paths,
        facts=facts,
        **kw,  # type: ignore[arg-type]
    )


def dom(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def test_registered_as_a_format() -> None:
    assert REPORTERS["html"] is render_html


def test_findings_grouped_into_one_card_per_conflict() -> None:
    findings, facts = story()
    page = build_page(report_of(findings, facts))
    by_forms = {(c.code, tuple(f.text for f in c.forms)) for c in page.cards}
    assert by_forms == {
        ("FL101", ("December 2024", "December 2014")),
        ("FL301", ("Hmeimim", "Khmeimim")),
        ("FL301", ("Tartus", "Tartous")),
        ("FL201", ("December 2014",)),
    }
    date_card = next(c for c in page.cards if c.code == "FL101")
    assert len(date_card.findings) == 2
    assert date_card.severity is Severity.error  # the highest of its findings
    spelling = next(c for c in page.cards if "Khmeimim" in c.title)
    assert len(spelling.findings) == 2
    khmeimim = next(f for f in spelling.forms if f.text == "Khmeimim")
    assert [(p.path, p.line) for p in khmeimim.places] == [("news/a.txt", 5), ("news/c.txt", 1)]
    assert khmeimim.flagged and not spelling.forms[0].flagged
    # Errors first, then by code.
    assert [c.code for c in page.cards] == ["FL101", "FL301", "FL301", "FL201"]

    cards = dom(render_html(report_of(findings, facts))).css("li[data-card]")
    assert len(cards) == 4
    assert cards[0].attributes["data-family"] == "FL1"
    assert cards[0].attributes["data-severity"] == "error"


def test_unrelated_findings_of_one_code_stay_apart() -> None:
    findings = [
        finding("FL301", ("a.txt", 1, 1), "Khmeimim", [("b.txt", 1, 1, "Hmeimim")]),
        finding("FL301", ("a.txt", 2, 1), "Tartous", [("b.txt", 2, 1, "Tartus")]),
        finding("FL301", ("c.txt", 9, 1), "Tartous", [("d.txt", 3, 1, "Tartus")]),
    ]
    page = build_page(report_of(sort_findings(findings)))
    assert sorted(len(c.findings) for c in page.cards) == [1, 2]


def test_card_shows_forms_side_by_side_with_sentences_and_marks() -> None:
    findings, facts = story()
    tree = dom(render_html(report_of(findings, facts)))
    card = next(c for c in tree.css("li[data-card]") if c.attributes["data-code"] == "FL101")
    forms = card.css(".form")
    assert [f.css_first(".form-text").text() for f in forms] == [
        "“December 2024”",
        "“December 2014”",
    ]
    assert "flagged" in (forms[1].attributes["class"] or "")
    quotes = [q.text() for q in forms[1].css("blockquote")]
    # The date's sentence, not the whole line; the form in <mark>.
    assert quotes == ["The regime fell in December 2014, officials said."]
    assert [m.text() for m in forms[1].css("mark")] == ["December 2014"]
    # The spelling card has no sentence from the NLP pass: the sentence is cut from the line.
    spelling = next(c for c in tree.css("li[data-card]") if "Khmeimim" in c.text())
    assert "Russia keeps Khmeimim and Tartous." in spelling.text()
    assert "Suggested fix: replace with Hmeimim" in " ".join(spelling.text().split())


def test_every_link_lands_and_places_link_both_ways() -> None:
    findings, facts = story()
    tree = dom(render_html(report_of(findings, facts)))
    ids = {n.attributes["id"] for n in tree.css("[id]")}
    targets = {n.attributes["href"][1:] for n in tree.css("a[href^='#']")}
    assert targets <= ids
    # Card places jump to the per-document entries, and those jump back to the card and across.
    flagged = tree.css_first("#card-1 .place.flagged a").attributes["href"][1:]
    entry = tree.css_first(f"#{flagged}")
    assert entry.tag == "li" and "entry" in (entry.attributes["class"] or "")
    hrefs = [a.attributes["href"] for a in entry.css("a")]
    assert "#card-1" in hrefs
    evidence = next(
        a.attributes["href"][1:]
        for a in tree.css("#card-1 .place a")
        if a.attributes["href"][1:] != flagged
    )
    assert f"#{flagged}" in [a.attributes["href"] for a in tree.css_first(f"#{evidence}").css("a")]


def test_document_view_lists_each_documents_places_in_line_order() -> None:
    findings, facts = story()
    tree = dom(render_html(report_of(findings, facts)))
    docs = tree.css("#documents article.doc")
    assert [d.css_first("h3").text() for d in docs] == ["a.txt", "b.txt", "c.txt"]
    lines = [
        tuple(int(x) for x in re.findall(r"\d+", e.css_first(".entry-where").text())[:2])
        for e in docs[0].css("li.entry")
    ]
    assert lines == sorted(lines) == [(3, 41), (5, 14), (5, 27)]
    assert "2025-10-15" in docs[0].css_first(".doc-meta").text()


def test_timeline_sets_the_conflicting_dates_apart() -> None:
    findings, facts = story()
    page = build_page(report_of(findings, facts))
    assert page.timeline is not None
    published, event = page.timeline.rows[0], page.timeline.rows[1]
    assert published.card is None
    assert [m.label for m in published.marks] == ["2025-10-15", "unknown"]
    assert event.card is not None and event.card.code == "FL101"
    marks = {m.label: m for m in event.marks}
    assert marks["December 2014"].flagged
    old, new = marks["December 2014"].position, marks["December 2024"].position
    assert old is not None and new is not None and new - old > 50
    tree = dom(render_html(report_of(findings, facts)))
    flagged = tree.css("#timeline .tl-mark.flagged")
    assert [m.css_first("a").text() for m in flagged] == ["December 2014", "December 2024"]
    table = tree.css_first("#timeline table")
    assert [th.attributes.get("scope") for th in table.css("th")].count(None) == 0


def test_filters_cover_the_families_and_severities_present() -> None:
    findings, facts = story()
    tree = dom(render_html(report_of(findings, facts)))
    form = tree.css_first("form#filters")
    assert "hidden" in form.attributes  # shown by the script only
    values = {(i.attributes["name"], i.attributes["value"]) for i in form.css("input")}
    assert values == {
        ("family", "FL1"),
        ("family", "FL2"),
        ("family", "FL3"),
        ("severity", "error"),
        ("severity", "warning"),
        ("severity", "info"),
    }
    # Timeline rows and document entries name the cards they belong to, for the filter script.
    cards = {c.attributes["id"] for c in tree.css("li[data-card]")}
    for node in tree.css("[data-cards]"):
        assert set((node.attributes["data-cards"] or "").split()) <= cards


def test_document_text_is_escaped_everywhere() -> None:
    path = f"{SCRIPT}.txt"
    line = f"Before {SCRIPT} the base at Khmeimim &amp; more."
    facts = FactSet(
        documents=[
            DocumentFacts(path=path, text=on_lines({1: line}), published_note=SCRIPT),
            DocumentFacts(path="b.txt", text=on_lines({2: f"Hmeimim {SCRIPT}"})),
        ]
    )
    findings = [
        finding(
            "FL301",
            (path, 1, line.index("Khmeimim") + 1),
            "Khmeimim",
            [("b.txt", 2, 1, "Hmeimim"), ("b.txt", 2, 9, SCRIPT)],
            message=f"'{SCRIPT}' is odd",
            fix=SCRIPT,
        ),
        finding("FL901", (path, 1, 8), SCRIPT, [], Severity.error),
        finding(f"FL1{'0' * 2}", ("b.txt", 2, 9), SCRIPT, [(path, 1, 8, SCRIPT)]),
    ]
    html = render_html(report_of(sort_findings(findings), facts, errors=[f"{path}: {SCRIPT}"]))
    assert SCRIPT not in html
    assert html.count("<script") == 1  # the report's own filter script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp;amp;" in html  # an entity in the text is shown as typed, not decoded
    tree = dom(html)
    assert len(tree.css("script")) == 1
    assert SCRIPT in tree.css_first("#documents").text()  # shown as text
    assert SCRIPT in tree.css_first("#conflicts").text()


def test_no_network_resources() -> None:
    findings, facts = story()
    findings.append(
        finding("FL401", ("news/a.txt", 9, 1), "https://example.com/x.js", [], message="see //cdn")
    )
    facts.documents[0].url = "https://example.com/article"
    html = render_html(report_of(sort_findings(findings), facts))
    network = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:[a-z]+:)?//""", re.I)
    assert not network.findall(html)
    assert not re.search(r"@import|url\(", html)
    tree = dom(html)
    assert all(n.attributes["href"].startswith("#") for n in tree.css("[href]"))
    assert not tree.css("[src], link, iframe, object, embed")


def test_output_is_deterministic_whatever_the_input_order() -> None:
    findings, facts = story()
    first = render_html(report_of(findings, facts))
    assert render_html(report_of(findings, facts)) == first
    assert render_html(report_of(list(reversed(findings)), facts)) == first


def test_clean_set_and_report_without_facts() -> None:
    facts = FactSet(documents=[DocumentFacts(path="a.txt"), DocumentFacts(path="b.txt")])
    tree = dom(render_html(report_of([], facts)))
    assert not tree.css("li[data-card]")
    assert "No conflicts found" in tree.css_first("#conflicts").text()
    assert tree.css_first("form#filters") is None
    # Documents with nothing flagged share one list, each still a link target.
    assert not tree.css("#documents ol.entries")
    clean = tree.css("#documents .clean-docs li")
    assert [li.attributes["id"] for li in clean] == ["doc-1", "doc-2"]

    findings, _ = story()
    tree = dom(render_html(Report(findings=findings, documents=3)))  # no facts: forms only
    assert len(tree.css("li[data-card]")) == 4
    assert [d.css_first("h3").text() for d in tree.css("#documents article.doc")] == [
        "a.txt",
        "b.txt",
        "c.txt",
    ]


def test_page_structure_is_accessible() -> None:
    findings, facts = story()
    tree = dom(render_html(report_of(findings, facts)))
    assert tree.css_first("html").attributes["lang"] == "en"
    skip = tree.css_first("body > a")
    assert skip.attributes["href"] == "#main" and tree.css_first("main#main") is not None
    for tag in ("header", "main", "nav", "section", "article", "footer"):
        assert tree.css(tag), tag
    levels = [int(h.tag[1]) for h in tree.css("h1, h2, h3, h4, h5, h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    for table in tree.css("table"):
        assert table.css_first("caption") is not None
        assert all(th.attributes.get("scope") in {"col", "row"} for th in table.css("th"))
    for checkbox in tree.css("input[type=checkbox]"):
        assert checkbox.parent.tag == "label"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted([_luminance(a), _luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_meet_wcag_aa() -> None:
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    colour = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", css))
    text_pairs = [
        ("ink", "paper"),
        ("ink", "panel"),
        ("ink", "flag-bg"),
        ("ink", "mark"),
        ("ink", "flag-mark"),
        ("muted", "paper"),
        ("muted", "panel"),
        ("muted", "flag-bg"),
        ("link", "paper"),
        ("link", "panel"),
        ("link", "flag-bg"),
        ("flag", "paper"),
        ("flag", "flag-bg"),
        ("head-ink", "head"),
        ("error-ink", "error-bg"),
        ("warning-ink", "warning-bg"),
        ("info-ink", "info-bg"),
    ]
    for fg, bg in text_pairs:
        assert _contrast(colour[fg], colour[bg]) >= 4.5, (fg, bg)
    # Focus rings and timeline markers are UI components: 3:1.
    for fg, bg in [("link", "paper"), ("head-focus", "head"), ("flag", "paper")]:
        assert _contrast(colour[fg], colour[bg]) >= 3.0, (fg, bg)


def test_timeline_stays_small_on_a_large_set() -> None:
    findings, facts = story()
    for day in range(1, 41):  # forty more articles, published on forty days of one month
        facts.documents.append(
            DocumentFacts(path=f"more/p{day:02d}.txt", published=date(2025, 3, day % 28 + 1))
        )
    for n in range(30):  # and thirty without a publication date
        facts.documents.append(DocumentFacts(path=f"more/u{n:02d}.txt"))
    page = build_page(report_of(findings, facts))
    assert page.timeline is not None
    published = page.timeline.rows[0]
    assert len({m.value for m in published.marks if m.value}) == 29
    assert published.lanes <= 2 and len(published.placed) <= 3
    assert sum(len(m.documents) for m in published.placed) == 41
    # The table lists the documents that date a conflict, not every article.
    assert [label for label, _, _ in page.timeline.table] == ["a.txt", "b.txt", "c.txt"]
    tree = dom(render_html(report_of(findings, facts)))
    unplaced = tree.css_first("#timeline .tl-unplaced").text()
    assert "and 20 more" in unplaced
    assert len(tree.css("#documents .clean-docs li")) == 70


def test_a_place_lists_a_bounded_part_of_a_large_conflict() -> None:
    """Each place of a conflict over many documents links a few of the others per form and
    counts the rest, which its card lists; the page stays linear in the places."""
    paths = [f"p{i:02d}.txt" for i in range(30)]
    findings = [
        finding("FL301", (path, 1, 1), "Khmeimim", [(other, 1, 1, "Hmeimim")])
        for path, other in zip(paths[:10], paths[10:20], strict=True)
    ]
    findings.append(finding("FL301", (paths[0], 2, 1), "Khmeimim", [(paths[20], 1, 1, "Hmeimim")]))
    page = build_page(report_of(sort_findings(findings)))
    [card] = page.cards
    assert sum(len(form.places) for form in card.forms) == 22
    entry = next(e for d in page.documents if d.path == paths[0] for e in d.entries)
    assert (entry.place.line, entry.place.text) == (1, "Khmeimim")
    compare, same = entry.related
    assert (compare.text, len(compare.documents), compare.more) == ("Hmeimim", 8, 3)
    # The entry's own document has one more place of its form; the other nine flagged ones
    # are eight listed and one counted.
    assert (same.text, same.more) == ("Khmeimim", 2)
    own = same.documents[0]
    assert (own.label, [text for text, _ in own.links]) == (paths[0], ["2"])
    tree = dom(render_html(report_of(sort_findings(findings))))
    first = tree.css_first(f"#{entry.place.anchor} .related").text()
    assert "and 3 more documents" in first and "and 2 more documents" in first
    assert tree.css_first(f"#{entry.place.anchor} .related a[href='#{card.anchor}']") is not None
