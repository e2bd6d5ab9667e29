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
from typing import BinaryIO, Iterator, Optional

from .. import registry
from ..errors import InputError
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


def expand(inputs, settings: Settings, stdin: Optional[BinaryIO] = None) -> Iterator["Blob | InputError"]:
    """Each input as a Blob ready to read, or the InputError saying why it cannot be read."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]  # one input given bare, not a list of its characters
    for item in inputs:
        item = os.fspath(item) if isinstance(item, os.PathLike) else str(item)
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
        return InputError(url, exc.reason)
    path = fetched.url.split("?", 1)[0].split("#", 1)[0]
    # The fetcher had the URL whole; from here on it is shown and stored, so without a password.
    return Blob(
        source=redact_credentials(url), stream=io.BytesIO(fetched.data), head=fetched.data[:HEAD_BYTES],
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
        yield InputError(path, "directory holds no files")
        return
    for file in sorted(found, key=lambda p: os.path.relpath(p, path).split(os.sep)):
        if os.path.isdir(file):
            logger.info("%s: symlinked directory not followed", file)
            continue
        yield _file_blob(file)


def _file_blob(path: str) -> "Blob | InputError":
    """An opened regular file, or why it cannot be read (missing, dangling link, permissions ...)."""
    if os.path.islink(path) and not os.path.exists(path):
        return InputError(path, f"dangling symlink (points to missing {os.readlink(path)})")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return InputError(path, "no such file or directory")
    except PermissionError:
        return InputError(path, "permission denied")
    except OSError as exc:
        return InputError(path, f"cannot read ({exc.strerror or exc})")
    if stat.S_ISDIR(info.st_mode):
        return InputError(path, "is a directory (symlinked directories are not followed)")
    # A FIFO is what a shell's process substitution passes (`dossier extract <(curl ...)`).
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        return InputError(path, "not a regular file")
    try:
        stream = open(path, "rb")
    except PermissionError:
        return InputError(path, "permission denied")
    except OSError as exc:
        return InputError(path, f"cannot read ({exc.strerror or exc})")
    regular = stat.S_ISREG(info.st_mode)
    try:
        head = stream.read(HEAD_BYTES)
        if regular:
            stream.seek(0)
        else:
            stream = io.BufferedReader(_Prefixed(head, stream), buffer_size=HEAD_BYTES)
    except OSError as exc:
        stream.close()
        return InputError(path, f"cannot read ({exc.strerror or exc})")
    return Blob(source=path, stream=stream, head=head, size=info.st_size if regular else None,
                name=os.path.basename(path))
