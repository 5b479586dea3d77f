"""The HTTP API over one store (`strife serve`).

Reads (`GET /events`, `/events/{id}`, `/documents/{id}`, `/stats`) are public unless the
server is private; writes (`POST /documents`) need a token, and managing tokens an admin's.
Documentation is `/openapi.json` and a self-contained page at `/docs` (nothing loaded from
elsewhere: the server may have no internet, and its users neither).
"""

import datetime as dt
import html
import io
import math
import re
import threading
from dataclasses import dataclass, field
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, BaseModel, StringConstraints, ValidationInfo, field_validator
from sqlalchemy import or_, select

from strife import __version__
from strife.readers import read_inputs
from strife.readers.errors import Skipped
from strife.server.auth import Principal, authenticate, list_tokens, revoke_token
from strife.server.dashboard import mount_dashboard
from strife.server.netcheck import URLRefused, guarded_fetcher, read_fetchable
from strife.server.queries import GROUPINGS, SORTS, EventQuery, QueryError, page, stats
from strife.store import EventMerged, EventNotFound, InvalidEdit, ReviewConflict, StoreError, describe_event
from strife.store import review as reviews
from strife.store.database import MAX_INTEGER, Store, printable, unstorable
from strife.store.schema import DocumentRow, EventDocument, EventRow
from strife.writers import make_writer

MAX_LIMIT = 500
# Caps on a request's filters: a country list a thousand values long made SQLite give up ("Expression
# tree is too large"), and a LIKE pattern of 60,000 characters ("pattern too complex"). No one
# searching needs more than these; a request past them is answered 422 naming the limit.
MAX_FILTER_VALUES = 100  # values of one list filter (country, admin1, event_type, ...)
MAX_TEXT_FILTER = 500  # characters of one filter value (actor, q, a country's name)
# Control characters in a text filter: SQLite ends a LIKE pattern at a NUL (so `q=%00` matched
# every event) and PostgreSQL refuses one outright; none of them is in anything worth finding.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
REVIEW_STATE_HELP = (
    "unreviewed | accepted | edited | rejected, repeated or comma-separated (default: all but rejected)"
)
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "acled-csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
}


@dataclass
class ServerSettings:
    """How the server behaves: who may read, which URLs it fetches, CORS, the body limit."""

    private: bool = False  # reads need a token too
    allow_private_urls: bool = False  # POST /documents may fetch loopback/private addresses
    cors_origins: list[str] = field(default_factory=list)  # none: no CORS headers at all
    max_body_bytes: int = 2_000_000


class BodyLimit:
    """ASGI middleware: a request body over `limit` bytes is answered 413, whether it says its
    length (Content-Length) or streams it (chunked)."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await self._refuse(send)
                return
        received = 0
        started = refused = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    # Answer 413 now; to the app, the client has gone (whatever it does next
                    # is not sent).
                    refused = True
                    if not started:
                        await self._refuse(send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: dict[str, Any]) -> None:
            nonlocal started
            if refused:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not refused:
                raise

    async def _refuse(self, send: Any) -> None:
        body = orjson.dumps({"detail": f"request body larger than {self.limit} bytes"})
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _searchable(value: str) -> str:
    """A text filter's value, refused (422, naming the parameter) if it holds a control character."""
    if found := CONTROL_CHARACTERS.search(value):
        raise ValueError(
            f"a control character ({found.group()!r}, at character {found.start()}) cannot be searched for"
        )
    return value


def _without_nul(value: str) -> str:
    """An event's or a document's id, refused (422) if it holds a NUL, which no stored id has and
    PostgreSQL cannot even compare."""
    if "\x00" in value:
        raise ValueError("an id with a NUL character (\\x00): no stored id has one")
    return value


FilterText = Annotated[str, StringConstraints(max_length=MAX_TEXT_FILTER), AfterValidator(_searchable)]
StoredId = Annotated[str, AfterValidator(_without_nul)]


def _values(description: str = "repeat for several") -> Any:
    """A list filter's query parameter: at most MAX_FILTER_VALUES values."""
    return Query(max_length=MAX_FILTER_VALUES, description=f"{description} (at most {MAX_FILTER_VALUES})")


class _Body(BaseModel):
    """A JSON request body. Python's JSON reads NaN, Infinity, 1e999, integers of any size and
    lone surrogates (`"\\ud800"`), none of which the store holds: each is refused here, 422
    naming the field, before anything is stored."""

    @field_validator("*", mode="before")
    @classmethod
    def _storable(cls, value: Any, info: ValidationInfo) -> Any:
        if problem := unstorable(value, info.field_name or "body"):
            raise ValueError(problem)
        return value


class DocumentIn(_Body):
    """A report to store: its text (with what is known of it), or only a URL to fetch it from."""

    text: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    title: str | None = None
    id: str | None = None


class ReviewNote(_Body):
    note: str | None = None


class EditIn(_Body):
    """Fields of the event record to set, by name, and why."""

    fields: dict[str, Any]
    note: str | None = None


class RejectIn(_Body):
    reason: str | None = None


class MergeIn(_Body):
    other: str  # the event that joins this one and goes
    note: str | None = None


class SplitIn(_Body):
    doc_id: str | None = None  # the report to take out (default: the last to join)


def _json(content: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(content), status_code=status, media_type="application/json")


def create_app(store: Store, settings: ServerSettings | None = None) -> FastAPI:
    settings = settings or ServerSettings()
    app = FastAPI(
        title="strife",
        version=__version__,
        description="Conflict events extracted from news reports, with the reports behind them.",
        docs_url=None,  # FastAPI's pages load their scripts from a CDN: /docs is ours instead
        redoc_url=None,
    )
    app.state.store, app.state.settings = store, settings
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
            expose_headers=["X-Next-Cursor"],
        )
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)  # outermost: before anything reads
    ingest_lock = threading.Lock()  # one extraction at a time: the pipeline is not shared safely
    bearer = HTTPBearer(auto_error=False, description="a token from `strife token create`")

    def principal(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Principal | None:
        if credentials is None:
            return None
        found = authenticate(store, credentials.credentials)
        if found is None:
            raise HTTPException(401, "invalid or revoked token", headers={"WWW-Authenticate": "Bearer"})
        return found

    def needs(role: str | None):
        def check(who: Annotated[Principal | None, Depends(principal)]) -> Principal | None:
            if role is None:
                return who
            if who is None:
                raise HTTPException(401, "this needs an API token", headers={"WWW-Authenticate": "Bearer"})
            if not who.may(role):
                raise HTTPException(403, f"this needs the {role} role; the token is a {who.role}'s")
            return who

        return check

    reader = Depends(needs("reviewer" if settings.private else None))
    Reviewer = Annotated[Principal, Depends(needs("reviewer"))]
    Admin = Annotated[Principal, Depends(needs("admin"))]

    @app.exception_handler(QueryError)
    async def _query_error(_request: Request, err: QueryError) -> JSONResponse:
        return JSONResponse({"detail": str(err)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(_request: Request, err: RequestValidationError) -> JSONResponse:
        # FastAPI's own answer, with the inputs it quotes made printable: a NaN or a lone
        # surrogate quoted as it came cannot be written as JSON, and the 422 became a 500.
        return JSONResponse({"detail": _quotable(jsonable_encoder(err.errors()))}, status_code=422)

    def event_query(
        since: dt.date | None = None,
        until: dt.date | None = None,
        country: Annotated[list[FilterText], _values("name or ISO3; repeat for several")] = [],  # noqa: B006
        admin1: Annotated[list[FilterText], _values()] = [],  # noqa: B006
        admin2: Annotated[list[FilterText], _values()] = [],  # noqa: B006
        event_type: Annotated[list[FilterText], _values()] = [],  # noqa: B006
        sub_event_type: Annotated[list[FilterText], _values()] = [],  # noqa: B006
        actor: Annotated[FilterText | None, Query(description="part of actor1's or actor2's name")] = None,
        min_fatalities: Annotated[int | None, Query(ge=0, le=MAX_INTEGER)] = None,
        bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat")] = None,
        q: Annotated[
            FilterText | None, Query(description="text in the notes, the location or the actors")
        ] = None,
    ) -> EventQuery:
        return EventQuery(
            since, until, country, admin1, admin2, event_type, sub_event_type, actor, min_fatalities, bbox, q
        )

    def filters_with_review(
        found: Annotated[EventQuery, Depends(event_query)],
        review_state: Annotated[list[FilterText], _values(REVIEW_STATE_HELP)] = [],  # noqa: B006
        background: Annotated[
            str,
            Query(
                pattern="^(exclude|include|only)$",
                description="past incidents recalled for context: exclude (the default: current events "
                "only, in lists, tallies and maps), include, or only",
            ),
        ] = "exclude",
    ) -> EventQuery:
        found.review_state = review_state
        found.background = background
        return found

    Filters = Annotated[EventQuery, Depends(filters_with_review)]

    @app.get("/events", dependencies=[reader], summary="Events, filtered, sorted, a page at a time")
    def events(
        filters: Filters,
        sort: Annotated[
            str, Query(pattern="^-?(event_date|fatalities)$", description=" | ".join(SORTS))
        ] = "-event_date",
        limit: Annotated[int, Query(ge=1, description=f"events per page (at most {MAX_LIMIT})")] = 100,
        cursor: Annotated[str | None, Query(description="the `next` of the page before")] = None,
        format: Annotated[str, Query(pattern="^(json|csv|geojson|acled-csv)$")] = "json",
    ) -> Response:
        """A page of events. JSON is `{"events": [...], "next": CURSOR}` (`next` is null on the
        last page); the file formats carry the next cursor in the `X-Next-Cursor` header."""
        with store.reading() as session:
            rows, next_cursor = page(session, filters, sort, min(limit, MAX_LIMIT), cursor)
            records = [row.view() for row in rows]  # the record, its review state and locked fields
        if format == "json":
            return _json({"events": records, "next": next_cursor})
        stream = io.StringIO()
        writer = make_writer(format, stream)
        for row in rows:
            writer.write(row.event())
        writer.close()
        headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
        return Response(stream.getvalue(), media_type=MEDIA_TYPES[format], headers=headers)

    @app.get("/events/{event_id:path}", dependencies=[reader], summary="One event, its reports and history")
    def event(event_id: StoredId) -> Response:
        """The event's record, the report each field came from, every report of it with its
        evidence spans, and its revisions."""
        try:
            return _json(describe_event(store, event_id))
        except EventMerged as err:  # where it went, for a client to follow
            return _json({"detail": str(err), "merged_into": err.into}, 404)
        except StoreError as err:
            raise HTTPException(404, str(err)) from None

    # Review: a reviewer's (or an admin's) token; each action a revision naming the token's name.
    def reviewed(action: Any, *args: Any) -> Response:
        try:
            result = action(*args)
        except EventMerged as err:
            return _json({"detail": str(err), "merged_into": err.into}, 404)
        except EventNotFound as err:
            raise HTTPException(404, str(err)) from None
        except InvalidEdit as err:
            raise HTTPException(422, str(err)) from None
        except (ReviewConflict, StoreError) as err:  # merging an event with itself, one report to split
            raise HTTPException(409, str(err)) from None
        if isinstance(result, reviews.SplitReview):
            return _json({"event": result.event, "split_off": result.split_off})
        return _json({"event": result})

    def reviewer(who: Principal) -> str:
        return who.name or f"token {who.token_id}"

    @app.post("/events/{event_id:path}/accept", summary="Accept an event as it stands (reviewer)")
    def accept_event(event_id: StoredId, who: Reviewer, body: ReviewNote | None = None) -> Response:
        return reviewed(reviews.accept, store, event_id, reviewer(who), body.note if body else None)

    @app.patch("/events/{event_id:path}", summary="Set fields of an event, locking them (reviewer)")
    def edit_event(event_id: StoredId, body: EditIn, who: Reviewer) -> Response:
        """`{"fields": {"fatalities": 12, "admin2": "Kalat"}, "note": "..."}`: the fields a person
        sets are validated as an event record and locked, so no later report overwrites them. 422
        for a field an event does not have, one that says which reports it comes from, or an
        invalid value."""
        return reviewed(reviews.edit, store, event_id, body.fields, reviewer(who), body.note)

    @app.post("/events/{event_id:path}/reject", summary="Reject an event: not an event (reviewer)")
    def reject_event(event_id: StoredId, who: Reviewer, body: RejectIn | None = None) -> Response:
        """Rejected events stay in the store (a new report of the incident joins them), and are
        left out of `/events`, `/stats` and exports unless `review_state` asks for them."""
        return reviewed(reviews.reject, store, event_id, reviewer(who), body.reason if body else None)

    @app.post("/events/{event_id:path}/merge", summary="Merge another event into this one (reviewer)")
    def merge_event(event_id: StoredId, body: MergeIn, who: Reviewer) -> Response:
        """`{"other": EVENT_ID}`: the other event's reports join this one, and it goes; looking
        it up afterwards answers 404 with `merged_into`."""
        return reviewed(reviews.merge_events, store, event_id, body.other, reviewer(who), body.note)

    @app.post("/events/{event_id:path}/split", summary="Take a report out of an event (reviewer)")
    def split_event(event_id: StoredId, who: Reviewer, body: SplitIn | None = None) -> Response:
        """`{"doc_id": DOC_ID}` (default: the last report to join) becomes an event of its own;
        the answer is the event as it now is and `split_off`."""
        return reviewed(reviews.split, store, event_id, reviewer(who), body.doc_id if body else None)

    @app.get("/documents/{doc_id:path}", dependencies=[reader], summary="One stored report and its events")
    def document(doc_id: StoredId) -> Response:
        with store.reading() as session:
            row = session.scalar(select(DocumentRow).where(DocumentRow.doc_id == doc_id))
            if row is None:
                raise HTTPException(404, f"no document {doc_id!r} in the store")
            return _json({"document": _document(row), "events": _events_of(session, [row.id])})

    @app.post("/documents", status_code=201, summary="Store a report (or fetch one by URL)")
    def add_document(body: DocumentIn, who: Reviewer) -> Response:
        """Extract the report's events and store them (a reviewer's or an admin's token). Give
        `text` (and `published`, `source`, `url`, `title`, `id` if known), or only `url` to have
        the server fetch it; URLs into private networks are refused unless the server allows
        them. 201 when the document was new, 200 when it was already stored."""
        from strife.api import _pipeline, to_document
        from strife.document import coerce_date
        from strife.store import ingest

        if body.text is None and body.url is None:
            raise HTTPException(422, "give `text`, or `url` to fetch")
        try:
            published = coerce_date(body.published)
        except ValueError as err:
            raise HTTPException(422, f"published: {err}") from None
        if body.text is not None:
            items = [to_document(body.model_dump(exclude_none=True), "<api>")]
        else:
            assert body.url is not None
            fetcher = guarded_fetcher(settings.allow_private_urls)
            try:
                # Read as a URL first, so that no other input (a path, another scheme) is read;
                # the fetcher then resolves the host once and checks its addresses, and those of
                # every redirect, before it fetches.
                read_fetchable(body.url)
                items = list(read_inputs([body.url], fetcher=fetcher))
            except URLRefused as err:
                raise HTTPException(400, f"URL refused: {err}") from None
        skipped = [
            {"origin": item.origin, "reason": item.reason} for item in items if isinstance(item, Skipped)
        ]
        documents = [item for item in items if not isinstance(item, Skipped)]
        if not documents:
            raise HTTPException(422, {"message": "no document could be read", "skipped": skipped})
        if body.text is None and len(documents) == 1 and not documents[0].url:
            documents[0].url = body.url  # a plain-text page: its address is the one asked for
        with ingest_lock:
            summary = ingest(
                store,
                documents,
                published=published,
                pipeline_factory=_pipeline,
                arguments={"api": "POST /documents", "token": who.token_id},
            )
        from strife.store.ingest import Incoming

        incoming = [Incoming.of(doc, published) for doc in documents]
        hashes = [doc.content_hash for doc in incoming]
        url_hashes = [doc.url_hash for doc in incoming if doc.url_hash]
        with store.reading() as session:
            rows = session.scalars(
                select(DocumentRow)
                .where(or_(DocumentRow.content_hash.in_(hashes), DocumentRow.url_hash.in_(url_hashes)))
                .order_by(DocumentRow.id)
            ).all()
            stored = [
                {"document": _document(row, text=False), "events": _events_of(session, [row.id])}
                for row in rows
            ]
        # The run summary keeps its skips as dicts (with the id, for --report): the same two keys.
        skipped += [{"origin": s["origin"], "reason": s["reason"]} for s in summary.skipped]
        if not summary.stored and not summary.already_stored:  # all of them read, none stored
            raise HTTPException(422, {"message": "no document could be stored", "skipped": skipped})
        content = {
            "stored": summary.stored,
            "already_stored": summary.already_stored,
            "documents": stored,
            "skipped": skipped,
        }
        return _json(content, 201 if summary.stored else 200)

    @app.get(
        "/stats",
        dependencies=[reader],
        summary="Events and fatalities per week, month, admin1, type or actor",
    )
    def statistics(
        filters: Filters,
        by: Annotated[
            str, Query(pattern="^(week|month|admin1|type|actor)$", description=" | ".join(GROUPINGS))
        ],
    ) -> Response:
        """Counts of events and sums of their fatalities per group, over the events that pass
        the same filters as `/events`. A week is named by its Monday."""
        with store.reading() as session:
            groups = stats(session, filters, by, store.backend)
        total = {
            "events": sum(g["events"] for g in groups),
            "fatalities": sum(g["fatalities"] for g in groups),
        }
        if by == "actor":  # an event with two actors is in two groups
            with store.reading() as session:
                total = _totals(session, filters)
        return _json({"by": by, "groups": groups, "total": total})

    @app.get("/tokens", summary="API tokens (admin)")
    def tokens(_who: Admin) -> Response:
        return _json({"tokens": list_tokens(store)})

    @app.delete("/tokens/{token_id}", summary="Revoke an API token (admin)")
    def revoke(token_id: Annotated[int, Path(ge=1, le=MAX_INTEGER)], _who: Admin) -> Response:
        if not revoke_token(store, token_id):
            raise HTTPException(404, f"no active token {token_id}")
        return _json({"revoked": token_id})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(render_docs(app.openapi()))

    mount_dashboard(app)  # last: its mount takes every path under /ui
    return app


def _quotable(value: Any) -> Any:
    """A JSON-ready value (a validation error and the input it quotes) that JSON can hold:
    NaN and infinities as text, lone surrogates as escapes."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {_quotable(key): _quotable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_quotable(item) for item in value]
    return value


def _document(row: DocumentRow, text: bool = True) -> dict[str, Any]:
    found = {
        "doc_id": row.doc_id,
        "url": row.url,
        "title": row.title,
        "source": row.source,
        "published": row.published.isoformat() if row.published else None,
        "fetched_at": row.fetched_at.isoformat(),
    }
    if text:
        found["text"] = row.text
    return found


def _events_of(session: Any, document_pks: list[int]) -> list[dict[str, Any]]:
    """The stored events the documents report (each once), with each report's evidence."""
    rows = session.execute(
        select(EventRow, EventDocument.evidence)
        .join(EventDocument, EventDocument.event_pk == EventRow.id)
        .where(EventDocument.document_pk.in_(document_pks))
        .order_by(EventDocument.id)
    )
    return [{"event": row.view(), "evidence": evidence} for row, evidence in rows]


def _totals(session: Any, filters: EventQuery) -> dict[str, int]:
    from sqlalchemy import func

    n, f = session.execute(
        select(func.count(EventRow.id), func.coalesce(func.sum(EventRow.fatalities), 0)).where(
            *filters.conditions()
        )
    ).one()
    return {"events": n, "fatalities": int(f)}


def render_docs(schema: dict[str, Any]) -> str:
    """The API's endpoints as one HTML page, from its OpenAPI schema: no script, no style
    sheet, no font from anywhere."""
    esc = html.escape
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        f"<title>{esc(schema['info']['title'])} API</title>",
        "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
        "code{background:#f3f3f3;padding:0 .2em}h2{margin-top:2em;font-size:1.1em}"
        "td,th{text-align:left;padding:.1em .8em .1em 0;vertical-align:top}</style></head><body>",
        f"<h1>{esc(schema['info']['title'])} {esc(schema['info'].get('version', ''))}</h1>",
        f"<p>{esc(schema['info'].get('description', ''))}</p>",
        '<p>The machine-readable description: <a href="openapi.json">openapi.json</a> (OpenAPI '
        f"{esc(schema.get('openapi', ''))}). Writes need <code>Authorization: Bearer TOKEN</code>.</p>",
    ]
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            parts.append(f"<h2><code>{esc(method.upper())} {esc(path)}</code></h2>")
            if operation.get("summary"):
                parts.append(f"<p><b>{esc(operation['summary'])}</b></p>")
            if operation.get("description"):
                parts.append(f"<p>{esc(operation['description'])}</p>")
            parameters = operation.get("parameters", [])
            if parameters:
                parts.append("<table><tr><th>parameter</th><th>in</th><th>required</th><th></th></tr>")
                for parameter in parameters:
                    parts.append(
                        f"<tr><td><code>{esc(parameter['name'])}</code></td><td>{esc(parameter['in'])}</td>"
                        f"<td>{'yes' if parameter.get('required') else ''}</td>"
                        f"<td>{esc(parameter.get('description', ''))}</td></tr>"
                    )
                parts.append("</table>")
            if "requestBody" in operation:
                parts.append("<p>Body: JSON.</p>")
    parts.append("</body></html>")
    return "".join(parts)


__all__ = ["MAX_LIMIT", "ServerSettings", "create_app", "render_docs"]
