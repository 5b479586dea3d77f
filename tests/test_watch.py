"""`strife watch`'s poller against a local server whose feed changes between polls, fails once
and answers conditional requests: every item passed on exactly once, across restarts too."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from strife.document import Document
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
