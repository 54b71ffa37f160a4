"""Counties, townships, forms and campaigns: what an inspection is made against."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from inspector.core.forms import Form, parse_form
from inspector.core.ids import county_id, form_row_id, township_id
from inspector.messages import Joined, Message, MessageError
from inspector.store.domains import PROJECT_KIND, TOWNSHIP_KINDS
from inspector.store.rows import Rows
from inspector.terminal import control_characters

CSV_COLUMNS = ("county", "county_code", "township", "township_code", "kind")
MAX_NAME = 100  # the longest real township or county name is a dozen characters
MAX_REF = 200  # a campaign, form or township named on the command line or in a dialog
MAX_CSV_BYTES = 32 * 1024 * 1024  # every township in China is under 3 MiB
R = TypeVar("R")  # a record a list's row gives (`read_csv_records`)


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
    file: str = "<csv>"


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


def read_csv_records(
    text: str,
    filename: str,
    header_problem: Callable[[list[str]], Message | None],
    check_row: Callable[[int, dict[str, str]], tuple[R | None, list[Message]]],
    nothing: Message,
) -> list[R]:
    """The records of a list read from CSV, every row checked before anything is written.

    One reader for the township and the project-site lists, so both refuse the
    same things the same way: `header_problem` names what is wrong with the
    header (its message names the file and line 1); `check_row(line, values)`
    gets each non-blank row (names stripped, empty fields "") and gives its
    record or the row's problems, which are reported as `file:line: ...` (the
    first 20); a list without records is refused with `nothing`.
    """
    text = text.lstrip("\ufeff")
    # newline="": a list saved with old Mac line ends (CR only) still splits into lines
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise CatalogError(_csv_problem(exc, filename, 1)) from None
    wrong = header_problem(header)
    if wrong is not None:
        raise CatalogError(wrong)
    errors: list[Message] = []
    records: list[R] = []
    for line, row in _rows(reader, filename, errors):
        if None in row:
            errors.append(Message("{file}:{line}: too many fields", file=filename, line=line))
            continue
        values = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if not any(values.values()):
            continue
        record, problems = check_row(line, values)
        if problems:
            errors.append(
                Message(
                    "{file}:{line}: {problems}", file=filename, line=line, problems=Joined(problems)
                )
            )
        elif record is not None:
            records.append(record)
    if errors:
        shown = errors[:20]
        if len(errors) > 20:
            shown.append(Message("… and {count} more", count=len(errors) - 20))
        raise CatalogError(*shown)
    if not records:
        raise CatalogError(nothing)
    return records


def parse_townships_csv(text: str, filename: str = "<csv>") -> list[TownshipRecord]:
    """Every row checked before anything is written; errors name the line."""

    def header_problem(header: list[str]) -> Message | None:
        missing = [c for c in ("county", "township") if c not in header]
        if missing:
            return Message(
                "{file}:1: missing column(s) {columns}; expected {expected}",
                file=filename,
                columns=", ".join(missing),
                expected=",".join(CSV_COLUMNS),
            )
        unknown = [h for h in header if h not in CSV_COLUMNS]
        if unknown:
            return Message(
                "{file}:1: unknown column(s) {columns}", file=filename, columns=", ".join(unknown)
            )
        return None

    seen_codes: dict[str, int] = {}
    seen_names: dict[tuple[str, str], int] = {}
    county_codes: dict[str, tuple[str | None, int]] = {}

    def check_row(line: int, values: dict[str, str]) -> tuple[TownshipRecord | None, list[Message]]:
        county = values.get("county", "")
        township = values.get("township", "")
        ccode = values.get("county_code") or None
        tcode = values.get("township_code") or None
        problems: list[Message] = []
        if not county:
            problems.append(Message("county is empty"))
        if not township:
            problems.append(Message("township is empty"))
        problems += _name_problems("county", county) + _name_problems("township", township)
        if ccode and not re.fullmatch(r"\d{6}", ccode):
            problems.append(Message("county_code '{code}' is not 6 digits", code=ccode))
        if tcode and not re.fullmatch(r"\d{9}|\d{12}", tcode):
            problems.append(Message("township_code '{code}' is not 9 or 12 digits", code=tcode))
        elif tcode and ccode and not tcode.startswith(ccode):
            problems.append(
                Message(
                    "township_code '{code}' does not start with county_code '{county_code}'",
                    code=tcode,
                    county_code=ccode,
                )
            )
        kind = values.get("kind") or township_kind(township, tcode) or ""
        if kind not in TOWNSHIP_KINDS:
            problems.append(
                Message(
                    "kind '{kind}' is not one of {kinds}", kind=kind, kinds="/".join(TOWNSHIP_KINDS)
                )
            )
        if tcode and tcode in seen_codes:
            problems.append(
                Message(
                    "township_code {code} repeats line {first}", code=tcode, first=seen_codes[tcode]
                )
            )
        first_code, first_line = county_codes.setdefault(county, (ccode, line))
        if first_code != ccode:
            problems.append(
                Message(
                    "county {county} has county_code {code} on line {first}",
                    county=county,
                    code=first_code or "(none)",
                    first=first_line,
                )
            )
        if (county, township) in seen_names:
            problems.append(
                Message(
                    "{county} {township} repeats line {first}",
                    county=county,
                    township=township,
                    first=seen_names[(county, township)],
                )
            )
        if problems:
            return None, problems
        if tcode:
            seen_codes[tcode] = line
        seen_names[(county, township)] = line
        return TownshipRecord(line, county, ccode, township, tcode, kind, filename), []

    nothing = Message("{file}: no townships in the file", file=filename)
    return read_csv_records(text, filename, header_problem, check_row, nothing)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _rows(reader: Any, filename: str, errors: list[Message]) -> Any:
    """The reader's rows with their line; a row the csv module cannot read ends the file.

    The csv module refuses a field over its limit (131,072 characters) with
    an error that names neither file nor line; after it the reader's place
    in the file cannot be trusted, so reading stops there. A row is named
    by the line it starts on.
    """
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            errors.append(_csv_problem(exc, filename, reader.line_num + 1))
            return
        # a quoted field may hold line breaks: name the line the row starts on
        values = [v for v in row.values() if isinstance(v, str)]
        values += [x for v in row.values() if isinstance(v, list) for x in v]
        yield reader.line_num - sum(len(_LINE_BREAK.findall(v)) for v in values), row


def _csv_problem(exc: csv.Error, filename: str, line: int) -> Message:
    if "field larger than field limit" in str(exc):
        return Message(
            "{file}:{line}: field too long (over {limit} characters)",
            file=filename,
            line=line,
            limit=csv.field_size_limit(),
        )
    return Message("{file}:{line}: {error}", file=filename, line=line, error=str(exc))


def _name_problems(column: str, value: str) -> list[Message]:
    found = control_characters(value)
    if found:
        return [
            Message(
                "{column} holds control characters ({chars})", column=column, chars=" ".join(found)
            )
        ]
    if len(value) > MAX_NAME:
        return [
            Message("{column} is longer than {limit} characters", column=column, limit=MAX_NAME)
        ]
    return []


def _clashes(db: Database, records: list[TownshipRecord]) -> list[Message]:
    """Rows that would make a second county or township of a name the database holds.

    Ids come from division codes, else from names: a list that gives a
    known township a new code (or drops a county's code) would add a second
    定海区 or 昌国街道 beside the first instead of updating it.
    """
    counties = {
        r["name"]: r for r in db.query("SELECT id, name, code FROM counties WHERE deleted = 0")
    }
    towns = {
        (r["county"], r["name"]): r
        for r in db.query(
            "SELECT t.id, t.name, t.code, c.name AS county FROM townships t "
            f"JOIN counties c ON c.id = t.county_id WHERE t.deleted = 0 AND t.kind != '{PROJECT_KIND}'"
        )
    }
    found: list[Message] = []
    for rec in records:
        cid = county_id(rec.county_code, rec.county)
        known = counties.get(rec.county)
        if known and known["id"] != cid:
            found.append(
                Message(
                    "{file}:{line}: county {county} is already in the database "
                    "with county_code {code}",
                    file=rec.file,
                    line=rec.line,
                    county=rec.county,
                    code=known["code"] or "(none)",
                )
            )
            continue
        town = towns.get((rec.county, rec.township))
        if town and town["id"] != township_id(rec.township_code, cid, rec.township):
            found.append(
                Message(
                    "{file}:{line}: {county} {township} is already in the "
                    "database with township_code {code}",
                    file=rec.file,
                    line=rec.line,
                    county=rec.county,
                    township=rec.township,
                    code=town["code"] or "(none)",
                )
            )
    return found


def import_townships(rows: Rows, records: list[TownshipRecord]) -> dict[str, int]:
    """Upsert counties and townships under their natural-key ids, in one transaction."""
    counts = {"counties": 0, "townships": 0, "unchanged": 0}
    clashes = _clashes(rows.db, records)
    if clashes:
        raise CatalogError(
            *clashes[:20],
            *(
                [Message("… and {count} more", count=len(clashes) - 20)]
                if len(clashes) > 20
                else []
            ),
        )
    with rows.db.atomic():
        counties: dict[str, str] = {}
        for rec in records:
            cid = county_id(rec.county_code, rec.county)
            if rec.county not in counties:
                counties[rec.county] = cid
                before = rows.find("counties", cid)
                after = rows.upsert(
                    "counties",
                    {
                        "id": cid,
                        "code": rec.county_code,
                        "name": rec.county,
                        "kind": county_kind(rec.county),
                    },
                )
                counts["counties" if before != after else "unchanged"] += 1
            tid = township_id(rec.township_code, cid, rec.township)
            before = rows.find("townships", tid)
            after = rows.upsert(
                "townships",
                {
                    "id": tid,
                    "county_id": cid,
                    "code": rec.township_code,
                    "name": rec.township,
                    "kind": rec.kind,
                },
            )
            counts["townships" if before != after else "unchanged"] += 1
    return counts


def import_townships_csv(rows: Rows, path: str | Path) -> dict[str, int]:
    path = Path(path)
    too_large = Message(
        "{file} is larger than {size} MiB: not a township list",
        file=str(path),
        size=MAX_CSV_BYTES >> 20,
    )
    return import_townships(rows, parse_townships_csv(read_list(path, too_large), str(path)))


def read_list(path: Path, too_large: Message) -> str:
    """A CSV list's text, bounded (a wrong file picked must not fill the memory)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_CSV_BYTES + 1)
        if len(data) > MAX_CSV_BYTES:
            raise CatalogError(too_large)
        return data.decode("utf-8-sig")
    except OSError as exc:
        raise CatalogError(
            Message("cannot read {file}: {error}", file=str(path), error=exc.strerror)
        ) from None
    except UnicodeDecodeError:
        raise CatalogError(
            Message("{file} is not UTF-8 text (save the CSV as UTF-8)", file=str(path))
        ) from None


def install_form(rows: Rows, form: Form) -> dict[str, Any]:
    """Store a form version's frozen text; the same id and version with other text is refused."""
    fid = form_row_id(form.id, form.version)
    existing = rows.find("forms", fid)
    if existing and not existing["deleted"]:
        if existing["sha256"] != form.sha256:
            raise CatalogError(
                Message(
                    "form {form} version {version} is already installed with different "
                    "content; a form version never changes once used: give the file a new version",
                    form=form.id,
                    version=form.version,
                )
            )
        return existing
    return rows.upsert(
        "forms",
        {
            "id": fid,
            "form_id": form.id,
            "version": form.version,
            "title": form.title,
            "source": form.source,
            "sha256": form.sha256,
        },
    )


@lru_cache(maxsize=64)
def _parse_cached(source: str) -> Form:
    return parse_form(source, "<stored form>")


def stored_form(source: str) -> Form:
    """A form's stored source parsed (once per source: frozen forms never change)."""
    return _parse_cached(source)


def form_by_row(db: Database, form_row: str) -> Form:
    rows = list(db.query("SELECT source FROM forms WHERE id = ?", [form_row]))
    if not rows:
        raise CatalogError(Message("no form {form} in the database", form=form_row))
    return _parse_cached(rows[0]["source"])


def form_for_campaign(db: Database, campaign_id: str) -> Form:
    """The campaign's form, its row found with the campaign's in one read (every answer)."""
    found = db.execute(
        "SELECT c.form_id, f.id, f.source FROM campaigns c "
        "LEFT JOIN forms f ON f.id = c.form_id WHERE c.id = ?",
        [campaign_id],
    ).fetchone()
    if found is None:
        raise CatalogError(Message("no campaign {campaign}", campaign=campaign_id))
    form_row, found_row, source = found
    if found_row is None:
        raise CatalogError(Message("no form {form} in the database", form=form_row))
    return _parse_cached(source)


def find_form_row(db: Database, form_ref: str) -> dict[str, Any]:
    """A form by row id, by 'id@version', or by form id (its newest version)."""
    _check_ref(form_ref, "form")
    if "@" in form_ref:
        fid, version = form_ref.split("@", 1)
        found = list(
            db.query(
                "SELECT * FROM forms WHERE form_id = ? AND version = ? AND deleted = 0",
                [fid, version],
            )
        )
    else:
        found = list(
            db.query(
                "SELECT * FROM forms WHERE (id = ? OR form_id = ?) AND deleted = 0 "
                "ORDER BY version DESC",
                [form_ref, form_ref],
            )
        )
    if not found:
        known = [
            f"{r['form_id']}@{r['version']}"
            for r in db.query("SELECT form_id, version FROM forms WHERE deleted = 0")
        ]
        if known:
            raise CatalogError(
                Message("no form '{ref}'; installed: {forms}", ref=form_ref, forms=", ".join(known))
            )
        raise CatalogError(Message("no form '{ref}'; installed: none", ref=form_ref))
    return found[0]


def create_campaign(
    rows: Rows,
    name: str,
    form_ref: str,
    year: int | None = None,
    interview_bottom: int = 3,
    starts_on: str | None = None,
    ends_on: str | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A new campaign; `extra` holds further columns (a follow-up round's, `store.follow_up`)."""
    name = name.strip()
    if not name:
        raise CatalogError(Message("a campaign needs a name"))
    _check_ref(name, "campaign")
    found = control_characters(name)
    if found:
        raise CatalogError(
            Message(
                "a campaign name cannot hold control characters ({chars})", chars=" ".join(found)
            )
        )
    if interview_bottom < 0:
        raise CatalogError(Message("the 约谈 count cannot be negative"))
    form = find_form_row(rows.db, form_ref)
    clash = list(rows.db.query("SELECT id FROM campaigns WHERE name = ? AND deleted = 0", [name]))
    if clash:
        raise CatalogError(
            Message("a campaign named '{name}' already exists ({id})", name=name, id=clash[0]["id"])
        )
    today = dt.date.today()
    return rows.insert(
        "campaigns",
        {
            "name": name,
            "form_id": form["id"],
            "year": year or today.year,
            "starts_on": starts_on or today.isoformat(),
            "ends_on": ends_on,
            "interview_bottom": interview_bottom,
            "note": "",
            **(extra or {}),
        },
    )


def forms(db: Database) -> list[dict[str, Any]]:
    """Installed form versions, newest version of each title first."""
    return list(
        db.query(
            "SELECT id, form_id, title, version FROM forms WHERE deleted = 0 "
            "ORDER BY title, version DESC"
        )
    )


def campaigns(db: Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM campaigns WHERE deleted = 0 ORDER BY starts_on DESC, name"))


def find_campaign(db: Database, ref: str) -> dict[str, Any]:
    """A campaign by id, id prefix or exact name; a miss suggests the closest names."""
    _check_ref(ref, "campaign")
    found = list(
        db.query("SELECT * FROM campaigns WHERE deleted = 0 AND (id = ? OR name = ?)", [ref, ref])
    )
    if not found and len(ref) >= 6:  # a prefix, compared as text: '%' and '_' are no wildcards
        found = list(
            db.query(
                "SELECT * FROM campaigns WHERE deleted = 0 AND substr(id, 1, ?) = ?",
                [len(ref), ref],
            )
        )
    if len(found) == 1:
        return found[0]
    names = [c["name"] for c in campaigns(db)]
    close = _close_names(ref, names)
    if close:
        raise CatalogError(
            Message("no campaign '{ref}'; did you mean {names}?", ref=ref, names=close)
        )
    raise CatalogError(Message("no campaign '{ref}'", ref=ref))


def find_township(db: Database, ref: str) -> dict[str, Any]:
    """A township by id, code or name ('county/name' when a name repeats)."""
    _check_ref(ref, "township")
    county = None
    name = ref
    if "/" in ref:
        county, name = ref.split("/", 1)
    found = list(
        db.query(
            "SELECT t.*, c.name AS county FROM townships t JOIN counties c ON c.id = t.county_id "
            "WHERE t.deleted = 0 AND (t.id = ? OR t.code = ? OR t.name = ?) "
            "AND (? IS NULL OR c.name = ?)",
            [name, name, name, county, county],
        )
    )
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        options = ", ".join(f"{r['county']}/{r['name']}" for r in found)
        raise CatalogError(
            Message("'{ref}' names several townships: {options}", ref=ref, options=options)
        )
    names = [r["name"] for r in db.query("SELECT name FROM townships WHERE deleted = 0")]
    close = _close_names(name, names)
    if close:
        raise CatalogError(
            Message("no township '{ref}'; did you mean {names}?", ref=ref, names=close)
        )
    raise CatalogError(Message("no township '{ref}'", ref=ref))


def _check_ref(ref: str, what: str) -> None:
    """Refuse a reference no id or name can match, before it reaches SQL or a message."""
    if len(ref) > MAX_REF:
        raise CatalogError(
            Message(
                "a {what} id or name is at most {limit} characters, not {length}",
                what=what,
                limit=MAX_REF,
                length=len(ref),
            )
        )


def _close_names(word: str, names: list[str]) -> str:
    """Up to three names like `word`, comma-separated ('' if none)."""
    import difflib

    close = difflib.get_close_matches(word, names, n=3, cutoff=0.3)
    if not close:
        close = [n for n in names if word and (word[0] in n)][:3]
    return ", ".join(close)


def townships(db: Database, *, with_projects: bool = False) -> list[dict[str, Any]]:
    """The township list; project sites (which share its table) only when asked for."""
    only = "" if with_projects else f" AND t.kind != '{PROJECT_KIND}'"
    return list(
        db.query(
            "SELECT t.*, c.name AS county, c.code AS county_code FROM townships t "
            f"JOIN counties c ON c.id = t.county_id WHERE t.deleted = 0{only} "
            "ORDER BY c.code, c.name, t.code, t.name"
        )
    )
