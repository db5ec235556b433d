"""Web debris in plain text is blanked (newlines kept); ordinary prose is left alone."""

from __future__ import annotations

from documents_helpers import position_of, source_position

from factlint.documents import load_documents

SCRAPED = """Wildfire Spreads Near Valencia Hills - GLOBE NEWS DESK
GLOBENEWS
Latest Stories
thumb-post-image
thumb-post-image
Weather

Wildfire Spreads Near Valencia Hills

bookmark-iconPublished: Friday, March 6 bookmark-iconUpdated: Friday, March 6 chat-icon3 hours ago
Wildfire Spreads Near Valencia Hills

Source:

Firefighters in Valencia battled the blaze near Gandia, officials said.

SHARE THIS STORY:

footer-nav-picture
footer-nav-picture"""


def test_scraped_page_debris_is_blanked(write):
    (doc,) = load_documents([str(write("fire.txt", SCRAPED))])
    text = doc.text
    for debris in (
        "GLOBE NEWS DESK",
        "GLOBENEWS",
        "Latest Stories",
        "thumb-post-image",
        "bookmark-icon",
        "chat-icon",
        "hours ago",
        "Source:",
        "SHARE",
        "footer-nav-picture",
        "Published",
        "Updated",
    ):
        assert debris not in text, debris
    assert text.count("Wildfire Spreads Near Valencia Hills") == 1
    assert text.startswith("Wildfire Spreads Near Valencia Hills")
    assert "Firefighters in Valencia battled the blaze near Gandia, officials said." in text
    assert len(text) == len(SCRAPED)
    assert text.count("\n") == SCRAPED.count("\n")
    assert position_of(doc, "Gandia") == source_position(SCRAPED, "Gandia")
    assert doc.title == "Wildfire Spreads Near Valencia Hills"


def test_published_line_with_glued_icons_gives_a_partial_date(write):
    (doc,) = load_documents([str(write("fire.txt", SCRAPED))])
    assert doc.published is None  # no year yet: resolve_published infers it across the set
    assert doc.published_partial == (3, 6, 4)
    assert doc.published_text == "Friday, March 6"
    assert doc.published_line == 10


def test_ordinary_prose_is_untouched(write):
    prose = (
        "Long-term plans\n\n"
        "The well-known writer met the vice-president in Turin.\n"
        "She said the follow-up talks were high-level and cross-border.\n"
        "NATO officials agreed.\n"
        "Share prices rose 3% on the news, and the comments were positive.\n"
    )
    (doc,) = load_documents([str(write("prose.txt", prose))])
    assert doc.text == prose


def test_repeated_body_sentences_are_not_titles(write):
    text = (
        "Riots in Athens\nThe teenager was shot in Exarchia.\nThe teenager was shot in Exarchia.\n"
    )
    (doc,) = load_documents([str(write("dup.txt", text))])
    assert doc.text.count("The teenager was shot in Exarchia.") == 2


def test_headline_with_a_dash_is_not_cut(write):
    text = "Obama wins - Romney concedes\n\nThe race ended late.\n"
    (doc,) = load_documents([str(write("h.txt", text))])
    assert doc.text.startswith("Obama wins - Romney concedes")
