"""Web-page leftovers in scraped text: icon class names, share bars, site banners, repeated titles.

Each rule is general (what such debris looks like), never a list of particular sites. The
result marks character ranges to blank; newlines stay, so positions do not move.
"""

from __future__ import annotations

import re

from factlint.documents.blank import line_spans

_UI_NOUN = (
    r"(?:icon|image|img|picture|pic|photo|thumb|thumbnail|logo|avatar|btn|button|banner"
    r"|widget|badge|svg|arrow|caret)"
)
# `share-icon`, `side-post-image`, also glued to the next word: `share-iconPublished:`.
_CSS_TOKEN = re.compile(
    rf"(?<![A-Za-z0-9_-])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*[-_]{_UI_NOUN}s?(?![a-z])"
)
# A line that is only a lower-case class-like name: `nav-post-picture`, `post_meta`.
_CLASS_LINE = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+")
_UI_LINE = re.compile(
    r"(?:(?:recent|related|popular|latest|trending|more|top|featured|previous|next)\s+"
    r"(?:posts?|articles?|stories|news|videos?|reads?|headlines)"
    r"|share(?:\s+(?:this|on|via|the)(?:\s+\w+)?)?|(?:\d+\s+)?comments?|tweet|email|print"
    r"|leave\s+a\s+(?:comment|reply)|reply|read\s+more|continue\s+reading|advertisements?"
    r"|sponsored(?:\s+content)?|subscribe(?:\s+now)?|sign\s+up|sign\s+in|log\s*in|menu"
    r"|follow\s+us(?:\s+on\s+\w+)?|skip\s+to\s+(?:main\s+)?content|click\s+here|back\s+to\s+top"
    r"|show\s+comments|view\s+comments|load\s+more|most\s+(?:read|popular|viewed)"
    r"|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?|newsletter|search)\s*:?",
    re.IGNORECASE,
)
# A label with nothing after it: `Source:`, `Tags:`, `Photo:`.
_EMPTY_LABEL = re.compile(
    r"(?:sources?|credits?|photos?|images?|videos?|tags?|filed\s+under|categor(?:y|ies)"
    r"|topics?|via|by|author|caption)\s*:",
    re.IGNORECASE,
)
_TIME_AGO = re.compile(
    r"(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago", re.IGNORECASE
)
# One upper-case token alone on a line near the top or bottom: a site banner (`PRESSAI`).
_BANNER = re.compile(r"[A-Z][A-Z0-9&.'’]{2,}")
# `Title - PRESS AI WORLD` / `Title | Site Name`: the site name after the title.
_TITLE_SUFFIX = re.compile(
    r"(?P<title>\S.*?\S)\s+(?:(?P<dash>[-–—])|\||::)\s+(?P<site>[^\s].{0,40})$"
)

MAX_LINE = 120  # debris lines are short; longer lines are prose and only lose icon tokens
EDGE_LINES = 5  # banners are among the first or last non-blank lines
TITLE_LINES = 15  # a title repeated among these lines is kept once


def _site_suffix(line: str) -> tuple[int, str] | None:
    """Start offset and name of a site name after the title, if the line ends with one."""
    match = _TITLE_SUFFIX.match(line)
    if match is None:
        return None
    site = match.group("site").strip()
    words = site.split()
    if len(words) > 5 or not site[0].isalpha():
        return None
    # After a dash only an all-caps name: "Obama wins - Romney concedes" is a headline.
    if match.group("dash") and site != site.upper():
        return None
    return match.end("title"), site


def _norm(line: str) -> str:
    return " ".join(line.split()).casefold()


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of `text` that are page debris, not article prose."""
    ranges: list[tuple[int, int]] = [m.span() for m in _CSS_TOKEN.finditer(text)]
    spans = [(s, e) for s, e in line_spans(text) if text[s:e].strip()]
    blanked_tokens = {start for start, _ in ranges}

    def cleaned(start: int, end: int) -> str:
        line = text[start:end]
        if not blanked_tokens:
            return line
        return _CSS_TOKEN.sub(" ", line)

    sites: set[str] = set()
    titles: set[str] = set()
    for index, (start, end) in enumerate(spans):
        if end - start > MAX_LINE * 4:
            continue
        line = cleaned(start, end).strip()
        edge = index < EDGE_LINES or index >= len(spans) - EDGE_LINES
        whole = (
            not line
            or _CLASS_LINE.fullmatch(line) is not None
            or _UI_LINE.fullmatch(line) is not None
            or _EMPTY_LABEL.fullmatch(line) is not None
            or _TIME_AGO.fullmatch(line) is not None
            or (edge and _BANNER.fullmatch(line) is not None)
            or _norm(line) in sites
        )
        if whole:
            ranges.append((start, end))
            continue
        if index == 0:
            suffix = _site_suffix(text[start:end])
            if suffix is not None:
                ranges.append((start + suffix[0], end))
                sites.add(_norm(suffix[1]))
                line = text[start : start + suffix[0]].strip()
        if index < TITLE_LINES and len(line.split()) <= 25 and not line.endswith("."):
            key = _norm(line)
            if key in titles:
                ranges.append((start, end))
            titles.add(key)
    return ranges
