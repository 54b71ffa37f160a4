"""Headquarters, enrolment and the roster document (docs/design-notes.md, "Roster").

Headquarters is the authority: its signing key signs the roster, a JSON
document listing every enrolled device with its role and public keys, a
serial number that grows with each change, and revocation stamps. The
roster travels in every bundle; a laptop pins the authority's key on the
first roster it accepts, after a person has compared the fingerprint
(trust on first use), and from then on accepts only rosters that key
signed. A roster older than the one held is ignored, so a replayed bundle
cannot bring a revoked device back.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector.messages import Message
from inspector.store import devices, settings
from inspector.store.clock import Clock
from inspector.sync.canonical import signed_bytes
from inspector.sync.errors import TrustError
from inspector.sync.keys import (
    DeviceKeys,
    check_recipient,
    commit_next_keys,
    device_keys,
    fingerprint,
    make_next_keys,
    next_keys,
    stored_keys,
    verify,
)
from inspector.sync.signing import Statement, statement_digest

ROLES = ("hq", "inspector")
ROSTER_FORMAT = "inspector-roster"
REQUEST_FORMAT = "inspector-enrolment-request"
SUCCESSION_FORMAT = "inspector-succession"
_ROSTER_KEY = "roster"
_AUTHORITY_KEY = "authority"
MAX_REQUEST_BYTES = 64 * 1024
_DIGEST = re.compile(r"[0-9a-f]{64}")
MAX_NOTICE_SEQ = 999_999  # the notices' seq domain (store.domains)
BLOCK_SIZE = 100  # numbers in a block headquarters hands out by itself
_DEVICE_ID = re.compile(r"[0-9A-Za-z_.:-]{1,64}")  # the device part of a clock value


@dataclass(frozen=True)
class Entry:
    device_id: str
    name: str
    role: str
    signing_key: str
    encryption_key: str
    enrolled_at: str
    revoked_at: str | None
    # At revocation: the digests of the device's statements headquarters had accepted
    # (`signing.statement_digest`); None for a device not revoked, or revoked by an
    # older Inspector, whose entry carries only the stamp.
    accepted: frozenset[str] | None = None
    # Signing keys the device had before (headquarters' succession): statements it
    # signed under them keep verifying when relayed.
    retired_keys: tuple[str, ...] = ()
    # The campaigns whose bundles this laptop may read; None: every campaign (the default
    # for an entry headquarters never assigned, and always for headquarters' own devices).
    campaigns: frozenset[str] | None = None
    # The device's notice number block (first, last) headquarters assigned; None: none yet.
    notice_block: tuple[int, int] | None = None

    def reads(self, campaigns: set[str]) -> bool:
        """Whether a bundle carrying `campaigns` (none: places and forms only) is for it."""
        return self.revoked_at is None and (
            self.role == "hq"
            or self.campaigns is None
            or not campaigns
            or bool(self.campaigns & campaigns)
        )

    @property
    def signing_keys(self) -> tuple[str, ...]:
        return (self.signing_key, *self.retired_keys)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_key)

    def revoked_for(self, version: str) -> bool:
        """Whether a version stamped `version` is refused by the revocation's stamp alone.

        Only for an entry without the accepted statements: the stamp is the
        author's own claim, so with the list the stamp decides nothing.
        """
        return (
            self.revoked_at is not None
            and self.accepted is None
            and version[:18] > self.revoked_at[:18]
        )

    def stands(self, digest: str) -> bool:
        """Whether versions this statement covers stand despite a revocation."""
        return self.revoked_at is None or self.accepted is None or digest in self.accepted


@dataclass(frozen=True)
class Roster:
    serial: int
    authority: dict[str, str]
    devices: dict[str, Entry]
    document: dict[str, Any]

    def recipients(self, campaigns: set[str] | None = None) -> list[str]:
        """Who may read a bundle carrying `campaigns`: the authority, headquarters' devices
        and the laptops assigned to one of them; every device not revoked when the bundle
        carries no campaign (or `campaigns` is None)."""
        keys = {e.encryption_key for e in self.devices.values() if e.reads(campaigns or set())}
        keys.add(self.authority["encryption_key"])
        return sorted(keys)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


# --- what this installation holds -------------------------------------------------------


def authority(db: Database) -> dict[str, str] | None:
    """The pinned headquarters key (device_id, name, signing_key, encryption_key), if any."""
    value = settings.get(db, _AUTHORITY_KEY)
    return value or None


def authority_keys(db: Database) -> DeviceKeys | None:
    """Headquarters' signing keys if this installation holds them.

    They stay those of the device id that made them: a restored backup or
    `device new` gives the database a new id (and new keys for its data),
    but it remains the authority as long as the authority's key files are
    beside it.
    """
    auth = authority(db)
    if auth is None:
        return None
    keys = stored_keys(db, auth["device_id"])
    if keys is None or keys.signing_key != auth["signing_key"]:
        pending = next_keys(db, auth["device_id"])
        if pending is None or pending.signing_key != auth["signing_key"]:
            return None
        commit_next_keys(db, auth["device_id"])  # a rotation stopped after its roster
        return pending
    return keys


def is_hq(db: Database) -> bool:
    return authority_keys(db) is not None


def current(db: Database) -> Roster | None:
    doc = settings.get(db, _ROSTER_KEY)
    return parse(doc) if doc else None


def role_of(db: Database) -> str | None:
    """This device's role in the roster it holds; None if not enrolled (or revoked)."""
    roster = current(db)
    entry = roster.devices.get(settings.device_id(db)) if roster else None
    if entry is None or entry.revoked_at is not None:
        return None
    return entry.role


def parse(doc: dict[str, Any]) -> Roster:
    """The roster's entries; TrustError naming what is malformed (no signature check here)."""
    try:
        if doc.get("format") != ROSTER_FORMAT or not isinstance(doc.get("serial"), int):
            raise ValueError("format")
        auth = {
            k: str(doc["authority"][k])
            for k in ("device_id", "name", "signing_key", "encryption_key")
        }
        entries = {}
        for d in doc["devices"]:
            listed = d.get("accepted")
            if listed is not None and not (
                isinstance(listed, list)
                and all(isinstance(x, str) and _DIGEST.fullmatch(x) for x in listed)
            ):
                raise ValueError("accepted")
            retired = d.get("retired_keys", [])
            if not (isinstance(retired, list) and all(isinstance(k, str) for k in retired)):
                raise ValueError("retired_keys")
            assigned = d.get("campaigns")
            if assigned is not None and not (
                isinstance(assigned, list) and all(isinstance(c, str) for c in assigned)
            ):
                raise ValueError("campaigns")
            block = d.get("notice_block")
            if block is not None and not (
                isinstance(block, list)
                and len(block) == 2
                and all(type(n) is int for n in block)
                and 1 <= block[0] <= block[1] <= MAX_NOTICE_SEQ
            ):
                raise ValueError("notice_block")
            entry = Entry(
                str(d["device_id"]),
                str(d["name"]),
                str(d["role"]),
                str(d["signing_key"]),
                str(d["encryption_key"]),
                str(d["enrolled_at"]),
                None if d["revoked_at"] is None else str(d["revoked_at"]),
                None if listed is None else frozenset(listed),
                tuple(retired),
                None if assigned is None else frozenset(assigned),
                None if block is None else (block[0], block[1]),
            )
            if entry.role not in ROLES or entry.device_id in entries:
                raise ValueError("role")
            entries[entry.device_id] = entry
    except (KeyError, TypeError, ValueError, AttributeError):
        raise TrustError(Message("the roster is malformed")) from None
    return Roster(doc["serial"], auth, entries, doc)


def _unsigned(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "signature"}


def verify_document(doc: dict[str, Any], signing_key: str) -> bool:
    return verify(
        signing_key, str(doc.get("signature", "")), signed_bytes(ROSTER_FORMAT, _unsigned(doc))
    )


def _store(db: Database, doc: dict[str, Any]) -> Roster:
    roster = parse(doc)
    with db.atomic():
        settings.put(db, _ROSTER_KEY, doc)
        devices.replace_roster(
            db,
            [
                {
                    "device_id": e.device_id,
                    "name": e.name,
                    "role": e.role,
                    "signing_key": e.signing_key,
                    "encryption_key": e.encryption_key,
                    "enrolled_at": e.enrolled_at,
                    "revoked_at": e.revoked_at,
                }
                for e in roster.devices.values()
            ],
        )
    return roster


# --- headquarters ------------------------------------------------------------------------


def init_hq(db: Database) -> Roster:
    """Make this installation headquarters: its key signs a roster that lists it as hq."""
    keys = device_keys(db)
    held = authority(db)
    if held and authority_keys(db) is None:
        raise TrustError(
            Message(
                "this installation already trusts headquarters {name} "
                "({fingerprint}); it cannot become headquarters itself",
                name=held["name"],
                fingerprint=fingerprint(held["signing_key"]),
            )
        )
    existing = current(db)
    if held and existing is not None:
        if keys.device_id not in existing.devices:  # a new id (restored, or `device new`)
            me = {
                "device_id": keys.device_id,
                "name": settings.device_name(db),
                "signing_key": keys.signing_key,
                "encryption_key": keys.recipient,
            }
            enrol(db, me, "hq")
            return _current(db)
        return existing
    me = {
        "device_id": keys.device_id,
        "name": settings.device_name(db),
        "signing_key": keys.signing_key,
        "encryption_key": keys.recipient,
    }
    with db.atomic():
        settings.put(db, _AUTHORITY_KEY, me)
        doc = {
            "format": ROSTER_FORMAT,
            "serial": 1,
            "issued_at": _now(),
            "authority": me,
            "devices": [{**me, "role": "hq", "enrolled_at": Clock(db).tick(), "revoked_at": None}],
        }
        return _sign_and_store(db, doc)


def _sign_and_store(db: Database, doc: dict[str, Any], keys: DeviceKeys | None = None) -> Roster:
    doc = _unsigned(doc)
    keys = keys or authority_keys(db) or device_keys(db)  # the last only for a new authority
    doc["signature"] = keys.sign(signed_bytes(ROSTER_FORMAT, doc))
    return _store(db, doc)


def _current(db: Database) -> Roster:
    held = current(db)
    assert held is not None
    return held


def _require_hq(db: Database) -> Roster:
    roster = current(db)
    if roster is None or not is_hq(db):
        raise TrustError(
            Message(
                "only headquarters can do this; this installation is not "
                "headquarters (see 'inspector hq init')"
            )
        )
    return roster


def enrol(db: Database, request: dict[str, Any], role: str) -> Entry:
    """Add a device (from its checked request) to the roster with `role`, and re-sign."""
    if role not in ROLES:
        raise TrustError(
            Message("unknown role {role!r}; use one of {roles}", role=role, roles=", ".join(ROLES))
        )
    roster = _require_hq(db)
    old = roster.devices.get(request["device_id"])
    if old is not None and old.signing_key != request["signing_key"]:
        raise TrustError(
            Message(
                "device {device} is already enrolled with another key; "
                "revoke it and enrol the new installation under its own id",
                device=request["device_id"],
            )
        )
    if old is not None and old.revoked_at is not None:
        raise TrustError(
            Message(
                "device {device} ({name}) was revoked; a revoked device cannot be enrolled again",
                device=old.device_id,
                name=old.name,
            )
        )
    entry = {
        "device_id": request["device_id"],
        "name": request["name"],
        "role": role,
        "signing_key": request["signing_key"],
        "encryption_key": request["encryption_key"],
        "enrolled_at": old.enrolled_at if old else Clock(db).tick(),
        "revoked_at": None,
    }
    doc = dict(roster.document)
    prior: dict[str, Any] = next(
        (d for d in doc["devices"] if d["device_id"] == entry["device_id"]), {}
    )
    entry.update({k: prior[k] for k in ("campaigns", "retired_keys", "notice_block") if k in prior})
    doc["devices"] = [d for d in doc["devices"] if d["device_id"] != entry["device_id"]]
    doc["devices"].append(entry)
    doc.update(serial=roster.serial + 1, issued_at=_now())
    with db.atomic():
        return _sign_and_store(db, doc).devices[entry["device_id"]]


def _find(roster: Roster, device_id: str) -> Entry:
    """An enrolled device by id or unique id prefix."""
    found = roster.devices.get(device_id)
    if found is not None:
        return found
    matches = [e for e in roster.devices.values() if e.device_id.startswith(device_id)]
    if len(matches) != 1:
        raise TrustError(Message("no enrolled device {device}", device=device_id))
    return matches[0]


def assign(db: Database, device_id: str, campaign_refs: list[str] | None) -> Entry:
    """The campaigns whose bundles a laptop may read (None: every campaign), re-signed.

    Refs are campaign ids, id prefixes or names, as `catalog.find_campaign`
    takes them; the roster keeps the ids, sorted.
    """
    from inspector.store.catalog import CatalogError, find_campaign

    roster = _require_hq(db)
    entry = _find(roster, device_id)
    ids = None
    if campaign_refs is not None:
        try:
            ids = sorted({find_campaign(db, ref)["id"] for ref in campaign_refs})
        except CatalogError as exc:
            raise TrustError(*exc.messages) from None
    doc = dict(roster.document)
    doc["devices"] = [
        d
        if d["device_id"] != entry.device_id
        else {
            **{k: v for k, v in d.items() if k != "campaigns"},
            **({} if ids is None else {"campaigns": ids}),
        }
        for d in doc["devices"]
    ]
    doc.update(serial=roster.serial + 1, issued_at=_now())
    with db.atomic():
        return _sign_and_store(db, doc).devices[entry.device_id]


def _with_blocks(db: Database, roster: Roster, blocks: dict[str, tuple[int, int]]) -> Roster:
    doc = dict(roster.document)
    doc["devices"] = [
        {**d, "notice_block": list(blocks[d["device_id"]])} if d["device_id"] in blocks else d
        for d in doc["devices"]
    ]
    doc.update(serial=roster.serial + 1, issued_at=_now())
    with db.atomic():
        held = _sign_and_store(db, doc)
        take_block(db)
    return held


def _overlaps(block: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(block[0] <= o[1] and o[0] <= block[1] for o in others)


def assign_blocks(db: Database, size: int = BLOCK_SIZE) -> dict[str, tuple[int, int]]:
    """Give every device of the roster without a notice number block the next free block
    of `size` numbers (in enrolment order), none overlapping another's; re-signed once.
    Returns the blocks given (none when every device had one). Headquarters only."""
    roster = _require_hq(db)
    taken = [e.notice_block for e in roster.devices.values() if e.notice_block]
    given: dict[str, tuple[int, int]] = {}
    start = 1
    for e in sorted(roster.devices.values(), key=lambda e: (e.enrolled_at, e.device_id)):
        if e.notice_block is not None or e.revoked_at is not None:
            continue
        block = (start, start + size - 1)
        while _overlaps(block, [*taken, *given.values()]):
            start += size
            block = (start, start + size - 1)
        if block[1] > MAX_NOTICE_SEQ:
            raise TrustError(Message("no notice number block is left to give"))
        given[e.device_id] = block
    if given:
        _with_blocks(db, roster, given)
    return given


def set_block(db: Database, device_id: str, first: int, last: int) -> Entry:
    """Give an enrolled device the notice numbers first-last, refusing a block that
    overlaps another device's; re-signed. Headquarters only."""
    if not 1 <= first <= last <= MAX_NOTICE_SEQ:
        raise TrustError(
            Message("a number block runs from 1 to {max}, first before last", max=MAX_NOTICE_SEQ)
        )
    roster = _require_hq(db)
    entry = _find(roster, device_id)
    for other in roster.devices.values():
        if (
            other.device_id != entry.device_id
            and other.notice_block
            and _overlaps((first, last), [other.notice_block])
        ):
            raise TrustError(
                Message(
                    "notice numbers {first}-{last} overlap {name}'s block {start}-{end}",
                    first=first,
                    last=last,
                    name=other.name,
                    start=other.notice_block[0],
                    end=other.notice_block[1],
                )
            )
    return _with_blocks(db, roster, {entry.device_id: (first, last)}).devices[entry.device_id]


TAKEN_BLOCK = "notice_block_assigned"  # setting: the block last taken from the roster


def take_block(db: Database) -> tuple[int, int] | None:
    """Number from the block the roster gives this device, once per assignment: a block
    set by hand in Settings afterwards stays until headquarters assigns another.
    Returns the block taken now, None if nothing changed."""
    roster = current(db)
    entry = roster.devices.get(settings.device_id(db)) if roster else None
    if entry is None or entry.notice_block is None:
        return None
    block = list(entry.notice_block)
    if settings.get(db, TAKEN_BLOCK) == block:
        return None
    with db.atomic():
        settings.put(db, "notice_block_start", block[0])
        settings.put(db, "notice_block_end", block[1])
        settings.put(db, TAKEN_BLOCK, block)
    return entry.notice_block


def revoke(db: Database, device_id: str) -> Entry:
    """Revoke a device: only what headquarters had accepted from it stands.

    The entry gets the revocation's stamp and the digests of the device's
    statements this installation accepted (`devices.accepted`, and those it
    keeps for relaying). From then on a version of that device is imported
    only if one of those statements covers it, whatever its stamp: a thief
    with the key can backdate a version, not make it part of a statement
    headquarters accepted before (docs/design-notes.md, "Revocation").
    """
    roster = _require_hq(db)
    old = _find(roster, device_id)
    auth = authority(db)
    if old.device_id == settings.device_id(db) or (auth and old.device_id == auth["device_id"]):
        raise TrustError(Message("headquarters cannot revoke itself"))
    if old.revoked_at is not None:
        return old
    doc = dict(roster.document)
    with db.atomic():
        stamp = Clock(db).tick()
        listed = sorted(
            devices.accepted(db, old.device_id)
            | {
                statement_digest(Statement(*row))
                for row in devices.statements(db)
                if row[1] == old.device_id
            }
        )
        doc["devices"] = [
            d if d["device_id"] != old.device_id else {**d, "revoked_at": stamp, "accepted": listed}
            for d in doc["devices"]
        ]
        doc.update(serial=roster.serial + 1, issued_at=_now())
        return _sign_and_store(db, doc).devices[old.device_id]


def rotate(db: Database) -> DeviceKeys:
    """Give headquarters a new signing and encryption key; the old signing key is deleted.

    The old key signs a succession statement naming the new keys; the roster,
    signed by the new key, carries every such statement in order, so a laptop
    pinned to any earlier key follows the chain to the new one (and to no
    other). Headquarters' roster entry keeps the old public key among its
    retired keys, so the versions signed under it keep verifying.
    """
    roster = _require_hq(db)
    auth = authority(db)
    old = authority_keys(db)
    assert auth is not None and old is not None
    new = make_next_keys(db, auth["device_id"])
    serial = roster.serial + 1
    link = {
        "format": SUCCESSION_FORMAT,
        "device_id": auth["device_id"],
        "from": old.signing_key,
        "to": new.signing_key,
        "to_encryption": new.recipient,
        "at": _now(),
        "serial": serial,
    }
    link["signature"] = old.sign(signed_bytes(SUCCESSION_FORMAT, link))
    me = {**auth, "signing_key": new.signing_key, "encryption_key": new.recipient}
    doc = dict(roster.document)
    doc["authority"] = me
    doc["succession"] = [*doc.get("succession", []), link]
    doc["devices"] = [
        d
        if d["device_id"] != auth["device_id"]
        else {
            **d,
            "signing_key": new.signing_key,
            "encryption_key": new.recipient,
            "retired_keys": [*d.get("retired_keys", []), old.signing_key],
        }
        for d in doc["devices"]
    ]
    doc.update(serial=serial, issued_at=_now())
    with db.atomic():
        settings.put(db, _AUTHORITY_KEY, me)
        _sign_and_store(db, doc, new)
    commit_next_keys(db, auth["device_id"])
    return new


def _predecessors(roster: Roster) -> set[str]:
    chain = roster.document.get("succession")
    return (
        {str(link.get("from")) for link in chain if isinstance(link, dict)}
        if isinstance(chain, list)
        else set()
    )


def _succeeds(chain: Any, pinned: str, key: str) -> bool:
    """Whether `chain` leads, link by link each signed by the key before, from `pinned` to `key`."""
    if not isinstance(chain, list):
        return False
    at = pinned
    for link in chain:
        if not isinstance(link, dict):
            return False
        if link.get("from") != at:
            continue  # links before the pinned key: the laptop trusted a later one already
        if (
            link.get("format") != SUCCESSION_FORMAT
            or not isinstance(link.get("to"), str)
            or not verify(
                at, str(link.get("signature", "")), signed_bytes(SUCCESSION_FORMAT, _unsigned(link))
            )
        ):
            return False
        at = link["to"]
    return at == key and at != pinned


# --- laptops -----------------------------------------------------------------------------


def request(db: Database) -> dict[str, Any]:
    """This device's enrolment request: its ids and public keys, signed with its own key."""
    keys = device_keys(db)
    body = {
        "format": REQUEST_FORMAT,
        "device_id": keys.device_id,
        "name": settings.device_name(db),
        "signing_key": keys.signing_key,
        "encryption_key": keys.recipient,
        "made_at": _now(),
    }
    return {**body, "signature": keys.sign(signed_bytes(REQUEST_FORMAT, body))}


def write_request(db: Database, out: str | Path) -> Path:
    out = Path(out)
    out.write_text(json.dumps(request(db), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def read_request(path: str | Path) -> dict[str, Any]:
    """A request file, checked: its shape, its keys, and that its key signed it."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_REQUEST_BYTES:
            raise ValueError("size")
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != REQUEST_FORMAT:
            raise ValueError("format")
        body = {
            k: data[k]
            for k in ("format", "device_id", "name", "signing_key", "encryption_key", "made_at")
        }
        if not all(isinstance(v, str) and v for v in body.values()):
            raise ValueError("types")
        if (
            not _DEVICE_ID.fullmatch(body["device_id"])
            or len(body["name"]) > 60
            or any(
                ord(c) < 32
                or 0x7F <= ord(c) < 0xA0
                or 0x202A <= ord(c) <= 0x202E
                or 0x2066 <= ord(c) <= 0x2069
                for c in body["name"]
            )
        ):
            raise ValueError("values")
    except FileNotFoundError:
        raise TrustError(Message("{file}: no such file", file=str(path))) from None
    except (ValueError, KeyError, UnicodeDecodeError):
        raise TrustError(Message("{file} is not an enrolment request", file=path.name)) from None
    check_recipient(body["encryption_key"])
    if not verify(
        body["signing_key"], str(data.get("signature", "")), signed_bytes(REQUEST_FORMAT, body)
    ):
        raise TrustError(
            Message(
                "{file}: the request's signature does not match its key (damaged or altered)",
                file=path.name,
            )
        )
    return body


def examine(db: Database, doc: dict[str, Any], trust: str | None = None) -> Roster | None:
    """Check a roster from a bundle, writing nothing: the roster to adopt, or None if not newer.

    Verified against the pinned key, or, if none is pinned yet, against the
    fingerprint `trust` a person compared with headquarters; without it the
    first roster is refused with the fingerprint to compare. A roster older
    than the one held is ignored; one with the held serial but other content
    is refused.
    """
    roster = parse(doc)
    held = authority(db)
    key = roster.authority["signing_key"]
    fp = fingerprint(key)
    mine = current(db)
    if held is None:
        if trust is None or trust.strip().upper() != fp:
            raise UntrustedAuthority(roster.authority["name"], fp, trust is not None)
    elif mine is not None and key in _predecessors(mine) and verify_document(doc, key):
        if roster.serial < mine.serial:
            return None  # an older roster, from before the succession: nothing new
        raise TrustError(
            Message(
                "the roster is signed by headquarters' retired key "
                "{fingerprint}, which its successor replaced (altered, or "
                "the old key was not destroyed)",
                fingerprint=fp,
            )
        )
    elif held["signing_key"] != key and not _succeeds(
        doc.get("succession"), held["signing_key"], key
    ):
        raise TrustError(
            Message(
                "the roster is signed by {name} ({fingerprint}), not by the "
                "headquarters this laptop trusts ({pinned})",
                name=roster.authority["name"],
                fingerprint=fp,
                pinned=fingerprint(held["signing_key"]),
            )
        )
    if not verify_document(doc, key):
        raise TrustError(
            Message("the roster's signature does not match headquarters' key (damaged or altered)")
        )
    if mine is not None and held is not None:
        if roster.serial == mine.serial and doc != mine.document:
            raise TrustError(
                Message(
                    "the roster differs from the one held under the same serial {serial} (altered)",
                    serial=roster.serial,
                )
            )
        if roster.serial <= mine.serial:
            return None
    return roster


def adopt(db: Database, roster: Roster) -> None:
    """Keep a roster `examine` returned (pinning its key if none was); inside a transaction."""
    with db.atomic():
        held = authority(db)
        if held is None or held["signing_key"] != roster.authority["signing_key"]:
            settings.put(db, _AUTHORITY_KEY, roster.authority)  # pinned, or its successor
        _store(db, roster.document)
        take_block(db)


def accept(db: Database, doc: dict[str, Any], trust: str | None = None) -> Roster:
    """`examine` then `adopt`: the roster held afterwards."""
    newer = examine(db, doc, trust)
    if newer is not None:
        adopt(db, newer)
    return _current(db)


class UntrustedAuthority(TrustError):
    """The first roster, whose headquarters key a person has not confirmed yet."""

    def __init__(self, name: str, fp: str, mismatch: bool):
        self.name = name
        self.fingerprint = fp
        if mismatch:
            super().__init__(
                Message(
                    "the fingerprint given does not match headquarters {name} "
                    "({fingerprint}); do not import this bundle unless "
                    "headquarters reads out that fingerprint",
                    name=name,
                    fingerprint=fp,
                )
            )
        else:
            super().__init__(
                Message(
                    "this laptop trusts no headquarters yet: the bundle is "
                    "signed by headquarters {name} with fingerprint "
                    "{fingerprint}; compare it with headquarters, then import "
                    "again with --trust-hq {fingerprint}",
                    name=name,
                    fingerprint=fp,
                )
            )
