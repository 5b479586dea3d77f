"""The dashboard of `strife serve` in a real browser: headless Chromium (Debian's) driven by
Playwright, against the app served by uvicorn over a SQLite store seeded from our own corpus and
the example report. The seed event's marker is at Kalat; an event type chosen in the filters
changes the table and the map as the API says; a reviewer's edit survives a reload and is
locked; and no page asks anything of any host but the app's.

Screenshots are kept in test-artifacts/screenshots/. Without Playwright or Chromium the browser
tests are skipped, saying why, unless STRIFE_REQUIRE_BROWSER=1 (as CI sets), when they fail.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():  # starlette's test client says httpx is deprecated for it
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

import httpx

from strife.evaluation.gold import gold_files
from strife.readers import read_inputs
from strife.server.app import create_app
from strife.server.auth import create_token
from strife.store import ingest, open_store
from strife.store.database import Store

ROOT = Path(__file__).parent.parent
# The written corpus (tests/corpus/real/ inside it holds gold by document id, no documents).
CORPUS = gold_files(ROOT / "tests" / "corpus")
SEED = ROOT / "examples" / "kalat_clash.txt"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("STRIFE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
KALAT = (29.03, 66.59)  # the district's seat, where strife places the seed event
TIMEOUT_MS = 20_000


def _browser_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright's Python package is not installed (pip install '.[test]')"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)"
    try:
        import uvicorn  # noqa: F401
    except ImportError:
        return "uvicorn is not installed (pip install '.[test]')"
    return None


# The store and the server ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Iterator[Store]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'store.db'}")
    summary = ingest(store, read_inputs([*map(str, CORPUS), str(SEED)]))
    assert summary.stored > 250 and summary.events > 250
    yield store
    store.close()


@pytest.fixture(scope="module")
def reviewer_token(store) -> str:
    return create_token(store, "reviewer", "browser test")[1]


@pytest.fixture(scope="module")
def seed_event_id(store) -> str:
    """The example report's clash (the spec's worked example), as the store holds it."""
    seed_doc = next(doc for doc in read_inputs([str(SEED)]) if not hasattr(doc, "reason"))
    body = TestClient(create_app(store)).get(f"/documents/{seed_doc.id}").json()
    clashes = [
        found["event"] for found in body["events"] if found["event"]["sub_event_type"] == "Armed clash"
    ]
    assert len(clashes) == 1, body["events"]
    return clashes[0]["event_id"]


@pytest.fixture(scope="module")
def origin(store) -> Iterator[str]:
    """The app under uvicorn on a free local port, in a thread of this process."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def api_events(origin: str, **params: Any) -> list[dict[str, Any]]:
    """Every event of /events for these filters, following the cursor."""
    events: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": 500, **({"cursor": cursor} if cursor else {})}
        body = httpx.get(f"{origin}/events", params=query, timeout=30).json()
        events += body["events"]
        cursor = body["next"]
        if not cursor:
            return events


def placed(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e["latitude"] is not None and e["longitude"] is not None]


# The browser -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = _browser_missing()
    if missing:
        if os.environ.get("STRIFE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"STRIFE_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A fresh browser context on the app: every request it makes is recorded, and any that
    would leave the app's origin is stopped there (and recorded as such)."""

    def __init__(self, browser: Any, origin: str) -> None:
        self.origin = origin
        self.context = browser.new_context(viewport={"width": 1400, "height": 950})
        self.requests: list[str] = []
        self.elsewhere: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        if url == self.origin or url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.elsewhere.append(url)
            route.abort()

    def open(self, path: str) -> Any:
        self.page.goto(self.origin + path)
        self.ready()
        return self.page

    def ready(self) -> None:
        self.page.wait_for_function("document.body?.dataset.state === 'ready'")

    def screenshot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        # Animations off: a full-page capture resizes the view, which Leaflet would animate.
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, animations="disabled")

    def close(self) -> None:
        self.context.close()
        assert not self.errors, self.errors
        assert not self.elsewhere, f"requests outside {self.origin}: {self.elsewhere}"


@pytest.fixture
def visit(browser, origin) -> Iterator[Visit]:
    visit = Visit(browser, origin)
    yield visit
    visit.close()


def counts(page: Any) -> tuple[int, int]:
    """The events the table counts and the markers the map holds."""
    table = int(page.get_attribute("#table-count", "data-count"))
    markers = int(page.get_attribute("#map", "data-markers"))
    return table, markers


DRAWN = """() => document.querySelectorAll('.leaflet-marker-pane .event-marker').length
    + [...document.querySelectorAll('.leaflet-marker-pane .event-cluster span')]
        .reduce((sum, span) => sum + Number(span.textContent), 0)"""


def drawn_markers(page: Any, expected: int) -> int:
    """The events the map draws once it has settled (markers come in chunks, clusters redrawn
    after the zoom): single markers plus the numbers on the cluster icons."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):  # the assertion after says what was drawn instead
        page.wait_for_function(f"({DRAWN})() === {expected}", timeout=10_000)
    return page.evaluate(DRAWN)


# The tests -------------------------------------------------------------------------------------


def test_seed_event_marker_is_at_kalat(visit, seed_event_id):
    page = visit.open(f"/ui/?focus={quote(seed_event_id)}")
    marker = page.locator(f'.event-marker[data-event-id="{quote(seed_event_id, safe="")}"]')
    marker.wait_for(state="visible")
    lat, lng = float(marker.get_attribute("data-lat")), float(marker.get_attribute("data-lng"))
    assert abs(lat - KALAT[0]) < 0.1 and abs(lng - KALAT[1]) < 0.1, (lat, lng)
    # Where Leaflet itself holds the marker, and the view it zoomed to around it.
    leaflet = page.evaluate(f"window.strife.map.markerLatLng({seed_event_id!r})")
    assert abs(leaflet["lat"] - KALAT[0]) < 0.1 and abs(leaflet["lng"] - KALAT[1]) < 0.1, leaflet
    assert page.evaluate(f"window.strife.map.map.getBounds().contains([{KALAT[0]}, {KALAT[1]}])")
    assert page.evaluate("window.strife.map.map.getZoom()") >= 7
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    assert "Kalat" in popup.inner_text() and "30 fatalities" in popup.inner_text()
    visit.screenshot("map-seed-event-at-kalat")
    # The popup leads to the event page.
    popup.get_by_text("Open the event").click()
    page.wait_for_url("**/ui/event.html?id=*")
    visit.ready()
    assert seed_event_id in page.locator(".event-head").inner_text()


def test_choosing_an_event_type_changes_table_and_map(visit, origin):
    page = visit.open("/ui/")
    everything = api_events(origin)
    assert counts(page) == (len(everything), len(placed(everything)))
    assert drawn_markers(page, len(placed(everything))) == len(placed(everything))
    visit.screenshot("dashboard-all-events")

    page.select_option("select[name=event_type]", "Protests")
    page.wait_for_function(
        "location.search.includes('event_type=Protests') && document.body?.dataset.state === 'ready'"
    )
    protests = api_events(origin, event_type="Protests")
    assert 0 < len(protests) < len(everything)
    assert counts(page) == (len(protests), len(placed(protests)))
    assert drawn_markers(page, len(placed(protests))) == len(placed(protests))
    types = page.locator("table.events tbody tr td:nth-child(3)").all_inner_texts()
    assert types and all(text.startswith("Protests") for text in types), types
    # The sub-event types offered are the type's own.
    subs = page.locator("select[name=sub_event_type] option").all_inner_texts()
    assert subs[1:] == ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"]
    visit.screenshot("dashboard-protests")

    # The filter lives in the address: a reload shows the same view.
    page.reload()
    visit.ready()
    assert page.input_value("select[name=event_type]") == "Protests"
    assert counts(page) == (len(protests), len(placed(protests)))

    # The table sorts by any column and pages through all of them.
    page.click("table.events th button[data-sort=fatalities]")
    tolls = [int(t.replace(",", "")) for t in page.locator("table.events tbody td.num").all_inner_texts()]
    assert tolls == sorted(tolls, reverse=True) and tolls[0] == max(e["fatalities"] for e in protests)
    assert "tsort=-fatalities" in page.url


def test_reviewers_edit_persists_across_reloads(visit, origin, seed_event_id, reviewer_token):
    page = visit.open(f"/ui/event.html?id={quote(seed_event_id)}")
    assert page.locator("td[data-value=location]").inner_text().startswith("Kalat")
    # The evidence of the report is marked in its text, each span labelled with its field.
    assert page.locator('.report mark.evidence[data-fields~="fatalities"]').count() >= 1
    assert page.locator('.report .field-tag[data-field="location"]').count() >= 1

    page.click("button[name=edit]")
    page.fill("form.edit input[name=location]", "Mangochar")
    page.fill("form.edit input[name=note]", "the report names the village")
    page.click("form.edit button[name=save]")
    # No token yet: the page asks for one, keeps it, and goes on with the save.
    page.fill(".token-dialog input[name=token]", reviewer_token)
    page.click(".token-dialog button[value=save]")
    page.wait_for_function(
        "document.body?.dataset.state === 'ready' && !document.querySelector('form.edit')"
        " && document.querySelector('td[data-value=location]')?.innerText.startsWith('Mangochar')"
    )

    page.reload()
    visit.ready()
    cell = page.locator("td[data-value=location]").inner_text()
    assert cell.startswith("Mangochar") and "locked" in cell
    assert page.locator("#review-state").inner_text() == "edited"
    assert "token saved" in page.locator("#top").inner_text()  # kept across the reload
    visit.screenshot("event-page-after-edit")

    body = httpx.get(f"{origin}/events/{seed_event_id}", timeout=30).json()
    assert body["event"]["location"] == "Mangochar"
    locked = body["event"].get("locked_fields", body.get("review", {}).get("locked_fields"))
    assert "location" in locked
    assert body["revisions"][-1]["note"] == "the report names the village"

    page.get_by_text("Forget token").click()
    assert page.evaluate("localStorage.getItem('strife.token')") is None


def test_review_queue_accepts_the_biggest_toll_first(visit, origin, reviewer_token):
    page = visit.open("/ui/review.html")
    queue = api_events(origin, review_state="unreviewed", sort="-fatalities")
    first = page.locator("#queue li").first
    assert first.get_attribute("data-event-id") == queue[0]["event_id"]
    page.evaluate(f"localStorage.setItem('strife.token', {reviewer_token!r})")
    first.locator("button[name=accept]").click()
    page.wait_for_function("document.querySelector('#queue li')?.dataset.decided === 'accept'")
    assert (
        httpx.get(f"{origin}/events/{queue[0]['event_id']}", timeout=30).json()["review"]["state"]
        == "accepted"
    )
    visit.screenshot("review-queue")
    page.reload()
    visit.ready()
    assert page.locator("#queue li").first.get_attribute("data-event-id") == queue[1]["event_id"]


def test_split_a_report_off_and_merge_it_back(visit, origin, seed_event_id, reviewer_token):
    merged = next(e for e in api_events(origin) if len(e["doc_ids"]) > 1 and e["event_id"] != seed_event_id)
    event_id, last_doc = merged["event_id"], merged["doc_ids"][-1]
    page = visit.open(f"/ui/event.html?id={quote(event_id)}")
    page.evaluate(f"localStorage.setItem('strife.token', {reviewer_token!r})")
    reports = page.locator("article.report")
    assert reports.count() == len(merged["doc_ids"])

    page.locator(f'article.report[data-doc-id="{last_doc}"] button[name=split]').click()
    page.locator("#split-notice").wait_for()
    visit.ready()
    split_off = page.locator("#split-notice a").get_attribute("data-event-id")
    assert reports.count() == len(merged["doc_ids"]) - 1
    after = httpx.get(f"{origin}/events/{event_id}", timeout=30).json()["event"]
    assert last_doc not in after["doc_ids"]
    assert httpx.get(f"{origin}/events/{split_off}", timeout=30).json()["event"]["doc_ids"] == [last_doc]
    visit.screenshot("event-page-after-split")

    page.fill(".review-panel input[name=other]", split_off)
    page.click(".review-panel button[name=merge]")
    page.wait_for_function(f"document.querySelectorAll('article.report').length === {len(merged['doc_ids'])}")
    visit.ready()
    assert httpx.get(f"{origin}/events/{event_id}", timeout=30).json()["event"]["doc_ids"][-1] == last_doc
    gone = httpx.get(f"{origin}/events/{split_off}", timeout=30)
    assert gone.status_code == 404 and gone.json()["merged_into"] == event_id


def test_text_from_the_store_is_shown_as_text(visit, origin, reviewer_token):
    """A name that looks like markup (a report's, or a reviewer's typing) stays words on every
    page: in the table, the popup, the event page and its map's tooltip."""
    target = next(e for e in api_events(origin) if e["latitude"] is not None and e["event_id"])
    markup = '<img src="nowhere.png" onerror="window.injected = true">Sentinel Brigade'
    edited = httpx.patch(
        f"{origin}/events/{target['event_id']}",
        json={"fields": {"actor1": markup}},
        headers={"Authorization": f"Bearer {reviewer_token}"},
        timeout=30,
    )
    assert edited.status_code == 200, edited.text
    page = visit.open(f"/ui/?q=Sentinel&focus={quote(target['event_id'])}")
    assert page.locator("table.events tbody").inner_text().count(markup) == 1
    page.locator(".leaflet-popup-content").wait_for(state="visible")
    assert markup in page.locator(".leaflet-popup-content").inner_text()
    visit.open(f"/ui/event.html?id={quote(target['event_id'])}")
    assert markup in page.locator("td[data-value=actor1]").inner_text()
    assert page.locator("main img").count() == 0
    assert page.evaluate("window.injected") is None
    assert not any("nowhere.png" in url for url in visit.requests)


def test_no_request_leaves_the_origin(visit, seed_event_id):
    page = visit.open("/ui/")
    # Zoomed in, the map fetches the admin1 shapes of the countries in view.
    page.evaluate("() => { window.strife.map.map.setView([29.5, 67.5], 7); }")
    page.wait_for_function(
        "performance.getEntriesByType('resource').some(e => e.name.includes('/admin1/PAK.json'))"
    )
    visit.open(f"/ui/event.html?id={quote(seed_event_id)}")
    visit.open("/ui/review.html")
    visit.page.goto(visit.origin + "/docs")
    assert any("/ui/shapes/countries.json" in url for url in visit.requests)
    assert any("/ui/vendor/leaflet/leaflet.js" in url for url in visit.requests)
    assert len(visit.requests) > 20
    assert visit.elsewhere == []


# Served as it should be, browser or not ------------------------------------------------------


def test_pages_and_their_assets_are_served(store):
    client = TestClient(create_app(store))
    home = client.get("/", follow_redirects=False)
    assert home.status_code in (302, 307) and home.headers["location"] == "ui/"
    assert client.get("/").url.path == "/ui/"
    for page in ("/ui/", "/ui/event.html", "/ui/review.html"):
        response = client.get(page)
        assert response.status_code == 200 and "text/html" in response.headers["content-type"]
        for asset in re.findall(r'(?:src|href)="([^"]+)"', response.text):
            if asset.startswith("data:"):
                continue
            assert not re.match(r"[a-z]+://", asset), f"{page} loads {asset} from elsewhere"
            assert client.get(f"/ui/{asset}").status_code == 200, (page, asset)
    codebook = client.get("/ui/codebook.json").json()
    assert codebook["event_types"]["Protests"] == [
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ]
    assert client.get("/ui/shapes/admin1/PAK.json").json()["objects"]["PAK"]["geometries"]
    assert client.get("/openapi.json").json()["paths"].keys().isdisjoint({"/ui/codebook.json", "/"})


def test_past_incidents_are_left_out_until_asked_for(visit, origin):
    page = visit.open("/ui/")
    current = api_events(origin)
    both = api_events(origin, background="include")
    assert len(both) > len(current) and not any(e["background"] for e in current)
    assert counts(page) == (len(current), len(placed(current)))
    assert page.input_value("select[name=background]") == ""  # "Current events only"
    page.select_option("select[name=background]", "include")
    page.wait_for_function(
        "location.search.includes('background=include') && document.body?.dataset.state === 'ready'"
    )
    assert counts(page) == (len(both), len(placed(both)))


def test_codes_read_as_codes_and_the_legend_covers_no_part_of_the_map(visit, seed_event_id):
    page = visit.open(f"/ui/event.html?id={quote(seed_event_id)}")
    geonameid = page.locator("td[data-value=geonameid]").evaluate("td => td.firstChild.textContent")
    assert geonameid.isdigit(), geonameid  # "1177203", not "1,177,203"

    page = visit.open("/ui/")
    # The legend sits under the map, not on it: at a world view no corner of the map is free of
    # events (bottom right covered South Asia).
    legend = page.locator(".map-legend").bounding_box()
    area = page.locator("#map").bounding_box()
    assert legend["y"] >= area["y"] + area["height"] - 1, (legend, area)
    assert "Battles" in page.locator(".map-legend").inner_text()
    visit.screenshot("dashboard-world-view-legend")
