"""Bytes to text: refuse binary data, detect the encoding, recover rather than refuse.

The order matters: binary data is recognised first (magic numbers, NUL bytes, control bytes) so that
an image is never decoded into mojibake; then UTF-8 (the common case) is tried strictly; bytes that
are mostly UTF-8 with a few broken sequences keep UTF-8 and get the broken bytes replaced; only
bytes with no UTF-8 multi-byte sequence at all go to charset-normalizer (legacy 8-bit encodings).
"""
from __future__ import annotations

import codecs
import logging
import re
from typing import Optional

logger = logging.getLogger(__name__)

# Leading bytes of common binary formats, with the name used in the failure reason.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or an Office/EPUB document)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),  # + level digit + block magic, checked in sniff_binary
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"),
    (b"\x00asm", "WebAssembly module"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"ID3", "MP3 audio"),  # + version byte, checked in sniff_binary
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
)

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Legacy encodings tried for bytes that are not UTF-8, Western first (ties go to the earlier one).
SINGLE_BYTE = (
    "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u", "iso8859_5",
    "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1255", "iso8859_8", "cp1256", "iso8859_6", "cp1257",
    "iso8859_13", "cp874",
)
DOUBLE_BYTE = ("gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "cp949")

# Control bytes that never appear in text (tab, newlines, form feed and escape aside).
_CONTROL = frozenset(range(0, 32)) - {9, 10, 11, 12, 13, 27}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)


# Short magics that also start ordinary words need the rest of their header behind them.
_STRICTER = {
    b"MZ": lambda head: _is_pe(head),
    b"BZh": lambda head: re.match(rb"BZh[1-9]1AY&SY", head) is not None,
    b"ID3": lambda head: head[3:4] in (b"\x02", b"\x03", b"\x04"),
}


class NotText(ValueError):
    """Raised by `decode` for bytes that are binary data, with the reason as its message."""


def sniff_binary(head: bytes) -> Optional[str]:
    """What binary format `head` (the first bytes of an input) looks like, or None for text."""
    if _bom(head):
        return None
    for magic, name in MAGIC:
        if head.startswith(magic) and _STRICTER.get(magic, lambda h: True)(head):
            return name
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[head[8:12]]
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if len(head) > 262 and head[257:262] == b"ustar":
        return "tar archive"
    if b"\x00" in head:
        if _utf16_without_bom(head):
            return None
        return "NUL bytes"
    sample = head[:4096]
    if sample:
        controls = sum(1 for b in sample if b in _CONTROL)
        if controls / len(sample) > 0.10:
            return "control bytes"
    return None


def decode(data: bytes, declared: Optional[str] = None, html: bool = False) -> tuple[str, str]:
    """Decode `data` to text; returns (text, encoding used). Raises NotText for binary data.

    `declared` is an encoding a server or a JSONL convention names; for HTML the page's own
    `<meta charset>` is honoured too. Invalid bytes are replaced, never a reason to refuse.
    """
    kind = sniff_binary(data[:65536])
    if kind is not None:
        raise NotText(f"not text: looks like binary data ({kind})")
    bom = _bom(data)
    if bom:
        marker, encoding = bom
        return data[len(marker):].decode(encoding, errors="replace"), encoding
    if b"\x00" in data[:65536]:
        encoding = _utf16_without_bom(data[:65536]) or "utf-16-le"
        return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for candidate in (declared, _meta_charset(data) if html else None):
        encoding = _known(candidate)
        if encoding and encoding != "utf-8":
            return data.decode(encoding, errors="replace"), encoding
    if _mostly_utf8(data[:65536]):
        # Mostly UTF-8 with a few corrupt bytes: keep UTF-8 so the good characters survive.
        logger.debug("invalid UTF-8 sequences replaced")
        return data.decode("utf-8", errors="replace"), "utf-8"
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    """A legacy encoding guessed by charset-normalizer; UTF-8 with replacement when it cannot.

    The candidates are limited to the legacy encodings news sites used: left free, the detector
    reads short Western text as UTF-16 or Big5. Text that is mostly ASCII is single-byte (a CJK
    double-byte text has high bytes in nearly every character), so CJK candidates are dropped then.
    """
    sample = data[:65536]
    ascii_share = sum(1 for b in sample if b < 0x80) / max(1, len(sample))
    if ascii_share >= 0.7:
        best = _best(data, SINGLE_BYTE)
    else:
        # Decided separately: a CJK text read as Thai is "valid" too, but its words make no sense,
        # which the detector's coherence (known-language letter frequencies) shows. Ties go to CJK.
        found = [m for m in (_best(data, DOUBLE_BYTE), _best(data, SINGLE_BYTE)) if m is not None]
        best = max(found, key=lambda m: m.coherence, default=None)
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace"), best.encoding
    return data.decode("utf-8", errors="replace"), "utf-8"


def _best(data: bytes, candidates: tuple[str, ...]):
    try:
        from charset_normalizer import from_bytes

        return from_bytes(data, cp_isolation=list(candidates)).best()
    except Exception as exc:  # a detector bug must not lose the document
        logger.debug("charset detection failed: %s", exc)
        return None


def _bom(data: bytes) -> Optional[tuple[bytes, str]]:
    for marker, encoding in BOMS:
        if data.startswith(marker):
            return marker, encoding
    return None


def _is_pe(head: bytes) -> bool:
    """True for a DOS/PE header ("MZ" then, at 0x3c, the offset of a "PE" signature)."""
    if len(head) < 64:
        return False
    offset = int.from_bytes(head[60:64], "little")
    return head[offset:offset + 4] == b"PE\x00\x00"


def _utf16_without_bom(head: bytes) -> Optional[str]:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit at every other position as in ASCII-range UTF-16."""
    sample = head[: len(head) - len(head) % 2][:4096]
    if len(sample) < 8:
        return None
    pairs = len(sample) // 2
    even_nul = sum(1 for i in range(0, len(sample), 2) if sample[i] == 0)
    odd_nul = sum(1 for i in range(1, len(sample), 2) if sample[i] == 0)
    for nuls, other, encoding in ((odd_nul, even_nul, "utf-16-le"), (even_nul, odd_nul, "utf-16-be")):
        if nuls >= 0.9 * pairs and other == 0:
            text = sample.decode(encoding, errors="replace")
            printable = sum(1 for c in text if c.isprintable() or c in "\t\r\n")
            if printable >= 0.95 * len(text):
                return encoding
    return None


def _meta_charset(data: bytes) -> Optional[str]:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def _known(encoding: Optional[str]) -> Optional[str]:
    if not encoding:
        return None
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def _mostly_utf8(sample: bytes) -> bool:
    """True for UTF-8 with a few corrupt bytes, False for a legacy encoding.

    Measured on invented text: in cp1252/cp1251/KOI8 text no high byte forms valid UTF-8; in CJK
    legacy encodings up to ~40% do by chance (EUC-JP), but those texts are mostly high bytes. So:
    most high bytes valid, or a mostly-ASCII text with any valid multi-byte character.
    """
    high = sum(1 for b in sample if b > 127)
    if not high:
        return False
    text = sample.decode("utf-8", errors="replace")
    valid = sum(len(c.encode("utf-8", errors="surrogatepass")) for c in text if ord(c) > 127 and c != "\ufffd")
    share = valid / high
    ascii_share = (len(sample) - high) / len(sample)
    return share >= 0.5 or (share > 0 and ascii_share >= 0.7)
