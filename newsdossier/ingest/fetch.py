"""Fetching a URL with httpx, safely: one deadline, a size cap, a redirect cap and an address check.

Server-side request forgery: a URL given to a server-side extractor must not reach the machine's own
services or its private network. Every hop is checked before it is requested: the host is resolved
and EVERY address it resolves to (IPv4 and IPv6) must be public; redirects are followed by hand so
each new location is checked the same way. The connection itself does not trust that check to still
hold (a DNS answer may change between two lookups: rebinding): httpx connects through `_Connector`,
which resolves the name once more, checks every address of that answer and connects to those
addresses only, by number, so no later lookup can steer the request elsewhere. The Host header and
the TLS server name stay the URL's name. `Settings.allow_private` lifts the check.

Time: one wall-clock deadline (`Settings.fetch_deadline`) covers the whole fetch, every hop, connect,
TLS handshake, request, headers and body; each socket operation is given at most the time left, so a
server that trickles its headers or body a byte at a time is cut off at the deadline.

Credentials in a URL are sent as HTTP Basic auth and never shown (`newsdossier.redact`).
"""
from __future__ import annotations

import ipaddress
import logging
import socket
import ssl
import time
from dataclasses import dataclass
from typing import Any, Callable, Optional
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..errors import FetchError
from ..settings import Settings

logger = logging.getLogger(__name__)

SCHEMES = ("http", "https")
REDIRECTS = (301, 302, 303, 307, 308)
CHUNK = 65536


@dataclass(frozen=True)
class Fetched:
    """A fetched response body (at most `max_bytes`), the final URL and its declared content type."""

    url: str
    data: bytes
    content_type: Optional[str] = None
    status: int = 200


def megabytes(n: int) -> str:
    """A byte count for a message: '30.0 MB', '1.0 kB', '512 bytes' (decimal units, as --max-bytes)."""
    if n >= 100_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1000:
        return f"{n / 1000:.1f} kB"
    return f"{n} bytes"


def refused_reason(address: str) -> Optional[str]:
    """Why `address` may not be fetched from (loopback, private ...), or None when it is public."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"address {address} is not an IP address"
    mapped = getattr(ip, "ipv4_mapped", None) or getattr(ip, "sixtofour", None)
    if mapped is not None:
        ip = mapped
    for flag, word in (
        ("is_loopback", "loopback"), ("is_unspecified", "unspecified"), ("is_link_local", "link-local"),
        ("is_multicast", "multicast"), ("is_private", "private"), ("is_reserved", "reserved"),
        ("is_site_local", "site-local"),
    ):
        if getattr(ip, flag, False):
            return f"address {ip} is {word}"
    if not ip.is_global:
        return f"address {ip} is not public"
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, in the resolver's order (a literal IP resolves to itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]")).compressed]
    except ValueError:
        pass
    # Internationalised names resolve by their ASCII (IDNA) form, as the HTTP client will send them.
    ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    infos = socket.getaddrinfo(ascii_host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def allowed_addresses(host: str, port: int, settings: Settings) -> list[str]:
    """The addresses of one lookup of `host`, every one of them allowed (unless `allow_private`).

    Raises FetchError (named by the host) when the name does not resolve or when ANY address may not
    be fetched: the client could pick any of them.
    """
    try:
        addresses = resolve(host, port)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(host, f"cannot resolve host {host} ({_short(exc)})", transient=True) from None
    if not addresses:
        raise FetchError(host, f"cannot resolve host {host}", transient=True)
    if not settings.allow_private:
        for address in addresses:
            why = refused_reason(address)
            if why:
                raise FetchError(host, f"{why}; pass --allow-private to fetch it")
    return addresses


def check_url(url: str, settings: Settings) -> None:
    """Raise FetchError unless `url` is http(s) with a host whose every address may be fetched.

    This is the early refusal, before any connection is made; `_Connector` checks again the very
    answer it connects to.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise FetchError(url, f"unsupported URL scheme {scheme!r} (use http or https)")
    host = parts.hostname
    if not host:
        raise FetchError(url, "URL has no host")
    if settings.allow_private:
        return
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise FetchError(url, "URL has an invalid port") from None
    try:
        allowed_addresses(host, port, settings)
    except FetchError as exc:
        raise FetchError(url, exc.reason, exc.transient) from None


class _Deadline:
    """The wall-clock end of one fetch: every blocking socket operation is given at most the time left.

    Per-operation timeouts alone never fire on a server that sends one byte a second; bounding each
    operation by what is left of one budget does, wherever the trickle is (headers, body, TLS).
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.passed = False

    def bound(self, operation: Callable[..., Any], timeout: Optional[float], *args: Any, **kwargs: Any) -> Any:
        left = self.end - time.monotonic()
        if left <= 0:
            self.passed = True
            raise httpcore.TimeoutException(f"fetch deadline of {self.seconds:g}s passed")
        clipped = timeout is None or left < timeout
        try:
            return operation(*args, timeout=left if clipped else timeout, **kwargs)
        except httpcore.TimeoutException:
            self.passed = self.passed or clipped
            raise


class _BoundedStream(httpcore.NetworkStream):
    """A connection whose every read, write and TLS handshake ends by the fetch's deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: _Deadline):
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: Optional[float] = None) -> bytes:
        return self._deadline.bound(self._stream.read, timeout, max_bytes)

    def write(self, buffer: bytes, timeout: Optional[float] = None) -> None:
        self._deadline.bound(self._stream.write, timeout, buffer)

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: Optional[str] = None,
                  timeout: Optional[float] = None) -> httpcore.NetworkStream:
        tls = self._deadline.bound(self._stream.start_tls, timeout, ssl_context, server_hostname)
        return _BoundedStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Connector(httpcore.NetworkBackend):
    """How httpx connects during one fetch: to the addresses of one checked lookup, by number.

    httpcore hands over the URL's host; the name is resolved here once, every address of that answer
    is checked, and the socket connects to one of those addresses, so no second lookup (whose answer
    an attacker's DNS may have changed to 127.0.0.1) ever decides where the request goes. TLS still
    verifies and sends the name, and the Host header is the URL's, as httpcore builds them.
    """

    def __init__(self, settings: Settings, deadline: _Deadline):
        self._settings = settings
        self._deadline = deadline
        self._tcp = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: Optional[float] = None, local_address: Optional[str] = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        failure: Optional[Exception] = None
        for address in allowed_addresses(host, port, self._settings):
            try:
                stream = self._deadline.bound(self._tcp.connect_tcp, timeout, address, port,
                                              local_address=local_address, socket_options=socket_options)
            except httpcore.ConnectError as exc:  # this address refuses or is unreachable: try the next
                failure = exc
                continue
            return _BoundedStream(stream, self._deadline)
        raise failure or httpcore.ConnectError(f"cannot connect to {host}")

    def connect_unix_socket(self, path: str, timeout: Optional[float] = None, socket_options: Any = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _Transport(httpx.HTTPTransport):
    """httpx's own transport (its exception mapping and response streams), connecting through `_Connector`."""

    def __init__(self, connector: _Connector):
        context = httpx.create_ssl_context(trust_env=False)
        super().__init__(verify=context, trust_env=False)
        # httpx 0.27/0.28 take no network backend (encode/httpx PR 3749 proposes one), so the pool is
        # built again with ours. Fail loudly should httpx stop keeping it there: the default pool
        # would resolve names itself and silently lose the pinning.
        if not isinstance(getattr(self, "_pool", None), httpcore.ConnectionPool):
            raise RuntimeError("httpx.HTTPTransport no longer keeps its pool in _pool; update newsdossier.ingest.fetch")
        self._pool = httpcore.ConnectionPool(ssl_context=context, network_backend=connector)


def fetch_http(url: str, settings: Settings) -> Fetched:
    """GET `url` within the limits of `settings`; raises FetchError with one line naming the problem."""
    deadline = _Deadline(settings.fetch_deadline)
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"}
    transport = _Transport(_Connector(settings, deadline))
    # trust_env=False: a proxy from the environment would connect in our stead, past the address check.
    with httpx.Client(transport=transport, timeout=timeout, headers=headers, follow_redirects=False,
                      trust_env=False) as client:
        seen: list[str] = []
        current = url
        for _hop in range(settings.max_redirects + 1):
            check_url(current, settings)
            seen.append(current)
            location = _get(client, current, url, settings, deadline)
            if isinstance(location, Fetched):
                return location
            current = location
        loop = " (a redirect loop)" if len(set(seen)) < len(seen) or current in seen else ""
        raise FetchError(url, f"too many redirects (more than {settings.max_redirects}){loop}")


def _get(client: httpx.Client, current: str, original: str, settings: Settings, deadline: _Deadline) -> "Fetched | str":
    """One request: the body as Fetched, or the next URL when the server redirects."""
    try:
        # Credentials in the URL go as Basic auth (what httpx would do with them) on a URL without
        # them, so httpx's own log line ("HTTP Request: GET ...") cannot show them.
        target = httpx.URL(current)
        auth = httpx.BasicAuth(target.username, target.password) if target.userinfo else None
        with client.stream("GET", target.copy_with(userinfo=b""), auth=auth) as response:
            if response.status_code in REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(original, f"HTTP {response.status_code} redirect without a Location")
                return urljoin(current, location.strip())
            if response.status_code >= 400:
                phrase = response.reason_phrase or ""
                # A server error or "too many requests" may pass; a 4xx about the page will not.
                raise FetchError(original, f"HTTP {response.status_code} {phrase}".strip(),
                                 transient=response.status_code >= 500 or response.status_code == 429,
                                 status=response.status_code)
            data = _read_capped(response, original, settings)
            return Fetched(
                url=str(response.url), data=data, content_type=response.headers.get("content-type"),
                status=response.status_code,
            )
    except FetchError as exc:  # raised here, or by the connector (named by the host)
        raise FetchError(original, exc.reason, exc.transient, exc.status) from None
    except httpx.TimeoutException as exc:
        raise FetchError(original, _timeout_reason(exc, deadline, settings), transient=True) from None
    except httpx.ConnectError as exc:
        raise FetchError(original, _connect_reason(exc), transient=True) from None
    except httpx.TooManyRedirects:
        raise FetchError(original, f"too many redirects (more than {settings.max_redirects})") from None
    except httpx.InvalidURL as exc:
        raise FetchError(original, f"invalid URL ({_short(exc)})") from None
    except (httpx.HTTPError, httpx.StreamError) as exc:
        raise FetchError(original, f"fetch failed ({type(exc).__name__}: {_short(exc)})", transient=True) from None
    except (OSError, ValueError, UnicodeError) as exc:
        raise FetchError(original, f"fetch failed ({_short(exc)})", transient=True) from None


def _timeout_reason(exc: httpx.TimeoutException, deadline: _Deadline, settings: Settings) -> str:
    if deadline.passed:
        return f"gave up after {settings.fetch_deadline:g}s (fetch_deadline): the server sent too slowly"
    if isinstance(exc, httpx.ConnectTimeout):
        return f"connect timed out after {settings.connect_timeout:g}s"
    if isinstance(exc, httpx.ReadTimeout):
        return f"read timed out after {settings.read_timeout:g}s"
    return "timed out"


def _read_capped(response: httpx.Response, original: str, settings: Settings) -> bytes:
    """The body, refused as soon as it passes `max_bytes` (stated up front or counted while streaming)."""
    limit = settings.max_bytes
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(original, f"response is {megabytes(int(declared))}, over the {megabytes(limit)} limit (--max-bytes)")
    body = bytearray()
    for chunk in response.iter_bytes(CHUNK):
        body += chunk
        if len(body) > limit:
            raise FetchError(original, f"response is over the {megabytes(limit)} limit (--max-bytes)")
    return bytes(body)


def _connect_reason(exc: httpx.ConnectError) -> str:
    text = str(exc).lower()
    cause = exc.__cause__ or exc.__context__
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, socket.gaierror):
            return f"cannot resolve host ({_short(cause)})"
        cause = cause.__cause__ or cause.__context__
    if "refused" in text:
        return "connection refused"
    if "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return f"cannot resolve host ({_short(exc)})"
    if "certificate" in text or "ssl" in text:
        return f"TLS error ({_short(exc)})"
    return f"cannot connect ({_short(exc)})"


def _short(exc: BaseException) -> str:
    """The first line of an exception's message, trimmed for a one-line reason."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
