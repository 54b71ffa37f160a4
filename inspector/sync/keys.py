"""This installation's private keys: an Ed25519 signing key and an age (X25519) identity.

The keys live in files beside the database (`keys/<device id>.ed25519` and
`keys/<device id>.age`), never in it: the database is copied into backups and
its rows travel in bundles, and a private key must do neither. The files are
made on first use, readable by the user only (0600 in a 0700 folder), and
written to a temporary name then renamed, so a crash never leaves half a key.
"""

from __future__ import annotations

import base64
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlite_utils import Database

from inspector.messages import Message
from inspector.store import settings
from inspector.store.db import database_file
from inspector.store.files import write_atomically
from inspector.sync.errors import TrustError

KEYS_DIR = "keys"


def keys_dir(db: Database) -> Path:
    """Beside the database file; a private temporary folder for an in-memory database."""
    filename = database_file(db)
    if not filename:
        return Path(tempfile.gettempdir()) / f"inspector-memory-keys-{os.getuid()}"
    return Path(filename).parent / KEYS_DIR


def fingerprint(signing_key: str) -> str:
    """80 bits of the public key's sha256 in groups of four: read out over the phone."""
    digest = hashlib.sha256(public_bytes(signing_key)).hexdigest()[:20].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 20, 4))


def public_bytes(signing_key: str) -> bytes:
    """The 32 raw bytes of a base64 Ed25519 public key; TrustError if it is not one."""
    try:
        raw = base64.b64decode(signing_key, validate=True)
    except (ValueError, TypeError):
        raw = b""
    if len(raw) != 32:
        raise TrustError(Message("{key!r} is not a signing key", key=str(signing_key)[:60]))
    return raw


def verify(signing_key: str, signature: str, data: bytes) -> bool:
    """Whether `signature` (base64) is the key's Ed25519 signature of `data`."""
    try:
        sig = base64.b64decode(signature, validate=True)
        Ed25519PublicKey.from_public_bytes(public_bytes(signing_key)).verify(sig, data)
    except (InvalidSignature, ValueError, TypeError, TrustError):
        return False
    return True


def check_recipient(recipient: str) -> str:
    """An age X25519 recipient (`age1…`), or TrustError."""
    try:
        pyrage.x25519.Recipient.from_str(recipient)
    except (pyrage.RecipientError, ValueError, TypeError):
        raise TrustError(
            Message("{key!r} is not an encryption key", key=str(recipient)[:70])
        ) from None
    return recipient


@dataclass(frozen=True)
class DeviceKeys:
    device_id: str
    signing: Ed25519PrivateKey
    identity: pyrage.x25519.Identity

    @property
    def signing_key(self) -> str:
        """The public signing key, base64 of its 32 raw bytes."""
        raw = self.signing.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return base64.b64encode(raw).decode()

    @property
    def recipient(self) -> str:
        return str(self.identity.to_public())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_key)

    def sign(self, data: bytes) -> str:
        return base64.b64encode(self.signing.sign(data)).decode()


def _paths(db: Database, device: str) -> tuple[Path, Path]:
    folder = keys_dir(db)
    return folder / f"{device}.ed25519", folder / f"{device}.age"


def stored_keys(db: Database, device: str) -> DeviceKeys | None:
    """The keys kept beside the database for `device` (an earlier id of it), if both files are."""
    sign_path, age_path = _paths(db, device)
    if not (sign_path.exists() and age_path.exists()):
        return None
    return _load(device, sign_path, age_path)


def device_keys(db: Database) -> DeviceKeys:
    """This installation's keys, made on first use."""
    device = settings.device_id(db)
    sign_path, age_path = _paths(db, device)
    if not sign_path.exists():
        key = Ed25519PrivateKey.generate()
        write_atomically(
            sign_path,
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
            private=True,
        )
    if not age_path.exists():
        write_atomically(
            age_path, str(pyrage.x25519.Identity.generate()).encode() + b"\n", private=True
        )
    return _load(device, sign_path, age_path)


# --- a new key pair for the same device (headquarters' succession, `roster.rotate`) -----

_NEXT = ".next"
RETIRED = ".retired.age"


def make_next_keys(db: Database, device: str) -> DeviceKeys:
    """New keys for `device`, written beside the current ones until `commit_next_keys`.

    Kept under other names first, so that a crash before the roster naming
    them is stored leaves the current keys in force, and one after it is
    finished by `next_keys` on the next start.
    """
    sign_path, age_path = _next_paths(db, device)
    key = Ed25519PrivateKey.generate()
    write_atomically(
        sign_path,
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        private=True,
    )
    write_atomically(
        age_path, str(pyrage.x25519.Identity.generate()).encode() + b"\n", private=True
    )
    return _load(device, sign_path, age_path)


def next_keys(db: Database, device: str) -> DeviceKeys | None:
    sign_path, age_path = _next_paths(db, device)
    if not (sign_path.exists() and age_path.exists()):
        return None
    return _load(device, sign_path, age_path)


def commit_next_keys(db: Database, device: str) -> None:
    """The new keys become the device's; the old signing key is deleted.

    The old age identity is kept in `<device>.retired.age` (one identity a
    line): bundles laptops sealed to it before they heard of the new key are
    still on their way. The old signing key is not kept anywhere: the file
    is replaced (an SSD may keep its old blocks; no file system here can
    promise more).
    """
    sign_path, age_path = _paths(db, device)
    next_sign, next_age = _next_paths(db, device)
    if age_path.exists():
        retired = keys_dir(db) / f"{device}{RETIRED}"
        held = retired.read_bytes() if retired.exists() else b""
        old = age_path.read_bytes().strip() + b"\n"
        if old not in held.splitlines(keepends=True):
            write_atomically(retired, held + old, private=True)
    os.replace(next_age, age_path)
    os.replace(next_sign, sign_path)


def retired_identities(db: Database) -> list[pyrage.x25519.Identity]:
    """Every retired age identity kept beside the database (see `commit_next_keys`)."""
    found = []
    folder = keys_dir(db)
    for path in sorted(folder.glob(f"*{RETIRED}")) if folder.exists() else []:
        for line in path.read_text().splitlines():
            try:
                found.append(pyrage.x25519.Identity.from_str(line.strip()))
            except pyrage.IdentityError:
                continue
    return found


def _next_paths(db: Database, device: str) -> tuple[Path, Path]:
    sign_path, age_path = _paths(db, device)
    return (sign_path.with_name(sign_path.name + _NEXT), age_path.with_name(age_path.name + _NEXT))


def _load(device: str, sign_path: Path, age_path: Path) -> DeviceKeys:
    try:
        signing = serialization.load_pem_private_key(sign_path.read_bytes(), password=None)
        identity = pyrage.x25519.Identity.from_str(age_path.read_text().strip())
    except (ValueError, TypeError, pyrage.IdentityError):
        raise TrustError(
            Message(
                "the key files in {folder} are damaged; restore them from "
                "where you keep them, or ask headquarters to enrol this "
                "device again",
                folder=str(sign_path.parent),
            )
        ) from None
    if not isinstance(signing, Ed25519PrivateKey):
        raise TrustError(Message("{file} is not an Ed25519 key", file=str(sign_path)))
    return DeviceKeys(device, signing, identity)
