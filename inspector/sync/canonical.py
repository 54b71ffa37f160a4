"""The one serialisation every device hashes and signs: sorted keys, no spaces, UTF-8.

A row version's hash must come out the same on every laptop that holds it,
or a relayed version could not be matched to its author's signature. Bundle
lines are written in exactly this form, so the hash of a line as read is
the hash of the version it holds.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def line_hash(line: bytes) -> bytes:
    """The version hash of one bundle line (its bytes without the newline)."""
    return hashlib.sha256(line).digest()


def signed_bytes(domain: str, value: Any) -> bytes:
    """What a signature covers: a domain label (so no signature is valid in two roles) and a value."""
    return domain.encode("ascii") + b"\x00" + canonical(value)
