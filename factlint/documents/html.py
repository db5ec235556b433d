"""HTML: the article's text, via selectolax (lexbor), with each piece's source line and column.

lexbor does not report source positions, so the source is also split into markup and raw text
runs by a small scanner; each text node of the tree is matched, in order, to the runs it came
from, and an `Anchor` records where its text (and the text after each entity) starts.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

from factlint.dates.printed import parse_date_value
from factlint.documents.model import Anchor, PublishedSource

_RAW_TEXT = "script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|template"
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?][^>]*(?:>|\Z)"
    rf"|<(?P<raw>{_RAW_TEXT})(?![\w-])[^>]*>.*?(?:</(?P=raw)\s*>|\Z)"
    r"|</?[A-Za-z][^>]*(?:>|\Z)",
    re.DOTALL | re.IGNORECASE,
)
_NOT_NEWLINE = re.compile(r"[^\n]")
_START_OR_END = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# Elements that add no depth: void ones, and those the parser closes when a sibling opens.
_FLAT = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr", "param", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "thead", "tbody", "tfoot", "rb", "rt", "rp",
}  # fmt: skip
# Tags nested deeper than this are blanked before parsing: the HTML parser checks the open
# elements at each tag (as the standard says), so N nested elements cost N squared (8 000
# deep: 0.3 s to parse, 32 000: 7 s). Browsers cap the tree there too (Chromium: 512); real
# pages nest a few dozen deep.
MAX_DEPTH = 512
_ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,7};?|[A-Za-z][A-Za-z0-9]{1,31};?)")

DROP_TAGS = {
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "iframe", "svg", "canvas", "object", "embed", "head", "title", "footer",
    "menu", "dialog", "video", "audio", "map",
}  # fmt: skip
BLOCK_TAGS = {
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul", "body", "caption", "summary", "details",
}  # fmt: skip
# class/id words of page furniture: `site-nav`, `share-bar`, `related_posts`, `ad-slot`.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|sidebar|footer|masthead|share|sharing|social"
    r"|comments?|related|recommended|advert\w*|ads?|promo|cookies?|consent|subscribe"
    r"|newsletter|breadcrumbs?|widget|popup|modal|banner|toolbar|skip-link)(?:$|[\s_-])",
    re.IGNORECASE,
)
# Words of small metadata blocks (`byline`, `post-tags`, `entry-meta`). WordPress also puts
# `tag-syria` or `author-admin` on whole posts, so these only drop an element with little text.
_SMALL_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:tags?|byline|author|meta|dateline|timestamp)(?:$|[\s_-])", re.IGNORECASE
)
SMALL_TEXT = 300  # characters
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
)  # fmt: skip
_SENTENCE_TAGS = ("p", "li", "td", "blockquote")
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')


@dataclass
class HtmlContent:
    text: str
    anchors: list[Anchor]
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: PublishedSource | None = None


@dataclass(frozen=True)
class _Run:
    start: int
    raw: str
    decoded: str


def _text_runs(source: str) -> list[_Run]:
    runs: list[_Run] = []
    cursor = 0
    for match in _MARKUP.finditer(source):
        if match.start() > cursor:
            raw = source[cursor : match.start()]
            runs.append(_Run(cursor, raw, html.unescape(raw)))
        cursor = match.end()
    if cursor < len(source):
        raw = source[cursor:]
        runs.append(_Run(cursor, raw, html.unescape(raw)))
    return runs


class _Builder:
    """Concatenates text pieces and anchors each to its source position."""

    def __init__(self, source: str) -> None:
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.parts: list[str] = []
        self.length = 0
        self.anchors: list[Anchor] = []
        self.pending_break = False

    def _anchor(self, source_pos: int) -> None:
        index = bisect.bisect_right(self.line_starts, source_pos) - 1
        # model_construct: a large page has a million pieces, and these values are ints already.
        anchor = Anchor.model_construct(
            offset=self.length, line=index + 1, column=source_pos - self.line_starts[index] + 1
        )
        if self.anchors and self.anchors[-1].offset == anchor.offset:
            self.anchors[-1] = anchor
        else:
            self.anchors.append(anchor)

    def add(self, text: str, source_pos: int | None = None) -> None:
        if not text:
            return
        if source_pos is not None:
            self._anchor(source_pos)
        self.parts.append(text)
        self.length += len(text)

    def start_piece(self) -> None:
        if self.pending_break and self.length:
            self.add("\n\n")
        self.pending_break = False

    def add_run(self, run: _Run) -> None:
        if "&" not in run.raw:
            self.add(run.raw, run.start)
            return
        cursor = 0
        for match in _ENTITY.finditer(run.raw):
            self.add(run.raw[cursor : match.start()], run.start + cursor)
            self.add(html.unescape(match.group(0)), run.start + match.start())
            cursor = match.end()
        self.add(run.raw[cursor:], run.start + cursor)


class _Matcher:
    """Finds, in source order, the raw text runs a tree text node was parsed from."""

    LOOKAHEAD = 64

    def __init__(self, runs: list[_Run]) -> None:
        self.runs = runs
        self.cursor = 0

    def match(self, text: str) -> list[_Run] | None:
        for first in range(self.cursor, min(len(self.runs), self.cursor + self.LOOKAHEAD)):
            taken: list[_Run] = []
            size = 0
            index = first
            while index < len(self.runs) and size < len(text):
                decoded = self.runs[index].decoded
                if not text.startswith(decoded, size):
                    break
                taken.append(self.runs[index])
                size += len(decoded)
                index += 1
            if taken and size == len(text):
                self.cursor = index
                return taken
        return None


@dataclass
class _Measures:
    """What the walk asks about whole subtrees, measured in one pass over the tree: asking
    each node for its text instead costs the square of the nesting depth."""

    # Element (mem_id) -> (characters of its text nodes stripped, number of text nodes).
    text: dict[int, tuple[int, int]]
    # <time> elements inside a paragraph or list item: dates the article talks about.
    times_in_sentence: set[int]

    def stripped(self, node: LexborNode) -> int:
        """len(node.text(strip=True))."""
        return self.text.get(node.mem_id, (0, 0))[0]

    def spaced(self, node: LexborNode) -> int:
        """len(node.text(separator=" ", strip=True))."""
        chars, pieces = self.text.get(node.mem_id, (0, 0))
        return chars + max(pieces - 1, 0)


def _measure(tree: LexborHTMLParser) -> _Measures:
    measures = _Measures({}, set())
    if tree.root is None:
        return measures
    stack: list[tuple[LexborNode, bool]] = [(tree.root, False)]
    open_: list[list[int]] = []  # [characters, text nodes] of each element being walked
    sentences = 0
    while stack:
        node, exiting = stack.pop()
        if exiting:
            chars, pieces = open_.pop()
            measures.text[node.mem_id] = (chars, pieces)
            if open_:
                open_[-1][0] += chars
                open_[-1][1] += pieces
            sentences -= node.tag in _SENTENCE_TAGS
            continue
        if node.is_text_node:
            if open_:
                open_[-1][0] += len((node.text(deep=False) or "").strip())
                open_[-1][1] += 1
            continue
        if not node.is_element_node:
            continue
        if node.tag == "time" and sentences:
            measures.times_in_sentence.add(node.mem_id)
        sentences += node.tag in _SENTENCE_TAGS
        open_.append([0, 0])
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    return measures


def _is_furniture(node: LexborNode, measures: _Measures) -> bool:
    attrs = node.attributes
    names = " ".join(v for k, v in attrs.items() if k in ("class", "id", "role") and v)
    if attrs.get("role") in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return True
    if not names:
        return False
    if _FURNITURE.search(names) is not None:
        return True
    return _SMALL_FURNITURE.search(names) is not None and measures.stripped(node) <= SMALL_TEXT


def _content_root(tree: LexborHTMLParser, measures: _Measures) -> LexborNode | None:
    body_node = tree.css_first("[itemprop=articleBody]")
    if body_node is not None:
        return body_node
    articles = tree.css("article")
    if articles:
        return max(articles, key=measures.spaced)
    return tree.css_first("main") or tree.css_first("[role=main]") or tree.body


def _meta(tree: LexborHTMLParser) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        if key and attrs.get("content"):
            found.setdefault(key.strip().lower(), attrs["content"] or "")
    return found


def _published(
    tree: LexborHTMLParser, meta: dict[str, str], measures: _Measures
) -> tuple[date | None, PublishedSource | None]:
    for key in _PUBLISHED_META:
        if key in meta:
            value = parse_date_value(meta[key])
            if value is not None:
                return value, "html-meta"
    for script in tree.css('script[type="application/ld+json"]'):
        match = _JSON_LD_DATE.search(script.text(deep=True))
        if match:
            value = parse_date_value(match.group(1))
            if value is not None:
                return value, "html-meta"
    times = tree.css("time[itemprop=datePublished], time[pubdate]") or [
        node for node in tree.css("time[datetime]") if node.mem_id not in measures.times_in_sentence
    ]
    for node in times:
        value = parse_date_value(node.attributes.get("datetime") or node.text())
        if value is not None:
            return value, "html-time"
    return None, None


def _title(tree: LexborHTMLParser, meta: dict[str, str]) -> str | None:
    heading, title = tree.css_first("h1"), tree.css_first("title")
    for candidate in (
        meta.get("og:title"),
        (heading.text(strip=True) if heading else None),
        (title.text(strip=True) if title else None),
    ):
        if candidate and candidate.strip():
            return " ".join(candidate.split())
    return None


def flatten_deep(source: str, limit: int = MAX_DEPTH) -> str:
    """The page with the start and end tags nested deeper than `limit` turned into spaces
    (line breaks kept), read from its tags (a scan, no parse). Same length and lines, so every
    position stays the source's; the text inside is kept, only its nesting goes."""
    pieces: list[str] = []
    cursor = depth = 0
    for match in _MARKUP.finditer(source):
        tag = _START_OR_END.match(match.group(0))
        if tag is None or match.group("raw") or tag.group(2).lower() in _FLAT:
            continue
        if tag.group(1):
            deep = depth > limit
            depth = max(depth - 1, 0)
        elif match.group(0).endswith("/>"):
            continue
        else:
            depth += 1
            deep = depth > limit
        if deep:
            pieces += [source[cursor : match.start()], _NOT_NEWLINE.sub(" ", match.group(0))]
            cursor = match.end()
    return "".join([*pieces, source[cursor:]]) if pieces else source


# Where the walk is: (inside dropped elements, inside the content root, inside an <article>,
# inside a sentence element), each a count of the open elements that make it so.
_State = tuple[int, int, int, int]


def _add_text(builder: _Builder, matcher: _Matcher, node: LexborNode, keep: bool) -> None:
    """A text node: matched to its source runs (always, to keep the matcher in step), and
    added with their positions when `keep`; whitespace alone is at most one space."""
    text = node.text(deep=False)
    runs = matcher.match(text) if text.strip() else None
    if not keep:
        return
    if not text.strip():
        if builder.length and not builder.pending_break:
            builder.add(" ")
        return
    builder.start_piece()
    if runs is None:
        # Not found in the source (the parser moved it): keep it, anchored nowhere new.
        builder.add(text.replace("\xa0", " "))
    else:
        for run in runs:
            builder.add_run(run)


def _enter(node: LexborNode, state: _State, root_id: int | None, measures: _Measures) -> _State:
    """The walk's state inside element `node`."""
    dropped, inside, in_article, in_paragraph = state
    tag = node.tag or ""
    if node.mem_id == root_id:
        inside += 1
    if tag == "article":
        in_article += 1
    if tag in _SENTENCE_TAGS:
        in_paragraph += 1
    if (
        tag in DROP_TAGS
        or (tag == "header" and not in_article)
        # A <time> outside a sentence is a timestamp (metadata); inside one, it is prose.
        or (tag == "time" and not in_paragraph)
        or (tag not in ("html", "body", "article", "main") and _is_furniture(node, measures))
    ):
        dropped += 1
    return dropped, inside, in_article, in_paragraph


def _article_text(tree: LexborHTMLParser, source: str, measures: _Measures) -> _Builder:
    """The text of the content root less its furniture, each piece anchored in `source`.
    Depth first with a stack (no recursion), restoring the state as each element closes."""
    root = _content_root(tree, measures)
    root_id = root.mem_id if root is not None else None
    builder = _Builder(source)
    matcher = _Matcher(_text_runs(source))
    # (node, exiting, state to restore on exit)
    stack: list[tuple[LexborNode, bool, _State]] = []
    if tree.root is not None:
        stack.append((tree.root, False, (0, 0, 0, 0)))
    state: _State = (0, 0, 0, 0)
    while stack:
        node, exiting, saved = stack.pop()
        if exiting:
            state = saved
            if node.tag in BLOCK_TAGS:
                builder.pending_break = True
            continue
        if node.is_text_node:
            dropped, inside = state[0], state[1]
            _add_text(builder, matcher, node, keep=bool(inside) and not dropped)
            continue
        if not node.is_element_node:
            continue
        saved = state
        state = _enter(node, state, root_id, measures)
        if (node.tag or "") in BLOCK_TAGS:
            builder.pending_break = True
        stack.append((node, True, saved))
        children = list(node.iter(include_text=True))
        stack.extend((child, False, saved) for child in reversed(children))
    return builder


def _url(tree: LexborHTMLParser, meta: dict[str, str]) -> str | None:
    """The canonical link, else og:url."""
    canonical = tree.css_first("link[rel=canonical]")
    if canonical is not None and canonical.attributes.get("href"):
        return canonical.attributes["href"]
    return meta.get("og:url")


def extract_html(source: str) -> HtmlContent:
    source = flatten_deep(source)
    tree = LexborHTMLParser(source)
    measures = _measure(tree)
    builder = _article_text(tree, source, measures)
    meta = _meta(tree)
    published, published_source = _published(tree, meta, measures)
    text = "".join(builder.parts).replace("\xa0", " ")
    anchors = builder.anchors or [Anchor(offset=0, line=1, column=1)]
    if anchors[0].offset != 0:
        anchors.insert(0, Anchor(offset=0, line=anchors[0].line, column=anchors[0].column))
    return HtmlContent(
        text=text,
        anchors=anchors,
        title=_title(tree, meta),
        url=_url(tree, meta),
        published=published,
        published_source=published_source,
    )
