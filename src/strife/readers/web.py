"""Fetching http(s) URLs: one shared connection pool, a timeout, the status on failure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

from strife import __version__
from strife.readers.errors import FetchError

USER_AGENT = f"strife/{__version__} (+https://github.com/strife-project/strife)"
MAX_BYTES = 20_000_000

_pool: urllib3.PoolManager | None = None


def _get_pool() -> urllib3.PoolManager:
    global _pool
    if _pool is None:
        _pool = urllib3.PoolManager(
            headers={"User-Agent": USER_AGENT},
            timeout=urllib3.Timeout(connect=10, read=30),
            retries=urllib3.Retry(total=2, backoff_factor=0.5, status_forcelist=(502, 503, 504)),
        )
    return _pool


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    status: int
    data: bytes
    content_type: str


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said identifies the version it sent: sent back, it answers 304 if unchanged."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        found = {"If-None-Match": self.etag, "If-Modified-Since": self.last_modified}
        return {k: v for k, v in found.items() if v}


def fetch_if_changed(url: str, known: Validators) -> tuple[Fetched | None, Validators]:
    """GET a URL unless it is unchanged since `known` (a conditional request); None on 304."""
    fetched, headers = _get(url, known.headers())
    if fetched is None:
        return None, known
    return fetched, Validators(headers.get("ETag"), headers.get("Last-Modified"))


def fetch(url: str) -> Fetched:
    """GET a URL; raise `FetchError` naming the status or the network error."""
    fetched, _ = _get(url, {})
    assert fetched is not None  # no validators sent, so no 304
    return fetched


def network_reason(url: str, err: Exception) -> str:
    """One line a person can act on, from urllib3's nested errors ("MaxRetryError(... NewConnection
    Error(... [Errno 111] Connection refused))"): the host, and what went wrong there."""
    host = urlsplit(url).netloc or url
    cause: BaseException = err
    if isinstance(err, urllib3.exceptions.MaxRetryError) and err.reason is not None:
        cause = err.reason
    if isinstance(cause, urllib3.exceptions.ResponseError):
        status = re.search(r"(\d{3}) error response", str(cause))
        return f"{host} kept failing" + (f" (HTTP {status.group(1)})" if status else "")
    if isinstance(cause, urllib3.exceptions.NameResolutionError):
        return f"the name {host.split(':')[0]!r} could not be resolved (no such host, or no network)"
    # A refused connection is a NewConnectionError, which urllib3 makes a kind of timeout.
    if isinstance(cause, urllib3.exceptions.NewConnectionError):
        errno_text = re.search(r"\[Errno -?\d+\] ([^)'\"]+)", str(cause))
        return f"could not connect to {host}" + (f": {errno_text.group(1).strip()}" if errno_text else "")
    if isinstance(cause, urllib3.exceptions.ConnectTimeoutError):
        return f"timed out connecting to {host}"
    if isinstance(cause, urllib3.exceptions.ReadTimeoutError):
        return f"{host} did not answer in time"
    if isinstance(cause, urllib3.exceptions.SSLError):
        return f"TLS with {host} failed: {cause}"
    if isinstance(cause, urllib3.exceptions.ProtocolError):
        return f"the connection to {host} broke off"
    return f"request to {host} failed ({cause.__class__.__name__})"


def _get(url: str, headers: dict[str, str]) -> tuple[Fetched | None, dict[str, str]]:
    try:
        response = _get_pool().request(
            "GET", url, headers=headers or None, preload_content=False, redirect=True
        )
    except urllib3.exceptions.HTTPError as err:
        raise FetchError(url, network_reason(url, err)) from err
    try:
        if response.status == 304 and headers:
            return None, dict(response.headers)
        if response.status >= 400:
            raise FetchError(url, f"HTTP {response.status} {response.reason or ''}".strip(), response.status)
        data = response.read(MAX_BYTES + 1, decode_content=True)
    except urllib3.exceptions.HTTPError as err:
        raise FetchError(url, f"reading the response failed: {network_reason(url, err)}") from err
    finally:
        response.release_conn()
    if len(data) > MAX_BYTES:
        data = data[:MAX_BYTES]
    # urllib3 gives the last redirect's path only; join it to the address asked for.
    final_url = urljoin(url, response.geturl() or url)
    return Fetched(final_url, response.status, data, response.headers.get("Content-Type", "")), dict(
        response.headers
    )
