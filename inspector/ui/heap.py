"""Keeping what the window holds for good out of Python's full garbage collections.

With five years of a province open (the tree's rows, every campaign's ranking)
the process tracks some 170,000 objects, and a full collection walks them all:
150 ms, taken whenever the collector decides, in the middle of a key press. What
is loaded at start-up and kept lives as long as the window, so once it is in
place it is moved out of the collector's sight (`gc.freeze`); later collections
walk only what came after. Objects freed by their reference count still are;
only a cycle among the frozen ones would stay, so freezing follows a load, not
a whim.
"""

from __future__ import annotations

import gc


def keep_out_of_collections() -> None:
    """Freeze every object tracked now: after the window's fill, and after a big cache
    (the rankings a worker read) is in place."""
    gc.freeze()
