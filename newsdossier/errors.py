"""The library's exceptions. Messages name the bad value and what would have been valid.

Only the edges (cli.py, the HTTP API) turn these into exit codes or status codes.
"""
from typing import Optional

from .redact import redact_credentials


class DossierError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(DossierError):
    """An input that cannot be read or holds no article text; the batch goes on without it.

    `transient` says whether trying again later may succeed (a timeout, a refused connection, a
    name that did not resolve, HTTP 5xx or 429), so that a poller decides on the kind of failure
    and not on the wording of its message.
    """

    def __init__(self, source: str, reason: str, transient: bool = False):
        # The message is printed and stored: a password in a URL input must not travel with it.
        source, reason = redact_credentials(source), redact_credentials(reason)
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.transient = transient


class FetchError(InputError):
    """A URL that could not be fetched (refused address, timeout, too large, too many redirects);
    `status` is the HTTP status when the server answered with an error."""

    def __init__(self, source: str, reason: str, transient: bool = False, status: Optional[int] = None):
        super().__init__(source, reason, transient)
        self.status = status


class ModelError(DossierError):
    """A spaCy pipeline that is not installed or lacks a component we need."""


class SettingsError(DossierError):
    """A settings value or file that is not valid."""


class StoreError(DossierError):
    """A database URL or store operation that failed."""


class NotFoundError(StoreError):
    """A dossier or article id that is not in the store."""


class CorrectionError(DossierError):
    """A correction of a dossier field that is not valid (unknown field, bad value)."""


class ExportError(DossierError):
    """An export that cannot be written (unknown format, a folder format sent to a stream, bad filter)."""


class ArgumentError(DossierError, TypeError):
    """A Python API argument of the wrong type, e.g. a number or bytes where a path, URL or text
    was expected. Also a TypeError, so callers that already catch that keep working."""


class BudgetError(DossierError):
    """An article whose analysis ran past its time budget (`settings.article_seconds`); that
    article becomes a Failure and the batch goes on."""
