"""The guarded fetcher against a real origin on 127.0.0.1: policy, limits, redirects, charset."""

from __future__ import annotations

import asyncio
import gzip
import ipaddress
import socket
import time
import tracemalloc
import zlib
from collections.abc import Callable
from typing import Any

import httpx
import lxml.html
import pytest
from aiohttp import web
from hypothesis import given
from hypothesis import strategies as st

from summarizer.net.body import BoundedBody
from summarizer.net.fetcher import (
    BlockedAddress,
    Fetcher,
    FetchError,
    FetchSettings,
    FetchTimeout,
    HttpStatusError,
    InvalidUrl,
    NotHtml,
    TooLarge,
    TooManyRedirects,
)
from summarizer.net.policy import IPAddress
from summarizer.net.resolve import SystemResolver
from summarizer.settings import read_fetch_settings
from testkit.web_origin import Hostile, WebOrigin
from tests.helpers import FIXTURES

LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"),)

MIB = 1024 * 1024


class RecordingTransport(httpx.AsyncBaseTransport):
    """Wraps the real transport and records every request it is asked to send (IP, extensions)."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport(
            trust_env=False, limits=httpx.Limits(max_keepalive_connections=0)
        )
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()

    @property
    def hosts(self) -> list[str]:
        return [request.url.host for request in self.requests]


class ScriptedResolver:
    """Answers each lookup with the next scripted list of addresses, and counts lookups."""

    def __init__(self, *answers: list[str]) -> None:
        self.answers = [[ipaddress.ip_address(a) for a in answer] for answer in answers]
        self.calls: list[str] = []

    async def __call__(self, host: str, port: int) -> list[IPAddress]:
        self.calls.append(host)
        return self.answers[min(len(self.calls), len(self.answers)) - 1]


def loopback_settings(origin: WebOrigin, **overrides: Any) -> FetchSettings:
    """Default limits, with only 127.0.0.0/8 and the origin's port exempted."""
    values: dict[str, Any] = {
        "allow_networks": "127.0.0.0/8",
        "allow_ports": f"80,443,{origin.port}",
    }
    return FetchSettings(**(values | overrides))


async def fetch_with(
    settings: FetchSettings, url: str, **fetcher_options: Any
) -> tuple[Any, RecordingTransport]:
    transport = RecordingTransport()
    async with Fetcher(settings, transport=transport, **fetcher_options) as fetcher:
        page = await fetcher.fetch(url)
    return page, transport


async def refusal(
    settings: FetchSettings, url: str, **fetcher_options: Any
) -> tuple[FetchError, RecordingTransport, float]:
    """Fetch a URL that must fail; return the error, the transport and the seconds it took."""
    transport = RecordingTransport()
    started = time.monotonic()
    async with Fetcher(settings, transport=transport, **fetcher_options) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(url)
    return caught.value, transport, time.monotonic() - started


# -- plain pages, redirects ----------------------------------------------------------------


async def test_plain_page_is_fetched_and_decoded(web_origin: WebOrigin) -> None:
    """A plain page comes back with its status, type, encoding, final URL and text."""
    page, transport = await fetch_with(loopback_settings(web_origin), web_origin.url(Hostile.PAGE))
    assert page.status == 200
    assert page.content_type == "text/html"
    assert page.encoding == "utf-8"
    assert "Served by the local test origin." in page.html
    assert page.url == page.final_url == web_origin.url(Hostile.PAGE)
    assert 0 <= page.elapsed_s < 5
    assert transport.hosts == ["127.0.0.1"]
    request = web_origin.requests_for(Hostile.PAGE)[0]
    assert request.headers["Accept"].startswith("text/html")
    assert "Skim" in request.headers["User-Agent"]
    assert not any(
        ch.isdigit() for ch in request.headers["User-Agent"]
    )  # no version to fingerprint


@pytest.mark.parametrize("absolute", [False, True])
async def test_redirect_chain_of_five_is_followed(web_origin: WebOrigin, absolute: bool) -> None:
    """Five redirects (relative or absolute Location) are followed to the final page."""
    start = web_origin.url(Hostile.chain(5, absolute))
    page, transport = await fetch_with(loopback_settings(web_origin), start)
    assert page.url == start
    assert page.final_url == web_origin.url(Hostile.chain(0, absolute))
    assert "A plain page" in page.html
    assert len(transport.requests) == 6


async def test_sixth_redirect_is_refused(web_origin: WebOrigin) -> None:
    """A chain one hop longer than max_redirects ends in TooManyRedirects, not a seventh request."""
    error, transport, _ = await refusal(
        loopback_settings(web_origin), web_origin.url(Hostile.chain(6))
    )
    assert isinstance(error, TooManyRedirects)
    assert len(transport.requests) == 6


async def test_redirect_loop_is_detected(web_origin: WebOrigin) -> None:
    """A two-page loop is named a loop as soon as a URL repeats."""
    error, transport, _ = await refusal(loopback_settings(web_origin), web_origin.url(Hostile.LOOP))
    assert isinstance(error, TooManyRedirects)
    assert "loop" in str(error)
    assert len(transport.requests) == 2


@pytest.mark.parametrize(
    ("path", "named"),
    [
        (Hostile.TO_METADATA, "169.254.169.254"),
        (Hostile.TO_PRIVATE, "10.0.0.1"),
        (Hostile.TO_IPV6_LOOPBACK, "::1"),
    ],
)
async def test_redirect_to_private_address_is_refused_before_connecting(
    web_origin: WebOrigin, path: str, named: str
) -> None:
    """A redirect into the private network is refused; only the origin itself was contacted."""
    error, transport, _ = await refusal(loopback_settings(web_origin), web_origin.url(path))
    assert isinstance(error, BlockedAddress)
    assert named in str(error)
    assert transport.hosts == ["127.0.0.1"]


async def test_redirect_to_hex_loopback_spelling_is_checked(web_origin: WebOrigin) -> None:
    """`http://0x7f000001/` is read as 127.0.0.1:80 and refused (port 80 is not allowed here)."""
    settings = loopback_settings(web_origin, allow_ports=str(web_origin.port))
    error, transport, _ = await refusal(settings, web_origin.url(Hostile.TO_HEX_LOOPBACK))
    assert isinstance(error, BlockedAddress)
    assert transport.hosts == ["127.0.0.1"]


# (Dotted octal such as 0177.0.0.1 never gets this far: httpx's parser rejects it as InvalidUrl.)
@pytest.mark.parametrize("spelling", ["0x7f000001", "2130706433", "127.1", "0x7f.1"])
async def test_ip_literal_spellings_are_blocked_without_allow_list(
    web_origin: WebOrigin, spelling: str
) -> None:
    """Every spelling of 127.0.0.1 is refused by the default policy before any connection."""
    settings = FetchSettings(allow_ports=(80, 443, web_origin.port))
    error, transport, _ = await refusal(settings, f"http://{spelling}:{web_origin.port}/page")
    assert isinstance(error, BlockedAddress)
    assert "127.0.0.1" in str(error)
    assert transport.requests == []
    assert web_origin.hits[Hostile.PAGE] == 0


async def test_mapped_ipv6_loopback_is_blocked(web_origin: WebOrigin) -> None:
    """`[::ffff:127.0.0.1]` is unwrapped and refused even with 127.0.0.0/8 allowed."""
    error, transport, _ = await refusal(
        loopback_settings(web_origin), f"http://[::ffff:127.0.0.1]:{web_origin.port}/page"
    )
    assert isinstance(error, BlockedAddress)
    assert "127.0.0.1" in str(error)
    assert transport.requests == []


async def test_hex_spelling_reaches_the_address_that_was_checked(web_origin: WebOrigin) -> None:
    """With loopback allowed, `0x7f000001` connects to 127.0.0.1: the check and the socket agree."""
    page, transport = await fetch_with(
        loopback_settings(web_origin), f"http://0x7f000001:{web_origin.port}/page"
    )
    assert page.status == 200
    assert transport.hosts == ["127.0.0.1"]


# -- the allow-list is the only way in -----------------------------------------------------


async def test_loopback_is_refused_when_allow_list_is_unset(
    web_origin: WebOrigin, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With SKIM_FETCH_ALLOW_NETWORKS unset, http://127.0.0.1:PORT/ is refused, nothing sent."""
    monkeypatch.delenv("SKIM_FETCH_ALLOW_NETWORKS", raising=False)
    monkeypatch.setenv("SKIM_FETCH_ALLOW_PORTS", f"80,443,{web_origin.port}")
    settings = read_fetch_settings(env_file=None)
    assert settings.allow_networks == ()
    error, transport, _ = await refusal(settings, web_origin.url(Hostile.PAGE))
    assert isinstance(error, BlockedAddress)
    assert "127.0.0.1" in str(error)
    assert transport.requests == []
    assert sum(web_origin.hits.values()) == 0


async def test_allow_loopback_fixture_lets_the_env_settings_in(allow_loopback: WebOrigin) -> None:
    """The allow_loopback fixture's env is read by read_fetch_settings()."""
    page, _ = await fetch_with(read_fetch_settings(env_file=None), allow_loopback.url(Hostile.PAGE))
    assert page.status == 200


async def test_port_outside_allow_list_is_refused(web_origin: WebOrigin) -> None:
    """Ports other than 80/443 (plus the ones allowed) are refused before any connection."""
    settings = FetchSettings(allow_networks=LOOPBACK)
    error, transport, _ = await refusal(settings, web_origin.url(Hostile.PAGE))
    assert isinstance(error, BlockedAddress)
    assert f"127.0.0.1:{web_origin.port}" in str(error)
    assert transport.requests == []


@pytest.mark.parametrize(
    "url",
    ["ftp://example.com/file", "http://user:pw@example.com/", "http:///nohost", "javascript:x"],
)
async def test_invalid_urls_are_refused_without_lookup(url: str) -> None:
    """Non-http(s) schemes, credentials and host-less URLs raise InvalidUrl before any lookup."""
    resolver = ScriptedResolver(["127.0.0.1"])
    settings = FetchSettings()
    error, transport, _ = await refusal(settings, url, resolver=resolver)
    assert isinstance(error, InvalidUrl)
    assert resolver.calls == []
    assert transport.requests == []


# -- connect to the checked address (DNS rebinding) ----------------------------------------


async def test_connection_goes_to_the_address_that_was_checked(web_origin: WebOrigin) -> None:
    """One lookup; the request goes to that IP with the name in Host; a later answer is unused."""
    resolver = ScriptedResolver(["127.0.0.1"], ["10.0.0.1"])
    url = f"http://news.example:{web_origin.port}/page"
    page, transport = await fetch_with(loopback_settings(web_origin), url, resolver=resolver)
    assert page.status == 200
    assert page.final_url == url
    assert resolver.calls == ["news.example"]
    assert transport.hosts == ["127.0.0.1"]
    assert transport.requests[0].headers["Host"] == f"news.example:{web_origin.port}"
    assert web_origin.requests_for(Hostile.PAGE)[0].host_header == f"news.example:{web_origin.port}"


async def test_any_private_answer_refuses_the_whole_fetch(web_origin: WebOrigin) -> None:
    """An allowed address first and a private one second: refused, no connection at all."""
    resolver = ScriptedResolver(["127.0.0.1", "10.0.0.1"])
    url = f"http://news.example:{web_origin.port}/page"
    error, transport, _ = await refusal(loopback_settings(web_origin), url, resolver=resolver)
    assert isinstance(error, BlockedAddress)
    assert "10.0.0.1" in str(error)
    assert transport.requests == []


async def test_private_answer_first_is_refused_too(web_origin: WebOrigin) -> None:
    """The reverse order (private first) is refused the same way."""
    resolver = ScriptedResolver(["169.254.169.254", "127.0.0.1"])
    url = f"http://news.example:{web_origin.port}/page"
    error, transport, _ = await refusal(loopback_settings(web_origin), url, resolver=resolver)
    assert isinstance(error, BlockedAddress)
    assert transport.requests == []


async def test_rebinding_between_redirect_hops_is_caught(web_origin: WebOrigin) -> None:
    """Every hop is resolved and checked again: a name that rebinds to 10.0.0.1 mid-chain stops."""
    resolver = ScriptedResolver(["127.0.0.1"], ["10.0.0.1"])
    url = f"http://news.example:{web_origin.port}{Hostile.chain(2)}"
    error, transport, _ = await refusal(loopback_settings(web_origin), url, resolver=resolver)
    assert isinstance(error, BlockedAddress)
    assert resolver.calls == ["news.example", "news.example"]
    assert transport.hosts == ["127.0.0.1"]


class AnsweringTransport(httpx.AsyncBaseTransport):
    """Records requests and answers them itself: nothing leaves the process."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        body = httpx.ByteStream(b"<p>ok</p>")
        return httpx.Response(200, headers={"Content-Type": "text/html"}, stream=body)


async def test_https_request_targets_the_ip_with_sni_for_the_name() -> None:
    """For https the URL carries the checked IP and httpcore's sni_hostname carries the name."""
    transport = AnsweringTransport()
    settings = FetchSettings(allow_networks=LOOPBACK)
    resolver = ScriptedResolver(["127.0.0.1"])
    async with Fetcher(settings, resolver=resolver, transport=transport) as fetcher:
        page = await fetcher.fetch("https://News.Example/story#part")
    assert page.final_url == "https://news.example/story"
    request = transport.requests[0]
    assert request.url.host == "127.0.0.1"
    assert request.url.scheme == "https"
    assert request.headers["Host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"


class RefusingFirstTransport(AnsweringTransport):
    """Behaves as if the first address refused the connection; answers the others itself."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not self.requests:
            self.requests.append(request)
            raise httpx.ConnectError("connection refused", request=request)
        return await super().handle_async_request(request)


async def test_next_checked_address_is_tried_when_one_refuses() -> None:
    """A refused connection moves on to the next vetted address, never to an unchecked one."""
    transport = RefusingFirstTransport()
    settings = FetchSettings(allow_networks=LOOPBACK)
    resolver = ScriptedResolver(["127.0.0.9", "127.0.0.1"])
    async with Fetcher(settings, resolver=resolver, transport=transport) as fetcher:
        page = await fetcher.fetch("http://news.example/")
    assert page.status == 200
    assert [request.url.host for request in transport.requests] == ["127.0.0.9", "127.0.0.1"]
    assert resolver.calls == ["news.example"]


# -- decide on the head, bound the body, bound the time ------------------------------------


@pytest.mark.parametrize("path", [Hostile.PNG, Hostile.PDF])
async def test_non_html_is_refused(web_origin: WebOrigin, path: str) -> None:
    """Images and PDFs are refused on their Content-Type."""
    error, _, _ = await refusal(loopback_settings(web_origin), web_origin.url(path))
    assert isinstance(error, NotHtml)


@pytest.mark.parametrize(
    ("path", "status"), [(Hostile.NOT_FOUND, 404), (Hostile.SERVER_ERROR, 500)]
)
async def test_error_status_is_reported(web_origin: WebOrigin, path: str, status: int) -> None:
    """4xx and 5xx answers raise HttpStatusError carrying the status."""
    error, _, _ = await refusal(loopback_settings(web_origin), web_origin.url(path))
    assert isinstance(error, HttpStatusError)
    assert error.status == status
    assert str(status) in str(error)


async def test_huge_content_length_is_refused_on_the_header(web_origin: WebOrigin) -> None:
    """Content-Length: 100 GiB is refused at once, before the (never-ending) body."""
    error, _, took = await refusal(
        loopback_settings(web_origin), web_origin.url(Hostile.HUGE_LENGTH)
    )
    assert isinstance(error, TooLarge)
    assert took < 5


async def test_body_without_length_stops_at_the_cap(web_origin: WebOrigin) -> None:
    """50 MB without Content-Length stops at the 5 MiB cap, long before the server is done."""
    error, _, took = await refusal(loopback_settings(web_origin), web_origin.url(Hostile.NO_LENGTH))
    assert isinstance(error, TooLarge)
    assert web_origin.bytes_sent[Hostile.NO_LENGTH] < 40 * 1000 * 1000
    assert took < 10


async def test_gzip_bomb_stops_at_the_cap_with_flat_memory(web_origin: WebOrigin) -> None:
    """A gzip stream inflating to 10 GiB stops at the decoded cap; peak memory stays bounded."""
    tracemalloc.start()
    try:
        error, _, took = await refusal(
            loopback_settings(web_origin), web_origin.url(Hostile.GZIP_BOMB)
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(error, TooLarge)
    assert "decompressed" in str(error)
    assert peak < 24 * MIB  # the cap is 5 MiB; 10 GiB would be inflated without the bound
    assert took < 10


async def test_server_that_never_answers_hits_the_read_timeout() -> None:
    """A server that accepts and then says nothing is cut off by the read timeout."""
    async with WebOrigin() as origin:
        settings = loopback_settings(origin, read_timeout_s=0.3)
        error, _, took = await refusal(settings, origin.url(Hostile.HANG))
    assert isinstance(error, FetchTimeout)
    assert took < 3


async def test_redirect_to_another_scheme_is_refused(web_origin: WebOrigin) -> None:
    """`Location: file:///etc/passwd` (or gopher:, ftp:) is an invalid hop, not a fetch."""
    url = web_origin.add_redirect("/to-file", "file:///etc/passwd")
    error, transport, _ = await refusal(loopback_settings(web_origin), url)
    assert isinstance(error, InvalidUrl)
    assert len(transport.requests) == 1


def test_bounded_body_stops_a_bomb_after_a_few_kilobytes() -> None:
    """The decoder gives up once 5 MiB are decoded, having read only a few KiB of the bomb."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = compressor.compress(bytes(MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    chunk = compressor.compress(bytes(MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    body = BoundedBody("gzip", 5 * MIB)
    with pytest.raises(TooLarge):
        body.feed(first)
        for _ in range(10 * 1024):  # 10 GiB once inflated
            body.feed(chunk)
    assert body.raw_bytes < 10 * len(chunk)
    assert body.decoded_bytes <= 5 * MIB + 1


@given(
    st.binary(max_size=4096),
    st.sampled_from(["", "identity", "gzip", "deflate"]),
    st.integers(min_value=1, max_value=512),
    st.integers(min_value=-2, max_value=2),
)
def test_bounded_body_decodes_exactly_up_to_the_cap(
    content: bytes, encoding: str, chunk_size: int, slack: int
) -> None:
    """However the stream is chunked, a body of at most `cap` bytes decodes to itself and
    one byte more is TooLarge."""
    compressors: dict[str, Callable[[bytes], bytes]] = {
        "gzip": gzip.compress,
        "deflate": zlib.compress,
    }
    encoded = compressors.get(encoding, bytes)(content)
    cap = max(1, len(content) + slack)
    body = BoundedBody(encoding, cap)
    chunks = [encoded[i : i + chunk_size] for i in range(0, len(encoded), chunk_size)]
    if len(content) <= cap:
        for chunk in chunks:
            body.feed(chunk)
        assert body.finish() == content
    else:
        with pytest.raises(TooLarge):
            for chunk in chunks:
                body.feed(chunk)
            body.finish()


def test_bounded_body_refuses_unknown_encodings() -> None:
    """An encoding Skim did not ask for (br, zstd...) is an error, not undecoded garbage."""
    with pytest.raises(FetchError):
        BoundedBody("br", MIB)


def test_bounded_body_accepts_concatenated_gzip_members_and_truncation() -> None:
    """Two gzip members decode to both parts; a body cut short yields what arrived."""
    body = BoundedBody("gzip", MIB)
    body.feed(gzip.compress(b"first ") + gzip.compress(b"second"))
    assert body.finish() == b"first second"
    cut = BoundedBody("gzip", MIB)
    cut.feed(gzip.compress(b"a long enough sentence to be cut " * 20)[:-12])
    assert cut.finish().startswith(b"a long enough sentence")


async def test_drip_is_cut_by_the_overall_deadline() -> None:
    """One byte at a time keeps the read timeout happy; the overall deadline still ends it."""
    async with WebOrigin(drip_interval_s=0.1) as origin:
        settings = loopback_settings(origin, deadline_s=1.0, read_timeout_s=5.0)
        error, _, took = await refusal(settings, origin.url(Hostile.DRIP))
    assert isinstance(error, FetchTimeout)
    assert 0.9 <= took < 5.0


async def test_compressed_pages_are_decoded(web_origin: WebOrigin) -> None:
    """Gzip, zlib-deflate and raw-deflate bodies are inflated by the bounded decoder."""
    html = b"<html><body><p>Compressed but readable.</p></body></html>"
    raw = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    bodies = {
        "/gz": (gzip.compress(html), "gzip"),
        "/zlib": (zlib.compress(html), "deflate"),
        "/raw": (raw.compress(html) + raw.flush(), "deflate"),
    }
    for path, (body, encoding) in bodies.items():
        web_origin.add_page(path, body, "text/html", headers={"Content-Encoding": encoding})
    async with Fetcher(loopback_settings(web_origin)) as fetcher:
        for path in bodies:
            page = await fetcher.fetch(web_origin.url(path))
            assert "Compressed but readable." in page.html, path


async def test_windows_1251_declared_only_in_meta(web_origin: WebOrigin) -> None:
    """A Windows-1251 page without a header charset is decoded by its <meta charset>."""
    page, _ = await fetch_with(loopback_settings(web_origin), web_origin.url(Hostile.WINDOWS_1251))
    assert page.encoding == "cp1251"
    assert "Съешь же ещё этих мягких французских булок" in page.html


@pytest.mark.parametrize(
    ("fixture", "codec", "phrase"),
    [
        ("japanese_shift_jis.html", "cp932", "十か月ぶりに全線で運転再開"),
        ("russian_windows1251.html", "cp1251", "открылась областная библиотека"),
    ],
)
async def test_fixture_pages_served_from_a_directory_decode_by_meta(
    web_origin: WebOrigin, fixture: str, codec: str, phrase: str
) -> None:
    """add_directory serves bytes without a header charset; the page's <meta> decides."""
    urls = web_origin.add_directory(FIXTURES)
    url = web_origin.url(f"/{fixture}")
    assert url in urls
    page, _ = await fetch_with(loopback_settings(web_origin), url)
    assert page.encoding == codec
    assert phrase in page.html
    assert web_origin.hits[f"/{fixture}"] == 1


async def test_header_charset_wins(web_origin: WebOrigin) -> None:
    """The Content-Type charset decides over a contradicting <meta>."""
    body = "<meta charset='utf-8'><p>Привет</p>".encode("koi8-r")
    url = web_origin.add_page("/koi8", body, "text/html; charset=koi8-r")
    page, _ = await fetch_with(loopback_settings(web_origin), url)
    assert page.encoding == "koi8-r"
    assert "Привет" in page.html


# -- plain-text documents (text/plain: an RFC's .txt, a README) ---------------------------

MEMO = "Grüße aus Köln\n\nDie Straßenbahn fährt wieder über die Brücke, sagte der Sprecher.\n"


@pytest.mark.parametrize("content_type", ["text/plain; charset=utf-8", "text/plain"])
async def test_plain_text_is_read_with_or_without_a_charset(
    web_origin: WebOrigin, content_type: str
) -> None:
    """A text/plain document is read, UTF-8 by its label or, without one, found to be UTF-8,
    and comes back as HTML holding its text in a <pre>; the page keeps its content type."""
    url = web_origin.add_page("/memo.txt", MEMO.encode("utf-8"), content_type)
    page, _ = await fetch_with(loopback_settings(web_origin), url)
    assert page.content_type == "text/plain"
    assert page.encoding == "utf-8"
    assert "<pre>" in page.html
    assert "Die Straßenbahn fährt wieder über die Brücke, sagte der Sprecher." in page.html
    assert "text/plain" in web_origin.requests_for("/memo.txt")[0].headers["Accept"]


async def test_latin_1_text_is_decoded_by_its_header_charset(web_origin: WebOrigin) -> None:
    """A Latin-1 document labelled so is decoded as browsers do (its Windows superset)."""
    url = web_origin.add_page(
        "/latin1.txt", MEMO.encode("latin-1"), "text/plain; charset=ISO-8859-1"
    )
    page, _ = await fetch_with(loopback_settings(web_origin), url)
    assert page.encoding == "cp1252"
    assert "Grüße aus Köln" in page.html
    assert "\ufffd" not in page.html


async def test_utf_16_text_with_a_byte_order_mark_is_text_not_binary(
    web_origin: WebOrigin,
) -> None:
    """UTF-16 text is half NUL bytes: with its byte-order mark it is read, not refused."""
    url = web_origin.add_page("/wide.txt", MEMO.encode("utf-16"), "text/plain")
    page, _ = await fetch_with(loopback_settings(web_origin), url)
    assert page.encoding == "utf-16"
    assert "Grüße aus Köln" in page.html


@pytest.mark.parametrize(
    "body",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40,  # NUL bytes
        bytes(range(1, 9)) * 200 + b"text",  # control bytes, no NUL
    ],
    ids=["nul-bytes", "control-bytes"],
)
async def test_binary_body_labelled_text_plain_is_refused(
    web_origin: WebOrigin, body: bytes
) -> None:
    """A binary file under a text/plain label is refused with one line saying so."""
    url = web_origin.add_page("/blob.txt", body, "text/plain")
    error, _, _ = await refusal(loopback_settings(web_origin), url)
    assert isinstance(error, NotHtml)
    message = str(error)
    assert "binary" in message and "text/plain" in message
    assert "\n" not in message


async def _chunked_text(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/plain; charset=utf-8"})
    response.enable_chunked_encoding()
    await response.prepare(request)
    for _ in range(64):
        await response.write(b"A line of a long plain-text document, sent in chunks.\n" * 64)
    await response.write_eof()
    return response


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
async def test_oversize_plain_text_is_too_large(web_origin: WebOrigin, declared: bool) -> None:
    """A text document past the body cap is refused as a page is: on its Content-Length, or
    at the cap while it streams."""
    path = "/long.txt"
    if declared:
        web_origin.add_page(path, b"A line of a long plain-text document.\n" * 4000, "text/plain")
    else:
        web_origin.add_handler(path, _chunked_text)
    settings = loopback_settings(web_origin, max_body_bytes=64 * 1024)
    error, _, _ = await refusal(settings, web_origin.url(path))
    assert isinstance(error, TooLarge)


async def test_markup_in_plain_text_is_text_never_markup(web_origin: WebOrigin) -> None:
    """Tags and entities in a .txt are escaped into the <pre>: parsed back, the page holds
    the document's characters as text and no element of the document's making."""
    text = (
        "Notes on escaping\n\n<script>alert('x')</script> <img src=x onerror=alert(1)>\n"
        "</pre><h2>Injected</h2> &amp; &lt;\n"
    )
    url = web_origin.add_page("/markup.txt", text, "text/plain; charset=utf-8")
    page, _ = await fetch_with(loopback_settings(web_origin), url)
    tree = lxml.html.fromstring(page.html)
    assert tree.xpath("//script | //img | //h2") == []
    assert "".join(tree.xpath("//pre//text()")).strip("\n") == text.strip("\n")


README = "# Lantern beacons\n\nA beacon says where a station is.\n\n## Why beacons\n\nFog.\n"


@pytest.mark.parametrize(
    ("path", "content_type", "markdown"),
    [
        ("/raw/main/README.md", "text/plain; charset=utf-8", True),  # as code hosts serve it
        ("/CHANGES.markdown", "text/plain", True),
        ("/docs/readme", "text/markdown; charset=utf-8", True),
        ("/notes", "text/x-markdown", True),
        ("/notes.txt", "text/plain; charset=utf-8", False),
        ("/md/notes.txt", "text/plain", False),
    ],
)
async def test_a_markdown_document_is_marked_as_markdown_and_read_as_plain_text(
    web_origin: WebOrigin, path: str, content_type: str, markdown: bool
) -> None:
    """A text/markdown document, or a text/plain one named .md, comes marked as Markdown with
    its decoded text, for a caller that may parse to render (the bot's pool); a .txt does not.
    The fetcher itself renders nothing: `html` is the plain reading, its '#' lines in a <pre>."""
    url = web_origin.add_page(path, README.encode("utf-8"), content_type)
    page, _ = await fetch_with(loopback_settings(web_origin), url)
    assert page.markdown is markdown
    assert page.text == README
    tree = lxml.html.fromstring(page.html)
    assert tree.xpath("//h1 | //h2") == []
    assert "## Why beacons" in "".join(tree.xpath("//pre//text()"))


async def test_an_html_page_carries_no_document_text(web_origin: WebOrigin) -> None:
    """An HTML page is no text document: no `text`, never Markdown (whatever its name)."""
    url = web_origin.add_page("/README.md", "<html><body><h1>Hi</h1></body></html>")
    page, _ = await fetch_with(loopback_settings(web_origin), url)
    assert page.text is None
    assert page.markdown is False


# -- single flight and concurrency limits --------------------------------------------------


async def test_concurrent_fetches_of_one_url_share_a_request(web_origin: WebOrigin) -> None:
    """Five concurrent fetches of one canonical URL reach the origin once; each keeps its URL."""
    base = web_origin.url(Hostile.SLOW_PAGE)
    asked = [base, base, base + "?utm_source=chat", base + "#top", base.replace("http", "HTTP", 1)]
    async with Fetcher(loopback_settings(web_origin)) as fetcher:
        pages = await asyncio.gather(*(fetcher.fetch(url) for url in asked))
        assert web_origin.hits[Hostile.SLOW_PAGE] == 1
        assert [page.url for page in pages] == asked
        assert len({page.html for page in pages}) == 1
        await fetcher.fetch(base)  # once done, a later fetch is a new request (caching is not ours)
    assert web_origin.hits[Hostile.SLOW_PAGE] == 2


async def test_one_caller_cancelling_does_not_cancel_the_shared_request(
    web_origin: WebOrigin,
) -> None:
    """A caller that gives up does not take the shared request down for the others."""
    url = web_origin.url(Hostile.SLOW_PAGE)
    async with Fetcher(loopback_settings(web_origin)) as fetcher:
        impatient = asyncio.create_task(fetcher.fetch(url))
        patient = asyncio.create_task(fetcher.fetch(url))
        await asyncio.sleep(0.05)
        impatient.cancel()
        page = await patient
    assert page.status == 200
    assert impatient.cancelled()
    assert web_origin.hits[Hostile.SLOW_PAGE] == 1


async def test_per_host_limit_caps_concurrent_requests(web_origin: WebOrigin) -> None:
    """Ten different pages on one host: never more than four requests in flight there."""
    web_origin.slow_page_delay_s = 0.4  # long enough for every slot to fill on a busy machine
    urls = [web_origin.url(f"{Hostile.SLOW_PAGE}?n={n}") for n in range(10)]
    async with Fetcher(loopback_settings(web_origin)) as fetcher:
        pages = await asyncio.gather(*(fetcher.fetch(url) for url in urls))
    assert len(pages) == 10
    assert web_origin.hits[Hostile.SLOW_PAGE] == 10
    assert web_origin.concurrency.peak == 4


async def test_global_limit_caps_concurrent_requests_across_hosts(web_origin: WebOrigin) -> None:
    """Three hosts with four pages each and a global limit of 5: at most 5 in flight."""
    web_origin.slow_page_delay_s = 0.4
    resolver = ScriptedResolver(["127.0.0.1"])
    settings = loopback_settings(web_origin, global_limit=5)
    port = web_origin.port
    urls = [
        f"http://{host}:{port}{Hostile.SLOW_PAGE}?n={n}"
        for host in ("a.example", "b.example", "c.example")
        for n in range(4)
    ]
    async with Fetcher(settings, resolver=resolver) as fetcher:
        await asyncio.gather(*(fetcher.fetch(url) for url in urls))
    assert web_origin.hits[Hostile.SLOW_PAGE] == 12
    assert web_origin.concurrency.peak == 5
    assert max(web_origin.concurrency.peak_by_host.values()) == 4


# -- settings and resolver -----------------------------------------------------------------


def test_settings_defaults_match_the_issue() -> None:
    """The documented defaults: 5 s / 10 s / 15 s, 5 MiB, 5 redirects, ports 80 and 443."""
    settings = FetchSettings()
    assert settings.connect_timeout_s == 5
    assert settings.read_timeout_s == 10
    assert settings.deadline_s == 15
    assert settings.max_body_bytes == 5 * MIB
    assert settings.max_redirects == 5
    assert settings.allow_ports == (80, 443)
    assert settings.allow_networks == ()
    assert settings.per_host_limit == 4
    assert settings.global_limit == 16


async def test_system_resolver_answers_localhost_from_the_hosts_file() -> None:
    """The real resolver returns loopback for localhost (no network needed), which is blocked."""
    addresses = await SystemResolver(timeout_s=5)("localhost", 80)
    assert addresses
    assert all(address.is_loopback for address in addresses)
    settings = FetchSettings()
    error, transport, _ = await refusal(settings, "http://localhost/")
    assert isinstance(error, BlockedAddress)
    assert transport.requests == []


async def test_system_resolver_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """A lookup slower than the resolver's timeout raises FetchTimeout promptly."""

    async def never_answers(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(3600)

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", never_answers)
    started = time.monotonic()
    with pytest.raises(FetchTimeout):
        await SystemResolver(timeout_s=0.2)("slow.example", 80)
    assert time.monotonic() - started < 2


async def test_system_resolver_failure_is_a_fetch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown name becomes a FetchError fit to show, not a socket.gaierror."""

    async def no_such_name(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", no_such_name)
    with pytest.raises(FetchError, match=r"could not find the server nowhere\.example"):
        await SystemResolver()("nowhere.example", 80)


async def test_fetch_outside_the_context_manager_is_an_error() -> None:
    """Using a Fetcher without `async with` fails loudly instead of leaking a client."""
    resolver = ScriptedResolver(["127.0.0.1"])
    fetcher = Fetcher(FetchSettings(allow_networks=LOOPBACK), resolver=resolver)
    with pytest.raises(RuntimeError):
        await fetcher.fetch("http://news.example/")
