"""Read-only web app over an event database: ``newsevents serve``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import charts
from .data import Database, Filters, clamp_page

MODES = ("asserted", "negated", "hypothetical", "future", "appeal", "any")
CSV_COLUMNS = ("id", "day", "cameo", "cameo_root", "goldstein", "quad_class", "plover", "mode", "source_name",
               "source_code", "target_name", "target_code", "place_name", "lat", "lon", "trigger_text", "doc_id",
               "url", "why")


def _json_safe(rows):
    return [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()} for row in rows]


def create_app(db: str) -> Starlette:
    """The Starlette app serving pages and JSON for the DuckDB file ``db``."""
    if not Path(db).exists():
        raise FileNotFoundError(f"no database at {db}: run 'newsevents extract ... --db {db}' first")
    database = Database(db)
    templates = Environment(loader=PackageLoader("newsevents.web", "templates"), autoescape=select_autoescape())

    def page(name: str, request: Request, **context) -> HTMLResponse:
        template = templates.get_template(name)
        return HTMLResponse(template.render(request=request, modes=MODES, quad_names=charts.QUAD_NAMES, **context))

    async def overview(request: Request):
        filters = Filters.from_query(request.query_params)
        timeline = database.timeline(filters)
        return page("overview.html", request, filters=filters, counts=database.counts(),
                    timeline=charts.timeline_svg(timeline), dyads=database.dyads(filters),
                    speakers=database.speakers(), articles=database.articles())

    def _events_query(request: Request):
        params = request.query_params
        filters = Filters.from_query(params)
        page_no, size = clamp_page(params.get("page"), params.get("page_size"))
        sort = params.get("sort", "day")
        descending = params.get("order", "desc") != "asc"
        total, rows = database.events(filters, sort=sort, descending=descending, page=page_no, size=size)
        return filters, page_no, size, sort, descending, total, rows

    async def events(request: Request):
        filters, page_no, size, sort, descending, total, rows = _events_query(request)
        return page("events.html", request, filters=filters, rows=rows, total=total, page=page_no, size=size,
                    sort=sort, descending=descending, pages=max(1, -(-total // size)))

    async def events_csv(request: Request):
        rows = database.all_events(Filters.from_query(request.query_params))
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in CSV_COLUMNS])
        return Response(buffer.getvalue(), media_type="text/csv",
                        headers={"Content-Disposition": 'attachment; filename="events.csv"'})

    async def dyad(request: Request):
        filters = Filters.from_query(request.query_params)
        timeline = database.timeline(filters)
        total, rows = database.events(filters, size=100)
        return page("dyad.html", request, filters=filters, timeline=charts.timeline_svg(timeline),
                    goldstein=charts.goldstein_svg(timeline), rows=rows, total=total)

    async def world_map(request: Request):
        filters = Filters.from_query(request.query_params)
        places = database.places(filters)
        svg = charts.map_svg(places, lambda p: "/events?" + filters.query_string(place=p["place_name"]))
        return page("map.html", request, filters=filters, svg=svg, places=places)

    async def article(request: Request):
        record = database.article_record(request.path_params["doc_id"])
        if record is None:
            raise HTTPException(404, "no such article")
        actors = {a["id"]: a for a in record.get("actors") or ()}
        return page("article.html", request, record=record, actors=actors, body=charts.highlight(record))

    async def api_events(request: Request):
        _, page_no, size, _, _, total, rows = _events_query(request)
        return JSONResponse({"total": total, "page": page_no, "page_size": size, "events": _json_safe(rows)})

    async def api_article(request: Request):
        record = database.article_record(request.path_params["doc_id"])
        if record is None:
            raise HTTPException(404, "no such article")
        return JSONResponse(record)

    async def api_dyads(request: Request):
        return JSONResponse({"dyads": _json_safe(database.dyads(Filters.from_query(request.query_params), 100))})

    async def openapi(request: Request):
        return JSONResponse(OPENAPI)

    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        body = templates.get_template("error.html").render(request=request, status=exc.status_code, detail=exc.detail)
        return HTMLResponse(body, status_code=exc.status_code)

    routes = [
        Route("/", overview),
        Route("/events", events),
        Route("/events.csv", events_csv),
        Route("/dyad", dyad),
        Route("/map", world_map),
        Route("/article/{doc_id:str}", article),
        Route("/api/events", api_events),
        Route("/api/articles/{doc_id:str}", api_article),
        Route("/api/dyads", api_dyads),
        Route("/openapi.json", openapi),
        Mount("/static", StaticFiles(packages=[("newsevents.web", "static")]), name="static"),
    ]
    return Starlette(routes=routes, exception_handlers={HTTPException: http_error})


_FILTER_PARAMS = [
    {"name": name, "in": "query", "required": False, "schema": {"type": "string"}, "description": text}
    for name, text in (
        ("start", "first day, YYYY-MM-DD"), ("end", "last day, YYYY-MM-DD"),
        ("country", "ISO3 of source, target or place"), ("actor", "actor name (substring) or code"),
        ("root", "CAMEO root code, 01-20"), ("mode", "asserted|negated|hypothetical|future|appeal|any"),
        ("place", "place name"), ("source", "source actor code or name"), ("target", "target actor code or name"),
    )
]
OPENAPI = {
    "openapi": "3.0.3",
    "info": {"title": "newsevents", "version": "1", "description": "Read-only access to extracted events."},
    "paths": {
        "/api/events": {"get": {
            "summary": "Events matching the filters, paged",
            "parameters": _FILTER_PARAMS + [
                {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                {"name": "page_size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
                {"name": "sort", "in": "query", "schema": {"type": "string", "enum": sorted(
                    ["day", "cameo", "goldstein", "quad_class", "source_name", "target_name", "place_name", "mode"])}},
                {"name": "order", "in": "query", "schema": {"type": "string", "enum": ["asc", "desc"]}},
            ],
            "responses": {"200": {"description": "{total, page, page_size, events: [...]}"}},
        }},
        "/api/articles/{doc_id}": {"get": {
            "summary": "One article record (schema newsevents/1)",
            "parameters": [{"name": "doc_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "the record"}, "404": {"description": "no such article"}},
        }},
        "/api/dyads": {"get": {
            "summary": "Top source-target pairs with counts and mean Goldstein",
            "parameters": _FILTER_PARAMS,
            "responses": {"200": {"description": "{dyads: [{source, target, n, goldstein}]}"}},
        }},
    },
}


def serve(db: str = "newsevents.duckdb", host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn (localhost only unless ``host`` says otherwise)."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
