"""Submitted URLs must not make the server reach into its own network: the host is resolved
and every address it has is checked (loopback, private, link-local, reserved, multicast and
unspecified addresses are refused), and again at every redirect, which is followed by hand.

What remains is DNS rebinding (a name that resolves to a public address when checked and a
private one when fetched, a moment later); a deployment that must rule it out puts the server
behind an egress proxy.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import urllib3

from strife.readers.errors import FetchError
from strife.readers.web import MAX_BYTES, Fetched, _get_pool

MAX_REDIRECTS = 5

Resolver = Callable[[str, int], list[str]]


class URLRefused(ValueError):
    """A URL the server will not fetch, and why."""


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


def check_url(url: str, *, allow_private: bool = False, resolve: Resolver = _resolve) -> None:
    """Raise `URLRefused` unless `url` is http(s) to a host whose every address is public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise URLRefused(f"only http and https URLs can be fetched, not {parts.scheme or 'no scheme'!r}")
    host = parts.hostname
    if not host:
        raise URLRefused("the URL has no host")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise URLRefused("the URL's port is not a number") from None
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


def guarded_fetcher(allow_private: bool = False, resolve: Resolver = _resolve) -> Callable[[str], Fetched]:
    """A fetcher for `strife.readers.read_inputs` that checks the URL and every redirect.
    A refused URL raises `URLRefused`; a failed fetch `FetchError`, as `fetch` does."""

    def fetch(url: str) -> Fetched:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, allow_private=allow_private, resolve=resolve)
            try:
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


__all__ = ["URLRefused", "check_url", "forbidden_reason", "guarded_fetcher"]
