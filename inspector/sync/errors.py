"""Errors of bundle handling that the user can act on."""


class BundleError(Exception):
    """A bundle that cannot be imported; the message names what is wrong and nothing was written."""
