"""Finding date expressions in parsed text: spaCy entities, patterns, tense, text context."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from factlint.dates import NO_ANCHOR, DateMention, extract_dates

WED = date(2026, 1, 28)  # a Wednesday


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    from factlint.nlp.model import load_model

    return load_model()


def _found(nlp: spacy.language.Language, text: str, anchor: date | None) -> list[DateMention]:
    mentions = extract_dates(nlp(text), anchor)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    return mentions


def _values(mentions: list[DateMention]) -> dict[str, str | None]:
    return {m.text: m.value for m in mentions}


@pytest.mark.model
def test_absolute_and_relative_dates_in_a_story(nlp: spacy.language.Language) -> None:
    text = (
        "Negotiators met in Oslo on Wednesday, Jan. 28, 2026. They had last met in "
        "December 2024, and a follow-up round is planned for next month. The mayor, 61, "
        "has led the city for three years."
    )
    mentions = _found(nlp, text, date(2026, 1, 30))
    assert _values(mentions) == {
        "Wednesday, Jan. 28, 2026": "2026-01-28",
        "December 2024": "2024-12",
        "next month": "2026-02",
    }
    first = mentions[0]
    assert (first.weekday, first.year_stated, first.relative) == (2, True, False)
    assert mentions[1].granularity == "month"


@pytest.mark.model
def test_text_without_dates_yields_nothing(nlp: spacy.language.Language) -> None:
    text = (
        "The committee reviewed the budget and approved two new parks. Residents welcomed "
        "the decision, and 45 volunteers signed up to plant trees."
    )
    assert _found(nlp, text, WED) == []


@pytest.mark.model
def test_durations_and_ages_are_not_reported(nlp: spacy.language.Language) -> None:
    text = (
        "The 45-year-old engineer spent decades abroad and the past two months at home. "
        "Her daughter, a 6-year-old, has waited three weeks for the results."
    )
    assert _found(nlp, text, WED) == []


@pytest.mark.model
def test_ages_titles_and_bare_parts_of_day_are_not_dates(nlp: spacy.language.Language) -> None:
    text = (
        "She moved to the city in her early 30s. Unemployment sits near a quarter-century "
        "low, and witnesses recalled the night the ferry sank."
    )
    assert _found(nlp, text, WED) == []


@pytest.mark.model
def test_a_year_inside_a_duration_is_still_a_date(nlp: spacy.language.Language) -> None:
    mentions = _found(nlp, "Sales rose 4% in the first nine months of 2025.", WED)
    assert _values(mentions) == {"2025": "2025"}


@pytest.mark.model
def test_weekdays_follow_the_tense_of_their_clause(nlp: spacy.language.Language) -> None:
    text = "The minister resigned on Monday. Parliament will vote on a successor Friday."
    assert _values(_found(nlp, text, WED)) == {"Monday": "2026-01-26", "Friday": "2026-01-30"}


@pytest.mark.model
def test_relative_dates_without_publication_date_say_why(nlp: spacy.language.Language) -> None:
    mentions = _found(nlp, "The factory closed last December, ten months ago.", None)
    assert [(m.text, m.value, m.relative, m.note) for m in mentions] == [
        ("last December", None, True, NO_ANCHOR),
        ("ten months ago", None, True, NO_ANCHOR),
    ]


@pytest.mark.model
def test_seed_expressions(nlp: spacy.language.Language) -> None:
    # The shapes the seed articles use, in new sentences.
    closed = _found(
        nlp, "The plant shut down last December after a long strike.", date(2026, 1, 28)
    )
    assert _values(closed) == {"last December": "2025-12"}
    fell = _found(nlp, "The government fell ten months ago, officials said.", date(2025, 10, 15))
    assert _values(fell) == {"ten months ago": "2024-12"}


@pytest.mark.model
def test_split_clock_and_day_are_joined(nlp: spacy.language.Language) -> None:
    mentions = _found(nlp, "The vote is set for 9 a.m. Tuesday in the old hall.", WED)
    assert [(m.text, m.value, m.granularity) for m in mentions] == [
        ("9 a.m. Tuesday", "2026-02-03T09:00", "time")
    ]


@pytest.mark.model
def test_reference_words_but_not_conjunctions(nlp: spacy.language.Language) -> None:
    text = "Prices are now higher than they were recently. Talks resume as soon as the storm ends."
    assert _values(_found(nlp, text, WED)) == {"now": "PRESENT_REF", "recently": "PAST_REF"}


@pytest.mark.model
def test_a_year_earlier_refers_to_the_quarter_in_view(nlp: spacy.language.Language) -> None:
    text = (
        "Acme Corp. earned $5 million in the third quarter of 2025. A year earlier, it had "
        "lost $2 million. Sales in the quarter rose 8%."
    )
    assert _values(_found(nlp, text, date(2025, 11, 3))) == {
        "the third quarter of 2025": "2025-Q3",
        "A year earlier": "2024-Q3",
        "the quarter": "2025-Q3",
    }


@pytest.mark.model
def test_extraction_is_deterministic(nlp: spacy.language.Language) -> None:
    text = "On Friday, Jan. 9, officials said the bridge would reopen by mid-March."
    first = _found(nlp, text, WED)
    assert first == _found(nlp, text, WED)
    assert _values(first) == {"Friday, Jan. 9": "2026-01-09", "mid-March": "2026-03"}


def test_patterns_alone_find_the_common_shapes() -> None:
    # A blank pipeline has no entities: everything below comes from the patterns.
    text = (
        "Filed on 11/28/05 and amended 2008-12-01. Prices fell in 2015, last December and "
        "ten months ago; talks on Wednesday, January 28 went on until Jan. 5 and 5 January "
        "2013. Thursday, yesterday, today, this week, next month and last year differ from "
        "the 1990s, the third quarter, fall 1998, this spring, early 2009 and mid-December. "
        "Rates are now and currently low, were recently high in the past, and will be soon."
    )
    found = extract_dates(spacy.blank("en")(text), WED)
    assert [m.text for m in found] == [
        "11/28/05",
        "2008-12-01",
        "2015",
        "last December",
        "ten months ago",
        "Wednesday, January 28",
        "Jan. 5",
        "5 January 2013",
        "Thursday",
        "yesterday",
        "today",
        "this week",
        "next month",
        "last year",
        "1990s",
        "third quarter",
        "fall 1998",
        "this spring",
        "2009",
        "mid-December",
        "now",
        "currently",
        "recently",
        "the past",
        "soon",
    ]


def test_patterns_work_on_a_blank_pipeline() -> None:
    # No model: numeric dates and reference words come from the patterns alone.
    doc = spacy.blank("en")("Filed on 11/28/05, amended 2008-12-01, and now under review.")
    assert _values(extract_dates(doc, WED)) == {
        "11/28/05": "2005-11-28",
        "2008-12-01": "2008-12-01",
        "now": "PRESENT_REF",
    }


@pytest.mark.model
def test_a_calendar_date_leaves_its_article_out(nlp: spacy.language.Language) -> None:
    text = (
        "The ruling came on the March 11, 2005 deadline. Sales fell in the 1990s and again "
        "in the third quarter of 2001."
    )
    found = _values(_found(nlp, text, WED))
    assert "March 11, 2005" in found
    assert not any(t.lower().startswith("the march") for t in found)
    # Decades and quarters keep their article, as TimeBank writes them.
    assert "the 1990s" in found
