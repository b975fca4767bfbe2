"""Speed: Skim's full digest against a bare parse, readability-lxml and trafilatura, page by page.

Every page of ../shared/corpus (aeb and moz) goes through each contender in turn (interleaved,
so that machine noise hits all of them alike), after a warm-up pass. Inputs are decoded text,
the same string for every contender. Prints a markdown table (median and p95 ms per page, total,
median ratios to the floor and to Skim) and Skim's peak RSS, measured in a child process that
runs Skim alone; writes the table as JSON to benchmarks/results/speed.json.
Run with `make bench` or `.venv/bin/python benchmarks/speed.py` (needs `pip install -e .[bench]`).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lxml.html

from benchmarks.stats import percentile
from testkit.corpus import aeb_pages, missing_corpus, moz_pages

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_VS_READABILITY = 1.0  # Skim's median must not exceed readability-lxml's summary() alone
STRETCH_VS_TRAFILATURA = 1.0


def corpus_texts() -> list[tuple[str, str | None]]:
    from summarizer.net.charset import decode_html

    pages: list[tuple[str, str | None]] = [(decode_html(p.html)[0], p.url) for p in aeb_pages()]
    pages += [(decode_html(p.html)[0], "http://fakehost/test/page.html") for p in moz_pages()]
    return pages


def parse_only(html: str, url: str | None) -> object:
    return lxml.html.fromstring(html)


def readability_summary(html: str, url: str | None) -> object:
    from readability import Document

    return Document(html).summary()


def trafilatura_extract(html: str, url: str | None) -> object:
    import trafilatura

    return trafilatura.extract(html)


def skim_digest(html: str, url: str | None) -> object:
    from summarizer import SummarizerError, digest_html

    try:
        return digest_html(html, url)
    except SummarizerError as error:  # a refused page is a result too, and costs time
        return error


def contenders() -> dict[str, Callable[[str, str | None], object]]:
    found: dict[str, Callable[[str, str | None], object]] = {
        "lxml parse (floor)": parse_only,
        "readability-lxml summary()": readability_summary,
    }
    try:
        import trafilatura  # noqa: F401

        found["trafilatura.extract()"] = trafilatura_extract
    except ImportError:
        print("trafilatura is not installed (pip install -e .[bench]); its row is left out")
    found["skim digest_html()"] = skim_digest
    return found


def skim_peak_rss_mb() -> float:
    """Peak RSS of a child process that only digests every page with Skim."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, __file__, "--skim-only"], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024


def run_skim_only() -> None:
    for html, url in corpus_texts():
        skim_digest(html, url)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skim-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the corpus")
    args = parser.parse_args()
    problem = missing_corpus()
    if problem is not None:
        print(f"speed.py: {problem}")
        return 2
    if args.skim_only:
        run_skim_only()
        return 0

    pages = corpus_texts()
    tools = contenders()
    for html, url in pages:  # warm-up: imports, caches, regex compilation
        for run in tools.values():
            run(html, url)
    timings: dict[str, list[float]] = {name: [] for name in tools}
    for _ in range(args.rounds):
        for html, url in pages:
            for name, run in tools.items():
                started = time.perf_counter()
                run(html, url)
                timings[name].append((time.perf_counter() - started) * 1000)

    peak_rss = skim_peak_rss_mb()
    medians = {name: statistics.median(values) for name, values in timings.items()}
    floor = medians["lxml parse (floor)"]
    skim = medians["skim digest_html()"]
    lines = [
        f"{len(pages)} pages x {args.rounds} rounds, interleaved, after a warm-up pass",
        "",
        "| contender | median ms | p95 ms | total s | ×floor | ×skim |",
        "|---|---|---|---|---|---|",
    ]
    for name, values in timings.items():
        lines.append(
            f"| {name} | {medians[name]:.2f} | {percentile(values, 0.95):.2f} | "
            f"{sum(values) / 1000 / args.rounds:.2f} | {medians[name] / floor:.2f} | "
            f"{medians[name] / skim:.2f} |"
        )
    versus_readability = skim / medians["readability-lxml summary()"]
    lines += [
        "",
        f"Skim / readability-lxml summary(): {versus_readability:.2f}× "
        f"(target ≤ {TARGET_VS_READABILITY})",
    ]
    if "trafilatura.extract()" in medians:
        versus_trafilatura = skim / medians["trafilatura.extract()"]
        lines.append(
            f"Skim / trafilatura.extract(): {versus_trafilatura:.2f}× "
            f"(stretch ≤ {STRETCH_VS_TRAFILATURA})"
        )
    lines.append(f"Skim peak RSS (child process, all pages): {peak_rss:.0f} MB")
    table = "\n".join(lines)
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "speed.json").write_text(
        json.dumps(
            {
                "medians_ms": medians,
                "p95_ms": {n: percentile(v, 0.95) for n, v in timings.items()},
                "skim_vs_readability": versus_readability,
                "skim_peak_rss_mb": peak_rss,
                "table": table,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
