"""Fixtures of the ingest tests: a news site on loopback (see loopback.py)."""
import pytest

from loopback import serve


@pytest.fixture
def site():
    """A loopback HTTP server; tests set its pages with `site.add(path, body)`."""
    with serve() as state:
        yield state
