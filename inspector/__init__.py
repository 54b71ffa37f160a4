"""督查通 Inspector: offline inspection of township party-building work."""

__version__ = "0.1.0"
