"""`dossier serve`: the application on uvicorn, listening on loopback unless told otherwise."""
from __future__ import annotations

import ipaddress
import logging
import socket
from typing import Optional

from ..errors import DossierError
from ..settings import Settings
from ..store import Store

log = logging.getLogger(__name__)


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket, bound before uvicorn starts, so a port in use is one clear error."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        raise DossierError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from exc
    sock.set_inheritable(True)
    return sock


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def run(db: Optional[str], host: str, port: int, tokens: dict[str, str], settings: Settings,
        announce=print) -> None:
    """Serve the store at `db` on host:port until interrupted."""
    import uvicorn

    from .app import create_app

    store = Store(db)
    app = create_app(tokens=tokens, settings=settings, store=store)
    sock = _listen(host, port)
    shown = f"[{host}]" if ":" in host else host
    where = store.engine.url.render_as_string(hide_password=True)
    mode = f"writes need a token ({len(tokens)} configured)" if tokens else "read-only (no token configured)"
    announce(f"dossier: serving {where} at http://{shown}:{sock.getsockname()[1]}/ — {mode}")
    if not is_loopback(host):
        announce(f"dossier: warning: listening on {host}, not only on this machine; put TLS in front of it")
    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False,
                            timeout_graceful_shutdown=5)
    uvicorn.Server(config).run(sockets=[sock])
