"""A local web server that shows the demo vacancies as six job boards.

Run it by hand with ``python -m vacatures.demo.server --port 8765 --date
2026-12-01``; tests and the offline demo use :class:`DemoBoards` as a context
manager, which serves from a background thread on a free port.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import email.utils
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import parse_qs, urlsplit

from vacatures.demo.generator import Night, World
from vacatures.demo.site import Document, Site, build_site, registry_toml

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DEFAULT_NIGHT", "DemoBoards", "main"]

log = logging.getLogger(__name__)

#: The night served when none is given.
DEFAULT_NIGHT = dt.date(2026, 12, 1)
_CACHED_NIGHTS = 8
_REQUEST_LOG_SIZE = 100_000


class DemoBoards:
    """Serve the demo boards of one seed on 127.0.0.1 from a background thread.

    Every night is generated once and served from memory. Switch nights by
    setting :attr:`as_of` between crawls. Absolute URLs, and so posting URLs,
    ids derived from them and ``ETag`` values, carry the port: runs in separate
    processes that should see the same postings need the same fixed port.

    Parameters
    ----------
    seed : int
        Seed of the generated vacancies.
    as_of : datetime.date, optional
        The night to serve first; :data:`DEFAULT_NIGHT` when not given.
    vacancies : int
        The number of vacancies open on a typical night (about 1.5 postings
        each).
    host : str
        Address to listen on.
    port : int
        Port to listen on; 0 picks a free one.

    Examples
    --------
    >>> import urllib.request
    >>> with DemoBoards(seed=7, as_of=dt.date(2026, 12, 1)) as boards:
    ...     with urllib.request.urlopen(boards.base_url + "/robots.txt") as response:
    ...         b"Disallow" in response.read()
    True
    """

    def __init__(
        self,
        seed: int = 7,
        as_of: dt.date | None = None,
        *,
        vacancies: int = 400,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.seed = seed
        self.vacancies = vacancies
        self._host = host
        self._port = port
        self._world = World(seed, vacancies=vacancies)
        self._as_of = as_of or DEFAULT_NIGHT
        self._nights: collections.OrderedDict[dt.date, tuple[Night, Site]] = (
            collections.OrderedDict()
        )
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._requests: collections.deque[tuple[str, str, int]] = collections.deque(
            maxlen=_REQUEST_LOG_SIZE
        )

    # lifecycle ----------------------------------------------------------------

    def bind(self) -> DemoBoards:
        """Bind the port and render the first night, not answering requests yet.

        :attr:`base_url` is known from here on, so files that name it (the
        registry, the truth) can be written before the first request comes.
        """
        if self._server is not None:
            return self
        server = ThreadingHTTPServer((self._host, self._port), _Handler)
        server.daemon_threads = True
        server.boards = self  # type: ignore[attr-defined]
        self._server = server
        self._port = server.server_address[1]
        self._switch(self._as_of)
        return self

    def start(self) -> DemoBoards:
        """Bind if needed, then answer requests from a background thread."""
        self.bind()
        if self._thread is not None:
            return self
        server = cast(ThreadingHTTPServer, self._server)
        log.info("demo boards: serving seed %d at %s", self.seed, self.base_url)
        self._thread = threading.Thread(
            target=server.serve_forever, name="demo-boards", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._server is None:
            return
        if self._thread is not None:
            self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def serve_forever(self) -> None:
        """Serve in the foreground until interrupted (Ctrl-C)."""
        self.start()
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            log.info("demo boards: stopping")
        finally:
            self.stop()

    def __enter__(self) -> DemoBoards:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # what is served -----------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://host:port`` of the running server, without a trailing slash."""
        if self._server is None:
            raise RuntimeError("the demo boards are not started")
        return f"http://{self._host}:{self._port}"

    @property
    def as_of(self) -> dt.date:
        """The night being served; set it to serve another night."""
        return self._as_of

    @as_of.setter
    def as_of(self, night: dt.date) -> None:
        self._as_of = night
        if self._server is not None:
            self._switch(night)

    @property
    def night(self) -> Night:
        """The generated night being served."""
        return self._current()[0]

    @property
    def site(self) -> Site:
        """The rendered routes of the night being served."""
        return self._current()[1]

    def truth(self) -> pd.DataFrame:
        """Return every posting served tonight with the vacancy it belongs to.

        Returns
        -------
        pandas.DataFrame
            Columns ``board``, ``url``, ``external_id``, ``vacancy_key``,
            ``is_malformed``, ``defect``, ``hard_negative``, ``language`` and
            ``date_posted``; see :meth:`Night.truth`. Internal vacancies that
            robots.txt disallows are not in it (see :meth:`disallowed_urls`).
        """
        return self.night.truth(self.base_url)

    def write_truth(self, path: str | Path) -> Path:
        """Write :meth:`truth` as CSV and return the path."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        self.truth().to_csv(target, index=False)
        return target

    def vacancy_table(self) -> pd.DataFrame:
        """Return the vacancies open tonight; see :meth:`Night.vacancy_table`."""
        return self.night.vacancy_table()

    def disallowed_urls(self) -> list[str]:
        """Return the internal vacancy pages that robots.txt disallows.

        They are linked from the listing pages and carry a JobPosting, so a
        crawler that ignores robots.txt emits them and a polite one does not.
        """
        return sorted(self.base_url + p.path for p in self.night.internal)

    def registry_toml(self) -> str:
        """Return the board registry (TOML) of the running boards."""
        return registry_toml(self.base_url)

    def write_registry(self, path: str | Path) -> Path:
        """Write :meth:`registry_toml` to ``path`` and return the path."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.registry_toml(), encoding="utf-8")
        return target

    @property
    def request_log(self) -> list[tuple[str, str, int]]:
        """Requests answered so far: ``(method, path with query, status)``."""
        return list(self._requests)

    def clear_request_log(self) -> None:
        """Forget the requests answered so far."""
        self._requests.clear()

    # internals ----------------------------------------------------------------

    def _current(self) -> tuple[Night, Site]:
        if self._server is None:
            raise RuntimeError("the demo boards are not started")
        with self._lock:
            return self._nights[self._as_of]

    def _switch(self, night: dt.date) -> None:
        with self._lock:
            if night in self._nights:
                self._nights.move_to_end(night)
                return
        start = time.perf_counter()
        generated = self._world.night(night)
        site = build_site(generated, self.base_url)
        with self._lock:
            self._nights[night] = (generated, site)
            while len(self._nights) > _CACHED_NIGHTS:
                self._nights.popitem(last=False)
        log.info(
            "demo boards: night %s, %d vacancies -> %d postings on %d routes in %.2f s",
            night,
            len(generated.vacancies),
            len(generated.postings),
            len(site.routes),
            time.perf_counter() - start,
        )

    def _record(self, method: str, path: str, status: int) -> None:
        self._requests.append((method, path, status))


def _not_modified(headers: Any, document: Document) -> bool:
    """Whether a conditional request's validators still match ``document``."""
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        if if_none_match.strip() == "*":
            return True
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return document.etag in tags
    if_modified_since = headers.get("If-Modified-Since")
    if if_modified_since is None:
        return False
    try:
        since = email.utils.parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)
    return document.last_modified <= since


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "VacaturesDemo/1.0"
    timeout = 30

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, *, send_body: bool) -> None:
        boards: DemoBoards = self.server.boards  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        document = boards.site.resolve(parts.path, query)
        # The request is logged before the answer goes out, so a client that
        # has its answer finds its request in the log.
        if document is None:
            body = b"Niet gevonden\n"
            boards._record(self.command, self.path, 404)
            self.send_response(404)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)
            return
        if _not_modified(self.headers, document):
            boards._record(self.command, self.path, 304)
            self.send_response(304)
            self.send_header("ETag", document.etag)
            self.send_header("Last-Modified", document.last_modified_http)
            self.end_headers()
            return
        boards._record(self.command, self.path, 200)
        self.send_response(200)
        self.send_header("Content-Type", document.content_type)
        self.send_header("Content-Length", str(len(document.body)))
        self.send_header("ETag", document.etag)
        self.send_header("Last-Modified", document.last_modified_http)
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if send_body:
            self.wfile.write(document.body)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)


def main(argv: list[str] | None = None) -> None:
    """Serve the demo boards in the foreground until interrupted.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments; ``sys.argv[1:]`` when not given.
    """
    from vacatures.logs import configure

    parser = argparse.ArgumentParser(
        prog="python -m vacatures.demo.server",
        description="Serve demo Dutch job boards on this machine.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--date",
        type=dt.date.fromisoformat,
        default=DEFAULT_NIGHT,
        help="the night to serve, YYYY-MM-DD",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--vacancies", type=int, default=400)
    parser.add_argument("--registry", type=Path, help="write the board registry here")
    parser.add_argument("--truth", type=Path, help="write the ground truth CSV here")
    args = parser.parse_args(argv)
    configure()
    boards = DemoBoards(
        args.seed, args.date, vacancies=args.vacancies, host=args.host, port=args.port
    )
    try:
        boards.bind()
        if args.registry:
            written = boards.write_registry(args.registry)
            log.info("demo boards: registry written to %s", written)
        if args.truth:
            log.info("demo boards: truth written to %s", boards.write_truth(args.truth))
        boards.start()
        log.info("demo boards: open %s/ in a browser; Ctrl-C stops", boards.base_url)
        boards.serve_forever()
    except KeyboardInterrupt:
        log.info("demo boards: stopping")
    finally:
        boards.stop()


if __name__ == "__main__":
    main()
