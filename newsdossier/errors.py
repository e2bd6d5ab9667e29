"""The library's exceptions. Messages name the bad value and what would have been valid.

Only the edges (cli.py, the HTTP API) turn these into exit codes or status codes.
"""


class DossierError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(DossierError):
    """An input that cannot be read or holds no article text; the batch goes on without it."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(InputError):
    """A URL that could not be fetched (refused address, timeout, too large, too many redirects)."""


class ModelError(DossierError):
    """A spaCy pipeline that is not installed or lacks a component we need."""


class SettingsError(DossierError):
    """A settings value or file that is not valid."""


class StoreError(DossierError):
    """A database URL or store operation that failed."""


class BudgetError(DossierError):
    """An article whose analysis ran past its time budget (`settings.article_seconds`); that
    article becomes a Failure and the batch goes on."""
