"""The outer layer of a format-2 bundle: what stays readable, and the age-encrypted content.

A bundle file is a ZIP of `manifest.json` (only the format, its version and
the sender's device id: enough to route it, nothing it carries), and
`content.age`, the inner bundle (tables, attachments, roster, signatures)
encrypted with age to every device that may read it: headquarters and the
enrolled laptops of the campaigns it carries (`roster.Roster.recipients`). age (through pyrage) because it is a small, reviewed,
standard format with X25519 recipients and a passphrase mode, and an
administrator can open a bundle with the standard `age` tool:

    unzip -p x.inspbundle content.age | age -d -i keys/<device>.age > inner.zip

A passphrase for a device not yet enrolled is one more recipient: the
content is also encrypted to a fresh X25519 identity, and that identity's
secret is stored in `passphrase.age`, encrypted with age's scrypt
passphrase mode (age lets a passphrase be a file's only recipient).
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from inspector.messages import Message
from inspector.sync.errors import BundleError

OUTER_MANIFEST = "manifest.json"
CONTENT = "content.age"
PASSPHRASE = "passphrase.age"
FORMAT = "inspector-bundle"
FORMAT_VERSION = 2
MAX_OUTER_MANIFEST = 64 * 1024
MAX_PASSPHRASE_MEMBER = 64 * 1024
SPOOL_BYTES = 256 * 1024 * 1024  # inner bundles up to this size are never written to disk


class NotRecipient(BundleError):
    """Sealed to other devices: only its passphrase, if it has one, opens it here."""

    def __init__(self, message: Message, has_passphrase: bool):
        super().__init__(message)
        self.has_passphrase = has_passphrase


class WrongPassphrase(BundleError):
    """The passphrase given does not open the bundle."""


def seal(
    inner: IO[bytes],
    out: Path,
    sender: str,
    recipients: Sequence[str],
    passphrase: str | None = None,
) -> None:
    """Write `out`: the readable routing manifest and `inner` encrypted to `recipients`."""
    keys = [x25519.Recipient.from_str(r) for r in recipients]
    extra = None
    if passphrase:
        extra = x25519.Identity.generate()
        keys.append(extra.to_public())
    if not keys:
        raise BundleError(
            Message(
                "no device may read this bundle: this device is not "
                "enrolled and holds no roster; enrol it at headquarters, or "
                "export with a passphrase"
            )
        )
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "sender": sender,
        "content": CONTENT,
    }
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr(OUTER_MANIFEST, json.dumps(manifest, indent=1))
        with zf.open(CONTENT, "w", force_zip64=True) as dst:
            pyrage.encrypt_io(inner, dst, keys)
        if extra is not None and passphrase:
            zf.writestr(PASSPHRASE, age_passphrase.encrypt(str(extra).encode(), passphrase))


def read_outer(name: str, zf: zipfile.ZipFile) -> dict[str, Any]:
    """The routing manifest, checked; format 1 and newer formats are refused with why."""
    names = set(zf.namelist())
    if OUTER_MANIFEST not in names:
        raise BundleError(
            Message("{file}: manifest.json is missing; not an Inspector bundle", file=name)
        )
    info = zf.getinfo(OUTER_MANIFEST)
    if info.file_size > MAX_OUTER_MANIFEST:
        raise BundleError(
            Message(
                "{file}: manifest.json declares {size:,} bytes, more than the {limit:,} allowed",
                file=name,
                size=info.file_size,
                limit=MAX_OUTER_MANIFEST,
            )
        )
    try:
        with zf.open(info) as fh:
            data = json.loads(fh.read(MAX_OUTER_MANIFEST + 1).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(
            Message("{file}: manifest.json is not valid JSON ({error})", file=name, error=str(exc))
        ) from None
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as exc:
        raise BundleError(
            Message(
                "{file}: member {member} is damaged ({error})",
                file=name,
                member=OUTER_MANIFEST,
                error=str(exc),
            )
        ) from None
    if not isinstance(data, dict):
        raise BundleError(Message("{file}: manifest.json: not a JSON object", file=name))
    if data.get("format") != FORMAT:
        raise BundleError(
            Message(
                "{file}: manifest.json: not an Inspector bundle (format is "
                "{format!r}, expected {expected!r})",
                file=name,
                format=data.get("format"),
                expected=FORMAT,
            )
        )
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BundleError(
            Message(
                "{file}: manifest.json: format_version {version!r} is not valid",
                file=name,
                version=version,
            )
        )
    if version == 1:
        raise BundleError(
            Message(
                "{file}: unsigned bundle (format 1) from an older Inspector: "
                "nothing in it proves who wrote it, so it is not imported; "
                "update Inspector on {device} and export again",
                file=name,
                device=str(
                    data.get("device_name") or data.get("device_id") or "the sending laptop"
                )[:60],
            )
        )
    if version > FORMAT_VERSION:
        raise BundleError(
            Message(
                "{file}: this bundle was made by a newer Inspector (bundle "
                "format {version}, this version reads {readable}); update "
                "Inspector to import it",
                file=name,
                version=version,
                readable=FORMAT_VERSION,
            )
        )
    sender = data.get("sender")
    if not isinstance(sender, str) or not 1 <= len(sender) <= 64:
        raise BundleError(
            Message("{file}: manifest.json: 'sender' is missing or not valid", file=name)
        )
    allowed = {OUTER_MANIFEST, CONTENT, PASSPHRASE}
    for member in sorted(names - allowed):
        raise BundleError(
            Message("{file}: unexpected member {member!r}", file=name, member=member[:120])
        )
    if CONTENT not in names:
        raise BundleError(Message("{file}: {member} is missing", file=name, member=CONTENT))
    return data


def open_content(
    name: str,
    zf: zipfile.ZipFile,
    identities: Sequence[x25519.Identity],
    passphrase: str | None,
    limit: int,
) -> IO[bytes]:
    """The decrypted inner bundle, in memory up to SPOOL_BYTES (then a private temp file)."""
    keys = list(identities)
    if passphrase:
        keys.append(_passphrase_identity(name, zf, passphrase))
    info = zf.getinfo(CONTENT)
    # zipfile never yields more than a member declares, and age's plaintext is shorter than
    # its ciphertext: bounding the declared size bounds what decrypting can write.
    if info.file_size > limit:
        raise BundleError(
            Message(
                "{file}: {size:,} bytes of content, more than the {limit:,} a bundle may hold",
                file=name,
                size=info.file_size,
                limit=limit,
            )
        )
    out = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - caller closes
    try:
        with zf.open(info) as src:
            pyrage.decrypt_io(src, out, keys)
    except pyrage.DecryptError as exc:
        out.close()
        if "No matching keys" in str(exc):
            raise NotRecipient(
                Message(
                    "{file}: this device is not a recipient of this bundle: "
                    "it is sealed to headquarters and the enrolled laptops "
                    "assigned to its campaigns; ask the sender for a bundle "
                    "with a passphrase, or headquarters to enrol this laptop "
                    "or assign it to the campaign",
                    file=name,
                ),
                PASSPHRASE in zf.namelist(),
            ) from None
        raise BundleError(
            Message(
                "{file}: the encrypted content is damaged or altered ({error})",
                file=name,
                error=str(exc)[:120],
            )
        ) from None
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as exc:
        out.close()
        raise BundleError(
            Message(
                "{file}: member {member} is damaged ({error})",
                file=name,
                member=CONTENT,
                error=str(exc)[:120],
            )
        ) from None
    out.seek(0)
    return out


def _passphrase_identity(name: str, zf: zipfile.ZipFile, passphrase: str) -> x25519.Identity:
    if PASSPHRASE not in zf.namelist():
        raise BundleError(Message("{file}: this bundle has no passphrase", file=name))
    info = zf.getinfo(PASSPHRASE)
    if info.file_size > MAX_PASSPHRASE_MEMBER:
        raise BundleError(Message("{file}: {member} is too large", file=name, member=PASSPHRASE))
    try:
        secret = age_passphrase.decrypt(zf.read(info), passphrase)
        return x25519.Identity.from_str(secret.decode("ascii").strip())
    except (pyrage.DecryptError, pyrage.IdentityError, UnicodeDecodeError, ValueError):
        raise WrongPassphrase(Message("{file}: wrong passphrase", file=name)) from None
