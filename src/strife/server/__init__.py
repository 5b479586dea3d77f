"""`strife serve`: the store over HTTP (FastAPI), for dashboards and scripts.

    from strife.server import create_app, ServerSettings
    app = create_app(open_store("sqlite:///strife.db"), ServerSettings())

FastAPI and uvicorn are an optional extra (`pip install 'strife[serve]'`); `auth` and
`netcheck` need neither, so `strife token` works without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from strife.server.app import ServerSettings, create_app


def __getattr__(name: str) -> Any:
    if name in ("ServerSettings", "create_app"):
        from strife.server import app

        return getattr(app, name)
    raise AttributeError(name)


__all__ = ["ServerSettings", "create_app"]
