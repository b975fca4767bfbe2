"""Speed: Skim's full digest against a bare parse, readability-lxml and trafilatura, page by page.

Every page of ../shared/corpus (aeb, moz and trafi) goes through each contender in turn
(interleaved, so that machine noise hits all of them alike), after a warm-up pass. Inputs are
decoded text, the same string for every contender. A page's time is the CPU time of its best
round (the machine is shared: wall-clock time would measure the neighbours too).
Prints a markdown table (median and p95 ms per page, total, median ratios to the floor and to
Skim), the median per-page ratio of Skim's digest to trafilatura's extract() (the target), the
slowest page, Skim's extraction half (`read_article`: parse, metadata, main text) against the
rest of the digest (claims, tags), and Skim's peak RSS, measured in a child process that runs
Skim alone; writes the table as JSON to benchmarks/results/speed.json.
Run with `make bench` or `.venv/bin/python benchmarks/speed.py` (needs `pip install -e .[bench]`).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.stats import percentile
from testkit.corpus import MOZ_URL, aeb_pages, missing_corpus, moz_pages
from testkit.trafi import trafi_available, trafi_pages

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_VS_READABILITY = 1.0  # Skim's median must not exceed readability-lxml's summary() alone
# The target: Skim's whole digest at most trafilatura's extract() alone (median of the
# per-page ratios), and no page over a second.
TARGET_VS_TRAFILATURA = 1.0
MAX_PAGE_SECONDS = 1.0
SKIM = "skim digest_html()"
EXTRACTION = "skim read_article() (extraction half)"
TRAFILATURA = "trafilatura.extract()"


def corpus_texts() -> list[tuple[str, str | None]]:
    from summarizer.net.charset import decode_html

    pages: list[tuple[str, str | None]] = [(decode_html(p.html)[0], p.url) for p in aeb_pages()]
    pages += [(decode_html(p.html)[0], MOZ_URL) for p in moz_pages()]
    if trafi_available():
        pages += [(decode_html(p.html)[0], p.url) for p in trafi_pages()]
    return pages


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def parse_only(html: str, url: str | None) -> object:
    """The floor: lxml's parse alone, less the XML declaration it refuses in a string."""
    import lxml.html

    return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))


def readability_summary(html: str, url: str | None) -> object:
    from readability import Document

    try:
        return Document(html).summary()
    except Exception as error:  # a page it cannot read costs time too
        return error


def trafilatura_extract(html: str, url: str | None) -> object:
    import trafilatura

    return trafilatura.extract(html)


def skim_digest(html: str, url: str | None) -> object:
    from summarizer import SummarizerError, digest_html

    try:
        return digest_html(html, url)
    except SummarizerError as error:  # a refused page is a result too, and costs time
        return error


def skim_extraction(html: str, url: str | None) -> object:
    from summarizer import SummarizerError
    from summarizer.pipeline import read_article

    try:
        return read_article(html, url)
    except SummarizerError as error:
        return error


def contenders() -> dict[str, Callable[[str, str | None], object]]:
    found: dict[str, Callable[[str, str | None], object]] = {
        "lxml parse (floor)": parse_only,
        "readability-lxml summary()": readability_summary,
    }
    try:
        import trafilatura  # noqa: F401

        found[TRAFILATURA] = trafilatura_extract
    except ImportError:
        print("trafilatura is not installed (pip install -e .[bench]); its row is left out")
    found[EXTRACTION] = skim_extraction
    found[SKIM] = skim_digest
    return found


def skim_peak_rss_mb() -> float:
    """Peak RSS of a child process that only digests every page with Skim, as the child
    measures it (RUSAGE_CHILDREN would count this process's memory: Linux carries the memory
    a child started with over its exec into its ru_maxrss)."""
    child = subprocess.run(
        [sys.executable, __file__, "--skim-only"], check=True, capture_output=True, text=True
    )
    return int(child.stdout.split()[-1]) / 1024


def run_skim_only() -> None:
    for html, url in corpus_texts():
        skim_digest(html, url)
    print(_own_peak_rss_kb())


def _own_peak_rss_kb() -> int:
    """This process's peak RSS since its exec (VmHWM), in KiB; ru_maxrss where /proc is not."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


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
    # best[name][i]: the fastest of the rounds for page i
    best: dict[str, list[float]] = {name: [float("inf")] * len(pages) for name in tools}
    for _ in range(args.rounds):
        for index, (html, url) in enumerate(pages):
            for name, run in tools.items():
                started = time.process_time()  # CPU time: other work on the machine
                run(html, url)  # slows the wall clock, not this
                elapsed = (time.process_time() - started) * 1000
                best[name][index] = min(best[name][index], elapsed)

    peak_rss = skim_peak_rss_mb()
    medians = {name: statistics.median(values) for name, values in best.items()}
    floor = medians["lxml parse (floor)"]
    skim = medians[SKIM]
    lines = [
        f"{len(pages)} pages (aeb, moz, trafi) x {args.rounds} rounds, interleaved, after a "
        "warm-up pass; a page's time is the CPU time of its best round",
        "",
        "| contender | median ms | p95 ms | total s | ×floor | ×skim |",
        "|---|---|---|---|---|---|",
    ]
    for name, values in best.items():
        lines.append(
            f"| {name} | {medians[name]:.2f} | {percentile(values, 0.95):.2f} | "
            f"{sum(values) / 1000:.2f} | {medians[name] / floor:.2f} | "
            f"{medians[name] / skim:.2f} |"
        )
    versus_readability = skim / medians["readability-lxml summary()"]
    slowest = max(range(len(pages)), key=lambda i: best[SKIM][i])
    rest = [total - part for total, part in zip(best[SKIM], best[EXTRACTION], strict=True)]
    lines += [
        "",
        f"Skim / readability-lxml summary(): {versus_readability:.2f}× "
        f"(target ≤ {TARGET_VS_READABILITY})",
    ]
    summary: dict[str, float] = {"skim_vs_readability": versus_readability}
    if TRAFILATURA in best:
        per_page = _median_ratio(best[SKIM], best[TRAFILATURA])
        extraction = _median_ratio(best[EXTRACTION], best[TRAFILATURA])
        lines += [
            f"Skim digest_html / trafilatura.extract(), median per-page ratio: {per_page:.2f}× "
            f"(target ≤ {TARGET_VS_TRAFILATURA})",
            f"  of which the extraction half (read_article): {extraction:.2f}×, the rest "
            f"(claims, tags): {_median_ratio(rest, best[TRAFILATURA]):.2f}×",
        ]
        summary |= {
            "skim_vs_trafilatura_per_page": per_page,
            "extraction_vs_trafilatura": extraction,
        }
    lines += [
        f"Skim per page, median: extraction half {medians[EXTRACTION]:.2f} ms, the rest "
        f"{statistics.median(rest):.2f} ms",
        f"Slowest page for Skim: {best[SKIM][slowest]:.0f} ms ({pages[slowest][1] or 'no url'}; "
        f"target ≤ {MAX_PAGE_SECONDS * 1000:.0f} ms)",
        f"Skim peak RSS (child process, all pages): {peak_rss:.0f} MB",
    ]
    table = "\n".join(lines)
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "speed.json").write_text(
        json.dumps(
            {
                "medians_ms": medians,
                "p95_ms": {n: percentile(v, 0.95) for n, v in best.items()},
                **summary,
                "slowest_page_ms": best[SKIM][slowest],
                "skim_peak_rss_mb": peak_rss,
                "table": table,
            },
            indent=2,
        )
    )
    return 0


def _median_ratio(times: list[float], anchors: list[float]) -> float:
    """The median over pages of time / anchor time."""
    return statistics.median(t / a for t, a in zip(times, anchors, strict=True) if a > 0)


if __name__ == "__main__":
    sys.exit(main())
