"""A real HTTP origin on 127.0.0.1 for tests and benchmarks: pages, and every hostile behaviour.

Use it as `async with WebOrigin() as origin:` inside the running event loop, add pages with
`origin.add_page("/a.html", html)` or `origin.add_directory(path)`, and point the fetcher at
`origin.url("/a.html")`. It counts requests per path (`origin.hits`) so tests can assert that a
page was fetched once. `python -m testkit.web_origin DIR` serves a directory by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Self

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

MIB = 1024 * 1024


class Hostile:
    """Paths of the built-in hostile behaviours (and a few plain ones they lead to)."""

    PAGE = "/page"
    SLOW_PAGE = "/slow-page"  # a plain page answered after `slow_page_delay_s`
    CHAIN = "/redirect/chain/{n}"  # relative redirects, n hops, then PAGE
    ABSOLUTE_CHAIN = "/redirect/absolute/{n}"  # absolute redirects, n hops, then PAGE
    TO_METADATA = "/redirect/metadata"  # -> http://169.254.169.254/latest/meta-data/
    TO_PRIVATE = "/redirect/private"  # -> http://10.0.0.1/
    TO_IPV6_LOOPBACK = "/redirect/ipv6-loopback"  # -> http://[::1]/
    TO_HEX_LOOPBACK = "/redirect/hex-loopback"  # -> http://0x7f000001/
    LOOP = "/redirect/loop-a"  # -> loop-b -> loop-a ...
    GZIP_BOMB = "/hostile/gzip-bomb"  # ~10 MB of gzip inflating to 10 GiB, streamed lazily
    NO_LENGTH = "/hostile/no-length"  # 50 MB chunked, no Content-Length
    HUGE_LENGTH = "/hostile/huge-length"  # Content-Length: 100 GiB
    DRIP = "/hostile/drip"  # one byte per `drip_interval_s`, for ever
    HANG = "/hostile/hang"  # accepts the request and never answers (no status line)
    PNG = "/hostile/image.png"
    PDF = "/hostile/document.pdf"
    NOT_FOUND = "/status/404"
    SERVER_ERROR = "/status/500"
    WINDOWS_1251 = "/charset/windows-1251"  # declared only in <meta>, no charset in the header

    @staticmethod
    def chain(hops: int, absolute: bool = False) -> str:
        """The path of a redirect chain of `hops` redirects ending on PAGE."""
        return (Hostile.ABSOLUTE_CHAIN if absolute else Hostile.CHAIN).format(n=hops)


PLAIN_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>A plain page</title></head>"
    "<body><article><h1>A plain page</h1><p>Served by the local test origin.</p></article>"
    "</body></html>"
)

WINDOWS_1251_PAGE = (
    '<!doctype html><html><head><meta charset="windows-1251"><title>Новости</title></head>'
    "<body><article><h1>Новости</h1><p>Съешь же ещё этих мягких французских булок, "
    "да выпей чаю.</p></article></body></html>"
)


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the origin saw it."""

    path: str
    host_header: str
    headers: dict[str, str]


@dataclass
class _Route:
    handler: Handler


@dataclass
class Concurrency:
    """How many requests the origin was serving at once, overall and per Host header."""

    current: int = 0
    peak: int = 0
    current_by_host: collections.Counter[str] = field(default_factory=collections.Counter)
    peak_by_host: collections.Counter[str] = field(default_factory=collections.Counter)


class WebOrigin:
    """An aiohttp server on 127.0.0.1 (ephemeral port) serving a path -> response map."""

    def __init__(
        self,
        *,
        port: int = 0,
        drip_interval_s: float = 1.0,
        slow_page_delay_s: float = 0.2,
        bomb_inflated_bytes: int = 10 * 1024 * MIB,
        no_length_bytes: int = 50 * 1000 * 1000,
    ) -> None:
        self.host = "127.0.0.1"  # never anything else: tests reach no other address
        self.port = port
        self.drip_interval_s = drip_interval_s
        self.slow_page_delay_s = slow_page_delay_s
        self.bomb_inflated_bytes = bomb_inflated_bytes
        self.no_length_bytes = no_length_bytes
        self.hits: collections.Counter[str] = collections.Counter()
        self.requests: list[RecordedRequest] = []
        self.concurrency = Concurrency()
        self.bytes_sent: collections.Counter[str] = collections.Counter()
        self._routes: dict[str, _Route] = {}
        self._runner: web.AppRunner | None = None
        self._add_hostile_routes()

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind 127.0.0.1 and start serving; `port` is the bound port afterwards."""
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        # handler_cancellation: a client hanging up stops a drip or a bomb on the server side.
        self._runner = web.AppRunner(
            app,
            handle_signals=False,
            access_log=None,
            handler_cancellation=True,
            shutdown_timeout=0.5,
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def close(self) -> None:
        """Stop serving and release the port."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:PORT` (no trailing slash)."""
        return f"http://{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        """The absolute URL of `path` on this origin."""
        return self.base_url + (path if path.startswith("/") else "/" + path)

    # -- content ---------------------------------------------------------------------------

    def add_page(
        self,
        path: str,
        body: str | bytes,
        content_type: str | None = None,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        """Serve `body` at `path`; returns the page's URL.

        A str body is sent as UTF-8 and says so; a bytes body is sent as `text/html` with no
        charset, as many servers do, so the page's own <meta> decides (the corpus has
        Shift_JIS and Windows-1251 pages).
        """
        if content_type is None:
            content_type = "text/html; charset=utf-8" if isinstance(body, str) else "text/html"
        payload = body.encode("utf-8") if isinstance(body, str) else body
        extra = dict(headers or {})

        async def serve(request: web.Request) -> web.StreamResponse:
            response_headers = {"Content-Type": content_type, **extra}
            return web.Response(body=payload, status=status, headers=response_headers)

        self.add_handler(path, serve)
        return self.url(path)

    def add_directory(
        self, directory: str | Path, prefix: str = "/", pattern: str = "*.html"
    ) -> list[str]:
        """Serve every file matching `pattern` under `directory` at `prefix` + its relative path."""
        root = Path(directory)
        urls: list[str] = []
        for file in sorted(root.rglob(pattern)):
            relative = file.relative_to(root).as_posix()
            urls.append(self.add_page(prefix.rstrip("/") + "/" + relative, file.read_bytes()))
        return urls

    def add_redirect(self, path: str, location: str, status: int = 302) -> str:
        """Answer `path` with a redirect to `location` (relative or absolute, sent verbatim)."""

        async def redirect(request: web.Request) -> web.StreamResponse:
            return web.Response(status=status, headers={"Location": location})

        self.add_handler(path, redirect)
        return self.url(path)

    def add_handler(self, path: str, handler: Handler) -> None:
        """Serve `path` with any aiohttp handler (for behaviours not built in)."""
        self._routes[path] = _Route(handler)

    def requests_for(self, path: str) -> list[RecordedRequest]:
        """The requests the origin received for `path`, in arrival order."""
        return [request for request in self.requests if request.path == path]

    # -- serving ---------------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        path = request.rel_url.path
        self.hits[path] += 1
        host = request.headers.get("Host", "")
        self.requests.append(RecordedRequest(path, host, dict(request.headers)))
        route = self._routes.get(path) or self._pattern_route(path)
        if route is None:
            return web.Response(status=404, text="no such page on the test origin")
        gauge = self.concurrency
        gauge.current += 1
        gauge.current_by_host[host] += 1
        gauge.peak = max(gauge.peak, gauge.current)
        gauge.peak_by_host[host] = max(gauge.peak_by_host[host], gauge.current_by_host[host])
        try:
            return await route.handler(request)
        finally:
            gauge.current -= 1
            gauge.current_by_host[host] -= 1

    def _pattern_route(self, path: str) -> _Route | None:
        for template, absolute in ((Hostile.CHAIN, False), (Hostile.ABSOLUTE_CHAIN, True)):
            stem = template.split("{", 1)[0]
            if path.startswith(stem) and path[len(stem) :].isdigit():
                return _Route(self._chain_handler(int(path[len(stem) :]), absolute))
        return None

    def _chain_handler(self, hops_left: int, absolute: bool) -> Handler:
        async def chain(request: web.Request) -> web.StreamResponse:
            if hops_left == 0:
                return web.Response(body=PLAIN_PAGE.encode(), content_type="text/html")
            next_path = Hostile.chain(hops_left - 1, absolute)
            # The relative form is just the last segment, resolved against the current path.
            location = self.url(next_path) if absolute else next_path.rsplit("/", 1)[1]
            return web.Response(status=302, headers={"Location": location})

        return chain

    def _add_hostile_routes(self) -> None:
        self.add_page(Hostile.PAGE, PLAIN_PAGE)
        self.add_handler(Hostile.SLOW_PAGE, self._slow_page)
        self.add_redirect(Hostile.TO_METADATA, "http://169.254.169.254/latest/meta-data/")
        self.add_redirect(Hostile.TO_PRIVATE, "http://10.0.0.1/")
        self.add_redirect(Hostile.TO_IPV6_LOOPBACK, "http://[::1]/")
        self.add_redirect(Hostile.TO_HEX_LOOPBACK, "http://0x7f000001/")
        self.add_redirect(Hostile.LOOP, "/redirect/loop-b")
        self.add_redirect("/redirect/loop-b", Hostile.LOOP)
        self.add_handler(Hostile.GZIP_BOMB, self._gzip_bomb)
        self.add_handler(Hostile.NO_LENGTH, self._no_length)
        self.add_handler(Hostile.HUGE_LENGTH, self._huge_length)
        self.add_handler(Hostile.DRIP, self._drip)
        self.add_handler(Hostile.HANG, self._hang)
        self.add_page(Hostile.PNG, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        self.add_page(Hostile.PDF, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf")
        self.add_page(Hostile.NOT_FOUND, "<h1>Not found</h1>", "text/html", status=404)
        self.add_page(Hostile.SERVER_ERROR, "<h1>Oops</h1>", "text/html", status=500)
        self.add_page(Hostile.WINDOWS_1251, WINDOWS_1251_PAGE.encode("cp1251"), "text/html")

    async def _slow_page(self, request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(self.slow_page_delay_s)
        return web.Response(body=PLAIN_PAGE.encode(), content_type="text/html")

    async def _gzip_bomb(self, request: web.Request) -> web.StreamResponse:
        """Gzip of zeros, produced lazily: every full-flushed MiB of zeros compresses alike."""
        compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        zeros = bytes(MIB)
        first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
        repeated = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
        response = web.StreamResponse(
            headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
        )
        await response.prepare(request)
        with contextlib.suppress(ConnectionError):
            await self._send(request, response, first)
            for _ in range(self.bomb_inflated_bytes // MIB - 1):
                await self._send(request, response, repeated)
            await response.write_eof()
        return response

    async def _no_length(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
        with contextlib.suppress(ConnectionError):
            for _ in range(self.no_length_bytes // len(chunk)):
                await self._send(request, response, chunk)
            await response.write_eof()
        return response

    async def _huge_length(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        response.content_length = 100 * 1024 * 1024 * 1024
        await response.prepare(request)
        with contextlib.suppress(ConnectionError):
            await self._send(request, response, b"<html>" + b" " * 1024)
            await asyncio.sleep(30)  # never finishes: a client must decide on the header
        return response

    async def _drip(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        with contextlib.suppress(ConnectionError):
            for _ in range(3600):
                await self._send(request, response, b"<")
                await asyncio.sleep(self.drip_interval_s)
        return response

    async def _hang(self, request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(3600)  # cancelled when the client hangs up (handler_cancellation)
        return web.Response(status=204)

    async def _send(self, request: web.Request, response: web.StreamResponse, data: bytes) -> None:
        await response.write(data)
        self.bytes_sent[request.rel_url.path] += len(data)


async def _serve_forever(directory: Path, port: int) -> None:
    async with WebOrigin(port=port) as origin:
        urls = origin.add_directory(directory)
        print(f"serving {len(urls)} pages from {directory} at {origin.base_url}", flush=True)
        await asyncio.Event().wait()


def main() -> None:
    """Serve a directory of HTML files (and the hostile routes) on 127.0.0.1 until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve_forever(args.directory, args.port))


if __name__ == "__main__":
    main()
