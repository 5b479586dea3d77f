"""`strife watch`'s poller against a local server whose feed changes between polls, fails once
and answers conditional requests: every item passed on exactly once, across restarts too."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from strife.document import Document
from strife.readers.errors import FetchError
from strife.readers.web import Fetched, Validators
from strife.watch import FeedState, WatchState, backoff, parse_duration, poll_feed, read_feed_list, watch

ARTICLE = (
    "QUETTA: Two Levies personnel were martyred when gunmen attacked their check post in Mastung "
    "on Monday night, officials said. " * 8
)


def _rss(items: list[str]) -> bytes:
    entries = "".join(
        f"<item><title>Report {i}</title><link>/article/{i}</link><guid>item-{i}</guid>"
        f"<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate><description>Report {i}. {ARTICLE}</description></item>"
        for i in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>{entries}</channel></rss>'.encode()


class FeedServer:
    """A feed that grows from two items to three, fails once on the way, and honours ETags."""

    def __init__(self) -> None:
        self.version = 1
        self.fail_next = False
        self.requests: list[tuple[str, str | None]] = []

    def body(self) -> tuple[bytes, str]:
        items = ["1", "2"] if self.version == 1 else ["1", "2", "3"]
        return _rss(items), f'"v{self.version}"'


@pytest.fixture
def feed_server() -> Iterator[tuple[FeedServer, str]]:
    state = FeedServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, self.headers.get("If-None-Match")))
            if self.path != "/feed.xml":
                self.send_response(404)
                self.end_headers()
                return
            if state.fail_next:
                state.fail_next = False
                self.send_response(500)
                self.end_headers()
                return
            body, etag = state.body()
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    finally:
        server.shutdown()
        server.server_close()


def test_every_item_is_passed_on_once_through_changes_failures_and_restarts(
    feed_server, tmp_path: Path
) -> None:
    server, url = feed_server
    received: list[str] = []

    def ingest(items: list) -> None:
        received.extend(item.id for item in items if isinstance(item, Document))

    state_file = tmp_path / "watch-state.json"
    stop = threading.Event()
    watch([url], ingest, 60, state_file, stop, once=True)  # poll 1: two new items
    assert received == ["item-1", "item-2"]
    feed = WatchState.load(state_file).feeds[url]
    assert feed.etag == '"v1"' and feed.seen == ["item-1", "item-2"]

    # A restarted watcher, due again: the server says 304 to its ETag, nothing is re-read.
    clock = [feed.next_poll + 1]
    watch([url], ingest, 60, state_file, stop, once=True, clock=lambda: clock[0])
    assert received == ["item-1", "item-2"]
    assert server.requests[-1] == ("/feed.xml", '"v1"')

    # The feed grows but fails once: the failure is kept, retried sooner than the schedule.
    server.version, server.fail_next = 2, True
    clock[0] += 61
    watch([url], ingest, 60, state_file, stop, once=True, clock=lambda: clock[0])
    feed = WatchState.load(state_file).feeds[url]
    assert feed.failures == 1 and feed.last_error and feed.next_poll == clock[0] + backoff(1, 60)
    assert received == ["item-1", "item-2"]

    clock[0] = feed.next_poll
    watch([url], ingest, 60, state_file, stop, once=True, clock=lambda: clock[0])
    assert received == ["item-1", "item-2", "item-3"]  # only the new item, once
    assert WatchState.load(state_file).feeds[url].failures == 0


def test_once_polls_every_feed_now_even_within_the_schedule(feed_server, tmp_path: Path) -> None:
    # `strife watch --once` from cron every 5 minutes with a 15-minute schedule: every run polls.
    server, url = feed_server
    received: list[str] = []
    state_file = tmp_path / "watch-state.json"
    stop = threading.Event()
    watch([url], lambda items: received.extend(i.id for i in items), 900, state_file, stop, once=True)
    server.version = 2
    asked = sum(path == "/feed.xml" for path, _ in server.requests)
    polls: list = []
    watch([url], lambda items: received.extend(i.id for i in items), 900, state_file, stop, once=True,
          on_poll=polls.append)  # fmt: skip
    assert sum(path == "/feed.xml" for path, _ in server.requests) == asked + 1 and len(polls) == 1
    assert received == ["item-1", "item-2", "item-3"]


def test_items_seen_are_not_fetched_again(feed_server) -> None:
    _server, url = feed_server
    state = FeedState(url, seen=["item-1"])
    passed: list = []
    result = poll_feed(state, passed.extend, 60, 0.0)
    assert result.outcome == "new" and [d.id for d in passed] == ["item-2"]


def test_watch_stops_when_asked(feed_server, tmp_path: Path) -> None:
    _server, url = feed_server
    stop = threading.Event()
    polls: list = []
    thread = threading.Thread(
        target=watch,
        args=([url], lambda items: None, 3600, tmp_path / "s.json", stop),
        kwargs={"on_poll": polls.append},
    )
    thread.start()
    stop.set()
    thread.join(timeout=5)
    assert not thread.is_alive()


def test_durations_and_feed_lists(tmp_path: Path) -> None:
    assert parse_duration("15m") == 900 and parse_duration("1h30m") == 5400 and parse_duration("45s") == 45
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration("fortnightly")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(
        "# wires\nhttps://example.org/a.xml\n\nhttps://example.org/b.xml  # second\nhttps://example.org/a.xml\n"
    )
    assert read_feed_list(feeds) == ["https://example.org/a.xml", "https://example.org/b.xml"]


def test_strife_watch_stores_each_item_once_and_stops_on_sigterm(feed_server, tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    _server, url = feed_server
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# test wire\n{url}\n")
    db = f"sqlite:///{tmp_path / 'strife.db'}"
    command = [sys.executable, "-m", "strife.cli", "watch", str(feeds), "--db", db, "--every", "1s"]
    watcher = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    state = tmp_path / "strife.db.watch.json"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (state.exists() and '"polls": 2' in state.read_text()):
        time.sleep(0.2)
    watcher.send_signal(signal.SIGTERM)
    _, err = watcher.communicate(timeout=30)
    assert watcher.returncode == 0, err
    assert "stopped after" in err
    export = subprocess.run(
        [sys.executable, "-m", "strife.cli", "export", "--db", db, "-o", str(tmp_path / "events.jsonl")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "exported" in export.stderr
    documents = subprocess.run(
        [sys.executable, "-c", f"import sqlite3; print(sqlite3.connect({str(tmp_path / 'strife.db')!r}).execute('select count(*) from documents').fetchone()[0])"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert documents.stdout.strip() == "2"  # two items, stored once though polled again


# --- one bad feed never stops the others ----------------------------------------------------------

# The "undefined" codec always raises, and feedparser lets its UnicodeError out.
UNPARSEABLE = (
    b'<?xml version="1.0" encoding="undefined"?><rss version="2.0"><channel><title>Broken wire</title>'
    b"<item><guid>b-1</guid><description>The harbour reopened after the storm.</description></item>"
    b"</channel></rss>"
)
NOT_A_FEED = b"<!DOCTYPE html><html><body><p>Our feed has moved.</p></body></html>"


def _fake_fetchers(bodies: dict[str, bytes | Exception]):
    """A conditional fetcher that serves `bodies` by URL (raising those that are exceptions),
    and a page fetcher that finds no page, so that items keep their summaries."""

    def fetcher(url: str, known: Validators) -> tuple[Fetched | None, Validators]:
        body = bodies[url]
        if isinstance(body, Exception):
            raise body
        return Fetched(url, 200, body, "application/rss+xml"), Validators()

    def page_fetcher(url: str) -> Fetched:
        raise FetchError(url, "HTTP 404 Not Found", 404)

    return fetcher, page_fetcher


def test_a_feed_the_parser_fails_on_is_a_failed_poll_and_the_others_go_on(tmp_path: Path) -> None:
    bodies: dict[str, bytes | Exception] = {
        "https://a.example/feed.xml": UNPARSEABLE,
        "https://b.example/moved.xml": NOT_A_FEED,
        "https://c.example/feed.xml": _rss(["1", "2"]),
    }
    fetcher, page_fetcher = _fake_fetchers(bodies)
    received: list[str] = []
    polls: list = []
    state_file = tmp_path / "watch-state.json"
    now = 1_000_000.0
    watch(list(bodies), lambda items: received.extend(i.id for i in items), 900, state_file, threading.Event(),
          once=True, clock=lambda: now, on_poll=polls.append, fetcher=fetcher, page_fetcher=page_fetcher)  # fmt: skip

    assert received == ["item-1", "item-2"]  # the good feed, polled after the two bad ones
    assert [(p.url, p.outcome) for p in polls] == [*zip(bodies, ["failed", "failed", "new"], strict=True)]
    feeds = WatchState.load(state_file).feeds
    broken, moved, good = (feeds[url] for url in bodies)
    assert broken.failures == 1 and broken.next_poll == now + backoff(1, 900)
    assert broken.last_error and broken.last_error.startswith("feed could not be parsed (UnicodeError:")
    assert moved.failures == 1 and moved.last_error and moved.last_error.startswith("not an RSS or Atom feed")
    assert good.failures == 0 and good.seen == ["item-1", "item-2"] and good.next_poll == now + 900

    # Still broken at the next poll: it backs off further, as any failing feed does.
    later = now + backoff(1, 900)
    watch(list(bodies), lambda items: None, 900, state_file, threading.Event(), once=True, clock=lambda: later,
          fetcher=fetcher, page_fetcher=page_fetcher)  # fmt: skip
    broken = WatchState.load(state_file).feeds["https://a.example/feed.xml"]
    assert broken.failures == 2 and broken.next_poll == later + backoff(2, 900)


def test_an_unexpected_error_in_one_feed_does_not_stop_the_others(tmp_path: Path, caplog) -> None:
    bodies: dict[str, bytes | Exception] = {
        "https://a.example/feed.xml": RuntimeError("the parser met something new"),
        "https://c.example/feed.xml": _rss(["1"]),
    }
    fetcher, page_fetcher = _fake_fetchers(bodies)
    received: list[str] = []
    polls: list = []
    state_file = tmp_path / "watch-state.json"
    with caplog.at_level("WARNING", logger="strife.watch"):
        watch(list(bodies), lambda items: received.extend(i.id for i in items), 60, state_file, threading.Event(),
              once=True, clock=lambda: 500.0, on_poll=polls.append, fetcher=fetcher, page_fetcher=page_fetcher)  # fmt: skip
    assert received == ["item-1"]
    assert [p.outcome for p in polls] == ["failed", "new"]
    assert polls[0].error == "unexpected error: RuntimeError: the parser met something new"
    broken = WatchState.load(state_file).feeds["https://a.example/feed.xml"]
    assert broken.failures == 1 and broken.last_error == polls[0].error
    assert broken.next_poll == 500.0 + backoff(1, 60)
    assert any(r.exc_info and "https://a.example/feed.xml" in r.getMessage() for r in caplog.records)


# --- durations too short to be a schedule ---------------------------------------------------------


@pytest.mark.parametrize("text", ["0s", "0", "0m", "0.5s", "0h0m0s"])
def test_durations_under_a_second_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"duration too short: .* the least is 1 s"):
        parse_duration(text)
    assert parse_duration("1s") == 1.0 and parse_duration("1.5") == 1.5


def test_strife_watch_refuses_every_0s(tmp_path: Path, run_cli) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://example.org/feed.xml\n")
    state = tmp_path / "state.json"
    code, out, err = run_cli("watch", feeds, "--every", "0s", "--once", "--db", f"sqlite:///{tmp_path / 's.db'}",
                             "--state", state)  # fmt: skip
    assert code == 2
    assert (
        err.strip()
        == "strife: error: duration too short: '0s' is 0 s; the least is 1 s (write e.g. 15m, 1h, 30s)"
    )
    assert out == "" and not state.exists()


@pytest.mark.parametrize(
    "content", ["{not json", '{"feeds": {"https://example.org/f": {"no_such_field": 1}}}', "[1, 2]"]
)
def test_a_state_file_that_cannot_be_read_is_one_line(tmp_path: Path, run_cli, content: str) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://example.org/feed.xml\n")
    state = tmp_path / "state.json"
    state.write_text(content)
    code, out, err = run_cli(
        "watch", feeds, "--once", "--db", f"sqlite:///{tmp_path / 's.db'}", "--state", state
    )
    assert code == 2 and out == ""
    assert (
        err.startswith(f"strife: error: the watch state {state} cannot be read (") and "Traceback" not in err
    )
    assert state.read_text() == content  # left for the user to look at
