"""The dashboard of `strife serve`: static pages under `/ui/` that read the API from the browser.

Every file the pages load ships in this folder (scripts, styles, the base map's shapes), so a
browser talks to nothing but the server: no CDN, no tile server, no web fonts.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from strife.taxonomy import ACTOR_CATEGORIES, CLAIM_STATUSES, SUB_EVENT_TYPES_BY_TYPE

DASHBOARD_DIR = Path(__file__).parent / "static"
PREFIX = "/ui"


def codebook() -> dict[str, object]:
    """What the pages' menus and the edit form offer, from strife's own tables."""
    return {
        "event_types": {name: list(subs) for name, subs in SUB_EVENT_TYPES_BY_TYPE.items()},
        "actor_categories": {str(code): name for code, name in ACTOR_CATEGORIES.items()},
        "claim_statuses": list(CLAIM_STATUSES),
        "review_states": ["unreviewed", "accepted", "edited", "rejected"],
    }


def mount_dashboard(app: FastAPI) -> None:
    """Serve the pages under `/ui/`, and send `/` there."""
    book = codebook()

    @app.get(f"{PREFIX}/codebook.json", include_in_schema=False)
    def _codebook() -> JSONResponse:
        return JSONResponse(book)

    @app.get("/", include_in_schema=False)
    def _home() -> RedirectResponse:
        # Relative, as the pages' own links are: behind a proxy's path prefix it still lands.
        return RedirectResponse(f"{PREFIX.lstrip('/')}/")

    # After the routes above: a mount takes every path under its prefix.
    app.mount(PREFIX, StaticFiles(directory=DASHBOARD_DIR, html=True), name="dashboard")


__all__ = ["DASHBOARD_DIR", "codebook", "mount_dashboard"]
