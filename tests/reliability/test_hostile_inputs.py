"""Hostile inputs end to end (issue 17 items 6-10): no traceback, no hang, no forged line.

Each case runs `python -m factlint check` in a fresh process with a time limit far above a
normal run, so a hang fails the test instead of the suite. An input that cannot be read is
one error line naming it and exit 2; one that can be read is linted.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import factlint_command, house_rule

pytestmark = pytest.mark.model

KIEV = "Talks in Kiev\n\nDelegates met in Kiev on Monday.\n"
HANG_LIMIT = 120  # seconds; a normal run here takes about 4


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("factlint: error:")]


@dataclass
class Case:
    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    kwargs: dict[str, Any] = field(default_factory=dict)
    shell_redirect: str = ""  # e.g. ">&-": run through bash to close or redirect stdout


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return house_rule(tmp_path_factory.mktemp("rules"), {"Kiev": "Kyiv"})


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("cache"))


def run(case: Case, rules: Path, cache: str, cwd: Path) -> Result:
    command = factlint_command("check", "--rules", str(rules), "--select", "HS501", *case.args)
    if case.shell_redirect:
        quoted = " ".join("'" + part.replace("'", "'\\''") + "'" for part in command)
        command = ["bash", "-c", f"{quoted} {case.shell_redirect}"]
    kwargs: dict[str, Any] = {"stdin": subprocess.DEVNULL, **case.kwargs}
    proc = subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, "FACTLINT_CACHE_DIR": cache, **case.env},
        capture_output=True,
        timeout=HANG_LIMIT,
        check=False,
        **kwargs,
    )
    decode = lambda data: data.decode("utf-8", errors="surrogateescape")  # noqa: E731
    return Result(proc.returncode, decode(proc.stdout), decode(proc.stderr))


# --- 6. no traceback -------------------------------------------------------------------------


def _front_matter(value: str) -> Callable[[Path], Case]:
    def setup(tmp: Path) -> Case:
        (tmp / "post.md").write_text(f"---\n{value}\n---\n{KIEV}", encoding="utf-8")
        return Case(["post.md"])

    return setup


def _jsonl(record: str) -> Callable[[Path], Case]:
    def setup(tmp: Path) -> Case:
        (tmp / "records.jsonl").write_text(record + "\n", encoding="utf-8")
        return Case(["records.jsonl"])

    return setup


def _nested_config(name: str, table: str) -> Callable[[Path], Case]:
    def setup(tmp: Path) -> Case:
        (tmp / "a.txt").write_text(KIEV, encoding="utf-8")
        (tmp / name).write_text(f"{table}x = {'[' * 3000}{']' * 3000}\n", encoding="utf-8")
        return Case(["a.txt"])

    return setup


def _non_utf8_name(tmp: Path) -> Case:
    with open(os.fsencode(tmp) + b"/caf\xe9.txt", "wb") as handle:  # Latin-1 é: not UTF-8
        handle.write(KIEV.encode())
    return Case([".", "--format", "json"])


def _non_utf8_name_text(tmp: Path) -> Case:
    return Case([*_non_utf8_name(tmp).args[:1]])


def _deep_folder(tmp: Path) -> Case:
    folder = tmp / "deep"
    folder.mkdir()
    fd = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(1_100):  # relative to a folder descriptor: no path grows past PATH_MAX
            os.mkdir("d", dir_fd=fd)
            child = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = child
        with os.fdopen(os.open("a.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "w") as handle:
            handle.write(KIEV)
    finally:
        os.close(fd)
    return Case(["deep"])


def _remove_deep(folder: Path) -> None:
    """Remove the `d/d/.../a.txt` chain bottom up (shutil.rmtree recurses past the limit)."""
    fds = [os.open(folder, os.O_RDONLY)]
    while True:
        try:
            fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
        except FileNotFoundError:
            break
    os.unlink("a.txt", dir_fd=fds[-1])
    for parent, child in reversed(list(itertools.pairwise(fds))):
        os.close(child)
        os.rmdir("d", dir_fd=parent)
    os.close(fds[0])


def _kiev(tmp: Path) -> None:
    (tmp / "café.txt").write_text("Talks in Kiev.\n", encoding="utf-8")


def _stdout(redirect: str) -> Callable[[Path], Case]:
    def setup(tmp: Path) -> Case:
        _kiev(tmp)
        return Case(["café.txt"], shell_redirect=redirect)

    return setup


def _ascii_output(output_format: str) -> Callable[[Path], Case]:
    def setup(tmp: Path) -> Case:
        _kiev(tmp)
        return Case(["café.txt", "--format", output_format], env={"PYTHONIOENCODING": "ascii"})

    return setup


def _deep_html(tmp: Path) -> Case:
    # 20 000 nested elements took 21 s to load (item 11); past 512 deep the tags are blanked
    # before parsing, and the text is read with its positions.
    body = "<article><p>Kiev</p>" * 20_000 + "</article>" * 20_000
    (tmp / "page.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    (tmp / "a.txt").write_text(KIEV, encoding="utf-8")
    return Case(["page.html", "a.txt"])


ERROR = 2
# (id, setup, exit status, the one error line expected after "factlint: error: ", or None)
NO_TRACEBACK: list[tuple[str, Callable[[Path], Case], int, str | None]] = [
    ("front-matter-feb-30", _front_matter("date: 2025-02-30"), ERROR, "post.md:2: front matter"),
    ("front-matter-year-0", _front_matter("date: 0000-00-00"), ERROR, "post.md:2: front matter"),
    ("front-matter-month-13", _front_matter("date: 2024-13-01"), ERROR, "post.md:2: front matter"),
    ("front-matter-hour-25", _front_matter("date: 2024-01-01 25:00"), 1, None),
    ("front-matter-long-number", _front_matter("id: " + "9" * 5000), ERROR, "post.md:2: front"),
    ("jsonl-long-id", _jsonl('{"id": ' + "9" * 5000 + ', "text": "Kiev."}'), ERROR, "records"),
    (
        "jsonl-lone-surrogate",
        _jsonl('{"id": 1, "text": "Talks in Kiev \\ud83d today.", "title": "Kiev \\ud83d"}'),
        1,
        None,
    ),
    ("front-matter-lone-surrogate", _front_matter('title: "Kiev \\ud83d"'), 1, None),
    ("deep-factlint-toml", _nested_config("factlint.toml", ""), ERROR, "factlint.toml: invalid"),
    (
        "deep-pyproject",
        _nested_config("pyproject.toml", "[tool.factlint]\n"),
        ERROR,
        "pyproject.toml: invalid TOML",
    ),
    ("non-utf8-file-name-json", _non_utf8_name, 1, None),
    ("non-utf8-file-name-text", _non_utf8_name_text, 1, None),
    ("folder-1100-deep", _deep_folder, 1, None),
    ("stdout-closed", _stdout(">&-"), ERROR, "standard output is closed"),
    ("stdout-full", _stdout(">/dev/full"), ERROR, "cannot write to standard output: No space"),
    ("ascii-output-text", _ascii_output("text"), 1, None),
    ("ascii-output-html", _ascii_output("html"), 1, None),
    ("ascii-output-json", _ascii_output("json"), 1, None),
    ("html-20000-deep", _deep_html, 1, None),
]


@pytest.mark.parametrize(
    ("setup", "status", "error"), [pytest.param(s, c, e, id=i) for i, s, c, e in NO_TRACEBACK]
)
def test_hostile_input_is_one_line_or_read_never_a_traceback(
    rules: Path,
    cache: str,
    tmp_path: Path,
    setup: Callable[[Path], Case],
    status: int,
    error: str | None,
) -> None:
    try:
        result = run(setup(tmp_path), rules, cache, tmp_path)
    finally:
        if (tmp_path / "deep").exists():
            _remove_deep(tmp_path / "deep")
    assert "Traceback" not in result.stderr, result.stderr
    assert "Exception ignored" not in result.stderr, result.stderr
    assert result.returncode == status, result.stderr
    if error is None:
        assert result.errors == [], result.stderr
    else:
        assert len(result.errors) == 1, result.stderr
        line = result.errors[0].replace(f"{tmp_path}/", "")
        assert line.startswith(f"factlint: error: {error}"), result.stderr


def test_reports_on_an_ascii_terminal_are_utf8_files(
    rules: Path, cache: str, tmp_path: Path
) -> None:
    """JSON and HTML have an encoding of their own, UTF-8, whatever the locale; text output
    escapes what the terminal's encoding lacks."""
    report = run(_ascii_output("json")(tmp_path), rules, cache, tmp_path)
    assert [f["path"] for f in json.loads(report.stdout)["findings"]] == ["café.txt"]
    page = run(_ascii_output("html")(tmp_path), rules, cache, tmp_path)
    assert "café.txt" in page.stdout and "\u2691" in page.stdout
    text = run(_ascii_output("text")(tmp_path), rules, cache, tmp_path)
    assert text.stdout.startswith("caf\\xe9.txt:1:10: HS501"), text.stdout


def test_a_non_utf8_file_name_is_reported_as_its_bytes(
    rules: Path, cache: str, tmp_path: Path
) -> None:
    result = run(_non_utf8_name_text(tmp_path), rules, cache, tmp_path)
    assert result.stdout.splitlines()[0].startswith("caf\\xe9.txt:1:10: HS501"), result.stdout


# --- 7. Ctrl-C with worker processes -----------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.mark.parametrize("delay", [0.0, 1.0, 2.5])
def test_ctrl_c_with_jobs_is_one_line_and_130(tmp_path: Path, rules: Path, delay: float) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(80):
        (docs / f"{i:03d}.txt").write_text(f"Report {i}. {KIEV * 20}", encoding="utf-8")
    proc = subprocess.Popen(
        factlint_command("check", "--no-cache", "--jobs", "2", "--rules", str(rules), str(docs)),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    deadline = time.monotonic() + HANG_LIMIT
    while len(_children(proc.pid)) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(delay)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: every process of the group
    _, stderr = proc.communicate(timeout=HANG_LIMIT)
    assert stderr == "factlint: interrupted\n"
    assert proc.returncode == 130


# --- 8. names cannot forge lines --------------------------------------------------------------


def test_a_file_name_with_a_newline_cannot_forge_a_finding(
    rules: Path, cache: str, tmp_path: Path
) -> None:
    forged = "a.txt\nforged.txt:1:1: FL999 [error] \x1b[2Jthis line is not factlint's.txt"
    (tmp_path / forged).write_text(KIEV, encoding="utf-8")
    (tmp_path / "photo\n.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run(Case(["."]), rules, cache, tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stdout.splitlines()
    assert not any(line.startswith("forged.txt") for line in lines), result.stdout
    assert "\x1b" not in result.stdout + result.stderr
    assert lines[0].startswith("a.txt\\nforged.txt:1:1: FL999 [error] \\x1b[2Jthis line")
    assert result.stderr.splitlines() == [
        "factlint: error: photo\\n.txt: binary file (PNG image), not text"
    ]


# --- 9. what is not a regular file is refused without opening it ----------------------------


def _fifo(tmp: Path) -> Case:
    os.mkfifo(tmp / "feed.txt")
    return Case(["feed.txt"])


def _fifo_in_folder(tmp: Path) -> Case:
    (tmp / "docs").mkdir()
    os.mkfifo(tmp / "docs" / "feed.txt")
    (tmp / "docs" / "a.txt").write_text(KIEV, encoding="utf-8")
    return Case(["docs"])


def _dev_zero(tmp: Path) -> Case:
    return Case(["/dev/zero"])


def _link_to_dev_zero(tmp: Path) -> Case:
    (tmp / "docs").mkdir()
    (tmp / "docs" / "zero.txt").symlink_to("/dev/zero")
    (tmp / "docs" / "a.txt").write_text(KIEV, encoding="utf-8")
    return Case(["docs"])


@pytest.mark.parametrize(
    ("setup", "error"),
    [
        pytest.param(_fifo, "feed.txt: a named pipe (FIFO), not a regular file", id="fifo"),
        pytest.param(
            _fifo_in_folder, "docs/feed.txt: a named pipe (FIFO), not a regular file", id="fifo-in"
        ),
        pytest.param(_dev_zero, "/dev/zero: a character device, not a regular file", id="zero"),
        pytest.param(
            _link_to_dev_zero,
            "docs/zero.txt: a character device, not a regular file",
            id="link-to-zero",
        ),
    ],
)
def test_what_is_not_a_regular_file_is_refused_with_its_kind(
    rules: Path, cache: str, tmp_path: Path, setup: Callable[[Path], Case], error: str
) -> None:
    result = run(setup(tmp_path), rules, cache, tmp_path)
    assert "Traceback" not in result.stderr
    assert result.errors == [f"factlint: error: {error}"], result.stderr
    assert result.returncode == 2


# --- 10. size first, reading bounded ---------------------------------------------------------

# Runs factlint as the only child of a fresh interpreter: RUSAGE_CHILDREN is then its peak RSS.
PEAK_RSS = """
import resource, subprocess, sys
resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))  # a runaway read fails, not the box
proc = subprocess.run(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, proc.returncode)
"""


def _peak(tmp: Path, args: list[str], stdin: str | None = None) -> tuple[int, int, str]:
    with open(stdin or os.devnull, "rb") as handle:
        proc = subprocess.run(
            [sys.executable, "-c", PEAK_RSS, *factlint_command("check", "--no-cache", *args)],
            cwd=tmp,
            stdin=handle,
            capture_output=True,
            text=True,
            timeout=HANG_LIMIT,
            check=False,
        )
    kib, status = proc.stdout.splitlines()[-1].split()
    return int(kib) // 1024, int(status), proc.stderr


def test_a_400_mb_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    with open(tmp_path / "dump.txt", "wb") as handle:
        handle.truncate(400 * 1024 * 1024)  # sparse: no disk used
    peak_mb, status, stderr = _peak(tmp_path, ["dump.txt"])
    assert [line for line in stderr.splitlines() if "error:" in line] == [
        "factlint: error: dump.txt: too long to analyse: 419,430,400 bytes (the limit for one "
        "file is 67,108,864 bytes; split it into articles)"
    ]
    assert status == 2
    assert peak_mb < 200, f"{peak_mb} MB: the file was read"


def test_endless_standard_input_is_refused_after_the_limit(tmp_path: Path) -> None:
    peak_mb, status, stderr = _peak(tmp_path, ["-"], stdin="/dev/zero")
    assert [line for line in stderr.splitlines() if "error:" in line] == [
        "factlint: error: <stdin>: too long to analyse: more than 67,108,864 bytes (the limit "
        "for one file is 67,108,864 bytes; split it into articles)"
    ]
    assert status == 2
    assert peak_mb < 400, f"{peak_mb} MB"
