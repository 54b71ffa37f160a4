"""The PySide6 widgets: the only package that imports Qt."""

import sys

if sys.version_info < (3, 12):
    # PySide6 6.12 on CPython 3.11 drops a reference to None on every Qt call that
    # returns None (every setter, every empty QVariant): after some thousands of
    # calls None's count reaches zero and the interpreter aborts ("deallocating
    # None"). From 3.12 on None is immortal; before, make it so in effect.
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
