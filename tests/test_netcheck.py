"""URLs given to `POST /documents`: read as the HTTP client reads them, fetched from the address
that was checked, and checked again at every redirect."""

from __future__ import annotations

import pytest

from strife.readers.errors import FetchError
from strife.server import netcheck
from strife.server.netcheck import URLRefused, check_url, guarded_fetcher

PUBLIC = "93.184.216.34"


def resolver(*addresses: str):
    return lambda host, port: list(addresses)


@pytest.mark.parametrize(
    "url",
    [
        # urlsplit reads the host as 1.1.1.1, urllib3 as 127.0.0.1: the client would go inside.
        "http://127.0.0.1:8000\\@1.1.1.1/../internal",
        "http://1.1.1.1\\@127.0.0.1/",
        "http://127.0.0.1\t@1.1.1.1/",
        "http://user:secret@1.1.1.1/",
        "http://1.1.1.1/a\nb",
    ],
)
def test_urls_that_parsers_read_differently_are_refused(url):
    with pytest.raises(URLRefused):
        check_url(url, resolve=resolver(PUBLIC))


def test_the_backslash_url_never_reaches_a_local_server(http_server):
    http_server.routes["/internal"] = (200, "text/plain", b"secret")
    fetch = guarded_fetcher(resolve=resolver(PUBLIC))
    with pytest.raises(URLRefused, match="read differently"):
        fetch(f"http://127.0.0.1:{http_server.port}\\@1.1.1.1/../internal")
    assert http_server.requests == []


def test_the_target_is_what_the_client_will_ask_for():
    target = check_url("HTTP://News.Example:8080/a/../b?x=1#part", resolve=resolver(PUBLIC))
    assert (target.scheme, target.host, target.port, target.request_uri) == (
        "http",
        "news.example",
        8080,
        "/b?x=1",
    )
    assert target.addresses == (PUBLIC,)
    assert check_url("https://bücher.example/", resolve=resolver(PUBLIC)).host == "xn--bcher-kva.example"


def test_the_connection_goes_to_the_checked_address(http_server, monkeypatch):
    # A name nothing can resolve: the fetch succeeds only if it connects to the address the check
    # was given rather than resolving the name a second time (where a rebinding name would win).
    monkeypatch.setattr(netcheck, "forbidden_reason", lambda address: None)
    http_server.routes["/report"] = (200, "text/plain", b"A report.")
    fetch = guarded_fetcher(resolve=resolver("127.0.0.1"))
    fetched = fetch(f"http://rebinding.invalid:{http_server.port}/report")
    assert fetched.data == b"A report." and http_server.requests == ["/report"]
    assert http_server.hosts == [f"rebinding.invalid:{http_server.port}"]


def test_every_redirect_hop_is_read_and_checked(http_server, monkeypatch):
    monkeypatch.setattr(netcheck, "forbidden_reason", lambda address: None)
    sneaky = f"http://127.0.0.1:{http_server.port}\\@1.1.1.1/internal"
    http_server.routes["/moved"] = (302, "text/plain", b"", {"Location": sneaky})
    http_server.routes["/internal"] = (200, "text/plain", b"secret")
    fetch = guarded_fetcher(resolve=resolver("127.0.0.1"))
    with pytest.raises(URLRefused, match="read differently"):
        fetch(f"http://public.invalid:{http_server.port}/moved")
    assert http_server.requests == ["/moved"]


def test_a_redirect_into_the_network_is_refused_at_its_hop(http_server, monkeypatch):
    allowed = {"127.0.0.1"}
    real = netcheck.forbidden_reason
    monkeypatch.setattr(netcheck, "forbidden_reason", lambda a: None if str(a) in allowed else real(a))
    http_server.routes["/moved"] = (301, "text/plain", b"", {"Location": "http://169.254.169.254/latest/"})
    with pytest.raises(URLRefused, match="link-local"):
        guarded_fetcher(resolve=resolver("127.0.0.1"))(f"http://public.invalid:{http_server.port}/moved")


def test_too_many_redirects(http_server, monkeypatch):
    monkeypatch.setattr(netcheck, "forbidden_reason", lambda address: None)
    http_server.routes["/loop"] = (302, "text/plain", b"", {"Location": "/loop"})
    with pytest.raises(FetchError, match="redirects"):
        guarded_fetcher(resolve=resolver("127.0.0.1"))(f"http://loop.invalid:{http_server.port}/loop")


def test_post_documents_refuses_the_backslash_url(tmp_path, http_server):
    from fastapi.testclient import TestClient

    from strife.server.app import create_app
    from strife.server.auth import create_token
    from strife.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    _, token = create_token(store, "reviewer", "test")
    http_server.routes["/internal"] = (200, "text/plain", b"Gunmen killed two guards in Kalat on Monday.")
    client = TestClient(create_app(store))
    url = f"http://127.0.0.1:{http_server.port}\\@1.1.1.1/../internal"
    response = client.post("/documents", json={"url": url}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 400 and "URL refused" in response.json()["detail"]
    assert http_server.requests == []
    store.close()
