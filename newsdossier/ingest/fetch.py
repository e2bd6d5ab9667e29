"""Fetching a URL with httpx, safely: timeouts, a size cap, a redirect cap and an address check.

Server-side request forgery: a URL given to a server-side extractor must not reach the machine's own
services or its private network. Every hop is checked before it is requested: the host is resolved
and EVERY address it resolves to (IPv4 and IPv6) must be public; redirects are followed by hand so
each new location is checked the same way. After connecting, the address actually connected to is
checked again before any body is read, which closes the gap a DNS answer that changes between the
check and the connection (rebinding) would open. `Settings.allow_private` lifts the check.
"""
from __future__ import annotations

import ipaddress
import logging
import socket
import time
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urljoin, urlsplit

import httpx

from .. import registry
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
    """Every address `host` resolves to (a literal IP resolves to itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]")).compressed]
    except ValueError:
        pass
    # Internationalised names resolve by their ASCII (IDNA) form, as the HTTP client will send them.
    ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    infos = socket.getaddrinfo(ascii_host, port, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


def check_url(url: str, settings: Settings) -> None:
    """Raise FetchError unless `url` is http(s) with a host whose every address may be fetched."""
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
        addresses = resolve(host, port)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(url, f"cannot resolve host {host} ({_short(exc)})") from None
    if not addresses:
        raise FetchError(url, f"cannot resolve host {host}")
    for address in addresses:
        why = refused_reason(address)
        if why:
            raise FetchError(url, f"{why}; pass --allow-private to fetch it")


@registry.fetchers.register("http.v1")
def fetch_http(url: str, settings: Settings) -> Fetched:
    """GET `url` within the limits of `settings`; raises FetchError with one line naming the problem."""
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"}
    # trust_env=False: a proxy from the environment would hide the real peer from the address check.
    with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False, trust_env=False) as client:
        seen: list[str] = []
        current = url
        for _hop in range(settings.max_redirects + 1):
            check_url(current, settings)
            seen.append(current)
            location = _get(client, current, url, settings)
            if isinstance(location, Fetched):
                return location
            current = location
        loop = " (a redirect loop)" if len(set(seen)) < len(seen) or current in seen else ""
        raise FetchError(url, f"too many redirects (more than {settings.max_redirects}){loop}")


def _get(client: httpx.Client, current: str, original: str, settings: Settings) -> "Fetched | str":
    """One request: the body as Fetched, or the next URL when the server redirects."""
    try:
        with client.stream("GET", current) as response:
            _check_peer(response, original, settings)
            if response.status_code in REDIRECTS:
                target = response.headers.get("location")
                if not target:
                    raise FetchError(original, f"HTTP {response.status_code} redirect without a Location")
                return urljoin(current, target.strip())
            if response.status_code >= 400:
                phrase = response.reason_phrase or ""
                raise FetchError(original, f"HTTP {response.status_code} {phrase}".strip())
            data = _read_capped(response, original, settings)
            return Fetched(
                url=str(response.url), data=data, content_type=response.headers.get("content-type"),
                status=response.status_code,
            )
    except FetchError:
        raise
    except httpx.ConnectTimeout:
        raise FetchError(original, f"connect timed out after {settings.connect_timeout:g}s") from None
    except httpx.ReadTimeout:
        raise FetchError(original, f"read timed out after {settings.read_timeout:g}s") from None
    except httpx.TimeoutException:
        raise FetchError(original, "timed out") from None
    except httpx.ConnectError as exc:
        raise FetchError(original, _connect_reason(exc)) from None
    except httpx.TooManyRedirects:
        raise FetchError(original, f"too many redirects (more than {settings.max_redirects})") from None
    except httpx.InvalidURL as exc:
        raise FetchError(original, f"invalid URL ({_short(exc)})") from None
    except (httpx.HTTPError, httpx.StreamError) as exc:
        raise FetchError(original, f"fetch failed ({type(exc).__name__}: {_short(exc)})") from None
    except (OSError, ValueError, UnicodeError) as exc:
        raise FetchError(original, f"fetch failed ({_short(exc)})") from None


def _check_peer(response: httpx.Response, original: str, settings: Settings) -> None:
    """Refuse a connection that ended at a private address although the name checked public."""
    if settings.allow_private:
        return
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer:
        why = refused_reason(str(peer[0]))
        if why:
            raise FetchError(original, f"{why}; pass --allow-private to fetch it")


def _read_capped(response: httpx.Response, original: str, settings: Settings) -> bytes:
    """The body, refused as soon as it passes `max_bytes` (stated up front or counted while streaming)."""
    limit = settings.max_bytes
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(original, f"response is {megabytes(int(declared))}, over the {megabytes(limit)} limit (--max-bytes)")
    # A server that trickles bytes would never trip the per-read timeout; bound the whole body too.
    deadline = time.monotonic() + settings.connect_timeout + 4 * settings.read_timeout
    body = bytearray()
    for chunk in response.iter_bytes(CHUNK):
        body += chunk
        if len(body) > limit:
            raise FetchError(original, f"response is over the {megabytes(limit)} limit (--max-bytes)")
        if time.monotonic() > deadline:
            raise FetchError(original, "download took too long (server sends too slowly)")
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
