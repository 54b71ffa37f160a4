"""The PySide6 widgets: the only package that imports Qt."""

import sys

if sys.version_info < (3, 12):
    # PySide6 6.12 on CPython 3.11 drops a reference to None on every Qt call that
    # returns None (every setter, every empty QVariant), and one to True on every
    # `SignalInstance.emit` and `connect` (it returns True without taking one):
    # after some hundreds of calls the count reaches zero and the interpreter
    # aborts ("deallocating None", "deallocating True or False"). From 3.12 on
    # these singletons are immortal; before, make them so in effect. PySide6-Pdf
    # pins PySide6-Essentials to the same release, so no older binding can be
    # chosen instead.
    import ctypes

    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
