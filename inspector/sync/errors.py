"""Errors of bundle handling that the user can act on."""

from inspector.messages import MessageError


class BundleError(MessageError):
    """A bundle that cannot be imported; the message names what is wrong and nothing was written."""


class TrustError(MessageError):
    """A key, roster or enrolment problem the user can act on (wrong fingerprint, not HQ …)."""
