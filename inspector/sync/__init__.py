"""Bundles: export, validation, import and merge between devices. No Qt."""
