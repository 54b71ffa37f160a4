"""Messages for the user: an English template with named values.

Errors the user can fix carry their messages in this form besides their
English text. The command line prints `str(message)` (the template filled in,
in English); the GUI translates the template and fills in the same values
(`inspector.ui.messages`). Templates use `str.format` fields; a value may be
another Message or a `Joined` list of them, translated in turn.
"""

from __future__ import annotations

from typing import Any


class Message:
    """An English template and the values for its `{named}` fields."""

    __slots__ = ("params", "template")

    def __init__(self, template: str, /, **params: Any) -> None:
        self.template = template
        self.params = params

    def __str__(self) -> str:
        return self.template.format(**self.params)

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.template, self.params) == (other.template, other.params)

    def __hash__(self) -> int:
        return hash(self.template)


class Joined:
    """Several messages shown as one, separated by '; ' (translated in the GUI)."""

    __slots__ = ("parts",)

    SEPARATOR = "; "

    def __init__(self, parts: list[Message]) -> None:
        self.parts = tuple(parts)

    def __str__(self) -> str:
        return self.SEPARATOR.join(str(p) for p in self.parts)

    def __repr__(self) -> str:
        return f"Joined({list(self.parts)!r})"


def plain(text: str) -> Message:
    """A message that is already final text (a name, or text from outside Inspector)."""
    return Message("{text}", text=text)


class MessageError(Exception):
    """An error the user can fix, built from messages; its text is their English lines."""

    def __init__(self, *messages: Message | str) -> None:
        self.messages = [m if isinstance(m, Message) else plain(m) for m in messages]
        super().__init__("\n".join(str(m) for m in self.messages))


def messages_of(exc: BaseException) -> list[Message] | None:
    """The messages an exception carries, or None for an ordinary exception."""
    found = getattr(exc, "messages", None)
    if isinstance(found, list) and found and all(isinstance(m, Message) for m in found):
        return found
    return None
