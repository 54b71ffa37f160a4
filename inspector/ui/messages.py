"""Error messages for the user in the app's language.

The Qt-free layers raise errors carrying `inspector.messages.Message`s: an
English template and its values. Here each template is translated (context
"Messages") and filled in with the same values. Which errors are the user's
situation and which are our bugs is decided once, by `inspector.errors`, for
the command line and the GUI alike: a bug is logged there and the user reads
where its details went.

lupdate only finds literal strings, so every template used below `inspector/ui`
is listed in the generated `inspector.ui.message_catalog` (TEMPLATES), written by
`tools/update_translations.py`; a test fails when it is not current.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector.errors import explain, user_messages
from inspector.messages import Joined, Message
from inspector.ui.message_catalog import TEMPLATES

__all__ = ["TEMPLATES", "describe_for_user", "translate_message"]

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
