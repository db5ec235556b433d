"""HTML: article text without page furniture, source line/column per piece, dates from markup."""

from __future__ import annotations

from datetime import date

from documents_helpers import load_collecting, position_of, source_position

from factlint.documents import load_documents

PAGE = """<!doctype html>
<html>
<head>
  <title>Flood in Porto | Daily Example</title>
  <meta property="article:published_time" content="2022-11-03T08:15:00+00:00">
  <link rel="canonical" href="https://example.org/flood">
  <style>.x { color: red } Madrid</style>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/w">Lisbon section</a></nav>
  <header class="site-header">Daily Example Braga</header>
  <article>
    <h1>Flood in Porto</h1>
    <p>Heavy rain hit <b>Porto</b> on Tuesday &amp; the river rose.
      Mayor Ana Costa visited Coimbra.</p>
    <div class="share-buttons">Share on Faro</div>
    <p>Caf&eacute; owners in Aveiro counted losses.</p>
    <script>var city = "Evora";</script>
  </article>
  <aside>Related: Setubal news</aside>
  <form>Subscribe Leiria</form>
  <footer>Copyright Viseu</footer>
</body>
</html>
"""


def test_article_text_without_furniture(write):
    (doc,) = load_documents([str(write("page.html", PAGE))])
    assert doc.format == "html"
    for kept in ("Flood in Porto", "Heavy rain hit Porto on Tuesday & the river rose", "Coimbra"):
        assert kept in doc.text, kept
    assert "Café owners in Aveiro" in doc.text
    for dropped in ("Madrid", "Lisbon", "Braga", "Faro", "Evora", "Setubal", "Leiria", "Viseu"):
        assert dropped not in doc.text, dropped
    assert "<" not in doc.text
    assert doc.source == PAGE


def test_positions_are_source_lines_and_columns(write):
    (doc,) = load_documents([str(write("page.html", PAGE))])
    for word in ("Heavy", "Tuesday", "river", "Costa", "Coimbra", "Aveiro", "owners"):
        assert position_of(doc, word) == source_position(PAGE, word), word
    line, column = source_position(PAGE, "<b>Porto")
    assert position_of(doc, "Porto", 1) == (line, column + 3)


def test_metadata_from_markup(write):
    (doc,) = load_documents([str(write("page.html", PAGE))])
    assert doc.published == date(2022, 11, 3)
    assert doc.published_source == "html-meta"
    assert doc.url == "https://example.org/flood"
    assert doc.title == "Flood in Porto"


def test_time_element_gives_the_date(write):
    page = (
        "<html><body><article><p>Posted by staff</p>"
        '<time datetime="2019-04-15">April 15</time><p>Fire in Paris.</p></article></body></html>'
    )
    (doc,) = load_documents([str(write("t.htm", page))])
    assert doc.published == date(2019, 4, 15)
    assert doc.published_source == "html-time"


def test_published_line_in_html_text(write):
    page = (
        "<html><body><p>Storm in Bergen</p><p>Published: 4 May 2018</p><p>Rain.</p></body></html>"
    )
    (doc,) = load_documents([str(write("p.html", page))])
    assert doc.published == date(2018, 5, 4)
    assert doc.published_source == "published-line"


def test_html_without_dates_has_none(write):
    (doc,) = load_documents([str(write("n.html", "<p>Quiet day in Bruges.</p>"))])
    assert doc.published is None
    assert "Quiet day in Bruges." in doc.text


def test_deeply_nested_html_loads(write):
    depth = 10_000
    page = "<div>" * depth + "Deep text about Ghent" + "</div>" * depth
    (doc,) = load_documents([str(write("deep.html", page))])
    assert "Deep text about Ghent" in doc.text
    assert position_of(doc, "Ghent") == (1, 5 * depth + 17)


def test_broken_html_loads_what_it_can(write):
    page = "<html><body><p>Broken <b>markup in Antwerp<p>Next <i>para in Liege</div></span>\n<p>end"
    bad = write("broken.html", page)
    docs, errors = load_collecting([str(bad)])
    assert errors == []
    (doc,) = docs
    assert "Antwerp" in doc.text
    assert "Liege" in doc.text
    assert position_of(doc, "Liege") == source_position(page, "Liege")
    assert position_of(doc, "end") == (2, 4)


def test_entities_keep_later_columns_right(write):
    page = "<p>A &ldquo;quote&rdquo; &amp; Namur &#8212; Mons</p>\n"
    (doc,) = load_documents([str(write("e.html", page))])
    assert "A \u201cquote\u201d & Namur \u2014 Mons" in doc.text
    assert position_of(doc, "Namur") == source_position(page, "Namur")
    assert position_of(doc, "Mons") == source_position(page, "Mons")


def test_line_text_gives_the_readable_text_of_a_source_line(write):
    page = (
        "<html><body>\n<p>Talks in <b>Vilnius</b> ended.</p>\n<p>Second line.</p>\n</body></html>"
    )
    (doc,) = load_documents([str(write("l.html", page))])
    assert doc.line_text(2) == "Talks in Vilnius ended."
    assert doc.line_text(3) == "Second line."


def test_declared_charset_decodes_a_non_utf8_page(write):
    page = '<html><head><meta charset="iso-8859-2"></head><body><p>Zając w Łodzi.</p></body></html>'
    (doc,) = load_documents([str(write("pl.html", page.encode("iso-8859-2")))])
    assert "Zając w Łodzi." in doc.text


def test_article_header_title_kept_bylines_timestamps_and_tags_dropped(write):
    page = (
        "<body><header><a>Site Name Leeds</a></header><article><header><h1>Fire in York</h1>"
        '<p class="byline">By Jo Smith</p><time datetime="2021-02-03">Feb 3</time></header>'
        '<p>Crews reached Hull on <time datetime="2021-02-05">Friday</time>.</p>'
        '<ul class="post-tags"><li>Bath</li></ul><footer>More from Derby</footer></article></body>'
    )
    (doc,) = load_documents([str(write("y.html", page))])
    assert "Fire in York" in doc.text
    assert "Crews reached Hull on Friday." in doc.text
    for dropped in ("Leeds", "Jo Smith", "Feb 3", "Bath", "Derby"):
        assert dropped not in doc.text, dropped
    assert doc.published == date(2021, 2, 3)


def test_a_time_inside_a_sentence_is_not_the_publication_date(write):
    page = '<article><p>The trial opens on <time datetime="2031-05-06">May 6</time>.</p></article>'
    (doc,) = load_documents([str(write("s.html", page))])
    assert doc.published is None
    assert "The trial opens on May 6." in doc.text


def test_a_post_wrapper_with_tag_classes_is_kept(write):
    body = "Officials in Homs said the convoy arrived after a long delay. " * 10
    page = (
        '<body><div class="post-7 post type-post tag-syria author-admin">'
        f"<p>{body}</p><div class='entry-meta'>By Staff, tags: war</div></div></body>"
    )
    (doc,) = load_documents([str(write("wp.html", page))])
    assert "Officials in Homs said the convoy arrived" in doc.text
    assert "By Staff" not in doc.text
