"""`atomic_write`: old content or new, never half; no temporary files left; normal modes."""

from __future__ import annotations

import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import factlint.io
from factlint.io import atomic_write, deferred_interrupt


@pytest.fixture
def umask() -> Iterator[int]:
    """A known umask for the test, the caller's restored afterwards."""
    old = os.umask(0o027)
    try:
        yield 0o027
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_new_file_gets_the_umask_mode_not_0600(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "report.json"
    atomic_write(target, "{}\n")
    assert target.read_text() == "{}\n"
    assert mode(target) == 0o666 & ~umask == 0o640
    # What open() would have given, for comparison.
    plain = tmp_path / "plain.json"
    plain.write_text("{}\n")
    assert mode(target) == mode(plain)


def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "article.txt"
    target.write_text("old\n")
    target.chmod(0o604)
    atomic_write(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert mode(target) == 0o604
    assert leftovers(tmp_path) == []


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real" / "article.txt"
    real.parent.mkdir()
    real.write_text("Kiev\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write(link, "Kyiv\n")
    assert link.is_symlink()
    assert real.read_text() == "Kyiv\n"
    assert leftovers(real.parent) == [] and leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_old_content_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "article.txt"
    target.write_text("old\n")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(factlint.io.os, "fsync", full_disk)
    with pytest.raises(OSError):
        atomic_write(target, "new\n")
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_ctrl_c_during_the_write_finishes_the_file_then_interrupts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "article.txt"
    target.write_text("old\n")
    real_fsync = os.fsync
    signalled: list[int] = []

    def fsync_then_ctrl_c(fd: int) -> None:
        real_fsync(fd)
        if not signalled:
            signalled.append(fd)
            # A real SIGINT to this process, between writing the temp file and replacing.
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(factlint.io.os, "fsync", fsync_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new\n")
    assert signalled
    assert target.read_text() == "new\n"
    assert leftovers(tmp_path) == []
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_without_a_signal_the_handler_is_restored_and_nothing_is_raised() -> None:
    with deferred_interrupt():
        assert signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_users_own_sigint_handler_is_left_alone() -> None:
    calls: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: calls.append(signum))
    try:
        with deferred_interrupt():
            os.kill(os.getpid(), signal.SIGINT)
        assert calls == [signal.SIGINT]
    finally:
        signal.signal(signal.SIGINT, previous)
