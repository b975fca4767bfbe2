"""Hypothesis strategies shared by the URL tests: URLs as people paste them, chat words."""

from __future__ import annotations

from hypothesis import strategies as st

from summarizer.net.urls import TRACKING_PARAMETERS

_label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)
_tld = st.from_regex(r"[a-z]{2,6}", fullmatch=True)
_segment = st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9_.-]{0,10}[A-Za-z0-9])?", fullmatch=True)
_key = st.from_regex(r"[a-z][a-z0-9]{0,7}", fullmatch=True).filter(
    lambda key: key not in TRACKING_PARAMETERS and not key.startswith("utm")
)
query_value = st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True)


@st.composite
def urls(draw: st.DrawFn) -> str:
    """Plain http(s) URLs as people paste them: host, path, maybe a query; no trailing marks."""
    scheme = draw(st.sampled_from(["http", "https"]))
    host = ".".join([*draw(st.lists(_label, min_size=1, max_size=3)), draw(_tld)])
    path = "/".join(draw(st.lists(_segment, max_size=4)))
    pairs = draw(st.lists(st.tuples(_key, query_value), max_size=3))
    query = "&".join(f"{key}={value}" for key, value in pairs)
    return f"{scheme}://{host}/{path}" + (f"?{query}" if query else "")


words = st.lists(st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True), max_size=4).map(" ".join)
