"""The bad-input matrix, end to end: `python -m factlint check` with one bad input among two
good documents. An input that cannot be read is one line naming it (and the JSONL line), the
good documents are still linted with the same findings, and the exit status is 2 unless
`--ignore-errors`. Inputs that can be read (BOM, CRLF, lone CR, other charsets, empty, long
lines, odd HTML) are linted with columns as the user's editor counts them. Never a traceback.

The loaders' own tests are in tests/documents/; here the whole command runs.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import Run, run_factlint

pytestmark = pytest.mark.model

A = (
    "Storm reaches the coast\n\n"
    "The storm reached the coast on Monday, March 4, 2024, officials said.\n"
    "Mayor Jonathan Smithers visited the shelters.\n"
)
B = (
    "Coast hit by storm\n\n"
    "The storm reached the coast on Tuesday, March 4, 2024, the agency said.\n"
    "Mayor Jonathon Smithers visited the shelters.\n"
)
QUIET = "Nothing happened in Lucerne.\n"
# The house-style example rules (FL501) are what positions are checked with.
EXAMPLE_RULES = str(Path(__file__).resolve().parents[2] / "examples" / "rules")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


@dataclass
class Setup:
    """What one case adds to the command line, and how to run it."""

    args: list[str]
    run_kwargs: dict[str, Any] = field(default_factory=dict)
    prefix: list[str] = field(default_factory=list)


@dataclass
class Good:
    folder: Path
    env: dict[str, str]
    clean: dict[str, Any]

    def paths(self) -> list[str]:
        return [str(self.folder / "a.txt"), str(self.folder / "b.txt")]


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Good:
    folder = tmp_path_factory.mktemp("good")
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    # One cache for the module: the good documents are extracted once.
    env = {"FACTLINT_CACHE_DIR": str(folder / "cache")}
    run = run_factlint(
        "check",
        "--format",
        "json",
        "--rules",
        EXAMPLE_RULES,
        str(folder / "a.txt"),
        str(folder / "b.txt"),
        env=env,
    )
    assert run.returncode == 1, run.stderr
    clean = json.loads(run.stdout)
    assert clean["findings"], "the two articles disagree: some finding is expected"
    return Good(folder, env, clean)


def check(good: Good, setup: Setup, *options: str) -> Run:
    paths = good.paths()
    # The bad input in the middle: inputs after it are still read.
    args = ["check", "--format", "json", "--rules", EXAMPLE_RULES, *options]
    args += [paths[0], *setup.args, paths[1]]
    return run_factlint(*args, env=good.env, prefix=setup.prefix, **setup.run_kwargs)


# --- inputs that cannot be read -------------------------------------------------------------


def _binary(tmp: Path) -> Setup:
    (tmp / "photo.txt").write_bytes(PNG)
    return Setup([str(tmp / "photo.txt")])


def _pdf(tmp: Path) -> Setup:
    (tmp / "scan.md").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    return Setup([str(tmp / "scan.md")])


def _bad_jsonl_line(tmp: Path) -> Setup:
    lines = [json.dumps({"id": 1, "text": QUIET}), '{"id": 2, "text": "unterminated']
    (tmp / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Setup([str(tmp / "records.jsonl")])


def _jsonl_without_text(tmp: Path) -> Setup:
    lines = [json.dumps({"id": 1, "text": QUIET}), json.dumps({"id": 2, "body": "x"})]
    (tmp / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Setup([str(tmp / "records.jsonl")])


def _symlink_loop_in_folder(tmp: Path) -> Setup:
    folder = tmp / "drafts"
    folder.mkdir()
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "quiet.txt").write_text(QUIET, encoding="utf-8")
    return Setup([str(folder)])


def _symlink_loop_given(tmp: Path) -> Setup:
    (tmp / "one.txt").symlink_to(tmp / "two.txt")
    (tmp / "two.txt").symlink_to(tmp / "one.txt")
    return Setup([str(tmp / "one.txt")])


def _unreadable(tmp: Path) -> Setup:
    secret = tmp / "secret.txt"
    secret.write_text(QUIET, encoding="utf-8")
    secret.chmod(0)
    prefix: list[str] = []
    if os.geteuid() == 0:
        # Root reads any file; without these two capabilities it obeys the mode bits.
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv to drop the override capabilities")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--"]
    return Setup([str(secret)], prefix=prefix)


def _missing(tmp: Path) -> Setup:
    return Setup([str(tmp / "gone.txt")])


def _stdin_closed(tmp: Path) -> Setup:
    return Setup(["-"], run_kwargs={"stdin": None, "preexec_fn": lambda: os.close(0)})


def _broken_front_matter(tmp: Path) -> Setup:
    (tmp / "post.md").write_text("---\ntitle: [unclosed\n---\n" + QUIET, encoding="utf-8")
    return Setup([str(tmp / "post.md")])


def _folder_as_document(tmp: Path) -> Setup:
    return Setup([str(tmp), str(tmp / "also-gone.md")])


UNREADABLE: list[tuple[str, Callable[[Path], Setup], list[str], int]] = [
    # (id, setup, expected error lines relative to the case folder, extra documents linted)
    ("binary", _binary, ["photo.txt: binary file (PNG image), not text"], 0),
    ("pdf", _pdf, ["scan.md: binary file (PDF document), not text"], 0),
    ("bad-jsonl-line", _bad_jsonl_line, ["records.jsonl:2: not valid JSON"], 1),
    ("jsonl-without-text", _jsonl_without_text, ["records.jsonl:2: "], 1),
    ("symlink-loop-in-folder", _symlink_loop_in_folder, ["drafts/loop.txt: symbolic link loop"], 1),
    ("symlink-loop-given", _symlink_loop_given, ["one.txt: symbolic link loop"], 0),
    ("unreadable", _unreadable, ["secret.txt: permission denied"], 0),
    ("missing", _missing, ["gone.txt: no such file or directory"], 0),
    ("stdin-closed", _stdin_closed, ["<stdin>: standard input is closed"], 0),
    ("broken-front-matter", _broken_front_matter, ["post.md:3: front matter is not valid YAML"], 0),
    ("folder-and-missing", _folder_as_document, ["also-gone.md: no such file or directory"], 0),
]


def _location(tmp: Path, expected: str) -> str:
    return expected if expected.startswith("<stdin>") else f"{tmp}/{expected}"


@pytest.mark.parametrize(
    ("setup", "expected", "extra"),
    [pytest.param(s, e, x, id=i) for i, s, e, x in UNREADABLE],
)
def test_an_unreadable_input_is_one_line_and_the_others_are_linted(
    good: Good,
    tmp_path: Path,
    setup: Callable[[Path], Setup],
    expected: list[str],
    extra: int,
) -> None:
    case = setup(tmp_path)
    run = check(good, case)
    assert "Traceback" not in run.stderr
    assert len(run.errors) == len(expected), run.stderr
    for line, want in zip(run.errors, expected, strict=True):
        assert line.startswith(f"factlint: error: {_location(tmp_path, want)}"), run.stderr
    report = json.loads(run.stdout)
    assert report["summary"]["documents"] == 2 + extra
    assert report["summary"]["errors"] == len(expected)
    assert report["findings"] == good.clean["findings"]
    assert run.returncode == 2

    ignoring = check(good, case, "--ignore-errors")
    assert "Traceback" not in ignoring.stderr
    assert len(ignoring.errors) == len(expected), "still reported with --ignore-errors"
    assert ignoring.returncode == 1, "the status follows the findings"


# --- inputs that can be read: linted, positions as the user sees them ------------------------

LONG = "word " * 12_000
BROKEN_HTML = b"<html><body><p>Broken <b>markup in Kiev<p>Next <i>para</div></span>\n<p>end"


READABLE: list[tuple[str, str, bytes, tuple[int, int] | None]] = [
    # (id, file name, content, FL501 'Kiev' position or None for no finding)
    ("bom", "bom.txt", "\ufeffTalks in Kiev.\n".encode(), (1, 10)),
    ("crlf", "crlf.txt", b"Title\r\n\r\nTalks in Kiev.\r\n", (3, 10)),
    ("lone-cr", "cr.txt", b"Title\r\rTalks in Kiev.\r", (3, 10)),
    ("cp1252", "latin.txt", "Café talks in Kiev, “quoted”.\n".encode("cp1252"), (1, 15)),
    ("utf16", "wide.txt", "\ufeffTalks in Kiev.\n".encode("utf-16-le"), (1, 10)),
    ("empty", "empty.txt", b"", None),
    ("whitespace-only", "blank.md", b"  \n\t\n   \n", None),
    ("very-long-line", "long.txt", f"{LONG}Kiev\nTalks in Kiev.\n".encode(), (1, len(LONG) + 1)),
    (
        "deeply-nested-html",
        "deep.html",
        (
            "<html><body>" + "<div>" * 20_000 + "\n<p>Talks in Kiev.</p>" + "</div>" * 20_000
        ).encode(),
        (2, 13),
    ),
    ("broken-html", "broken.html", BROKEN_HTML, (1, BROKEN_HTML.index(b"Kiev") + 1)),
]


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [pytest.param(n, c, w, id=i) for i, n, c, w in READABLE],
)
def test_a_readable_odd_input_is_linted_with_the_columns_right(
    good: Good, tmp_path: Path, name: str, content: bytes, where: tuple[int, int] | None
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    run = check(good, Setup([str(path)]))
    assert "Traceback" not in run.stderr
    assert run.errors == [], run.stderr
    report = json.loads(run.stdout)
    assert report["summary"]["documents"] == 3
    mine = [
        (f["code"], f["line"], f["column"]) for f in report["findings"] if f["path"] == str(path)
    ]
    assert [m for m in mine if m[0] == "FL501"][:1] == ([("FL501", *where)] if where else [])
    if where is None:
        assert mine == []
    # The good documents' findings do not change (FL301 may compare names across all three).
    others = [f for f in report["findings"] if f["path"] != str(path) and f["code"] != "FL301"]
    assert others == [f for f in good.clean["findings"] if f["code"] != "FL301"]
    assert run.returncode == 1
