"""Publication dates: `Published:` lines and datelines, weekday-year inference, fallbacks."""

from __future__ import annotations

from datetime import date

import pytest

from factlint.documents import Document, load_documents
from factlint.documents.published import infer_year, resolve_published


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Thu Nov 10, 2011 3:00pm EST", date(2011, 11, 10)),
        ("Last Updated: Monday, 28 November 2005, 02:24 GMT", date(2005, 11, 28)),
        ("November 28, 2005", date(2005, 11, 28)),
        ("11/28/05", date(2005, 11, 28)),
        ("27/09/2013", date(2013, 9, 27)),
        ("First Published: June 13, 2013 4:59 PM EDT", date(2013, 6, 13)),
        ("Posted: 08/02/2013 11:10 am EDT", date(2013, 8, 2)),
        (
            "PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 13 March 2013",
            date(2013, 3, 12),
        ),
        ("Updated: May 3, 2013\nPublished: May 2, 2013", date(2013, 5, 2)),
        ("Article posted on 08.07. 2012", date(2012, 7, 8)),
        ("Published: 2014.03. 09 10:00 AM", date(2014, 3, 9)),
        ("LONDON, Sept. 4, 2015", date(2015, 9, 4)),
        ("Sunday, August 9-2009 at 16:12", date(2009, 8, 9)),
        ("Septmber 3, 2010", date(2010, 9, 3)),
    ],
)
def test_publication_line_formats(write, head, expected):
    body = f"Fire destroys old mill\n{head}\nThe fire started at night, firefighters said.\n"
    (doc,) = load_documents([str(write("a.txt", body))])
    assert doc.published == expected
    assert doc.published_source == "published-line"
    assert doc.published_line is not None and doc.published_line >= 2
    # The metadata line is blanked: its date is not a fact of the article body.
    for line in head.split("\n"):
        assert line not in doc.text
    assert "The fire started at night" in doc.text


@pytest.mark.parametrize(
    "head",
    [
        "The vote took place on December 14, 2008, in the capital.",
        "End of Watch: Friday, June 24, 2005",
        "Posted 1 year, 160 days ago [downloaded on 2 October 2013]",
        "Jul .7 5:59 PM EDT",
        "Published: January 28",  # no year and no weekday: nothing to infer from
        "Closing date: March 3, 2012",
        "Senate Passes Budget March 3, 2012",
    ],
)
def test_lines_that_are_not_publication_dates(write, head):
    body = f"Storm warning issued\n{head}\nMore rain is expected.\n"
    (doc,) = load_documents([str(write("a.txt", body))])
    assert doc.published is None
    assert doc.published_partial is None
    assert head in doc.text


def test_date_far_below_the_top_is_not_a_dateline(write):
    body = "\n".join(f"Sentence number {i} is long enough to be prose." for i in range(20))
    (doc,) = load_documents([str(write("a.txt", body + "\nMarch 4, 2010\n"))])
    assert doc.published is None


def test_weekday_year_inference_across_the_set(write):
    a = write("a.txt", "Talks resume\nPublished: Friday, March 6\nThe envoys met in Doha.\n")
    b = write("b.txt", "Envoys meet\nThe first round was held in 2024 and failed.\n")
    docs = load_documents([str(a), str(b)])
    resolve_published(docs)
    assert docs[0].published == date(2026, 3, 6)
    assert docs[0].published_source == "published-line"
    assert docs[0].published_text == "Friday, March 6"
    assert docs[1].published is None


def test_weekday_inference_without_any_year_uses_the_reference_year(write):
    a = write("a.txt", "Talks resume\nPublished: Friday, March 6\nThe envoys met in Doha.\n")
    docs = load_documents([str(a)])
    resolve_published(docs)
    assert docs[0].published is None
    assert docs[0].published_source is None
    resolve_published(docs, date(2019, 1, 2))
    assert docs[0].published == date(2020, 3, 6)
    assert docs[0].published_source == "published-line"
    assert docs[0].published_text == "Friday, March 6"


def test_impossible_weekday_falls_back_to_the_reference_date(write):
    # 31 February never exists; a weekday that fits no year leaves the reference date.
    doc = Document(path="x.txt", text="", published_partial=(4, 31, 0), published_text="x")
    resolve_published([doc], date(2030, 1, 2))
    assert doc.published == date(2030, 1, 2)
    assert doc.published_source == "reference-date"
    assert doc.published_text is None


def test_reference_date_never_overrides_a_document_date(write):
    a = write("a.txt", "Flood\nPublished: 5 May 2019\nWater rose.\n")
    docs = load_documents([str(a)])
    resolve_published(docs, date(2001, 1, 1))
    assert docs[0].published == date(2019, 5, 5)
    assert docs[0].published_source == "published-line"


@pytest.mark.parametrize(
    ("month", "day", "weekday", "floor", "expected"),
    [
        (1, 28, 2, 2024, 2026),
        (3, 6, 4, 2021, 2026),
        (9, 14, 0, 2015, 2015),
        (2, 29, 6, 2021, 2032),
        (1, 28, 2, None, None),
    ],
)
def test_infer_year(month, day, weekday, floor, expected):
    assert infer_year(month, day, weekday, floor) == expected


def test_known_publication_dates_raise_the_floor():
    known = Document(path="k.txt", text="no years here", published=date(2026, 2, 1))
    partial = Document(path="p.txt", text="", published_partial=(1, 28, 2))
    resolve_published([known, partial])
    assert partial.published == date(2026, 1, 28)


def test_a_yearless_publication_date_takes_the_year_nearest_the_sets_other_dates():
    # The texts name a later year ("a contract until 2031"); the other articles were published
    # in 2027, and July 9 was a Friday in 2027 (and again in 2032).
    known = Document(
        path="k.txt", text="He signed a contract until 2031.", published=date(2027, 7, 12)
    )
    partial = Document(path="p.txt", text="", published_partial=(7, 9, 4))
    resolve_published([known, partial])
    assert partial.published == date(2027, 7, 9)
