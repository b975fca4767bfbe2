"""The one guarded way Skim gets a page from the web: SSRF-safe, bounded in size and time."""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import TracebackType
from typing import Annotated, Any, Self

import httpx
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_settings import NoDecode

from summarizer.errors import (
    BlockedAddress,
    FetchError,
    FetchTimeout,
    HttpStatusError,
    InvalidUrl,
    NotHtml,
    TooLarge,
    TooManyRedirects,
)
from summarizer.extract.plaintext import (
    TEXT_TYPES,
    is_markdown,
    looks_binary,
    text_document_html,
)
from summarizer.net.body import SUPPORTED_ENCODINGS, BoundedBody
from summarizer.net.charset import decode_html, decode_text
from summarizer.net.policy import IPAddress, IPNetwork, check_addresses, parse_ip_literal
from summarizer.net.resolve import Resolver, SystemResolver
from summarizer.net.singleflight import SingleFlight
from summarizer.net.urls import DEFAULT_PORTS, canonical_url, parse_http_url

__all__ = [
    "BlockedAddress",
    "FetchError",
    "FetchSettings",
    "FetchTimeout",
    "FetchedPage",
    "Fetcher",
    "HttpStatusError",
    "InvalidUrl",
    "NotHtml",
    "TooLarge",
    "TooManyRedirects",
]

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class FetchSettings(BaseModel):
    """Every limit of the fetcher, named and validated. A plain value: the applications read
    it from `SKIM_FETCH_*` variables (`summarizer.settings`), the library reads no environment.
    """

    model_config = ConfigDict(frozen=True)

    connect_timeout_s: float = Field(default=5.0, gt=0)
    read_timeout_s: float = Field(default=10.0, gt=0)
    deadline_s: float = Field(default=15.0, gt=0)  # the whole fetch, redirects included
    resolve_timeout_s: float = Field(default=5.0, gt=0)
    max_body_bytes: int = Field(default=5 * 1024 * 1024, gt=0)  # after decompression
    max_redirects: int = Field(default=5, ge=0)
    allow_ports: Annotated[tuple[int, ...], NoDecode] = (80, 443)
    # CIDRs exempt from the private-address block: the test suite and intranet deployments only.
    allow_networks: Annotated[tuple[IPNetwork, ...], NoDecode] = ()
    per_host_limit: int = Field(default=4, gt=0)
    global_limit: int = Field(default=16, gt=0)
    user_agent: str = "Skim article digest bot (self-hosted; Discord)"
    accept: str = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"

    @field_validator("allow_ports", mode="before")
    @classmethod
    def _split_ports(cls, value: Any) -> Any:
        """Accept `80,443,8080` from the environment as well as a sequence."""
        if isinstance(value, str):
            return tuple(int(part) for part in value.split(",") if part.strip())
        return value

    @field_validator("allow_networks", mode="before")
    @classmethod
    def _split_networks(cls, value: Any) -> Any:
        """Accept `127.0.0.0/8, fd00::/8` (host bits allowed) as well as a sequence."""
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        return tuple(
            ipaddress.ip_network(item, strict=False) if isinstance(item, str) else item
            for item in value
        )


@dataclasses.dataclass(frozen=True)
class FetchedPage:
    """A fetched page: where it was asked for, where it ended up, and its decoded text as HTML.

    A plain-text document (`content_type` in `TEXT_TYPES`: an RFC's .txt, a README) comes as
    the HTML the digest reads: its text escaped into `<pre>`s (`text_document_html`), so every
    reader of `html` gets markup it may parse, never the document's own text taken as markup.
    Its decoded `text` comes too, and `markdown` says whether it is Markdown (`is_markdown`):
    rendering Markdown is parsing, left to a caller that may parse (the bot's worker pool), as
    `text_document_html(text, markdown=True)`; `html` is always the plain reading.
    """

    url: str
    final_url: str
    status: int
    content_type: str
    encoding: str
    html: str
    elapsed_s: float
    text: str | None = None  # a text document's own text, decoded; None for an HTML page
    markdown: bool = False  # the text document is Markdown


@dataclasses.dataclass(frozen=True)
class _Target:
    """One hop, checked: the URL as asked and the addresses that were vetted for it."""

    url: httpx.URL
    host: str  # IDNA, lower-case, no brackets
    port: int
    addresses: tuple[IPAddress, ...]  # every one checked; tried in order


@dataclasses.dataclass
class _HostSlot:
    semaphore: asyncio.Semaphore
    users: int = 0


class Fetcher:
    """Fetches pages under the SSRF policy and the limits in `FetchSettings`; one httpx client.

    Use as `async with Fetcher(settings) as fetcher: page = await fetcher.fetch(url)`.
    """

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        resolver: Resolver | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings if settings is not None else FetchSettings()
        self._resolver: Resolver = resolver or SystemResolver(self.settings.resolve_timeout_s)
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._flights: SingleFlight[FetchedPage] = SingleFlight("fetch")
        self._global_slots = asyncio.Semaphore(self.settings.global_limit)
        self._host_slots: dict[str, _HostSlot] = {}

    async def __aenter__(self) -> Self:
        settings = self.settings
        # No keep-alive: pooled connections are keyed by IP, and one opened with another
        # host's SNI must never carry this host's request.
        transport = self._transport or httpx.AsyncHTTPTransport(
            limits=httpx.Limits(max_connections=settings.global_limit, max_keepalive_connections=0),
            trust_env=False,
        )
        self._client = httpx.AsyncClient(
            transport=transport,
            follow_redirects=False,
            trust_env=False,  # a proxy would resolve names itself, behind the address check
            timeout=httpx.Timeout(
                connect=settings.connect_timeout_s,
                read=settings.read_timeout_s,
                write=settings.read_timeout_s,
                pool=settings.deadline_s,
            ),
            headers={
                "User-Agent": settings.user_agent,
                "Accept": settings.accept,
                "Accept-Encoding": SUPPORTED_ENCODINGS,
            },
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self._flights.close()
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def fetch(self, url: str) -> FetchedPage:
        """Fetch `url`; concurrent calls for the same canonical URL share a single request."""
        page = await self._flights.run(canonical_url(url), lambda: self._fetch_limited(url))
        return page if page.url == url else dataclasses.replace(page, url=url)

    async def _fetch_limited(self, url: str) -> FetchedPage:
        """One fetch under the global concurrency limit and the overall deadline."""
        async with self._global_slots:
            started = time.monotonic()
            try:
                async with asyncio.timeout(self.settings.deadline_s):
                    page = await self._follow(url, started)
            except TimeoutError:
                raise FetchTimeout(
                    f"the page took longer than {self.settings.deadline_s:g} s to load"
                ) from None
        log.debug("fetched %s -> %s in %.2f s", url, page.final_url, page.elapsed_s)
        return page

    async def _follow(self, url: str, started: float) -> FetchedPage:
        """Fetch `url`, following at most `max_redirects` redirects, checking every hop."""
        current = url
        visited: set[str] = set()
        for _hop in range(self.settings.max_redirects + 1):
            target = await self._check(current)
            hop_key = str(target.url.copy_with(fragment=None))
            if hop_key in visited:
                raise TooManyRedirects("the link redirects in a loop")
            visited.add(hop_key)
            async with self._host_slot(target.host):
                response = await self._send(target)
                try:
                    location = _redirect_location(target, response)
                    if location is not None:
                        current = location
                        continue
                    return await self._read_page(url, target, response, started)
                finally:
                    await response.aclose()
        raise TooManyRedirects(f"the link redirects more than {self.settings.max_redirects} times")

    async def _check(self, url: str) -> _Target:
        """Validate a hop's URL and vet its address; raise before any connection is made."""
        parsed = parse_http_url(url)
        host = parsed.raw_host.decode("ascii").lower()
        port = parsed.port or DEFAULT_PORTS[parsed.scheme]
        literal = parse_ip_literal(host)
        if literal is None:
            self._check_port(host, port)
            addresses = await self._resolver(host, port)
        else:
            addresses = [literal]
        if not addresses:
            raise FetchError(f"could not find the server {host}")
        refused = check_addresses(addresses, self.settings.allow_networks)
        if refused is not None:
            if literal is None:
                subject = f"{host} resolves to {refused.address}, which"
            elif str(literal) == host.strip("[]"):
                subject = host
            else:
                subject = f"{host} ({literal})"
            raise BlockedAddress(f"blocked address: {subject} is {refused.reason}")
        self._check_port(host, port)
        return _Target(url=parsed, host=host, port=port, addresses=tuple(addresses))

    def _check_port(self, host: str, port: int) -> None:
        """Refuse ports outside `allow_ports` (an open port is no licence to talk to it)."""
        if port not in self.settings.allow_ports:
            allowed = ", ".join(str(p) for p in self.settings.allow_ports)
            raise BlockedAddress(f"blocked port: {host}:{port} (allowed ports: {allowed})")

    async def _send(self, target: _Target) -> httpx.Response:
        """Send the request to a vetted IP itself, so no second DNS answer can be used.

        The next vetted address is tried only when one refuses the connection outright (an
        IPv6 answer on an IPv4-only host); the overall deadline bounds the whole attempt.
        """
        if self._client is None:
            raise RuntimeError("use the Fetcher as `async with Fetcher(...) as fetcher`")
        host_header = target.url.netloc.decode("ascii")
        extensions = {"sni_hostname": target.host} if target.url.scheme == "https" else {}
        for attempt, address in enumerate(target.addresses, start=1):
            url = target.url.copy_with(host=str(address), fragment=None)
            request = self._client.build_request(
                "GET", url, headers={"Host": host_header}, extensions=extensions
            )
            try:
                return await self._client.send(request, stream=True)
            except httpx.TimeoutException:
                raise FetchTimeout(f"{target.host} did not answer in time") from None
            except httpx.ConnectError as exc:
                log.debug("connecting to %s (%s) failed: %r", target.host, address, exc)
                if attempt == len(target.addresses):
                    raise FetchError(f"could not connect to {target.host}") from None
            except httpx.HTTPError as exc:
                log.debug("request to %s (%s) failed: %r", target.host, address, exc)
                raise FetchError(f"could not connect to {target.host}") from None
        raise AssertionError("unreachable: _check never returns a target without addresses")

    async def _read_page(
        self, url: str, target: _Target, response: httpx.Response, started: float
    ) -> FetchedPage:
        """Judge the response head, then stream the body under the decoded-size cap."""
        status = response.status_code
        if not 200 <= status < 300:
            reason = response.reason_phrase or "error"
            raise HttpStatusError(f"the server answered {status} {reason}", status)
        content_type = response.headers.get("content-type", "")
        mime = content_type.split(";", 1)[0].strip().lower()
        if mime and mime not in HTML_TYPES and mime not in TEXT_TYPES:
            raise NotHtml(f"the link is not a web page ({mime})")
        cap = self.settings.max_body_bytes
        declared = _content_length(response)
        if declared is not None and declared > cap:
            raise TooLarge(f"the page is larger than {cap / (1024 * 1024):g} MiB")
        body = BoundedBody(response.headers.get("content-encoding", ""), cap)
        try:
            async for chunk in response.aiter_raw():
                body.feed(chunk)
        except httpx.TimeoutException:
            raise FetchTimeout(f"{target.host} stopped sending the page") from None
        except httpx.HTTPError as exc:
            log.debug("reading %s failed: %r", target.url, exc)
            raise FetchError(f"the connection to {target.host} broke off") from None
        data = body.finish()
        text: str | None = None
        markdown = False
        if mime in TEXT_TYPES:
            if looks_binary(data, response.charset_encoding):
                raise NotHtml(
                    f"the link is a binary file labelled as text ({mime}), not a document"
                )
            text, encoding = decode_text(data, response.charset_encoding)
            # The plain reading only, Markdown too: rendering it is parsing, which stays off the
            # bot's event loop, where the fetcher runs (the page says it is Markdown instead).
            html = text_document_html(text)
            markdown = is_markdown(mime, target.url.path)
        else:
            html, encoding = decode_html(data, response.charset_encoding)
        return FetchedPage(
            url=url,
            final_url=str(target.url.copy_with(fragment=None)),
            status=status,
            content_type=mime or "text/html",
            encoding=encoding,
            html=html,
            elapsed_s=time.monotonic() - started,
            text=text,
            markdown=markdown,
        )

    @asynccontextmanager
    async def _host_slot(self, host: str) -> AsyncIterator[None]:
        """Hold one of the per-host request slots; idle hosts are forgotten."""
        slot = self._host_slots.get(host)
        if slot is None:
            slot = self._host_slots[host] = _HostSlot(
                asyncio.Semaphore(self.settings.per_host_limit)
            )
        slot.users += 1
        try:
            async with slot.semaphore:
                yield
        finally:
            slot.users -= 1
            if slot.users == 0:
                del self._host_slots[host]


def _redirect_location(target: _Target, response: httpx.Response) -> str | None:
    """Return the absolute URL a redirect points to, or None if this is not a redirect."""
    if response.status_code not in REDIRECT_STATUSES:
        return None
    location = response.headers.get("location", "").strip()
    if not location:
        raise HttpStatusError(
            f"the server redirected ({response.status_code}) without saying where",
            response.status_code,
        )
    try:
        # Joined against the URL as asked (host name), not the IP the request went to.
        return str(target.url.join(location))
    except (httpx.InvalidURL, ValueError):
        raise InvalidUrl("the server redirected to a malformed link") from None


def _content_length(response: httpx.Response) -> int | None:
    """The declared body length, or None when absent or unreadable."""
    value = response.headers.get("content-length")
    if value is None:
        return None
    try:
        return int(value.split(",")[0].strip())
    except ValueError:
        return None
