"""A small web server for crawl tests: static fixture files plus scripted routes.

It listens on 127.0.0.1 on a free port, in a thread, and logs every request so
tests can assert what the crawler did and did not ask for.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

SITES = Path(__file__).parent


@dataclass
class Reply:
    """What a scripted route answers."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


Route = Callable[["Request"], Reply]


@dataclass
class Request:
    """One request as the server saw it."""

    method: str
    path: str
    headers: dict[str, str]
    count: int  # how many times this path was asked for, this one included
    at: float = 0.0  # time.monotonic() when it arrived


_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".json": "application/json",
    ".txt": "text/plain",
}


class SiteServer:
    """Serve a folder of fixture files and scripted routes on loopback."""

    def __init__(
        self, root: Path | None = None, routes: dict[str, Route] | None = None
    ):
        self.root = root
        self.routes = dict(routes or {})
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                return

            def do_GET(self) -> None:
                server._handle(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        """Return the absolute URL of a path on this server."""
        return self.base + path

    def paths(self) -> list[str]:
        """Return the paths requested, in order (query included)."""
        return [request.path for request in self.requests]

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            count = self._counts.get(handler.path, 0) + 1
            self._counts[handler.path] = count
            request = Request(
                "GET", handler.path, dict(handler.headers), count, time.monotonic()
            )
            self.requests.append(request)
        path = unquote(handler.path)
        route = self.routes.get(path) or self.routes.get(path.split("?", 1)[0])
        reply = route(request) if route else self._static(request)
        if reply.delay_s:
            time.sleep(reply.delay_s)
        try:
            handler.send_response(reply.status)
            headers = {"Content-Length": str(len(reply.body)), **reply.headers}
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _static(self, request: Request) -> Reply:
        if self.root is None:
            return Reply(404, b"not found")
        path = request.path.split("?", 1)[0].split("#", 1)[0]
        if path.endswith("/"):
            path += "index.html"
        file = (self.root / path.lstrip("/")).resolve()
        if not file.is_file() or self.root.resolve() not in file.parents:
            return Reply(404, b"<html><body>Niet gevonden</body></html>")
        body = file.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'  # noqa: S324
        headers = {
            "Content-Type": _TYPES.get(file.suffix, "application/octet-stream"),
            "ETag": etag,
            "Last-Modified": formatdate(file.stat().st_mtime, usegmt=True),
        }
        if request.headers.get("If-None-Match") == etag:
            return Reply(304, b"", {"ETag": etag})
        return Reply(200, body, headers)

    def __enter__(self) -> SiteServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextmanager
def serve(
    root: Path | None = None, routes: dict[str, Route] | None = None
) -> Iterator[SiteServer]:
    """Run a :class:`SiteServer` for the duration of a ``with`` block."""
    with SiteServer(root, routes) as server:
        yield server


def page(
    body: str | bytes, status: int = 200, headers: dict[str, str] | None = None
) -> Route:
    """Return a route that always answers the same page."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    sent = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
    return lambda request: Reply(status, data, sent)


def job_page(
    title: str,
    employer: str = "Werkgever B.V.",
    place: str = "Utrecht",
    date: str = "2026-11-30",
    extra: str = "",
) -> str:
    """Return a detail page with one schema.org JobPosting in JSON-LD."""
    return (
        "<html><head><title>" + title + "</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "JobPosting", "title": "' + title + '", "datePosted": "' + date
        + '", "description": "<p>Vacature voor ' + title + extra + '</p>", '
        '"hiringOrganization": {"@type": "Organization", "name": "' + employer
        + '"}, "jobLocation": {"@type": "Place", "address": {"@type": '
        '"PostalAddress", "addressLocality": "' + place + '"}}}</script>'
        "</head><body><h1>" + title + "</h1></body></html>"
    )  # fmt: skip
