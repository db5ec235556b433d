"""Writing files so an interruption leaves either the old content or the new, never half."""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType


@contextmanager
def deferred_interrupt() -> Iterator[None]:
    """Hold a Ctrl-C (SIGINT) until the block is done, then raise KeyboardInterrupt.

    A KeyboardInterrupt can land on any bytecode, including between creating the temporary
    file and the `try` that removes it; deferring it makes the write and its cleanup one step.
    Only the main thread can swap handlers; elsewhere, or when the user set their own
    handler, the block runs as is.
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    received: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if received:
        raise KeyboardInterrupt


def _new_file_mode() -> int:
    """0666 less the umask: what `open()` would give a new file (mkstemp gives 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; some filesystems cannot open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class FileChangedError(OSError):
    """The file changed on disk after it was read: writing would lose what was added."""


@dataclass(frozen=True)
class FileState:
    """What a file held when it was read: size, modification time and a hash of its bytes."""

    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of(cls, path: str | Path, data: bytes | None = None) -> FileState:
        """The state of `path` now; `data` is its content when the caller just read it."""
        info = os.stat(path)
        if data is None:
            data = Path(path).read_bytes()
        return cls(info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest())


def _is_special(path: str | Path) -> bool:
    """True for what exists and is not a regular file or folder: a device, FIFO or socket
    (`/dev/null`, `>(wc -c)`'s `/dev/fd/63`). Those are written to, never replaced."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_straight(path: str | Path, payload: bytes) -> None:
    """Write to a device or pipe as `open()` would: there is no old content to keep."""
    with deferred_interrupt(), open(path, "wb") as handle:
        handle.write(payload)


def atomic_write(path: str | Path, data: str | bytes, expect: FileState | None = None) -> None:
    """Replace `path` with `data` in one step: a reader or a crash sees old or new, never half.

    A symlink is followed, so the file it points to gets the new content and the link stays.
    An existing file keeps its permission bits; a new one gets 0666 less the umask. A device,
    FIFO or `/dev/fd/N` is written straight: renaming over it would replace the node itself.
    With `expect`, the file must still be as it was read just before the rename, else
    FileChangedError and the file is left alone (text added meanwhile is not lost).
    """
    # A file name that is not UTF-8 reaches reports as lone surrogates: written as escapes
    # (`\udce9`, valid in JSON), not an error after the whole run.
    payload = data.encode("utf-8", errors="backslashreplace") if isinstance(data, str) else data
    if _is_special(path):
        _write_straight(path, payload)
        return
    target = Path(os.path.realpath(path))
    with deferred_interrupt():
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                mode = target.stat().st_mode & 0o7777
            except FileNotFoundError:
                mode = _new_file_mode()
            os.chmod(tmp, mode)
            if expect is not None and FileState.of(target) != expect:
                raise FileChangedError(f"{path}: changed on disk since it was read")
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(target.parent)


class TooLarge(ValueError):
    """A file read with `read_bounded` holds more than its limit."""


def read_bounded(path: str | Path, limit: int) -> bytes:
    """The bytes of `path`, reading at most `limit` + 1 of them: a device that never ends
    (`/dev/zero`) or a runaway file raises TooLarge instead of filling memory."""
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"larger than {limit:,} bytes")
    return data
