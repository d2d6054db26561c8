"""Writing output files safely: atomically, never over an input or over a file that is not
geep's, and with a clear error when the file system says no.

:func:`atomic_write_bytes` writes to a temporary file in the target folder and renames it into
place; ``SIGINT`` is held back while it works, so Ctrl-C leaves either the whole file or no file
(and never a temporary one). Failures name the *target* path (not the temporary file) and say
why: the parent is a file, the folder is read-only, the disk is full, the target is a folder.

:func:`guard_output` is the one check every command that writes goes through. It refuses

* a target that is one of the command's inputs (compared as resolved paths and by inode, so
  symlinks, ``..`` and letter case on case-insensitive systems do not hide it), always;
* an existing file that is not a geep output (see :mod:`geep.io.marker`), unless ``force``.

A command declares its inputs and ``--force`` once with :func:`output_policy`; every write made
inside the ``with`` block (sidecar files included) is then checked against them.

References
----------
POSIX ``rename(2)`` (atomic replacement within one file system); ``pthread_sigmask(3)``.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import GeepError
from ..messages import text
from .marker import is_geep_output

#: temporary files are named ``.<target name>.<random>.tmp`` in the target's folder
TMP_PREFIX = "."
TMP_SUFFIX = ".tmp"


class OutputError(GeepError, OSError):
    """An output file could not be written (exit code 1); ``file`` is the target path."""


class OutputExistsError(GeepError, FileExistsError):
    """Writing would replace an input or a file that is not a geep output (exit code 2)."""


@dataclass(frozen=True)
class OutputPolicy:
    """What a command may overwrite: never ``inputs``; other files only with ``force``."""

    inputs: tuple[Path, ...] = ()
    force: bool = False


_POLICY: contextvars.ContextVar[OutputPolicy | None] = contextvars.ContextVar(
    "geep_output_policy", default=None
)


@contextlib.contextmanager
def output_policy(inputs: Iterable[str | Path] = (), force: bool = False) -> Iterator[OutputPolicy]:
    """Check every :func:`atomic_write_bytes` inside the block against ``inputs`` / ``force``."""
    policy = OutputPolicy(tuple(Path(p) for p in inputs), bool(force))
    token = _POLICY.set(policy)
    try:
        yield policy
    finally:
        _POLICY.reset(token)


def current_policy() -> OutputPolicy | None:
    """The policy of the enclosing :func:`output_policy` block, if any."""
    return _POLICY.get()


def _canon(path: Path) -> str:
    return os.path.normcase(os.path.realpath(os.path.abspath(path)))


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether ``a`` and ``b`` name the same file (resolved path, or same inode)."""
    if _canon(Path(a)) == _canon(Path(b)):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def guard_output(
    path: str | Path,
    *,
    inputs: Iterable[str | Path] | None = None,
    force: bool | None = None,
    data: bytes | None = None,
) -> Path:
    """Refuse to write ``path`` if that would destroy something; return ``path``.

    Parameters
    ----------
    inputs, force
        The command's input files and ``--force``; default: those of the enclosing
        :func:`output_policy` (none and ``False`` outside one).
    data
        The bytes about to be written: an existing file with exactly these bytes may be
        replaced (nothing is lost).

    Raises
    ------
    OutputExistsError
        ``path`` is an input (even with ``force``), or an existing file that is not a geep
        output (unless ``force``).
    OutputError
        ``path`` is an existing folder.
    """
    path = Path(path)
    policy = current_policy() or OutputPolicy()
    ins = tuple(inputs) if inputs is not None else policy.inputs
    force = policy.force if force is None else force
    for p in ins:
        if same_file(path, p):
            raise OutputExistsError(
                text("cli.out_is_input", file=str(path)),
                hint=text("cli.hint_out_is_input"),
                file=str(path),
            )
    if path.is_dir():
        raise OutputError(
            text("cli.out_is_dir", file=str(path)),
            hint=text("cli.hint_out_is_dir", file=str(path)),
            file=str(path),
        )
    if not os.path.lexists(path) or force:
        return path
    if data is not None and _same_bytes(path, data):
        return path
    if path.is_file() and is_geep_output(path):
        return path
    raise OutputExistsError(
        text("cli.out_exists", file=str(path)), hint=text("cli.hint_force"), file=str(path)
    )


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _first_file_ancestor(path: Path) -> Path | None:
    for parent in (path, *path.parents):
        if parent.exists() and not parent.is_dir():
            return parent
    return None


def output_error(exc: OSError, path: Path) -> OutputError:
    """A clear :class:`OutputError` about ``path`` for an ``OSError`` raised writing it."""
    p = str(path)
    code = exc.errno
    if code in (errno.ENOTDIR, errno.EEXIST) or isinstance(exc, NotADirectoryError):
        blocker = _first_file_ancestor(path)
        if blocker is not None:
            return OutputError(
                text("cli.out_parent_file", file=p, parent=str(blocker)),
                hint=text("cli.hint_out_parent_file"),
                file=p,
            )
    if code == errno.EISDIR or path.is_dir():
        return OutputError(
            text("cli.out_is_dir", file=p), hint=text("cli.hint_out_is_dir", file=p), file=p
        )
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG):
        return OutputError(text("cli.out_full", file=p), hint=text("cli.hint_out_full"), file=p)
    if code == errno.EROFS:
        return OutputError(
            text("cli.out_readonly", file=p), hint=text("cli.hint_out_readonly"), file=p
        )
    if code in (errno.EACCES, errno.EPERM):
        return OutputError(
            text("cli.out_permission", file=p), hint=text("cli.hint_out_readonly"), file=p
        )
    return OutputError(
        text("cli.out_failed", file=p, problem=exc.strerror or type(exc).__name__), file=p
    )


@contextlib.contextmanager
def _hold_sigint() -> Iterator[None]:
    """Hold back SIGINT (Ctrl-C) in the main thread; it is delivered when the block ends."""
    can = (
        hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    )
    if not can:
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder, then rename.

    Inside an :func:`output_policy` block the target is first checked by :func:`guard_output`.

    Raises
    ------
    OutputExistsError
        The policy forbids replacing ``path``.
    OutputError
        The file system refused (parent is a file, read-only, full, target is a folder).
    """
    path = Path(path)
    if current_policy() is not None:
        guard_output(path, data=data)
    elif path.is_dir():
        raise OutputError(
            text("cli.out_is_dir", file=str(path)),
            hint=text("cli.hint_out_is_dir", file=str(path)),
            file=str(path),
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(exc, path) from exc
    tmp: str | None = None
    with _hold_sigint():
        try:
            fd, tmp = tempfile.mkstemp(
                prefix=f"{TMP_PREFIX}{path.name}.", suffix=TMP_SUFFIX, dir=path.parent
            )
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            # mkstemp creates 0600 files: give the usual permissions (0666 less the umask)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, path)
            tmp = None
        except OSError as exc:
            raise output_error(exc, path) from exc
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


def stale_temporaries(folder: Path) -> list[Path]:
    """Temporary files left in ``folder`` by an interrupted geep write (e.g. a killed worker)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.name.startswith(TMP_PREFIX) and p.name.endswith(TMP_SUFFIX) and p.is_file()
    )


__all__ = [
    "OutputError",
    "OutputExistsError",
    "OutputPolicy",
    "atomic_write_bytes",
    "current_policy",
    "guard_output",
    "output_error",
    "output_policy",
    "same_file",
    "stale_temporaries",
]
