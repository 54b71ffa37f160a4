"""Error messages for the user in the app's language.

The Qt-free layers raise errors carrying `inspector.messages.Message`s: an
English template and its values. Here each template is translated (context
"Messages") and filled in with the same values. Which errors are the user's
situation and which are our bugs is decided once, by `inspector.errors`, for
the command line and the GUI alike: a bug is logged there and the user reads
where its details went.

lupdate only finds literal strings, so every template used below `inspector/ui`
is listed once in TEMPLATES (a test checks the list against the source and the
Chinese translation).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector.errors import explain, user_messages
from inspector.messages import Joined, Message

CONTEXT = "Messages"
VALUES_CONTEXT = "Values"


def translate_message(message: Message) -> str:
    """The message in the current language (its English text when untranslated)."""
    template = QCoreApplication.translate(CONTEXT, message.template)
    params = {key: _value(value) for key, value in message.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a broken translation: show the English
        return message.template.format(**params)


def _value(value: Any) -> Any:
    if isinstance(value, str):  # a known word or parser message (VALUES); else as it is
        return QCoreApplication.translate(VALUES_CONTEXT, value)
    if isinstance(value, Message):
        return translate_message(value)
    if isinstance(value, Joined):
        separator = QCoreApplication.translate(CONTEXT, Joined.SEPARATOR)
        return separator.join(translate_message(p) for p in value.parts)
    return value


def describe_for_user(exc: BaseException) -> str:
    """What the GUI shows for an error, in the app's language.

    The user's situation reads as its messages; a ValueError raised by a check
    of what the user typed reads as its text; anything else is our bug: logged
    (with its traceback) and shown as where the details went.
    """
    messages = user_messages(exc)
    if messages is None and isinstance(exc, ValueError):
        return str(exc).strip() or exc.__class__.__name__
    if messages is None:
        messages = explain(exc, context="gui").messages
    return "\n".join(translate_message(m) for m in messages).strip() or str(exc)


TEMPLATES = (
    QT_TRANSLATE_NOOP("Messages", "{file}:{line}: {message}"),
    QT_TRANSLATE_NOOP("Messages", "missing [form] table"),
    QT_TRANSLATE_NOOP("Messages", "[form] id may hold only letters, digits, '-' and '_'"),
    QT_TRANSLATE_NOOP("Messages", "[form] target must be one of {targets}, not '{target}'"),
    QT_TRANSLATE_NOOP("Messages", "[rating] must be a table"),
    QT_TRANSLATE_NOOP("Messages", "[rating] thresholds must be a non-empty list of numbers"),
    QT_TRANSLATE_NOOP("Messages", "[rating] veto_cap must be a whole number from 1 to {max_stars}"),
    QT_TRANSLATE_NOOP("Messages", "the form needs at least one [[section]]"),
    QT_TRANSLATE_NOOP("Messages", "item {number} of section '{section}' needs a string 'id'"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}' needs a 'kind' (use {kinds})"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': unknown kind '{kind}' (use {kinds})"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}' needs a 'text'"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': veto must be true or false"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': 'partial' applies to verdict items only"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': partial must be between 0 and 1"),
    QT_TRANSLATE_NOOP("Messages", "unknown table or key '{key}'"),
    QT_TRANSLATE_NOOP("Messages", "unknown key '{key}' in [form]"),
    QT_TRANSLATE_NOOP("Messages", "[form] needs a non-empty string '{key}'"),
    QT_TRANSLATE_NOOP("Messages", "unknown key '{key}' in [rating]"),
    QT_TRANSLATE_NOOP("Messages", "[rating] thresholds must lie between 0 and 100"),
    QT_TRANSLATE_NOOP("Messages", "[[section]] needs a string 'id'"),
    QT_TRANSLATE_NOOP("Messages", "section '{section}' needs a 'title'"),
    QT_TRANSLATE_NOOP("Messages", "section '{section}' has no [[section.item]]"),
    QT_TRANSLATE_NOOP("Messages", "unknown key '{key}' in item"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': '{key}' must be a string"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': a text item cannot be a veto item"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': a text item carries no points"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': missing 'points'"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': number items need a target of 0 or more"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': number items need deduct > 0 (points off per unit)"),
    QT_TRANSLATE_NOOP("Messages", "[rating] thresholds out of order: they must be strictly descending (best star level first), got {thresholds}"),
    QT_TRANSLATE_NOOP("Messages", "unknown key '{key}' in [[section]]"),
    QT_TRANSLATE_NOOP("Messages", "duplicate section id '{section}'"),
    QT_TRANSLATE_NOOP("Messages", "duplicate item id '{item}'"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': points must be a positive number, not {points!r}"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': number items need rule = \"at_most\" or \"at_least\""),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': number items need rule = \"at_most\" or \"at_least\", not {rule!r}"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': '{key}' applies to number items only"),
    QT_TRANSLATE_NOOP("Messages", "TOML syntax error: {error}"),
    QT_TRANSLATE_NOOP("Messages", "cannot read file: {error}"),
    QT_TRANSLATE_NOOP("Messages", "the file is not UTF-8 text"),
    QT_TRANSLATE_NOOP("Messages", "a document number starts at 1"),
    QT_TRANSLATE_NOOP("Messages", "'{text}' is not a document number like 舟组督〔2017〕12号"),
    QT_TRANSLATE_NOOP("Messages", "this laptop's notice numbers {start}-{end} are used up; set a new block in Settings"),
    QT_TRANSLATE_NOOP("Messages", "a problem cannot go from '{current}' to '{target}'"),
    QT_TRANSLATE_NOOP("Messages", "{text}"),
    QT_TRANSLATE_NOOP("Messages", "{township} has no problems in this campaign: no rectification notice is needed"),
    QT_TRANSLATE_NOOP("Messages", "report-back deadline {deadline} is before the issue date {issued}"),
    QT_TRANSLATE_NOOP("Messages", "report-back deadline {deadline} is before the latest rectification deadline of the notice's problems ({latest}); choose {latest} or later"),
    QT_TRANSLATE_NOOP("Messages", "{township} has no open problems left to put on a notice"),
    QT_TRANSLATE_NOOP("Messages", "no campaign '{ref}'"),
    QT_TRANSLATE_NOOP("Messages", "no township '{ref}'"),
    QT_TRANSLATE_NOOP("Messages", "{file}:1: missing column(s) {columns}; expected {expected}"),
    QT_TRANSLATE_NOOP("Messages", "{file}:1: unknown column(s) {columns}"),
    QT_TRANSLATE_NOOP("Messages", "{file}: no townships in the file"),
    QT_TRANSLATE_NOOP("Messages", "no form {form} in the database"),
    QT_TRANSLATE_NOOP("Messages", "no campaign {campaign}"),
    QT_TRANSLATE_NOOP("Messages", "no form '{ref}'; installed: none"),
    QT_TRANSLATE_NOOP("Messages", "a campaign needs a name"),
    QT_TRANSLATE_NOOP("Messages", "the 约谈 count cannot be negative"),
    QT_TRANSLATE_NOOP("Messages", "a campaign named '{name}' already exists ({id})"),
    QT_TRANSLATE_NOOP("Messages", "no campaign '{ref}'; did you mean {names}?"),
    QT_TRANSLATE_NOOP("Messages", "'{ref}' names several townships: {options}"),
    QT_TRANSLATE_NOOP("Messages", "no township '{ref}'; did you mean {names}?"),
    QT_TRANSLATE_NOOP("Messages", "{file}:{line}: too many fields"),
    QT_TRANSLATE_NOOP("Messages", "county is empty"),
    QT_TRANSLATE_NOOP("Messages", "township is empty"),
    QT_TRANSLATE_NOOP("Messages", "county_code '{code}' is not 6 digits"),
    QT_TRANSLATE_NOOP("Messages", "township_code '{code}' is not 9 or 12 digits"),
    QT_TRANSLATE_NOOP("Messages", "kind '{kind}' is not one of {kinds}"),
    QT_TRANSLATE_NOOP("Messages", "township_code {code} repeats line {first}"),
    QT_TRANSLATE_NOOP("Messages", "{county} {township} repeats line {first}"),
    QT_TRANSLATE_NOOP("Messages", "{file}:{line}: {problems}"),
    QT_TRANSLATE_NOOP("Messages", "… and {count} more"),
    QT_TRANSLATE_NOOP("Messages", "cannot read {file}: {error}"),
    QT_TRANSLATE_NOOP("Messages", "{file} is not UTF-8 text (save the CSV as UTF-8)"),
    QT_TRANSLATE_NOOP("Messages", "form {form} version {version} is already installed with different content; a form version never changes once used: give the file a new version"),
    QT_TRANSLATE_NOOP("Messages", "no form '{ref}'; installed: {forms}"),
    QT_TRANSLATE_NOOP("Messages", "township_code '{code}' does not start with county_code '{county_code}'"),
    QT_TRANSLATE_NOOP("Messages", "{path} was written by a newer version of Inspector (schema step {step}); update Inspector to open it"),
    QT_TRANSLATE_NOOP("Messages", "no database at {path}; create one with 'inspector init'"),
    QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not a database file"),
    QT_TRANSLATE_NOOP("Messages", "{path} is not an Inspector database"),
    QT_TRANSLATE_NOOP("Messages", "this inspection is finished; reopen it to change answers"),
    QT_TRANSLATE_NOOP("Messages", "no township {township}"),
    QT_TRANSLATE_NOOP("Messages", "{township} has not been inspected in {campaign}"),
    QT_TRANSLATE_NOOP("Messages", "no notice {notice}"),
    QT_TRANSLATE_NOOP("Messages", "attachment {id}: its file {sha} is missing from the attachments folder; run 'inspector check'"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: '{key}' is missing"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: '{key}' has the wrong type"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: not a JSON object"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: not an Inspector bundle (format is {format!r}, expected {expected!r})"),
    QT_TRANSLATE_NOOP("Messages", "this bundle was made by a newer Inspector (bundle format {version}, this version reads {readable}); update Inspector to import it"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: format_version {version} is not valid"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: 'bundle_id' is not valid"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: 'campaign_id' has the wrong type"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: table '{table}': '{key}' is missing"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: attachment: '{key}' is missing"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: table '{table}': '{key}' has the wrong type"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: attachment: '{key}' has the wrong type"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: unknown table '{table}'"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: table '{table}' is not an object"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: table '{table}': file must be {expected}, not {file!r}"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: table '{table}': row count or sha256 is not valid"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: an attachment entry is not an object"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: attachment {sha!r} is not valid"),
    QT_TRANSLATE_NOOP("Messages", "attachment {sha} declares {size:,} bytes, more than the {limit} MiB an attachment may have"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: attachment {sha} is listed twice"),
    QT_TRANSLATE_NOOP("Messages", "{file}: form {form} {version} does not match its sha256"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "{file}: an attachment row needs file {sha}, which is neither in the bundle nor on this laptop"),
    QT_TRANSLATE_NOOP("Messages", "{file}: form {form} {version} does not parse: {issue}"),
    QT_TRANSLATE_NOOP("Messages", "unknown column(s) {columns}"),
    QT_TRANSLATE_NOOP("Messages", "missing column(s) {columns}"),
    QT_TRANSLATE_NOOP("Messages", "{file} holds {count:,} files, more than a bundle may"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {size:,} bytes uncompressed, more than the {limit:,} a bundle may hold"),
    QT_TRANSLATE_NOOP("Messages", "{file}: manifest.json is missing; not an Inspector bundle"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} is listed in the manifest but missing"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} is not listed in the manifest"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} does not match its sha256 in the manifest (damaged or altered)"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} holds {count} rows, the manifest says {expected}"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} ends in the middle of a row"),
    QT_TRANSLATE_NOOP("Messages", "{file}: attachment {sha} does not match its sha256 (damaged or altered)"),
    QT_TRANSLATE_NOOP("Messages", "{file}: no such file"),
    QT_TRANSLATE_NOOP("Messages", "{file} is a folder, not a bundle"),
    QT_TRANSLATE_NOOP("Messages", "{file} is not an Inspector bundle (not a ZIP archive, or cut short while copying)"),
    QT_TRANSLATE_NOOP("Messages", "{file}: refused, member {member!r} has {why}"),
    QT_TRANSLATE_NOOP("Messages", "{file}: member {member} appears twice"),
    QT_TRANSLATE_NOOP("Messages", "{file}: unexpected member {member!r}"),
    QT_TRANSLATE_NOOP("Messages", "{file}: member {member} is encrypted"),
    QT_TRANSLATE_NOOP("Messages", "{file}: member {member} declares {size:,} bytes, more than the {limit:,} allowed"),
    QT_TRANSLATE_NOOP("Messages", "{file}: member {member} inflates more than {ratio}:1 (a ZIP bomb?)"),
    QT_TRANSLATE_NOOP("Messages", "{file}: manifest.json is not valid JSON ({error})"),
    QT_TRANSLATE_NOOP("Messages", "{file}: attachment {sha} is not the size the manifest says"),
    QT_TRANSLATE_NOOP("Messages", "{file}: member {member} is damaged ({error})"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} has a line longer than {limit} MiB"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} {detail}"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} line {line} is not valid JSON"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} line {line} is not a JSON object"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} line {line}: {problems}"),
    QT_TRANSLATE_NOOP("Messages", "{file}: member {member} inflates beyond its declared size (a ZIP bomb?)"),
    QT_TRANSLATE_NOOP("Messages", "; "),
    QT_TRANSLATE_NOOP("Messages", "values nested more than {limit} deep (arrays or inline tables)"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': {key} must be a finite number no larger than {limit}, not {value}"),
    QT_TRANSLATE_NOOP("Messages", "[form] '{key}' holds control characters ({chars})"),
    QT_TRANSLATE_NOOP("Messages", "[[section]] {number} must be a table"),
    QT_TRANSLATE_NOOP("Messages", "item '{item}': '{key}' holds control characters ({chars})"),
    QT_TRANSLATE_NOOP("Messages", "section '{section}': '{key}' holds control characters ({chars})"),
    QT_TRANSLATE_NOOP("Messages", "item {number} of section '{section}' must be a table"),
    QT_TRANSLATE_NOOP("Messages", "the file is larger than {size} MiB: not a form"),
    QT_TRANSLATE_NOOP("Messages", "{file}:{line}: {error}"),
    QT_TRANSLATE_NOOP("Messages", "{file}:{line}: field too long (over {limit} characters)"),
    QT_TRANSLATE_NOOP("Messages", "{column} holds control characters ({chars})"),
    QT_TRANSLATE_NOOP("Messages", "{column} is longer than {limit} characters"),
    QT_TRANSLATE_NOOP("Messages", "a campaign name cannot hold control characters ({chars})"),
    QT_TRANSLATE_NOOP("Messages", "a {what} id or name is at most {limit} characters, not {length}"),
    QT_TRANSLATE_NOOP("Messages", "county {county} has county_code {code} on line {first}"),
    QT_TRANSLATE_NOOP("Messages", "{file}:{line}: county {county} is already in the database with county_code {code}"),
    QT_TRANSLATE_NOOP("Messages", "{file}:{line}: {county} {township} is already in the database with township_code {code}"),
    QT_TRANSLATE_NOOP("Messages", "{file} is larger than {size} MiB: not a township list"),
    QT_TRANSLATE_NOOP("Messages", "the setting {key} holds control characters ({chars}); type it again without them"),
    QT_TRANSLATE_NOOP("Messages", "the database is busy (another Inspector window or command is writing); try again in a moment"),
    QT_TRANSLATE_NOOP("Messages", "the database is read-only, so nothing can be saved (check the file's permissions, or copy it off a read-only disk or share)"),
    QT_TRANSLATE_NOOP("Messages", "the disk is full, so nothing could be saved; free some space and try again"),
    QT_TRANSLATE_NOOP("Messages", "the database file cannot be opened (its folder is missing, or not readable and writable)"),
    QT_TRANSLATE_NOOP("Messages", "the file is not an Inspector database"),
    QT_TRANSLATE_NOOP("Messages", "the database is damaged; restore a backup with 'inspector backup restore'"),
    QT_TRANSLATE_NOOP("Messages", "the disk could not be read or written (I/O error); check the disk or USB stick, and if it goes on, restore a backup with 'inspector backup restore'"),
    QT_TRANSLATE_NOOP("Messages", "the operating system refused access to the database file (permission denied)"),
    QT_TRANSLATE_NOOP("Messages", "internal error, details written to {log}"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {error}"),
    QT_TRANSLATE_NOOP("Messages", "internal error ({error}); the log could not be written"),
    QT_TRANSLATE_NOOP("Messages", "no backup named {name}; 'inspector backup list' shows them"),
    QT_TRANSLATE_NOOP("Messages", "backup {name} is damaged; choose another one"),
    QT_TRANSLATE_NOOP("Messages", "backup {name} is not an Inspector database"),
    QT_TRANSLATE_NOOP("Messages", "backup {name} was written by a newer version of Inspector"),
    QT_TRANSLATE_NOOP("Messages", "{path} is damaged, so nothing was imported; restore a backup with 'inspector backup restore'"),
    QT_TRANSLATE_NOOP("Messages", "{path} is damaged; restore a backup with 'inspector backup restore'"),
    QT_TRANSLATE_NOOP("Messages", "no folder {folder} for the database {path}"),
    QT_TRANSLATE_NOOP("Messages", "an id of 1 to {max} ASCII letters, digits or signs (no spaces or quotes)"),
    QT_TRANSLATE_NOOP("Messages", "one of {values}"),
    QT_TRANSLATE_NOOP("Messages", "a date YYYY-MM-DD between {first} and {last}"),
    QT_TRANSLATE_NOOP("Messages", "a time YYYY-MM-DDTHH:MM:SS"),
    QT_TRANSLATE_NOOP("Messages", "one line of at most {max} characters without control characters"),
    QT_TRANSLATE_NOOP("Messages", "text of at most {max} characters without control characters"),
    QT_TRANSLATE_NOOP("Messages", "a whole number from {low} to {high}"),
    QT_TRANSLATE_NOOP("Messages", "a number from {low} to {high}"),
    QT_TRANSLATE_NOOP("Messages", "{lengths} digits"),
    QT_TRANSLATE_NOOP("Messages", "a sha256 (64 lowercase hex digits)"),
    QT_TRANSLATE_NOOP("Messages", "a JSON array of ids"),
    QT_TRANSLATE_NOOP("Messages", "a clock value (13 digits before 2100, 4 hex digits, a device id)"),
    QT_TRANSLATE_NOOP("Messages", "{table} has no column {column}"),
    QT_TRANSLATE_NOOP("Messages", "{table}.{column}: {value} is not {expected}"),
    QT_TRANSLATE_NOOP("Messages", "{file}: manifest.json is nested too deeply"),
    QT_TRANSLATE_NOOP("Messages", "this computer's clock ({now}) is behind the last change recorded ({last}): check the date and time"),
    QT_TRANSLATE_NOOP("Messages", "{value!r} is not a clock value"),
    QT_TRANSLATE_NOOP("Messages", "device {device}'s clock appears to be at {when}, more than a day ahead of this computer's ({today}); correct that laptop's clock, then export again"),
    QT_TRANSLATE_NOOP("Messages", "the last change recorded in this database is stamped {last}, the end of the clock's range: set this computer's date and time right, then run 'inspector check --restamp-future'"),
    QT_TRANSLATE_NOOP("Messages", "this database was last used on another computer or in another folder (device {name}, id {device}): if it is a copy, give it its own identity with 'inspector device new' before editing; if it is the same laptop, renamed or moved, confirm with 'inspector device same'"),
    QT_TRANSLATE_NOOP("Messages", "{table}: {count} row(s) stamped more than a day ahead of this computer's clock (newest {when}, device {device}); other laptops refuse them: once the date here is right, run 'inspector check --restamp-future'"),
    QT_TRANSLATE_NOOP("Messages", "{file}: device {device}'s clock appears to be at {when}, more than a day ahead of this computer's ({today}); correct that laptop's clock, then export again ({member} line {line}, column {column})"),
    QT_TRANSLATE_NOOP("Messages", "{file} was made under this laptop's own device id {device} (by {name}): one of the two databases is a copy of the other; on the copy, run 'inspector device new' (File → New device identity…), then export again"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} line {line}, column {column}: version {value} carries this laptop's device id but was never made here: another laptop uses a copy of this database; on the copy, run 'inspector device new' (File → New device identity…), then export again; if the copy already has its own id, run it here, then import again"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} line {line}: version {value} differs from the version with the same stamp here: two databases use the device id {device} (one is a copy of the other); on the copy, run 'inspector device new' (File → New device identity…), then export again"),
    QT_TRANSLATE_NOOP("Messages", "export a delta (--since-last) to carry only the changes, or a campaign kit"),
    QT_TRANSLATE_NOOP("Messages", "{table} row {id}: {size:,} bytes as one line of the bundle, {over:,} more than the {limit:,} a row may have; its column {column} alone is {column_size:,} bytes. Shorten it and export again"),
    QT_TRANSLATE_NOOP("Messages", "table {table} comes to {size:,} bytes in the bundle, {over:,} more than the {limit:,} a table may have; {advice}"),
    QT_TRANSLATE_NOOP("Messages", "{count:,} attachments make more than the {limit:,} files a bundle may hold; {advice}"),
    QT_TRANSLATE_NOOP("Messages", "its attachments alone come to"),
    QT_TRANSLATE_NOOP("Messages", "with its tables it comes to"),
    QT_TRANSLATE_NOOP("Messages", "this bundle is too big: {what} {size:,} bytes, {over:,} more than the {limit:,} a bundle may hold; {advice}"),
    QT_TRANSLATE_NOOP("Messages", "the bundle's manifest.json would be {size:,} bytes, {over:,} more than the {limit:,} allowed; {advice}"),
    QT_TRANSLATE_NOOP("Messages", "attachment {id} ({filename}) is {size:,} bytes, {over:,} more than the {limit:,} an attachment may have in a bundle"),
    QT_TRANSLATE_NOOP("Messages", "a campaign kit is always complete: use --campaign or --since-last, not both"),
    QT_TRANSLATE_NOOP("Messages", "--to chooses the peer of a delta: add --since-last"),
    QT_TRANSLATE_NOOP("Messages", "no bundle from device {device} was ever imported here, so nothing says what it holds; known devices: {known}. Export a full bundle for it"),
    QT_TRANSLATE_NOOP("Messages", "{table} row {id}: column {column} holds {value}, which is not {expected}; an import would refuse it, so correct it and export again"),
    QT_TRANSLATE_NOOP("Messages", "the bundle is complete, but this database could not note the export ({error}); the 'last export' line stays as it was"),
    QT_TRANSLATE_NOOP("Messages", "attachment file {sha} changed size while the bundle was written; export again"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: '{key}' is not a version vector"),
    QT_TRANSLATE_NOOP("Messages", "manifest.json: '{key}' entry {author!r} is not a device and a clock value of it"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} has a line longer than {limit:,} bytes"),
    QT_TRANSLATE_NOOP("Messages", "{file}: {member} {detail}. This is a delta bundle, made for a database that holds more than this one: ask {device} to export a full bundle"),
    QT_TRANSLATE_NOOP("Messages", "no township of {campaign} has open problems not yet on a notice"),
    QT_TRANSLATE_NOOP("Messages", "no open problems of {campaign} are past their deadline on {date}"),
    QT_TRANSLATE_NOOP("Messages", "the interview date {on} is before the notice's date {date}"),
    QT_TRANSLATE_NOOP("Messages", "no township of {campaign} is on the interview list"),
    QT_TRANSLATE_NOOP("Messages", "this township is not on the interview list of {campaign}"),
    QT_TRANSLATE_NOOP("Messages", "no county {county}; counties are: {names}"),
)

# Values that fill templates and read better translated: problem states and
# actions, and the TOML parser's fixed messages (tomllib speaks English).
VALUES = (
    QT_TRANSLATE_NOOP("Values", "open"),
    QT_TRANSLATE_NOOP("Values", "rectifying"),
    QT_TRANSLATE_NOOP("Values", "rectified"),
    QT_TRANSLATE_NOOP("Values", "closed"),
    QT_TRANSLATE_NOOP("Values", "start"),
    QT_TRANSLATE_NOOP("Values", "rectify"),
    QT_TRANSLATE_NOOP("Values", "close"),
    QT_TRANSLATE_NOOP("Values", "reject"),
    QT_TRANSLATE_NOOP("Values", "Invalid statement"),
    QT_TRANSLATE_NOOP("Values", "Expected newline or end of document after a statement"),
    QT_TRANSLATE_NOOP("Values", "Cannot overwrite a value"),
    QT_TRANSLATE_NOOP("Values", "Expected ']' at the end of a table declaration"),
    QT_TRANSLATE_NOOP("Values", "Expected ']]' at the end of an array declaration"),
    QT_TRANSLATE_NOOP("Values", "Expected '=' after a key in a key/value pair"),
    QT_TRANSLATE_NOOP("Values", "Invalid initial character for a key part"),
    QT_TRANSLATE_NOOP("Values", "Unclosed array"),
    QT_TRANSLATE_NOOP("Values", "Unclosed inline table"),
    QT_TRANSLATE_NOOP("Values", "Invalid hex value"),
    QT_TRANSLATE_NOOP("Values", "Escaped character is not a Unicode scalar value"),
    QT_TRANSLATE_NOOP("Values", "Unterminated string"),
    QT_TRANSLATE_NOOP("Values", "Invalid date or datetime"),
    QT_TRANSLATE_NOOP("Values", "Invalid value"),
)
