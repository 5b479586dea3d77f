"""Submitted URLs must not make the server reach into its own network.

A URL is read once, by the parser of the HTTP client that will fetch it (urllib3), and refused
when another reader could take it for a different host: a backslash, whitespace or a control
character anywhere, or user information before the host ("http://127.0.0.1:80\\@1.1.1.1/" is
1.1.1.1 to Python's `urlsplit` and 127.0.0.1 to urllib3). Its host is resolved once; every
address is checked (loopback, private, link-local, reserved, multicast and unspecified addresses
are refused), and the connection goes to the address that was checked, not to whatever a second
lookup answers, so a name that rebinds between check and fetch gains nothing. Redirects are
followed by hand, each hop read and checked the same way.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.util import parse_url

from strife.readers.errors import FetchError
from strife.readers.web import MAX_BYTES, USER_AGENT, Fetched, _get_pool

MAX_REDIRECTS = 5
# Characters that parsers disagree on inside an authority, or that no well-formed URL holds.
_AMBIGUOUS = re.compile(r"[\\\x00-\x20\x7f]")

Resolver = Callable[[str, int], list[str]]


class URLRefused(ValueError):
    """A URL the server will not fetch, and why."""


@dataclass(frozen=True, slots=True)
class Target:
    """Where a checked URL is fetched from: its host as the client reads it, and its addresses."""

    scheme: str
    host: str  # as written in the Host header and checked against a TLS certificate
    port: int
    request_uri: str
    addresses: tuple[str, ...]  # empty when private addresses are allowed: resolved at connect


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as err:
        raise URLRefused(f"cannot resolve {host!r}: {err}") from None
    return [str(info[4][0]) for info in infos]


def forbidden_reason(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why the server may not connect to `address`, or None when it may."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for reason in ("loopback", "link_local", "unspecified", "multicast", "reserved", "private"):
        if getattr(address, f"is_{reason}"):
            return reason.replace("_", "-")
    if not address.is_global:  # shared (100.64/10), documentation ranges and the like
        return "not global"
    return None


def _same_host(python_reads: str, client_reads: str) -> bool:
    if python_reads.lower() == client_reads.lower():
        return True
    try:  # urllib3 writes an international name in its ASCII form
        return python_reads.encode("idna").decode("ascii").lower() == client_reads.lower()
    except UnicodeError:
        return False


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def read_fetchable(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, request URI) as urllib3 will read `url`, or `URLRefused` unless it is
    an unambiguous http(s) URL. Resolves nothing: `check_url` checks the addresses."""
    bad = _AMBIGUOUS.search(url)
    if bad:
        raise URLRefused(
            f"the URL holds {bad.group()!r}, which clients read differently; write it percent-encoded"
        )
    try:
        parts = parse_url(url)
        port = parts.port
    except (ValueError, urllib3.exceptions.LocationParseError) as err:
        raise URLRefused(f"not a URL that can be fetched: {err}") from None
    scheme = (parts.scheme or "").lower()
    if scheme not in ("http", "https"):
        raise URLRefused(f"only http and https URLs can be fetched, not {scheme or 'no scheme'!r}")
    if parts.auth is not None:
        raise URLRefused("URLs with a user name or password before the host are not fetched")
    host = (parts.host or "").strip("[]")
    if not host:
        raise URLRefused("the URL has no host")
    if not _same_host(urlsplit(url).hostname or "", host):
        raise URLRefused(f"the URL's host reads as {host!r} to one parser and otherwise to another")
    return scheme, host, port or _default_port(scheme), parts.request_uri


def check_url(url: str, *, allow_private: bool = False, resolve: Resolver = _resolve) -> Target:
    """The `Target` to fetch `url` from; `URLRefused` unless it is an unambiguous http(s) URL to a
    host whose every address is public (any address when `allow_private`)."""
    scheme, host, port, request_uri = read_fetchable(url)
    if allow_private:
        return Target(scheme, host, port, request_uri, ())
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        addresses = [ipaddress.ip_address(a.split("%")[0]) for a in resolve(host, port)]
    if not addresses:
        raise URLRefused(f"{host!r} has no address")
    for address in addresses:
        reason = forbidden_reason(address)
        if reason:
            raise URLRefused(
                f"{host!r} is {address}, a {reason} address: the server does not fetch "
                "from its own network (start it with --allow-private-urls to allow it)"
            )
    return Target(scheme, host, port, request_uri, tuple(str(a) for a in addresses))


def _pinned_get(target: Target) -> urllib3.BaseHTTPResponse:
    """GET from the checked address itself, the name kept for the Host header and TLS."""
    host_header = target.host if ":" not in target.host else f"[{target.host}]"
    if target.port != _default_port(target.scheme):
        host_header += f":{target.port}"
    options = {
        "timeout": urllib3.Timeout(connect=10, read=30),
        "retries": urllib3.Retry(total=2, redirect=False),
    }
    pool: urllib3.HTTPConnectionPool
    if target.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            target.addresses[0],
            target.port,
            server_hostname=target.host,
            assert_hostname=target.host,
            **options,
        )
    else:
        pool = urllib3.HTTPConnectionPool(target.addresses[0], target.port, **options)
    headers = {"Host": host_header, "User-Agent": USER_AGENT}
    return pool.urlopen("GET", target.request_uri, headers=headers, redirect=False, preload_content=False)


def guarded_fetcher(allow_private: bool = False, resolve: Resolver = _resolve) -> Callable[[str], Fetched]:
    """A fetcher for `strife.readers.read_inputs` that checks the URL and every redirect.
    A refused URL raises `URLRefused`; a failed fetch `FetchError`, as `fetch` does."""

    def fetch(url: str) -> Fetched:
        for _ in range(MAX_REDIRECTS + 1):
            target = check_url(url, allow_private=allow_private, resolve=resolve)
            try:
                if target.addresses:
                    response = _pinned_get(target)
                else:
                    response = _get_pool().request("GET", url, preload_content=False, redirect=False)
            except urllib3.exceptions.HTTPError as err:
                raise FetchError(url, f"request failed: {err.__class__.__name__}: {err}") from err
            try:
                if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                    url = urljoin(url, response.headers["Location"])
                    continue
                if response.status >= 400:
                    raise FetchError(
                        url, f"HTTP {response.status} {response.reason or ''}".strip(), response.status
                    )
                data = response.read(MAX_BYTES + 1, decode_content=True)[:MAX_BYTES]
            finally:
                response.release_conn()
            return Fetched(url, response.status, data, response.headers.get("Content-Type", ""))
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    return fetch


__all__ = ["Target", "URLRefused", "check_url", "forbidden_reason", "guarded_fetcher", "read_fetchable"]
