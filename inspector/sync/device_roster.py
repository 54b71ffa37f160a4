"""The device roster and this device's keys as a namespace of the session (`devices_of`).

The GUI reads and writes the store through the session (`store/session.py`);
the roster and the keys are `sync`, above the store, so the session cannot
name them itself without pointing a dependency upwards. `devices_of(session)`
gives the one namespace of a session (made on first use and kept on it, as
the GUI's changed signal is), bound to its connection like `session.settings`:
a widget holds the session, never the connection, and every write to the
roster returns `Done` and tells the session's subscribers which settings it
wrote, as `session.settings.put` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector.store.session import SETTINGS, Changes, Done, _Part
from inspector.sync import keys, roster

if TYPE_CHECKING:
    from inspector.store.session import Session

_NAMESPACE = "_inspector_device_roster"
# What a change of the roster writes: the signed document and the pinned authority
# (settings `roster`, `authority`), the clock's stamp it takes (`hlc_last`), and the
# roster's copy in SQL (`store.devices`).
_ROSTER_KEYS = ("roster", "authority", "hlc_last")
_ROSTER_TABLES = ("settings", "roster_devices")


class DeviceRoster(_Part):
    """Who this device is and, at headquarters, who may write and read bundles."""

    # -- reads ---------------------------------------------------------------------------
    def own_keys(self) -> keys.DeviceKeys:
        """This device's keys (made on first use): its id and the fingerprint it reads out."""
        return keys.device_keys(self.db)

    def is_hq(self) -> bool:
        """Whether this installation holds headquarters' signing key."""
        return roster.is_hq(self.db)

    def current(self) -> roster.Roster | None:
        """The roster held, None before the first one is made or accepted."""
        return roster.current(self.db)

    def role(self) -> str | None:
        """This device's role in the roster held; None if not enrolled (or revoked)."""
        return roster.role_of(self.db)

    def authority(self) -> dict[str, str] | None:
        """The pinned headquarters (device_id, name, signing_key, encryption_key), if any."""
        return roster.authority(self.db)

    @staticmethod
    def fingerprint(signing_key: str) -> str:
        """The fingerprint a person reads out for a public signing key."""
        return keys.fingerprint(signing_key)

    @staticmethod
    def read_request(path: str | Path) -> dict[str, Any]:
        """A laptop's request file, checked (shape, keys, its own signature)."""
        return roster.read_request(path)

    def write_request(self, out: str | Path) -> Path:
        """This device's signed enrolment request, written to `out` (nothing in the database)."""
        return roster.write_request(self.db, out)

    # -- writes (each changes the roster's settings) -------------------------------------
    def make_hq(self, source: object | None = None) -> Done[roster.Roster]:
        """Make this installation headquarters: its key signs a roster listing it."""
        return self._changed(roster.init_hq(self.db), source)

    def enrol(
        self, request: dict[str, Any], role: str, source: object | None = None
    ) -> Done[roster.Entry]:
        """Add a checked request's device with `role` and re-sign the roster."""
        return self._changed(roster.enrol(self.db, request, role), source)

    def assign(
        self, device_id: str, campaigns: list[str] | None, source: object | None = None
    ) -> Done[roster.Entry]:
        """The campaigns whose bundles the device may read; None for every one."""
        return self._changed(roster.assign(self.db, device_id, campaigns), source)

    def revoke(self, device_id: str, source: object | None = None) -> Done[roster.Entry]:
        """Revoke a device: only what headquarters had accepted from it stands."""
        return self._changed(roster.revoke(self.db, device_id), source)

    def rotate(self, source: object | None = None) -> Done[keys.DeviceKeys]:
        """Give headquarters a new key; the value is the new keys."""
        return self._changed(roster.rotate(self.db), source)

    def _changed(self, value: Any, source: object | None) -> Done[Any]:
        changes = Changes.of(SETTINGS, tables=_ROSTER_TABLES, ids=_ROSTER_KEYS)
        return self._session._done(value, changes, source)


def devices_of(session: Session) -> DeviceRoster:
    """The session's device-roster namespace, made on first use and kept on the session."""
    found = getattr(session, _NAMESPACE, None)
    if found is None:
        found = DeviceRoster(session)
        setattr(session, _NAMESPACE, found)
    return found


__all__ = ["DeviceRoster", "devices_of"]
