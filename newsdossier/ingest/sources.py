"""Inputs as the user names them (paths, directories, URLs, `-`) turned into byte streams: Blobs.

Nothing here decides what the bytes are; that is the readers' job. Everything here is lazy: a
directory is listed (names only), files are opened one at a time, and a stream is never read whole.
Problems become `InputError`s that name the input and the reason in one line.
"""
from __future__ import annotations

import io
import logging
import os
import re
import stat
from dataclasses import dataclass
from typing import Any, BinaryIO, Iterable, Iterator, Optional

from .. import registry
from ..errors import ArgumentError, InputError
from ..redact import redact_credentials
from ..settings import Settings
from .fetch import megabytes

logger = logging.getLogger(__name__)

HEAD_BYTES = 65536
STDIN = "<stdin>"
# Which fetcher reads which URL scheme; a plugin fetcher adds its scheme here.
SCHEME_FETCHERS: dict[str, str] = {"http": "http.v1", "https": "http.v1"}
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


@dataclass
class Blob:
    """One input's bytes, not yet interpreted: where they came from and a stream to read them."""

    source: str
    stream: BinaryIO
    head: bytes
    url: Optional[str] = None
    size: Optional[int] = None
    content_type: Optional[str] = None
    name: str = ""
    what: str = "file"

    @property
    def suffix(self) -> str:
        return os.path.splitext(self.name)[1].lower()

    def read_all(self, settings: Settings) -> bytes:
        """Every byte, or InputError naming the size when there are more than `max_bytes`."""
        limit = settings.max_bytes
        if self.size is not None and self.size > limit:
            raise InputError(self.source, f"{self.what} is {megabytes(self.size)}, over the {megabytes(limit)} limit (--max-bytes)")
        data = self.stream.read(limit + 1)
        if len(data) > limit:
            raise InputError(self.source, f"{self.what} is over the {megabytes(limit)} limit (--max-bytes)")
        return data

    def close(self) -> None:
        try:
            self.stream.close()
        except OSError:
            pass


class _Prefixed(io.RawIOBase):
    """A raw stream that replays `head` and then continues with `rest` (for unseekable stdin)."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        if not data:
            return 0
        buffer[: len(data)] = data
        return len(data)


def input_names(inputs: Any) -> list[str]:
    """`inputs` as the list of names every API that takes inputs works on.

    One str or path-like is one input: iterating it would take each character as a path (and "/"
    as the whole filesystem). Anything else must be an iterable of str or path-likes; bytes, None
    and numbers are refused with ArgumentError rather than read as something they are not.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    elif inputs is None or isinstance(inputs, (bytes, bytearray, memoryview)) or not isinstance(inputs, Iterable):
        raise ArgumentError(f"inputs must be a path, URL or '-' (str or path-like), or a list of them; "
                            f"got {_describe(inputs)}")
    names = []
    for n, item in enumerate(inputs):
        name = os.fspath(item) if isinstance(item, os.PathLike) else item
        if not isinstance(name, str):
            raise ArgumentError(f"inputs[{n}] must be a path, URL or '-' as str or path-like; got {_describe(item)}"
                                + (" (decode it with os.fsdecode)" if isinstance(name, bytes) else ""))
        names.append(name)
    return names


def _describe(value: Any) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:60] + '...' if len(text) > 60 else text}"


def display_name(name: str) -> str:
    """`name` as it can be printed and stored as UTF-8.

    The OS hands Python a file name that is not UTF-8 with each bad byte as a lone surrogate
    (PEP 383); such a string cannot be written to JSON output or a database. The bytes are shown
    as `\\xNN`, as `ls -b` does, and any other lone surrogate as `\\udNNN`. The file itself is
    still opened by its real name.
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def expand(inputs, settings: Settings, stdin: Optional[BinaryIO] = None) -> Iterator["Blob | InputError"]:
    """Each input as a Blob ready to read, or the InputError saying why it cannot be read."""
    for item in input_names(inputs):
        if item == "-":
            yield _stdin_blob(stdin, settings)
        elif _URL.match(item):
            yield _url_blob(item, settings)
        elif os.path.isdir(item):
            yield from _directory(item)
        else:
            yield _file_blob(item)


def _stdin_blob(stdin: Optional[BinaryIO], settings: Settings) -> "Blob | InputError":
    if stdin is None:
        import sys

        stdin = getattr(sys.stdin, "buffer", None)
    if stdin is None:
        return InputError(STDIN, "standard input is not available")
    head = stdin.read(HEAD_BYTES) or b""
    stream = io.BufferedReader(_Prefixed(head, stdin), buffer_size=HEAD_BYTES)
    return Blob(source=STDIN, stream=stream, head=head, name="", what="input")


def _url_blob(url: str, settings: Settings) -> "Blob | InputError":
    scheme = _URL.match(url).group(1).lower()
    name = SCHEME_FETCHERS.get(scheme)
    if name is None:
        known = ", ".join(sorted(SCHEME_FETCHERS))
        return InputError(url, f"unsupported URL scheme {scheme!r} (use {known})")
    try:
        fetched = registry.fetchers.get(name)(url, settings)
    except InputError as exc:
        return InputError(display_name(url), exc.reason, exc.transient)
    path = fetched.url.split("?", 1)[0].split("#", 1)[0]
    # The fetcher had the URL whole; from here on it is shown and stored, so without a password.
    return Blob(
        source=redact_credentials(display_name(url)), stream=io.BytesIO(fetched.data), head=fetched.data[:HEAD_BYTES],
        url=redact_credentials(fetched.url),
        size=len(fetched.data), content_type=fetched.content_type, name=path.rsplit("/", 1)[-1],
        what="response",
    )


def _directory(path: str) -> Iterator["Blob | InputError"]:
    """Every non-hidden file under `path`, recursively, in sorted order of relative path."""
    found: list[str] = []
    for root, dirs, files in os.walk(path, onerror=lambda exc: logger.warning("%s", exc)):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        # A symlink to a directory is listed among `dirs` and not followed (no loops); name it.
        for entry in list(dirs):
            if os.path.islink(os.path.join(root, entry)):
                dirs.remove(entry)
                found.append(os.path.join(root, entry))
        found.extend(os.path.join(root, f) for f in files if not f.startswith("."))
    if not found:
        yield InputError(display_name(path), "directory holds no files")
        return
    for file in sorted(found, key=lambda p: os.path.relpath(p, path).split(os.sep)):
        if os.path.isdir(file):
            logger.info("%s: symlinked directory not followed", display_name(file))
            continue
        yield _file_blob(file, in_folder=True)


def _kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return "not a regular file"


def _file_blob(path: str, in_folder: bool = False) -> "Blob | InputError":
    """An opened regular file, or why it cannot be read (missing, dangling link, permissions ...)."""
    source = display_name(path)
    if os.path.islink(path) and not os.path.exists(path):
        return InputError(source, f"dangling symlink (points to missing {display_name(os.readlink(path))})")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return InputError(source, "no such file or directory")
    except PermissionError:
        return InputError(source, "permission denied")
    except OSError as exc:
        return InputError(source, f"cannot read ({exc.strerror or exc})")
    if stat.S_ISDIR(info.st_mode):
        return InputError(source, "is a directory (symlinked directories are not followed)")
    regular = stat.S_ISREG(info.st_mode)
    # A FIFO named by itself is what a shell's process substitution passes (`dossier extract
    # <(curl ...)`), so it is read. One found in a folder is not (opening it would wait for a
    # writer that may never come, and nobody asked for it by name): skipped, and said so.
    if in_folder and not regular:
        return InputError(source, f"{_kind(info.st_mode)} inside a folder is not read (name it to read it)")
    if not (regular or stat.S_ISFIFO(info.st_mode)):
        return InputError(source, f"not a regular file ({_kind(info.st_mode)})")
    try:
        stream = open(path, "rb")
    except PermissionError:
        return InputError(source, "permission denied")
    except OSError as exc:
        return InputError(source, f"cannot read ({exc.strerror or exc})")
    try:
        head = stream.read(HEAD_BYTES)
        if regular:
            stream.seek(0)
        else:
            stream = io.BufferedReader(_Prefixed(head, stream), buffer_size=HEAD_BYTES)
    except OSError as exc:
        stream.close()
        return InputError(source, f"cannot read ({exc.strerror or exc})")
    return Blob(source=source, stream=stream, head=head, size=info.st_size if regular else None,
                name=os.path.basename(path))
