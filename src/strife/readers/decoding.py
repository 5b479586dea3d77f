"""Bytes to text: UTF-8 first, replacement with a warning, binary refused, size capped."""

from __future__ import annotations

from strife.document import MAX_TEXT_CHARS

# A NUL byte never occurs in text encodings we accept; in the first 8 KiB it marks a binary file.
_SNIFF_BYTES = 8192


def looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 has NULs but is text
        return False
    return b"\x00" in head


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode, returning the text and a warning when bytes had to be replaced."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return text, (
            f"not valid UTF-8 (first bad byte at offset {err.start}): "
            f"decoded with {bad} replacement character(s)"
        )


def cap_length(text: str, limit: int = MAX_TEXT_CHARS) -> tuple[str, str | None]:
    """Truncate an over-long document at a whitespace near the limit, and say so."""
    if len(text) <= limit:
        return text, None
    cut = text.rfind(" ", limit - 1000, limit)
    cut = cut if cut > 0 else limit
    return text[:cut], f"document of {len(text):,} characters truncated to {cut:,} (limit {limit:,})"
