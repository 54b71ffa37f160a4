"""What signing, verification and encryption cost on a province (issue 9).

    python benchmarks/bench_trust.py --db PROVINCE.db [--workdir DIR]

Exports the province and imports it into an empty, enrolled database twice:
as Inspector does (format 2: canonical lines hashed, the sender's statement
signed, the manifest signed, the content encrypted with age; on import,
decrypted, every line hashed and checked for author, role, revocation and
signature), and with those steps replaced by nothing (the format-1 line
format, no hashes, no signatures, the inner ZIP stored unencrypted).
Goals: each time at most 1.25x, the bundle at most 1.05x the size. Then a
relay: the imported database exports the same rows again, carrying the
province's statement (32 bytes a version), and the relay's size is shown.
Then rounds of relaying: the province changes a row and sends a full
bundle again, the copy imports it and relays everything again; with
`--oldest-first` the copy picks, for each relayed version, the statement of
the lowest id that covers it (what Inspector did before it preferred the
newest), to compare how the relay grows.
The province database is enrolled-into (it becomes headquarters if it is
not one), so use a copy you can spare.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from inspector.store.db import open_db
from inspector.sync import envelope, export, importer, reader, roster
from inspector.sync.keys import device_keys


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    print(f"{label:<52} {seconds:8.2f} s", flush=True)
    return result, seconds


class _NoVerifier:
    """Stands in for sync.verify.Verifier: accepts every line unchecked."""

    roster_of_hq: Any = None

    def __init__(self, db, bundle, trust=None):
        self.roster = self.roster_of_hq
        self.new_roster = None
        self.statements: list[Any] = []
        self.seen: dict[str, list[int]] = {}
        self.authors: dict[str, int] = {bundle.manifest.device_id: 0}
        self.known: set[bytes] = set()

    def row(self, *args: Any) -> None:
        return None

    def finish(self, bundle) -> None:
        return None

    def names(self) -> list[dict[str, Any]]:
        return []


def _plain_seal(inner, out, sender, recipients, passphrase=None) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr(
            envelope.OUTER_MANIFEST,
            json.dumps({"format": "inspector-bundle", "format_version": 2, "sender": sender}),
        )
        with zf.open(envelope.CONTENT, "w", force_zip64=True) as dst:
            while chunk := inner.read(1 << 20):
                dst.write(chunk)


def _plain_open(name, zf, identities, passphrase, limit):
    out = tempfile.SpooledTemporaryFile(max_size=envelope.SPOOL_BYTES)  # noqa: SIM115 - returned
    with zf.open(envelope.CONTENT) as src:
        while chunk := src.read(1 << 20):
            out.write(chunk)
    out.seek(0)
    return out


def _v1_line(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def _unsigned_manifest(zf, manifest, keys, signer, roster_, budget=None) -> None:
    manifest.statements.append(export.StatementEntry("unsigned", keys.device_id, "-", 0, None))
    zf.writestr(export.MANIFEST, json.dumps(manifest.to_json(), ensure_ascii=False, indent=1))
    zf.writestr(export.SIGNATURE, "{}")


@contextlib.contextmanager
def without_trust() -> Iterator[None]:
    saved = (
        export.canonical,
        export._Signer.admit,
        export._write_signatures,
        export.seal,
        reader.open_content,
        importer.Verifier,
    )
    export.canonical = _v1_line
    export._Signer.admit = lambda self, table, row, line: True
    export._write_signatures = _unsigned_manifest
    export.seal = _plain_seal
    reader.open_content = _plain_open
    importer.Verifier = _NoVerifier
    try:
        yield
    finally:
        (
            export.canonical,
            export._Signer.admit,
            export._write_signatures,
            export.seal,
            reader.open_content,
            importer.Verifier,
        ) = saved


def _fresh(work: Path, name: str, hq_db) -> Any:
    for old in work.glob(f"{name}*"):
        old.unlink()
    db = open_db(work / name)
    roster.enrol(hq_db, roster.request(db), "hq")
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="a province database")
    parser.add_argument("--workdir", type=Path, help="where to write (default: a temp folder)")
    parser.add_argument("--rounds", type=int, default=2, help="relay rounds after the first")
    parser.add_argument(
        "--oldest-first",
        action="store_true",
        help="relay under the lowest-id statement (the earlier behaviour)",
    )
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-trust-"))
    work.mkdir(parents=True, exist_ok=True)
    db = open_db(args.db)
    if roster.authority(db) is None:
        roster.init_hq(db)
    fingerprint = device_keys(db).fingerprint
    _NoVerifier.roster_of_hq = roster.current(db)
    plain_db = _fresh(work, "plain.db", db)
    signed_db = _fresh(work, "signed.db", db)

    results: dict[str, dict[str, float]] = {}
    for label, ctx, target in (
        ("without", without_trust, plain_db),
        ("with", contextlib.nullcontext, signed_db),
    ):
        bundle = work / f"{label}.inspbundle"
        with ctx():
            summary, t_export = timed(
                f"export, {label} signing and encryption",
                lambda b=bundle: export.export_bundle(db, b),
            )
            result, t_import = timed(
                f"import, {label} verification and decryption",
                lambda b=bundle, t=target: importer.import_bundle(t, b, trust=fingerprint),
            )
        results[label] = {
            "export": t_export,
            "import": t_import,
            "size": summary.size,
            "rows": summary.rows,
            "new": result.totals.new,
        }
        print(
            f"  {summary.rows:,} rows, {summary.size / 1e6:.2f} MB, "
            f"{result.totals.new:,} new on import",
            flush=True,
        )
    relay = work / "relay.inspbundle"
    relayed, t_relay = timed(
        "relay: the imported copy exports it again", lambda: export.export_bundle(signed_db, relay)
    )
    sizes = [relayed.size]
    for n in range(args.rounds):
        _relay_round(db, signed_db, work, n, fingerprint, args.oldest_first, sizes)
    w, wo = results["with"], results["without"]
    print(f"export with / without: {w['export'] / wo['export']:.2f}x (goal <= 1.25)")
    print(f"import with / without: {w['import'] / wo['import']:.2f}x (goal <= 1.25)")
    print(f"size   with / without: {w['size'] / wo['size']:.3f}x (goal <= 1.05)")
    print(
        f"relay of {relayed.rows:,} rows with their author's statement: "
        f"{relayed.size / 1e6:.2f} MB ({relayed.size / wo['size']:.3f}x the unsigned "
        f"bundle), {t_relay:.2f} s"
    )
    print(
        "relay sizes by round: "
        + ", ".join(f"{s / 1e6:.2f} MB" for s in sizes)
        + f" (last / first: {sizes[-1] / sizes[0]:.3f}x)"
    )
    for d in (db, plain_db, signed_db):
        d.close()


def _relay_round(
    db, copy, work: Path, n: int, fingerprint: str, oldest_first: bool, sizes: list[int]
) -> None:
    """The province changes one row and sends everything again; the copy relays it all."""
    from inspector.store import devices
    from inspector.store.rows import Rows

    pid = db.execute(
        "SELECT id FROM problems WHERE deleted = 0 AND status != 'closed' ORDER BY id LIMIT 1"
    ).fetchone()[0]
    Rows(db).update("problems", pid, {"measure": f"第{n + 2}轮整改措施"})
    full = work / f"round-{n}.inspbundle"
    export.export_bundle(db, full)
    importer.import_bundle(copy, full, trust=fingerprint)
    saved = devices.statements
    if oldest_first:
        devices.statements = lambda d: iter(sorted(saved(d), key=lambda s: s[0]))
    try:
        out = work / f"relay-{n}.inspbundle"
        summary, _s = timed(f"relay round {n + 2}", lambda: export.export_bundle(copy, out))
    finally:
        devices.statements = saved
    held = sum(len(s[3]) for s in devices.statements(copy))
    print(
        f"  {summary.size / 1e6:.2f} MB, {summary.relayed_statements} statement(s) carried; "
        f"{held / 1e6:.2f} MB of statements kept",
        flush=True,
    )
    sizes.append(summary.size)


if __name__ == "__main__":
    main()
