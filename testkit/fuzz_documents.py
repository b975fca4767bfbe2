"""Seeded, deterministic hostile documents for `summarizer.digest_html` (issue 11).

Two families:

* mutations of real pages (``../shared/corpus``, else the project's fixtures): truncation, byte
  flips, deleted and shuffled tags, charset lies, BOMs, NUL and control bytes, invalid UTF-8,
  lone surrogates in str input, JSON-LD traps, meta traps, odd URLs, and a mix of several;
* size attacks, each a function of one size parameter so that cost can be measured against
  size (the default top sizes are the ones issue 11 found slow), every one under the 5 MiB
  fetch cap.

Every document is a pure function of ``(seed, index)`` (mutations) or ``(seed, attack, size)``
(size attacks): ``random.Random`` is seeded with a string derived from them, so one document
can be rebuilt alone, on any machine, to reproduce a finding. Nothing here imports the engine.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
FETCH_CAP_BYTES = 5 * 1024 * 1024
"""The fetcher's body cap: no document here is larger, since none larger reaches the engine."""
DEFAULT_URL = "https://news.example.com/2025/06/article.html"
MOZ_URL = "http://fakehost/test/page.html"  # the URL Mozilla's test pages are scored with


@dataclass(frozen=True, slots=True)
class FuzzDocument:
    """One input for `digest_html(html, url)`, with what is needed to rebuild it."""

    kind: str
    seed: int
    index: int
    html: str | bytes
    url: str | None
    source: str  # the page it was made from ("aeb/<id>", "moz/<name>", ...) or "synthetic"
    size: int | None = None  # the size parameter of a size attack

    @property
    def nbytes(self) -> int:
        """Size of the input as the engine receives it (str counted as UTF-8, lone surrogates
        as one byte each)."""
        if isinstance(self.html, bytes):
            return len(self.html)
        return len(self.html.encode("utf-8", "surrogatepass"))

    @property
    def label(self) -> str:
        """A short handle for reports: ``kind#index`` or ``kind@size``."""
        return f"{self.kind}@{self.size}" if self.size is not None else f"{self.kind}#{self.index}"

    def reproduce(self) -> str:
        """Python that rebuilds this document (for a crash report or a regression test)."""
        if self.size is not None:
            return f"size_attack_document({self.seed}, {self.kind!r}, {self.size})"
        return f"mutation_document({self.seed}, {self.index}, {self.kind!r})"


# ---------------------------------------------------------------------------------------------
# Source pages


@dataclass(frozen=True, slots=True)
class SourcePage:
    """A real page to mutate: where it lies, and the URL it was served from."""

    name: str
    path: Path
    url: str | None

    def load(self) -> bytes:
        """The page's bytes as served (gzip files are inflated)."""
        return _read_page(self.path)


@lru_cache(maxsize=32)
def _read_page(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def corpus_dir() -> Path:
    """``$SKIM_CORPUS``, else ``<project>/../shared/corpus``."""
    return Path(os.environ.get("SKIM_CORPUS", PROJECT.parent / "shared" / "corpus"))


def fixture_pages() -> list[SourcePage]:
    """The project's own whole pages: ``tests/fixtures/*.html`` and ``examples/*.html``."""
    paths = sorted((PROJECT / "tests" / "fixtures").glob("*.html"))
    paths += sorted((PROJECT / "examples").glob("*.html"))
    return [SourcePage(f"{p.parent.name}/{p.stem}", p, DEFAULT_URL) for p in paths]


def corpus_pages(root: Path) -> list[SourcePage]:
    """Every page of the corpus at `root` (aeb, moz, trafi), in a fixed order."""
    pages: list[SourcePage] = []
    aeb_urls = _json_map(root / "aeb" / "ground-truth.json", "url")
    for path in sorted((root / "aeb" / "html").glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        pages.append(SourcePage(f"aeb/{page_id}", path, aeb_urls.get(page_id, DEFAULT_URL)))
    for path in sorted((root / "moz").glob("*/source.html")):
        pages.append(SourcePage(f"moz/{path.parent.name}", path, MOZ_URL))
    trafi_files = _json_map(root / "trafi" / "evaldata.json", "file")
    trafi_urls = {file: url for url, file in trafi_files.items()}
    for path in sorted((root / "trafi" / "html").glob("*.gz")):
        url = trafi_urls.get(path.name.removesuffix(".gz"), trafi_urls.get(path.name))
        usable = url is not None and url.startswith(("http://", "https://"))
        pages.append(SourcePage(f"trafi/{path.name}", path, url if usable else DEFAULT_URL))
    return pages


def _json_map(path: Path, key: str) -> dict[str, str]:
    """``{k: v[key]}`` of a JSON object file; empty when absent or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {
        k: v[key] for k, v in data.items() if isinstance(v, dict) and isinstance(v.get(key), str)
    }


@cache
def source_pages() -> tuple[SourcePage, ...]:
    """The pages mutations start from: the corpus when present, else the fixtures."""
    root = corpus_dir()
    pages = corpus_pages(root) if root.is_dir() else []
    return tuple(pages or fixture_pages())


# ---------------------------------------------------------------------------------------------
# Mutations of real pages. Each takes (rng, page bytes, url) and returns (bytes, url).

Mutation = Callable[[random.Random, bytes, str | None], tuple[bytes, str | None]]

_TAG_RE = re.compile(rb"<[^<>]{1,2000}>")
_META_CHARSET_RE = re.compile(rb"<meta\b[^>]{0,500}?charset[^>]{0,200}>", re.IGNORECASE)
_HEAD_RE = re.compile(rb"<head\b[^>]{0,500}>", re.IGNORECASE)


def _insert(data: bytes, position: int, piece: bytes) -> bytes:
    return data[:position] + piece + data[position:]


def _insert_many(rng: random.Random, data: bytes, pieces: Sequence[bytes]) -> bytes:
    """`pieces` inserted at random offsets (one join, whatever their number)."""
    positions = sorted(rng.randrange(len(data) + 1) for _ in pieces)
    out: list[bytes] = []
    previous = 0
    for position, piece in zip(positions, pieces, strict=True):
        out += [data[previous:position], piece]
        previous = position
    out.append(data[previous:])
    return b"".join(out)


def _head_position(data: bytes) -> int:
    """Just after `<head>`, else the start: where a meta tag or a script is read early."""
    match = _HEAD_RE.search(data, 0, 64 * 1024)
    return match.end() if match else 0


def _into_head(data: bytes, markup: str) -> bytes:
    return _insert(data, _head_position(data), markup.encode("utf-8", "surrogatepass"))


def truncate(rng: random.Random, page: bytes, url: str | None) -> tuple[bytes, str | None]:
    """The page cut at a random byte (inside a tag, an entity or a multi-byte character)."""
    return page[: rng.randrange(len(page) + 1)], url


def byte_flips(rng: random.Random, page: bytes, url: str | None) -> tuple[bytes, str | None]:
    """1 to 1,000 random bytes XORed with a random non-zero value."""
    data = bytearray(page)
    for _ in range(rng.choice((1, 10, 100, 1000)) if data else 0):
        data[rng.randrange(len(data))] ^= rng.randrange(1, 256)
    return bytes(data), url


def delete_tags(rng: random.Random, page: bytes, url: str | None) -> tuple[bytes, str | None]:
    """A random share (5-60 %) of the tags removed, leaving unbalanced markup."""
    share = rng.uniform(0.05, 0.6)
    return _TAG_RE.sub(lambda m: b"" if rng.random() < share else m.group(0), page), url


def shuffle_tags(rng: random.Random, page: bytes, url: str | None) -> tuple[bytes, str | None]:
    """The tags of a random window swapped among their places (the text stays put)."""
    matches = list(_TAG_RE.finditer(page))
    if len(matches) < 2:
        return page, url
    width = rng.randint(2, min(len(matches), rng.choice((10, 100, 1000, 100_000))))
    start = rng.randrange(len(matches) - width + 1)
    window = matches[start : start + width]
    tags = [m.group(0) for m in window]
    rng.shuffle(tags)
    out: list[bytes] = [page[: window[0].start()]]
    for i, (match, tag) in enumerate(zip(window, tags, strict=True)):
        end = window[i + 1].start() if i + 1 < len(window) else match.end()
        out += [tag, page[match.end() : end]]
    out.append(page[window[-1].end() :])
    return b"".join(out), url


_CHARSET_LABELS = (
    "utf-16",
    "UTF-16LE",
    "utf-32",
    "utf-7",
    "x-user-defined",
    "base64",
    "rot13",
    "zlib",
    "hex",
    "uu",
    "bz2",
    "quopri",
    "punycode",
    "idna",
    "unicode-escape",
    "raw_unicode_escape",
    "mbcs",
    "cp65001",
    "cp037",
    "ISO-2022-JP",
    "hz",
    "utf-8-sig",
    "windows-1252",
    "shift_jis",
    "euc-jp",
    "gb2312",
    "big5",
    "koi8-r",
    "iso-8859-8-i",
    "x-mac-roman",
    "no-such-charset",
    "",
    "utf8;;",
    "${charset}",
    "a" * 300,
    "ütf-8",
)
_BODY_CODECS = ("utf-8", "cp1252", "cp1251", "shift_jis", "utf-16-le", "utf-16-be", "utf-32-le")


def charset_lie(rng: random.Random, page: bytes, url: str | None) -> tuple[bytes, str | None]:
    """The page's charset declarations replaced by a wrong or hostile one, the bytes sometimes
    re-encoded in yet another codec."""
    label = rng.choice(_CHARSET_LABELS)
    meta = rng.choice(
        (
            f'<meta charset="{label}">',
            f"<meta charset={label}>",
            f'<meta http-equiv="Content-Type" content="text/html; charset={label}">',
        )
    )
    data = _META_CHARSET_RE.sub(b"", page)
    data = _insert(data, _head_position(data) if rng.random() < 0.7 else 0, meta.encode("utf-8"))
    if rng.random() < 0.3:
        data = data.decode("utf-8", "replace").encode(rng.choice(_BODY_CODECS), "replace")
    return data, url


_BOMS = (
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xff\xfe\x00\x00",
    b"\x00\x00\xfe\xff",
)
_BOM_CODECS = {
    b"\xef\xbb\xbf": "utf-8",
    b"\xff\xfe": "utf-16-le",
    b"\xfe\xff": "utf-16-be",
    b"\xff\xfe\x00\x00": "utf-32-le",
    b"\x00\x00\xfe\xff": "utf-32-be",
}


def bom(rng: random.Random, page: bytes, url: str | None) -> tuple[bytes, str | None]:
    """A byte-order mark in front: true to the bytes, a lie, doubled, or in mid-page."""
    mark = rng.choice(_BOMS)
    style = rng.choice(("lie", "true", "double", "middle"))
    if style == "true":
        text = page.decode("utf-8", "replace")
        return mark + text.encode(_BOM_CODECS[mark], "replace"), url
    if style == "double":
        return mark + rng.choice(_BOMS) + page, url
    if style == "middle":
        return _insert(page, rng.randrange(len(page) + 1), mark), url
    return mark + page, url


_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_HOT_SPOTS = (b"<title", b'content="', b"ld+json", b"<h1", b"<p", b"<a ", b"class=")


def nul_control(rng: random.Random, page: bytes, url: str | None) -> tuple[bytes, str | None]:
    """NUL and other C0 control bytes, scattered or at spots the metadata reader looks at."""
    count = rng.choice((1, 10, 100, 1000, 10_000))
    pieces = [bytes([rng.choice(_CONTROL_BYTES)]) * rng.choice((1, 1, 1, 8)) for _ in range(count)]
    if rng.random() < 0.5:
        return _insert_many(rng, page, pieces), url
    data = page
    for spot in rng.sample(_HOT_SPOTS, 3):
        found = data.find(spot)
        if found >= 0:
            at = found + len(spot) + rng.randrange(0, 20)
            data = _insert(data, min(at, len(data)), b"".join(pieces[:50]))
    return data, url


_INVALID_UTF8 = (
    b"\x80",
    b"\xbf",
    b"\xc0\xaf",
    b"\xc1\xbf",
    b"\xe0\x80\xaf",
    b"\xed\xa0\x80",
    b"\xed\xbf\xbf",
    b"\xf4\x90\x80\x80",
    b"\xf5\x80\x80\x80",
    b"\xf8\x88\x80\x80\x80",
    b"\xfc\x84\x80\x80\x80\x80",
    b"\xfe",
    b"\xff",
    b"\xe2\x82",
    b"\xf0\x9f\x98",
)


def invalid_utf8(rng: random.Random, page: bytes, url: str | None) -> tuple[bytes, str | None]:
    """Overlong forms, encoded surrogates, stray continuation and cut sequences."""
    count = rng.choice((1, 10, 100, 1000, 10_000))
    return _insert_many(rng, page, [rng.choice(_INVALID_UTF8) for _ in range(count)]), url


def _jsonld_script(payload: str) -> str:
    return f'<script type="application/ld+json">{payload}</script>'


def _deep(open_: str, inner: str, close: str, depth: int) -> str:
    return open_ * depth + inner + close * depth


_WRONG_VALUES: tuple[object, ...] = (
    123,
    -1.5,
    float("inf"),
    float("nan"),
    True,
    None,
    [],
    {},
    ["a", 1, None],
    {"@id": {"a": 1}},
    {"@id": ["x"]},
    {"@id": None},
    {"name": {"x": 1}},
    {"name": ["x", "y"]},
    {"@value": "x"},
    [[["nested"]]],
    "",
    " ",
    "x" * 50_000,
)
_JSONLD_KEYS = (
    "@type",
    "@id",
    "@graph",
    "headline",
    "name",
    "author",
    "publisher",
    "datePublished",
    "keywords",
    "inLanguage",
    "description",
    "url",
    "mainEntityOfPage",
)


def _jsonld_wrong_types(rng: random.Random) -> str:
    node: dict[str, object] = {"@type": rng.choice(("NewsArticle", "WebPage")), "headline": "H"}
    for key in rng.sample(_JSONLD_KEYS, rng.randint(1, 6)):
        node[key] = rng.choice(_WRONG_VALUES)
    return json.dumps(rng.choice((node, [node], {"@graph": [node, node]})))


def _jsonld_deep(rng: random.Random) -> str:
    depth = rng.choice((100, 500, 900, 990, 2000, 10_000, 100_000))
    where = rng.choice(("array", "object", "author", "graph", "publisher"))
    if where == "array":
        return _deep("[", "", "]", depth)
    if where == "object":
        return _deep('{"a":', "1", "}", depth)
    if where == "graph":
        return _deep('{"@graph":[', '{"@type":"NewsArticle","headline":"x"}', "]}", depth)
    nested = _deep("[", '"Jane Doe"', "]", depth)
    return f'{{"@type":"NewsArticle","headline":"H","{where}":{nested}}}'


def _jsonld_references(rng: random.Random) -> str:
    """`@id` references that are dicts, lists, cycles or self-references."""
    ref = rng.choice(('{"@id":{"a":1}}', '{"@id":["x"]}', '{"@id":"#a"}', '{"@id":"#b"}'))
    return (
        f'[{{"@id":"#a","@type":"NewsArticle","headline":"H","author":{ref},'
        f'"publisher":{ref}}},{{"@id":"#b","@type":"Organization","name":{ref}}}]'
    )


def _jsonld_big_list(rng: random.Random) -> str:
    count = rng.choice((1000, 10_000, 100_000))
    item = rng.choice(('"Jane Doe"', "{}", '{"name":"Jane Doe"}', "1", '{"@id":"#a"}'))
    key = rng.choice(("author", "keywords", "@graph", "publisher"))
    return f'{{"@type":"NewsArticle","headline":"H","{key}":[{",".join([item] * count)}]}}'


def _jsonld_odd_text(rng: random.Random) -> str:
    return rng.choice(
        (
            "5",
            '"just a string"',
            "null",
            "//<![CDATA[\n{}\n//]]>",
            "<!-- {} -->",
            '{"a":1}{"b":2}',
            "\ufeff{}",
            "{" + "1" * 5000 + "}",
            '{"n":' + "9" * 5000 + "}",
            '{"headline":"\\ud800"}',
            '{"headline":"\\u0000\\u0001"}',
            "NaN",
            "[" * 50,
        )
    )


_JSONLD_TRAPS: tuple[Callable[[random.Random], str], ...] = (
    _jsonld_wrong_types,
    _jsonld_deep,
    _jsonld_references,
    _jsonld_big_list,
    _jsonld_odd_text,
)


def jsonld_traps(rng: random.Random, page: bytes, url: str | None) -> tuple[bytes, str | None]:
    """One to three hostile JSON-LD scripts: deep nesting, wrong types, dicts where strings
    belong, unhashable or cyclic `@id`s, big lists, odd wrappers."""
    scripts = "".join(
        _jsonld_script(rng.choice(_JSONLD_TRAPS)(rng)) for _ in range(rng.randint(1, 3))
    )
    return _into_head(page, scripts), url


ABSURD_DATES = (
    "Mon, 01 Jan 99999 00:00:00 +0000",
    "Tue, 01 Jan 2019 00:00:00 +9999999999999999999999",
    "01 Jan 2019 99999999999999999999:00",
    "Wed, 32 Foo 2019 25:61:61 GMT",
    "Jan 1 0 00:00:00",
    "Sat, 01 Jan 0000 00:00:00 +0000",
    "Fri, 31 Dec 9999 23:59:59 -2359",
    "9999-12-31T23:59:59+14:00",
    "0001-01-01T00:00:00-23:59",
    "2020-01-01T00:00:00.0000000000000001",
    "2020-W53-8",
    "+002020-01-01",
    "2020-02-30",
    "-0001-01-01",
    "99999999999999999999",
    "1e400",
    "2020-01-01T00:00:00Z" * 1000,
    "\x00",
    "",
)
_META_KEYS = (
    "og:title",
    "og:site_name",
    "og:url",
    "og:locale",
    "og:description",
    "article:published_time",
    "article:tag",
    "datePublished",
    "DC.title",
    "DC.date.issued",
    "dcterm.creator",
    "dcterms.",
    "dc.",
    "news_keywords",
    "parsely-tags",
    "parsely-pub-date",
    "keywords",
    "author",
    "application-name",
    "content-language",
    "twitter:title",
    "description",
    "title",
    "date",
)
_META_VALUES = (
    *ABSURD_DATES,
    "x" * 100_000,
    "word " * 20_000,
    "&amp;#x110000;",
    "&#xD800;&#0;&#99999999999999;",
    "| | | | |",
    " | ".join(["Site"] * 500),
    "  \u2028 \u202e ",
    "@post-id:1",
    "/article",
    "Tag:Nodejs",
    "A" * 41,
    ",,,,;;;;",
    "、".join(["标签"] * 300),
)


def _meta_tag(rng: random.Random) -> str:
    key = rng.choice(_META_KEYS)
    attribute = rng.choice(("property", "name", "itemprop", "http-equiv"))
    if rng.random() < 0.1:
        key = " ".join(rng.choice(_META_KEYS) for _ in range(rng.choice((10, 1000))))
    value = rng.choice(_META_VALUES).replace('"', "&quot;")
    return f'<meta {attribute}="{key}" content="{value}">'


def _date_trap(rng: random.Random) -> str:
    date = rng.choice(ABSURD_DATES)
    return rng.choice(
        (
            f'<time datetime="{date}">then</time>',
            f'<span itemprop="datePublished" content="{date}">then</span>',
            f'<meta property="article:published_time" content="{date}">',
            _jsonld_script(
                json.dumps({"@type": "NewsArticle", "headline": "H", "datePublished": date})
            ),
        )
    )


def meta_traps(rng: random.Random, page: bytes, url: str | None) -> tuple[bytes, str | None]:
    """Hostile meta tags (absurd dates, huge or entity-laden values, key soup), dated elements
    and an odd `<html lang>`."""
    tags = [_meta_tag(rng) for _ in range(rng.randint(1, 8))]
    tags += [_date_trap(rng) for _ in range(rng.randint(0, 3))]
    data = _into_head(page, "".join(tags))
    if rng.random() < 0.3:
        lang = rng.choice(("", "\x01", "x" * 10_000, "en_US,fr", "zz-ZZ-1234", "ja,,"))
        data = re.sub(rb"<html\b", f'<html lang="{lang}"'.encode(), data, count=1, flags=re.I)
    return data, url


ODD_URLS = (
    "http://[::1",
    "http://[::1]:99999/x",
    "http://[::1]x/",
    "http://[zz]/",
    "http://[v7.abc]/",
    "https://example.com:-1/",
    "https://example.com:65536/",
    "https://example.com:abc/",
    "http://user:pa ss@host/",
    "http://",
    "https://",
    "//example.com/x",
    "/relative/path",
    "relative",
    "?q=1",
    "#frag",
    "javascript:alert(1)",
    "data:text/html,<p>x",
    "file:///etc/passwd",
    "mailto:a@b",
    "http://exa mple.com/",
    "http://例子.测试/路径",
    "http://xn--/",
    "http://xn--zz-zzzzzz.com/",
    "http://a..b/",
    "http://./",
    "http://%zz%/",
    "http://\x00/",
    "http:///path",
    "HTTP://EXAMPLE.COM/UPPER",
    "http:\\\\example.com\\x",
    "http://" + "a" * 70_000 + ".com/",
    "https://example.com/" + "%" * 10_000,
    "http://[" + ":" * 1000,
    "http://1.2.3.4.5/",
    "http://0x7f.1/",
    "\u202ehttps://evil.example/",
    " https://example.com/ ",
    "https://example.com/\n/x",
    "",
    " ",
)


def _url_places(rng: random.Random, odd: str) -> str:
    """Markup carrying `odd` where the metadata reader takes a URL or a site name from."""
    escaped = odd.replace("&", "&amp;").replace('"', "&quot;")
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": "H",
            "url": odd,
            "@id": odd,
            "mainEntityOfPage": {"@id": odd},
            "publisher": {"@type": "Organization", "name": odd, "url": odd},
        }
    )
    places = (
        f'<link rel="canonical" href="{escaped}">',
        f'<meta property="og:url" content="{escaped}">',
        f'<meta property="og:site_name" content="{escaped}">',
        f'<meta name="application-name" content="{escaped}">',
        _jsonld_script(ld),
        _jsonld_script(json.dumps({"@type": "WebSite", "name": odd})),
    )
    return "".join(rng.sample(places, rng.randint(1, len(places))))


def odd_urls(rng: random.Random, page: bytes, url: str | None) -> tuple[bytes, str | None]:
    """Malformed URLs as the `url` argument and/or in canonical, og:url, JSON-LD and the
    site-name fields (which the reader parses as URLs when they contain "://")."""
    where = rng.choice(("argument", "markup", "both"))
    new_url = rng.choice(ODD_URLS) if where != "markup" else url
    data = page if where == "argument" else _into_head(page, _url_places(rng, rng.choice(ODD_URLS)))
    return data, new_url


_BYTE_MUTATIONS: tuple[Mutation, ...] = (
    truncate,
    byte_flips,
    delete_tags,
    shuffle_tags,
    charset_lie,
    bom,
    nul_control,
    invalid_utf8,
    jsonld_traps,
    meta_traps,
    odd_urls,
)


def mixed(rng: random.Random, page: bytes, url: str | None) -> tuple[bytes, str | None]:
    """Two to four of the other mutations, one after another."""
    data: bytes = page
    for mutation in rng.sample(_BYTE_MUTATIONS, rng.randint(2, 4)):
        data, url = mutation(rng, data, url)
    return data, url


MUTATIONS: dict[str, Mutation] = {m.__name__: m for m in (*_BYTE_MUTATIONS, mixed)}
STR_ONLY_KINDS = frozenset({"surrogate_str"})
MUTATION_KINDS: tuple[str, ...] = (*MUTATIONS, "surrogate_str")
"""Every mutation kind; a run gives them equal shares (round-robin by index)."""
_STR_SHARE = 0.3  # share of byte-mutated documents handed over as str (decoded, as the bot does)


def _surrogate_str(rng: random.Random, page: bytes, url: str | None) -> tuple[str, str | None]:
    """str input holding lone surrogates: invalid UTF-8 decoded with surrogateescape, plus a
    few explicit U+D800-U+DFFF (a caller that decoded carelessly)."""
    data, url = invalid_utf8(rng, page, url)
    text = data.decode("utf-8", "surrogateescape")
    for _ in range(rng.choice((0, 1, 10))):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + chr(rng.randrange(0xD800, 0xE000)) + text[at:]
    return text, url


def _rng(*parts: object) -> random.Random:
    """A generator seeded by a string made of `parts` (stable across runs and machines)."""
    return random.Random(":".join(str(p) for p in parts))  # noqa: S311 (reproducible on purpose)


def mutation_document(
    seed: int, index: int, kind: str | None = None, sources: Sequence[SourcePage] | None = None
) -> FuzzDocument:
    """Document number `index` of the run seeded `seed`: a mutated real page.

    The kind defaults to the index's round-robin share of `MUTATION_KINDS`.
    """
    kind = kind or MUTATION_KINDS[index % len(MUTATION_KINDS)]
    pages = sources if sources is not None else source_pages()
    rng = _rng(seed, index, kind)
    source = rng.choice(pages)
    page = source.load()
    html: str | bytes
    if kind in STR_ONLY_KINDS:
        html, url = _surrogate_str(rng, page, source.url)
    else:
        html, url = MUTATIONS[kind](rng, page, source.url)
        if rng.random() < _STR_SHARE:
            html = html.decode("utf-8", "replace")
    doc = FuzzDocument(kind, seed, index, html, url, source.name)
    if doc.nbytes > FETCH_CAP_BYTES:  # never larger than what the fetcher lets through
        doc = FuzzDocument(kind, seed, index, _cap(html), url, source.name)
    return doc


def _cap(html: str | bytes) -> str | bytes:
    if isinstance(html, bytes):
        return html[:FETCH_CAP_BYTES]
    return html.encode("utf-8", "surrogatepass")[:FETCH_CAP_BYTES].decode("utf-8", "replace")


def mutation_documents(seed: int, count: int, start: int = 0) -> Iterator[FuzzDocument]:
    """Documents `start` .. `start + count - 1` of the run seeded `seed`."""
    for index in range(start, start + count):
        yield mutation_document(seed, index)


# ---------------------------------------------------------------------------------------------
# Size attacks: synthetic pages around one oversized feature.

_SENTENCES = (
    "The regional council approved the new water plan after a long debate on Tuesday evening.",
    "Engineers say the old pipes lose almost a third of the water before it reaches homes.",
    "Farmers in the valley have asked for a share of the savings to be kept for irrigation.",
    "The plan will be paid for by a small rise in bills spread over the next ten years.",
    "Opposition members warned that similar projects elsewhere ran late and over budget.",
    "Work on the first section of the network is due to start before the end of the summer.",
    "Residents will be able to follow progress on a public map updated every month.",
    "The council expects the repairs to cut leaks by half once the work is finished.",
)
_WORDS = tuple(w.strip(".").lower() for s in _SENTENCES for w in s.split())


def _prose(paragraphs: int, offset: int = 0) -> str:
    """Article paragraphs of plain sentences (enough text for the engine to call it an article)."""
    return "".join(
        "<p>" + " ".join(_SENTENCES[(offset + i + j) % len(_SENTENCES)] for j in range(3)) + "</p>"
        for i in range(paragraphs)
    )


def _page(
    body: str,
    *,
    head: str = "",
    title: str = "Council approves the water plan",
    title_tag: str | None = None,
) -> str:
    """A plain article page with `head` markup and `body` inside `<article>`."""
    if title_tag is None:
        title_tag = f"<title>{title} | Valley News</title>"
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'{title_tag}<meta property="og:site_name" content="Valley News">{head}</head>'
        f"<body><main><article><h1>{title}</h1>{body}</article></main></body></html>"
    )


def _words(rng: random.Random, nbytes: int) -> str:
    """About `nbytes` of space-separated words."""
    out: list[str] = []
    total = 0
    while total < nbytes:
        word = rng.choice(_WORDS)
        out.append(word)
        total += len(word) + 1
    return " ".join(out)


def _huge_title(size: int, rng: random.Random) -> str:
    return _page(_prose(6), title_tag=f"<title>{_words(rng, size)}</title>")


def _title_separators(size: int, rng: random.Random) -> str:
    title = " | ".join(f"{rng.choice(_WORDS)}{i}" for i in range(size))
    return _page(_prose(6), title_tag=f"<title>{title}</title>")


def _rel_tags(size: int, rng: random.Random) -> str:
    """rel=tag links, each followed by a "Tags:" label in its tail, in one paragraph."""
    links = "".join(f'<a rel="tag" href="/tag/{i}">topic {i}</a> Tags: ' for i in range(size))
    return _page(_prose(6) + f"<p>{links}</p>")


def _many_attributes(size: int, rng: random.Random) -> str:
    attributes = " ".join(f'data-a{i}="{i}"' for i in range(size))
    return _page(f"<div {attributes}>{_prose(6)}</div>")


def _nested_authors(size: int, rng: random.Random) -> str:
    """`size` nested itemprop=author elements (without an itemprop=name) around ~500 KB of
    article text: each one's "name" is all the text below it."""
    return _page('<div itemprop="author">' * size + _prose(1500) + "</div>" * size)


def _many_paragraphs(size: int, rng: random.Random) -> str:
    return _page(_prose(6) + "<p>a\n" * size)


def _many_breaks(size: int, rng: random.Random) -> str:
    return _page(_prose(6) + "<p>" + "a<br>" * size + "</p>")


def _pre_lines(size: int, rng: random.Random) -> str:
    lines = "".join(f"x = {i};\n" for i in range(size))
    return _page(_prose(6) + f"<pre>{lines}</pre>")


def _big_table(size: int, rng: random.Random) -> str:
    row = "<tr>" + "<td>cell</td>" * 100 + "</tr>"
    return _page(_prose(6) + f"<table>{row * size}</table>")


def _many_h2(size: int, rng: random.Random) -> str:
    """`size` sections, each a subheading and one sentence of its own (distinct terms, so that
    no claim is a near-duplicate of another)."""
    sections = "".join(
        f"<h2>Part {i} of the plan</h2><p>The {rng.choice(_WORDS)} report number {i} says "
        f"{' '.join(rng.choice(_WORDS) for _ in range(8))} in {i * 7}.</p>"
        for i in range(size)
    )
    return _page(_prose(6) + sections)


def _jsonld_list(size: int, rng: random.Random) -> str:
    return _page(_prose(6), head=_jsonld_script("[" + ",".join(["{}"] * size) + "]"))


def _long_word(size: int, rng: random.Random) -> str:
    return _page(_prose(6) + "<p>" + "a" * size + "</p>")


def _tag_labels(size: int, rng: random.Random) -> str:
    labels = "".join(f'<b>Tags:</b> <a href="/tag/{i}">topic{i}</a> ' for i in range(size))
    return _page(f"<div>{_prose(6)}{labels}</div>")


def _unclosed_title(size: int, rng: random.Random) -> str:
    """`<title>` never closed: the parser reads the rest of the page as the title's text."""
    crumbs = " | ".join(["Home", "News", "Region", "Valley"])
    body = f"<p>{crumbs} - {_words(rng, 200)}</p>"
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(body)
        total += len(body)
    return f"<html><head><title>{''.join(parts)}"


def _deep_nesting(size: int, rng: random.Random) -> str:
    return _page("<div>" * size + _prose(6) + "</div>" * size)


@dataclass(frozen=True, slots=True)
class SizeAttack:
    """A page built around one feature of size `top` at most (issue 11's size unless noted)."""

    name: str
    build: Callable[[int, random.Random], str]
    top: int
    unit: str

    def sizes(self, steps: int, scale: float = 1.0) -> list[int]:
        """`steps` sizes doubling up to `top * scale` (ascending): time ratios between
        neighbours show the growth rate (about 2 when linear, 4 when quadratic)."""
        top = max(1, int(self.top * scale))
        return sorted({max(1, top >> shift) for shift in range(steps)})


SIZE_ATTACKS: dict[str, SizeAttack] = {
    a.name: a
    for a in (
        SizeAttack("huge_title", _huge_title, 1_000_000, "bytes of <title>"),
        SizeAttack("title_separators", _title_separators, 20_000, '" | " separators in <title>'),
        SizeAttack("rel_tags", _rel_tags, 2_000, 'rel="tag" links + "Tags:" tails'),
        SizeAttack("many_attributes", _many_attributes, 100_000, "attributes on one element"),
        SizeAttack("nested_authors", _nested_authors, 250, "nested itemprop=author"),
        SizeAttack("many_paragraphs", _many_paragraphs, 1_000_000, "<p>"),
        SizeAttack("many_breaks", _many_breaks, 1_000_000, "<br>"),
        SizeAttack("pre_lines", _pre_lines, 200_000, "lines of <pre>"),
        SizeAttack("big_table", _big_table, 2_000, "rows of 100 cells"),
        SizeAttack("many_h2", _many_h2, 10_000, "<h2> sections"),
        SizeAttack("jsonld_list", _jsonld_list, 1_000_000, "items in a JSON-LD list"),
        SizeAttack("long_word", _long_word, 5_000_000, "bytes of one word"),
        SizeAttack("tag_labels", _tag_labels, 2_000, "<b>Tags:</b> labels"),
        SizeAttack("unclosed_title", _unclosed_title, 4_000_000, "bytes after <title>"),
        SizeAttack("deep_nesting", _deep_nesting, 100_000, "nested <div> (not in issue 11)"),
    )
}


def size_attack_document(seed: int, name: str, size: int) -> FuzzDocument:
    """The page of size attack `name` at `size`, as UTF-8 bytes (under the fetch cap)."""
    attack = SIZE_ATTACKS[name]
    html = attack.build(size, _rng(seed, name, size)).encode("utf-8")
    if len(html) > FETCH_CAP_BYTES:
        raise ValueError(f"{name}@{size} is {len(html)} bytes, over the {FETCH_CAP_BYTES} cap")
    return FuzzDocument(name, seed, -1, html, DEFAULT_URL, "synthetic", size)


def size_attack_documents(
    seed: int, steps: int = 3, scale: float = 1.0
) -> Iterator[list[FuzzDocument]]:
    """For each size attack, its documents at `steps` doubling sizes (built lazily per attack)."""
    for attack in SIZE_ATTACKS.values():
        yield [size_attack_document(seed, attack.name, s) for s in attack.sizes(steps, scale)]
