"""Counties, townships, forms and campaigns: what an inspection is made against."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector.core.forms import Form, parse_form
from inspector.core.ids import county_id, form_row_id, township_id
from inspector.messages import Joined, Message, MessageError
from inspector.store.domains import TOWNSHIP_KINDS
from inspector.store.rows import Rows

CSV_COLUMNS = ("county", "county_code", "township", "township_code", "kind")


class CatalogError(MessageError, ValueError):
    """A user mistake in a list, form or campaign; the message says where."""


@dataclass(frozen=True)
class TownshipRecord:
    line: int
    county: str
    county_code: str | None
    township: str
    township_code: str | None
    kind: str


def township_kind(name: str, code: str | None) -> str | None:
    """街道 / 镇 / 乡 from the name's ending, else from the code's suffix (DOMAIN.md)."""
    for kind in TOWNSHIP_KINDS:
        if name.endswith(kind):
            return kind
    if code and len(code) >= 9 and code[6:9].isdigit():
        suffix = int(code[6:9])
        return "街道" if suffix < 100 else "镇" if suffix < 200 else "乡" if suffix < 400 else None
    return None


def county_kind(name: str) -> str:
    return "county" if re.search(r"(区|县|市)$", name) else "zone"


def parse_townships_csv(text: str, filename: str = "<csv>") -> list[TownshipRecord]:
    """Every row checked before anything is written; errors name the line."""
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in ("county", "township") if c not in header]
    if missing:
        raise CatalogError(Message("{file}:1: missing column(s) {columns}; expected {expected}",
                                   file=filename, columns=", ".join(missing),
                                   expected=",".join(CSV_COLUMNS)))
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        raise CatalogError(Message("{file}:1: unknown column(s) {columns}", file=filename,
                                   columns=", ".join(unknown)))
    errors: list[Message] = []
    records: list[TownshipRecord] = []
    seen_codes: dict[str, int] = {}
    seen_names: dict[tuple[str, str], int] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            errors.append(Message("{file}:{line}: too many fields", file=filename, line=line))
            continue
        values = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if not any(values.values()):
            continue
        county = values.get("county", "")
        township = values.get("township", "")
        ccode = values.get("county_code") or None
        tcode = values.get("township_code") or None
        problems: list[Message] = []
        if not county:
            problems.append(Message("county is empty"))
        if not township:
            problems.append(Message("township is empty"))
        if ccode and not re.fullmatch(r"\d{6}", ccode):
            problems.append(Message("county_code '{code}' is not 6 digits", code=ccode))
        if tcode and not re.fullmatch(r"\d{9}|\d{12}", tcode):
            problems.append(Message("township_code '{code}' is not 9 or 12 digits", code=tcode))
        elif tcode and ccode and not tcode.startswith(ccode):
            problems.append(Message("township_code '{code}' does not start with county_code "
                                    "'{county_code}'", code=tcode, county_code=ccode))
        kind = values.get("kind") or township_kind(township, tcode) or ""
        if kind not in TOWNSHIP_KINDS:
            problems.append(Message("kind '{kind}' is not one of {kinds}", kind=kind,
                                    kinds="/".join(TOWNSHIP_KINDS)))
        if tcode and tcode in seen_codes:
            problems.append(Message("township_code {code} repeats line {first}", code=tcode,
                                    first=seen_codes[tcode]))
        if (county, township) in seen_names:
            problems.append(Message("{county} {township} repeats line {first}", county=county,
                                    township=township, first=seen_names[(county, township)]))
        if problems:
            errors.append(Message("{file}:{line}: {problems}", file=filename, line=line,
                                  problems=Joined(problems)))
            continue
        if tcode:
            seen_codes[tcode] = line
        seen_names[(county, township)] = line
        records.append(TownshipRecord(line, county, ccode, township, tcode, kind))
    if errors:
        shown = errors[:20]
        if len(errors) > 20:
            shown.append(Message("… and {count} more", count=len(errors) - 20))
        raise CatalogError(*shown)
    if not records:
        raise CatalogError(Message("{file}: no townships in the file", file=filename))
    return records


def import_townships(rows: Rows, records: list[TownshipRecord]) -> dict[str, int]:
    """Upsert counties and townships under their natural-key ids, in one transaction."""
    counts = {"counties": 0, "townships": 0, "unchanged": 0}
    with rows.db.atomic():
        counties: dict[str, str] = {}
        for rec in records:
            cid = county_id(rec.county_code, rec.county)
            if rec.county not in counties:
                counties[rec.county] = cid
                before = rows.find("counties", cid)
                after = rows.upsert("counties", {"id": cid, "code": rec.county_code,
                                                 "name": rec.county,
                                                 "kind": county_kind(rec.county)})
                counts["counties" if before != after else "unchanged"] += 1
            tid = township_id(rec.township_code, cid, rec.township)
            before = rows.find("townships", tid)
            after = rows.upsert("townships", {"id": tid, "county_id": cid,
                                              "code": rec.township_code,
                                              "name": rec.township, "kind": rec.kind})
            counts["townships" if before != after else "unchanged"] += 1
    return counts


def import_townships_csv(rows: Rows, path: str | Path) -> dict[str, int]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CatalogError(Message("cannot read {file}: {error}", file=str(path),
                                   error=exc.strerror)) from None
    except UnicodeDecodeError:
        raise CatalogError(Message("{file} is not UTF-8 text (save the CSV as UTF-8)",
                                   file=str(path))) from None
    return import_townships(rows, parse_townships_csv(text, str(path)))


def install_form(rows: Rows, form: Form) -> dict[str, Any]:
    """Store a form version's frozen text; the same id and version with other text is refused."""
    fid = form_row_id(form.id, form.version)
    existing = rows.find("forms", fid)
    if existing and not existing["deleted"]:
        if existing["sha256"] != form.sha256:
            raise CatalogError(Message(
                "form {form} version {version} is already installed with different "
                "content; a form version never changes once used: give the file a new version",
                form=form.id, version=form.version))
        return existing
    return rows.upsert("forms", {"id": fid, "form_id": form.id, "version": form.version,
                                 "title": form.title, "source": form.source,
                                 "sha256": form.sha256})


@lru_cache(maxsize=64)
def _parse_cached(source: str) -> Form:
    return parse_form(source, "<stored form>")


def form_by_row(db: Database, form_row: str) -> Form:
    rows = list(db.query("SELECT source FROM forms WHERE id = ?", [form_row]))
    if not rows:
        raise CatalogError(Message("no form {form} in the database", form=form_row))
    return _parse_cached(rows[0]["source"])


def form_for_campaign(db: Database, campaign_id: str) -> Form:
    rows = list(db.query("SELECT form_id FROM campaigns WHERE id = ?", [campaign_id]))
    if not rows:
        raise CatalogError(Message("no campaign {campaign}", campaign=campaign_id))
    return form_by_row(db, rows[0]["form_id"])


def find_form_row(db: Database, form_ref: str) -> dict[str, Any]:
    """A form by row id, by 'id@version', or by form id (its newest version)."""
    if "@" in form_ref:
        fid, version = form_ref.split("@", 1)
        found = list(db.query("SELECT * FROM forms WHERE form_id = ? AND version = ? "
                              "AND deleted = 0", [fid, version]))
    else:
        found = list(db.query("SELECT * FROM forms WHERE (id = ? OR form_id = ?) AND deleted = 0 "
                              "ORDER BY version DESC", [form_ref, form_ref]))
    if not found:
        known = [f"{r['form_id']}@{r['version']}" for r in
                 db.query("SELECT form_id, version FROM forms WHERE deleted = 0")]
        if known:
            raise CatalogError(Message("no form '{ref}'; installed: {forms}", ref=form_ref,
                                       forms=", ".join(known)))
        raise CatalogError(Message("no form '{ref}'; installed: none", ref=form_ref))
    return found[0]


def create_campaign(rows: Rows, name: str, form_ref: str, year: int | None = None,
                    interview_bottom: int = 3, starts_on: str | None = None,
                    ends_on: str | None = None) -> dict[str, Any]:
    name = name.strip()
    if not name:
        raise CatalogError(Message("a campaign needs a name"))
    if interview_bottom < 0:
        raise CatalogError(Message("the 约谈 count cannot be negative"))
    form = find_form_row(rows.db, form_ref)
    clash = list(rows.db.query("SELECT id FROM campaigns WHERE name = ? AND deleted = 0", [name]))
    if clash:
        raise CatalogError(Message("a campaign named '{name}' already exists ({id})", name=name,
                                   id=clash[0]["id"]))
    today = dt.date.today()
    return rows.insert("campaigns", {
        "name": name, "form_id": form["id"], "year": year or today.year,
        "starts_on": starts_on or today.isoformat(), "ends_on": ends_on,
        "interview_bottom": interview_bottom, "note": "",
    })


def forms(db: Database) -> list[dict[str, Any]]:
    """Installed form versions, newest version of each title first."""
    return list(db.query("SELECT id, form_id, title, version FROM forms WHERE deleted = 0 "
                         "ORDER BY title, version DESC"))


def campaigns(db: Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM campaigns WHERE deleted = 0 ORDER BY starts_on DESC, name"))


def find_campaign(db: Database, ref: str) -> dict[str, Any]:
    """A campaign by id, id prefix or exact name; a miss suggests the closest names."""
    found = list(db.query("SELECT * FROM campaigns WHERE deleted = 0 AND (id = ? OR name = ?)",
                          [ref, ref]))
    if not found and len(ref) >= 6:
        found = list(db.query("SELECT * FROM campaigns WHERE deleted = 0 AND id LIKE ?",
                              [ref + "%"]))
    if len(found) == 1:
        return found[0]
    names = [c["name"] for c in campaigns(db)]
    close = _close_names(ref, names)
    if close:
        raise CatalogError(Message("no campaign '{ref}'; did you mean {names}?", ref=ref,
                                   names=close))
    raise CatalogError(Message("no campaign '{ref}'", ref=ref))


def find_township(db: Database, ref: str) -> dict[str, Any]:
    """A township by id, code or name ('county/name' when a name repeats)."""
    county = None
    name = ref
    if "/" in ref:
        county, name = ref.split("/", 1)
    found = list(db.query(
        "SELECT t.*, c.name AS county FROM townships t JOIN counties c ON c.id = t.county_id "
        "WHERE t.deleted = 0 AND (t.id = ? OR t.code = ? OR t.name = ?) "
        "AND (? IS NULL OR c.name = ?)", [name, name, name, county, county]))
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        options = ", ".join(f"{r['county']}/{r['name']}" for r in found)
        raise CatalogError(Message("'{ref}' names several townships: {options}", ref=ref,
                                   options=options))
    names = [r["name"] for r in db.query("SELECT name FROM townships WHERE deleted = 0")]
    close = _close_names(name, names)
    if close:
        raise CatalogError(Message("no township '{ref}'; did you mean {names}?", ref=ref,
                                   names=close))
    raise CatalogError(Message("no township '{ref}'", ref=ref))


def _close_names(word: str, names: list[str]) -> str:
    """Up to three names like `word`, comma-separated ('' if none)."""
    import difflib

    close = difflib.get_close_matches(word, names, n=3, cutoff=0.3)
    if not close:
        close = [n for n in names if word and (word[0] in n)][:3]
    return ", ".join(close)


def townships(db: Database) -> list[dict[str, Any]]:
    return list(db.query(
        "SELECT t.*, c.name AS county, c.code AS county_code FROM townships t "
        "JOIN counties c ON c.id = t.county_id WHERE t.deleted = 0 "
        "ORDER BY c.code, c.name, t.code, t.name"))
