"""The app survives a working day of signals on the PySide6 it ships with.

PySide6 6.12 on CPython 3.11 returns True from `SignalInstance.emit` (and
`connect`) without a reference of its own: every signal a Python widget emits
takes one from True, and after a few hundred key presses in the checklist (each
emits several) the interpreter aborts with "deallocating True or False". The
package `inspector.ui` guards against it on import, as it does for None.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import inspector.ui
from PySide6.QtCore import QObject, Signal

class Card(QObject):
    move_requested = Signal(object, int)

card = Card()
seen = []
card.move_requested.connect(lambda c, d: seen.append(d))
for _ in range(200_000):  # some weeks of key presses
    card.move_requested.emit(card, 1)
    card.move_requested.emit(None, -1)
print(len(seen))
"""


def test_two_hundred_thousand_signals_do_not_abort_the_interpreter():
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["400000"]
