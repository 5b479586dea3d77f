"""Every kind of input becomes documents: files, directories, stdin, JSONL, CSV, HTML, URLs, feeds;
and the publication date comes from the right place."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import time
from pathlib import Path

import pytest

from conftest import QUIET_TEXT, SECOND_TEXT
from strife.document import Document
from strife.pipeline import default_pipeline
from strife.readers import FetchError, Skipped, read_inputs
from strife.readers.web import Fetched
from strife.stages.dateline import parse_dateline

D = dt.date


def events_of(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def only_documents(items) -> list[Document]:
    items = list(items)
    assert all(isinstance(item, Document) for item in items), [
        item for item in items if isinstance(item, Skipped)
    ]
    return items


def set_mtime(path: Path, day: dt.date) -> None:
    stamp = time.mktime((day.year, day.month, day.day, 12, 0, 0, 0, 0, -1))
    os.utime(path, (stamp, stamp))


# An invented news page: a headline, a publication time in the page's metadata, navigation and a
# footer around the article (boilerplate that must not reach the text).
ARTICLE_PARAGRAPHS = (
    "Four policemen were killed and two others were injured when gunmen attacked a police "
    "checkpost on the outskirts of Zhob in Balochistan on Friday night, officials said.",
    "The attackers opened fire from two sides and fled towards the nearby hills after an exchange "
    "of fire that lasted around forty minutes, a senior police officer told reporters.",
    "The injured were shifted to the district headquarters hospital, where doctors described the "
    "condition of one of them as critical. A search operation was launched in the area.",
    "No group has so far claimed responsibility for the attack, which came days after a similar "
    "raid on a levies post in the same district.",
)


def news_page(
    title: str = "Gunmen attack checkpost in Zhob",
    published: str | None = "2025-02-01T08:00:00Z",
    paragraphs: tuple[str, ...] = ARTICLE_PARAGRAPHS,
) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{title}</title>
{meta}
<meta property="og:site_name" content="Frontier Example Daily">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe to our newsletter</nav>
<article>
<h1>{title}</h1>
{body}
</article>
<footer>Copyright 2025 Frontier Example Daily. All rights reserved.</footer>
</body></html>
""".encode()


# --- plain text, directories, stdin -----------------------------------------------------------


def test_plain_text_file(tmp_path, seed_text, run_cli):
    path = tmp_path / "report.txt"
    path.write_text(seed_text, encoding="utf-8")

    [doc] = only_documents(read_inputs([str(path)]))
    assert doc.text == seed_text
    assert doc.origin == str(path)
    assert doc.id.startswith("sha1:")
    assert doc.published is None and doc.published_basis is None

    code, out, err = run_cli("extract", path, "--published", "2025-02-01")
    assert code == 0, err
    [event] = events_of(out)
    assert event["doc_id"] == doc.id
    assert event["fatalities"] == 30
    assert event["event_date"] == "2025-01-31"
    assert event["source"] == "Example Wire"  # the dateline's agency


def test_same_text_gives_same_ids(tmp_path, seed_text, run_cli):
    (tmp_path / "a.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(seed_text, encoding="utf-8")
    code, out, err = run_cli("extract", tmp_path / "a.txt", tmp_path / "b.txt", "--published", "2025-02-01")
    assert code == 0, err
    first, second = events_of(out)
    assert first["doc_id"] == second["doc_id"]
    assert first["event_id"] == second["event_id"]


def test_directory_read_recursively_in_sorted_order(tmp_path, seed_text):
    root = tmp_path / "reports"
    # Created in reverse order, so that file-system order cannot pass for sorted order.
    layout = [
        ("c/04.jsonl", json.dumps({"id": "c-1", "text": QUIET_TEXT}) + "\n"),
        ("b/deeper/03.md", SECOND_TEXT),
        ("b/readme", "no extension: not read"),
        ("b/02.txt", QUIET_TEXT),
        ("notes.pdf", "%PDF-1.4 not a report"),
        ("image.png", "\x89PNG not a report"),
        (".hidden.txt", "hidden: not read"),
        ("01-first.txt", seed_text),
    ]
    for name, content in layout:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")

    docs = only_documents(read_inputs([str(root)]))
    assert [Path(doc.origin).relative_to(root).as_posix() for doc in docs] == [
        "01-first.txt",
        "b/02.txt",
        "b/deeper/03.md",
        "c/04.jsonl:1",
    ]
    assert docs[0].text == seed_text
    assert docs[2].text == SECOND_TEXT
    assert docs[3].id == "c-1"


def test_stdin_dash(run_cli_subprocess, seed_text):
    code, out, err = run_cli_subprocess("extract", "-", "--published", "2025-02-01", stdin=seed_text)
    assert code == 0, err
    [event] = events_of(out)
    assert event["fatalities"] == 30
    assert (event["deaths_actor1"], event["deaths_actor2"]) == (18, 12)
    assert "1 document(s) read" in err


def test_stdin_dash_jsonl_is_recognised(run_cli):
    lines = [
        {"id": "in-1", "text": SECOND_TEXT, "published": "2025-02-06"},
        {"id": "in-2", "text": QUIET_TEXT, "published": "2025-02-06"},
    ]
    stdin = "".join(json.dumps(line) + "\n" for line in lines)
    code, out, err = run_cli("extract", "-", stdin=stdin)
    assert code == 0, err
    [event] = events_of(out)
    assert event["doc_id"] == "in-1"
    assert event["event_date"] == "2025-02-04"
    assert "2 document(s) read: 1 with events, 1 with none" in err


# --- records ----------------------------------------------------------------------------------


def test_jsonl_with_the_spec_columns(tmp_path, seed_text, run_cli):
    path = tmp_path / "batch.jsonl"
    records = [
        {
            "id": "kalat-1",
            "text": seed_text,
            "title": "Clash in Kalat",
            "published": "2025-02-01T08:30:00+05:00",
            "source": "Example Wire",
            "url": "https://news.example.org/kalat-clash",
        },
        {"id": 7, "text": SECOND_TEXT, "published": "2025-02-06"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    first, second = only_documents(read_inputs([str(path)]))
    assert first.id == "kalat-1"
    assert first.title == "Clash in Kalat"
    assert first.published == D(2025, 2, 1)
    assert first.published_basis == "input"
    assert first.source == "Example Wire"
    assert first.url == "https://news.example.org/kalat-clash"
    assert first.origin == f"{path}:1"
    assert second.id == "7"
    assert second.title is None and second.url is None
    assert second.origin == f"{path}:2"

    code, out, err = run_cli("extract", path)
    assert code == 0, err
    events = events_of(out)
    assert [e["doc_id"] for e in events] == ["kalat-1", "7"]
    assert events[0]["event_date"] == "2025-01-31"
    assert events[0]["source_url"] == "https://news.example.org/kalat-clash"
    assert events[1]["event_date"] == "2025-02-04"


def test_jsonl_empty_optional_fields_are_null(tmp_path, run_cli):
    path = tmp_path / "blanks.jsonl"
    record = {
        "id": "e1",
        "text": SECOND_TEXT,
        "published": "2025-02-06",
        "title": "",
        "source": "",
        "url": "",
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [doc] = only_documents(read_inputs([str(path)]))
    assert (doc.title, doc.source, doc.url) == (None, None, None)
    _, out, _ = run_cli("extract", path)
    [event] = events_of(out)
    assert event["source_url"] is None


def test_csv_with_the_spec_columns_case_insensitive_header(tmp_path, seed_text, run_cli):
    path = tmp_path / "batch.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["ID", " Text ", "TITLE", "Published", "Source", "Url", "extra"])
        writer.writerow(["row-1", seed_text, "Clash in Kalat", "2025-02-01", "Example Wire", "", "x"])
        writer.writerow(["row-2", SECOND_TEXT, "", "2025-02-06", "", "https://example.org/2", "y"])

    first, second = only_documents(read_inputs([str(path)]))
    assert (first.id, first.title, first.published, first.source) == (
        "row-1",
        "Clash in Kalat",
        D(2025, 2, 1),
        "Example Wire",
    )
    assert first.text == seed_text  # the quoted multi-line field whole
    assert first.url is None  # an empty cell is null, not ""
    assert (second.id, second.title, second.url) == ("row-2", None, "https://example.org/2")
    assert second.published == D(2025, 2, 6)

    code, out, err = run_cli("extract", path)
    assert code == 0, err
    assert [(e["doc_id"], e["event_date"]) for e in events_of(out)] == [
        ("row-1", "2025-01-31"),
        ("row-2", "2025-02-04"),
    ]


def test_records_with_a_byte_order_mark(tmp_path):
    csv_path = tmp_path / "excel.csv"
    csv_path.write_bytes(b"\xef\xbb\xbftext,id\n" + f'"{SECOND_TEXT}",r1\n'.encode())
    jsonl_path = tmp_path / "bom.jsonl"
    jsonl_path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "j1", "text": SECOND_TEXT}).encode() + b"\n")

    docs = only_documents(read_inputs([str(csv_path), str(jsonl_path)]))
    assert [doc.id for doc in docs] == ["r1", "j1"]


# --- HTML, URLs, feeds ------------------------------------------------------------------------


def test_html_file(tmp_path, run_cli):
    path = tmp_path / "zhob.html"
    path.write_bytes(news_page())

    [doc] = only_documents(read_inputs([str(path)]))
    assert doc.title == "Gunmen attack checkpost in Zhob"
    assert doc.published == D(2025, 2, 1)
    assert doc.published_basis == "html-metadata"
    assert doc.source == "Frontier Example Daily"
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text
    assert "Subscribe" not in doc.text
    assert "All rights reserved" not in doc.text
    assert "<p>" not in doc.text

    code, out, err = run_cli("extract", path)
    assert code == 0, err
    [event] = events_of(out)
    assert event["fatalities"] == 4
    assert event["injured"] == 2
    assert event["event_date"] == "2025-01-31"  # "Friday night" before Saturday 1 February


def test_http_url_html(http_server, run_cli):
    http_server.routes["/2025/02/zhob-attack"] = (200, "text/html; charset=utf-8", news_page())
    url = http_server.url("/2025/02/zhob-attack")

    [doc] = only_documents(read_inputs([url]))
    assert doc.origin == url
    assert doc.title == "Gunmen attack checkpost in Zhob"
    assert doc.published == D(2025, 2, 1)
    assert doc.published_basis == "html-metadata"
    assert ARTICLE_PARAGRAPHS[1] in doc.text
    assert "Subscribe" not in doc.text

    code, out, err = run_cli("extract", url)
    assert code == 0, err
    [event] = events_of(out)
    assert event["fatalities"] == 4
    assert event["event_date"] == "2025-01-31"


def test_http_url_document_keeps_the_whole_url(http_server, run_cli):
    http_server.routes["/2025/02/zhob-attack"] = (200, "text/html", news_page())
    url = http_server.url("/2025/02/zhob-attack")
    [doc] = only_documents(read_inputs([url]))
    assert doc.url == url
    _, out, _ = run_cli("extract", url)
    assert events_of(out)[0]["source_url"] == url


FULL_CONTENT = "".join(
    f"<p>{p}</p>"
    for p in (
        "Three policemen were killed when gunmen opened fire on a patrol in the Bannu district of "
        "Khyber Pakhtunkhwa on Tuesday, police said.",
        "The patrol was returning to its post after escorting a polio vaccination team through the "
        "villages east of the city when it came under fire from a ridge overlooking the road.",
        "The attackers fled after the ambush and a search operation was launched across the area, "
        "officials said, adding that reinforcements had been sent from the district headquarters.",
        "Local elders condemned the attack and called for better protection of the roads used by "
        "health workers, who have been targeted in the district several times in recent years.",
    )
)


def rss_feed(first_link: str, second_link: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Frontier Example Daily</title>
  <link>https://frontier.example.org/</link>
  <description>Invented feed for tests</description>
  <item>
    <title>Three policemen killed in Bannu ambush</title>
    <link>{first_link}</link>
    <guid isPermaLink="false">fed-0001</guid>
    <pubDate>Thu, 06 Feb 2025 09:15:00 +0500</pubDate>
    <description>Three policemen were killed in Bannu.</description>
    <content:encoded><![CDATA[{FULL_CONTENT}]]></content:encoded>
  </item>
  <item>
    <title>Gunmen attack checkpost in Zhob</title>
    <link>{second_link}</link>
    <guid isPermaLink="false">fed-0002</guid>
    <pubDate>Sat, 01 Feb 2025 08:00:00 +0000</pubDate>
    <description>Four policemen were killed in Zhob. Read more.</description>
  </item>
</channel>
</rss>
""".encode()


def test_rss_feed_file_fetches_summary_only_items(tmp_path, http_server):
    http_server.routes["/zhob"] = (200, "text/html", news_page(published=None))
    http_server.routes["/bannu"] = (200, "text/html", news_page(title="Not this page"))
    path = tmp_path / "frontier.rss"
    path.write_bytes(rss_feed(http_server.url("/bannu"), http_server.url("/zhob")))

    first, second = only_documents(read_inputs([str(path)]))

    # The first item carries its article: read from the feed, its page never fetched.
    assert first.id == "fed-0001"
    assert first.title == "Three policemen killed in Bannu ambush"
    assert first.published == D(2025, 2, 6)
    assert first.published_basis == "feed"
    assert first.source == "Frontier Example Daily"
    assert first.url == http_server.url("/bannu")
    assert "polio vaccination team" in first.text
    assert "Local elders condemned" in first.text
    assert "<p>" not in first.text
    assert "/bannu" not in http_server.requests

    # The second has only a teaser: its text is the main text of the page its link points at.
    assert second.id == "fed-0002"
    assert second.title == "Gunmen attack checkpost in Zhob"
    assert second.published == D(2025, 2, 1)
    assert second.published_basis == "feed"
    assert second.url == http_server.url("/zhob")
    assert http_server.requests == ["/zhob"]
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in second.text
    assert "Read more" not in second.text
    assert "Subscribe" not in second.text


def test_rss_item_whose_page_fails_keeps_its_summary(tmp_path, http_server):
    path = tmp_path / "frontier.xml"
    path.write_bytes(rss_feed(http_server.url("/bannu"), http_server.url("/gone")))
    first, second = only_documents(read_inputs([str(path)]))
    assert "polio vaccination team" in first.text
    assert second.text == "Four policemen were killed in Zhob. Read more."
    assert any("HTTP 404" in warning for warning in second.warnings)


class SpyFetcher:
    """Stands in for `strife.readers.web.fetch`: records what was asked for, serves `pages`."""

    def __init__(self, pages: dict[str, bytes] | None = None) -> None:
        self.pages = pages or {}
        self.asked: list[str] = []

    def __call__(self, url: str) -> Fetched:
        self.asked.append(url)
        if url not in self.pages:
            raise FetchError(url, "HTTP 404 Not Found", 404)
        return Fetched(url, 200, self.pages[url], "text/html")


TEASER_ONLY_RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Bannu</title><guid>wire-2025-0206-17</guid>
<pubDate>Thu, 06 Feb 2025 09:15:00 +0500</pubDate>
<description>Three policemen were killed in Bannu on Tuesday, police said.</description></item>
<item><title>Zhob</title><link>/news/zhob</link>
<description>Four policemen were killed in Zhob. Read more.</description></item>
</channel></rss>
"""


def test_feed_item_with_a_guid_that_is_not_a_url_is_not_fetched(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_bytes(TEASER_ONLY_RSS)
    spy = SpyFetcher()
    first, _ = only_documents(read_inputs([str(path)], fetcher=spy))
    assert first.text == "Three policemen were killed in Bannu on Tuesday, police said."
    assert all(url.startswith(("http://", "https://")) for url in spy.asked), spy.asked
    assert first.warnings == []


@pytest.mark.filterwarnings("ignore:URLs without a scheme:FutureWarning")
def test_feed_url_with_relative_item_links(http_server):
    http_server.routes["/feeds/wire.rss"] = (200, "application/rss+xml", TEASER_ONLY_RSS)
    http_server.routes["/news/zhob"] = (200, "text/html", news_page())
    _, second = only_documents(read_inputs([http_server.url("/feeds/wire.rss")]))
    assert second.url == http_server.url("/news/zhob")
    assert ARTICLE_PARAGRAPHS[0] in second.text


def atom_feed(base: str) -> bytes:
    entries = []
    for n, (title, updated) in enumerate(
        [
            ("Bannu patrol ambushed", "2025-02-06T04:15:00Z"),
            ("Bannu elders condemn attack", "2025-02-07T10:00:00Z"),
        ],
        start=1,
    ):
        entries.append(f"""
  <entry>
    <title>{title}</title>
    <id>urn:example:frontier:{n}</id>
    <link rel="alternate" href="{base}/story/{n}"/>
    <updated>{updated}</updated>
    <content type="html"><![CDATA[{FULL_CONTENT}]]></content>
  </entry>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Frontier Example Daily (Atom)</title>
  <id>urn:example:frontier</id>
  <updated>2025-02-07T10:00:00Z</updated>
  {"".join(entries)}
</feed>
""".encode()


def test_atom_feed_url(http_server, run_cli):
    base = "https://frontier.example.org"
    http_server.routes["/feeds/all.atom"] = (200, "application/atom+xml", atom_feed(base))
    url = http_server.url("/feeds/all.atom")

    docs = only_documents(read_inputs([url]))
    assert [doc.id for doc in docs] == ["urn:example:frontier:1", "urn:example:frontier:2"]
    assert [doc.title for doc in docs] == ["Bannu patrol ambushed", "Bannu elders condemn attack"]
    assert [doc.published for doc in docs] == [D(2025, 2, 6), D(2025, 2, 7)]
    assert {doc.published_basis for doc in docs} == {"feed"}
    assert {doc.source for doc in docs} == {"Frontier Example Daily (Atom)"}
    assert [doc.url for doc in docs] == [f"{base}/story/1", f"{base}/story/2"]
    assert [doc.origin for doc in docs] == [f"{url}#item1", f"{url}#item2"]
    assert all("polio vaccination team" in doc.text for doc in docs)
    assert http_server.requests == ["/feeds/all.atom"]  # full content: no page fetched

    code, out, err = run_cli("extract", url)
    assert code == 0, err
    events = events_of(out)
    assert [e["doc_id"] for e in events] == ["urn:example:frontier:1", "urn:example:frontier:2"]
    assert [e["event_date"] for e in events] == ["2025-02-04", "2025-02-04"]  # "on Tuesday"


# --- which publication date -------------------------------------------------------------------


def test_input_published_beats_the_option(tmp_path, run_cli):
    path = tmp_path / "dated.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": SECOND_TEXT, "published": "2025-02-06"}) + "\n")
    code, out, err = run_cli("extract", path, "--published", "2025-03-10")
    assert code == 0, err
    [event] = events_of(out)
    assert event["event_date"] == "2025-02-04"  # Tuesday before Thu 6 Feb, not before Mon 10 Mar


def test_option_fills_in_for_records_without_a_date(tmp_path, run_cli):
    path = tmp_path / "undated.jsonl"
    path.write_text(json.dumps({"id": "u1", "text": SECOND_TEXT}) + "\n")
    code, out, _ = run_cli("extract", path, "--published", "2025-03-10")
    assert code == 0
    assert events_of(out)[0]["event_date"] == "2025-03-04"


def test_option_beats_html_metadata(tmp_path, run_cli):
    path = tmp_path / "zhob.html"
    path.write_bytes(news_page(published="2025-02-01T08:00:00Z"))
    code, out, err = run_cli("extract", path, "--published", "2025-03-10")
    assert code == 0, err
    assert events_of(out)[0]["event_date"] == "2025-03-07"  # Friday before Mon 10 March
    _, out, _ = run_cli("extract", path)
    assert events_of(out)[0]["event_date"] == "2025-01-31"  # Friday before Sat 1 February


def test_dateline_gives_the_date_when_nothing_else_does(tmp_path, seed_text, run_cli):
    text = seed_text.replace("QUETTA, Feb 1 (Example Wire):", "QUETTA, Feb 1, 2025 (Example Wire):")
    path = tmp_path / "wire.txt"
    path.write_text(text, encoding="utf-8")

    [doc] = only_documents(read_inputs([str(path)]))
    assert doc.published is None
    default_pipeline().annotate(doc)
    assert doc.published == D(2025, 2, 1)
    assert doc.published_basis == "dateline"

    code, out, err = run_cli("extract", path)
    assert code == 0, err
    [event] = events_of(out)
    assert event["event_date"] == "2025-01-31"
    # With --published given, the option is the anchor and the dateline gives no date.
    _, out, _ = run_cli("extract", path, "--published", "2025-03-10")
    assert events_of(out)[0]["event_date"] != "2025-01-31"


def test_yearless_dateline_takes_the_latest_date_not_after_the_reference(tmp_path):
    text = (
        "ISLAMABAD, Dec 30 (APP): Two soldiers were killed when militants attacked a checkpost in "
        "North Waziristan on Sunday, the military said.\n"
    )
    path = tmp_path / "app.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = only_documents(read_inputs([str(path)]))

    found = parse_dateline(doc.text, D(2025, 1, 2))
    assert found is not None
    dateline, start, end = found
    assert (dateline.place, dateline.date, dateline.agency) == ("Islamabad", D(2024, 12, 30), "APP")
    assert start == 0 and doc.text[end:].startswith("Two soldiers")
    assert parse_dateline(doc.text, D(2024, 12, 30))[0].date == D(2024, 12, 30)  # the day itself
    assert parse_dateline(doc.text, D(2025, 12, 31))[0].date == D(2025, 12, 30)
    assert parse_dateline(doc.text, D(2025, 12, 29))[0].date == D(2024, 12, 30)


def test_a_file_time_is_no_publication_date_and_the_clock_never_dates_an_event(tmp_path, run_cli):
    # When a file was written or copied says nothing of when its report was published: a
    # yearless dateline and "on Sunday" stay unresolved, the run says so, naming the document.
    path = tmp_path / "app.txt"
    path.write_text("ISLAMABAD, Dec 30 (APP): Two soldiers were killed in a militant attack in Bannu on Sunday.\n",
                    encoding="utf-8")  # fmt: skip
    set_mtime(path, D(2025, 1, 2))
    [doc] = only_documents(read_inputs([str(path)]))
    default_pipeline().annotate(doc)
    assert doc.published is None and doc.anchor_date is None
    result = run_cli("extract", path)
    [event] = [json.loads(line) for line in result.out.splitlines()]
    assert (event["event_date"], event["date_end"], event["date_basis"]) == (None, None, "unresolved")
    assert event["notes"].startswith("On a day the report does not give, ")
    assert f"warning: {path}: no publication date" in result.err and "1 event(s) left undated" in result.err
    # Told the publication date, the same report is dated by it.
    dated = run_cli("extract", path, "--published", "2025-01-02")
    [event] = [json.loads(line) for line in dated.out.splitlines()]
    assert event["event_date"] == "2024-12-29" and "warning" not in dated.err


def test_explicit_dates_need_no_publication_date(run_cli):
    text = "Militants attacked a police post in Bannu on 5 January 2025, killing two policemen."
    [event] = [json.loads(line) for line in run_cli("extract", "-", stdin=text).out.splitlines()]
    assert (event["event_date"], event["date_basis"]) == ("2025-01-05", "explicit")


def test_jsonl_numeric_published_is_ignored_with_a_warning(tmp_path):
    path = tmp_path / "numeric.jsonl"
    path.write_text(
        '{"id": "n1", "text": "Two soldiers were killed.", "published": 1738368000}\n', encoding="utf-8"
    )
    [doc] = read_inputs([str(path)])
    assert doc.published is None  # not read as a Unix time
    assert any("published" in warning for warning in doc.warnings)


def test_a_network_failure_is_one_line_naming_the_host_and_the_reason(run_cli):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_cli("extract", f"http://127.0.0.1:{port}/story.html")
    line = next(line for line in result.err.splitlines() if "skipped:" in line)
    assert f"could not connect to 127.0.0.1:{port}: Connection refused" in line
    assert "MaxRetryError" not in result.err and "NewConnectionError" not in result.err
    result = run_cli("extract", "http://no-such-host.invalid/story.html")
    assert "the name 'no-such-host.invalid' could not be resolved" in result.err
    assert "Error(" not in result.err


def test_a_server_that_keeps_failing_is_named_with_its_status(http_server, run_cli):
    http_server.routes["/down"] = (503, "text/plain", b"busy")
    result = run_cli("extract", http_server.url("/down"))
    assert "HTTP 503" in result.err and "Error(" not in result.err


def test_the_progress_total_counts_empty_and_header_only_files_as_their_skip(tmp_path):
    from strife.readers import count_documents

    files = {"empty.jsonl": "", "blank.jsonl": "\n\n", "empty.csv": "", "header.csv": "id,text\n",
             "rows.csv": "id,text\n1,The ferry ran late.\n2,The market closed early.\n"}  # fmt: skip
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [type(item).__name__ for item in items] == [
        "Skipped",
        "Skipped",
        "Skipped",
        "Skipped",
        "Document",
        "Document",
    ]
    assert count_documents([str(tmp_path)]) == len(items) == 6


def test_a_typesetters_soft_hyphens_are_read_out_of_the_words_they_split() -> None:
    from strife import extract
    from strife.document import offsets_without_invisible

    text = "Gun\u00admen killed two po\u00adlicemen in Pesh\u00adawar on Mon\u00adday.\u200b"
    doc = Document(text=text, title="Two po\u00adlicemen killed")
    assert (doc.text, doc.title) == (
        "Gunmen killed two policemen in Peshawar on Monday.",
        "Two policemen killed",
    )
    (attack,) = extract({"text": text, "published": "2025-02-05"})
    assert (attack.location, attack.fatalities, str(attack.event_date)) == ("Peshawar", 2, "2025-02-03")
    # A span drawn on the text as it came lands on the same words of the text strife reads.
    offsets = offsets_without_invisible(text)
    start, end = text.index("Pesh"), text.index("awar") + 4
    assert doc.text[offsets[start] : offsets[end]] == "Peshawar"
    assert offsets[len(text)] == len(doc.text)
