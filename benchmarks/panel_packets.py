"""Reader-panel packets: for a seeded sample of corpus pages, the card as posted and the truth.

`.venv/bin/python benchmarks/panel_packets.py --out DIR --count N --seed S` writes, per page,
`DIR/<id>.md` as ../shared/panel/RUBRIC.md describes: the card exactly as posted (links
removed), its sizes, the digest as JSON and the reference text (aeb `articleBody`, moz
`expected.html` with its subheadings marked, trafi "with"/"without" snippets, the seed's text).
A reader then writes `DIR/<id>.json` with the rubric's score and fault counts;
`--tally DIR` sums those files.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lxml.html

from testkit.cards import TrafiPage, card_text, trafi_available, trafi_pages, visible_length
from testkit.corpus import CORPUS, MOZ_URL, AebPage, aeb_pages

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT_DIR = CORPUS.parent / "seed"
SEED_PAGES = sorted(ROOT.glob("tests/fixtures/seed_*.html")) + sorted(ROOT.glob("examples/*.html"))
SEED_URL = "https://tfiglobal.com/geopolitics/why-does-russia-see-nato-as-a-direct-threat/"
FAULTS = (
    "furniture_section",
    "missing_section",
    "boilerplate_claim",
    "dangling_claim",
    "weak_claim",
    "missed_lede",
    "wrong_headline",
    "bad_tag",
    "broken_text",
    "overlong",
    "false_refusal",
)


@dataclass(frozen=True)
class Page:
    """One sampled page: where it comes from and what a person marked as its article."""

    packet_id: str
    url: str | None
    html: bytes
    reference: str


def _moz_reference(folder: Path) -> str:
    expected = lxml.html.document_fromstring((folder / "expected.html").read_text("utf-8"))
    for heading in expected.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        heading.text = f"\n\n## {heading.text_content().strip()}\n\n"
        for child in list(heading):
            heading.remove(child)
    for block in expected.iter("p", "li", "div", "blockquote", "pre", "tr"):
        block.tail = "\n" + (block.tail or "")
    text = expected.text_content()
    meta = json.loads((folder / "expected-metadata.json").read_text("utf-8"))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    body = "\n".join(line for line in lines if line)
    return (
        f"Title: {meta.get('title')}\nByline: {meta.get('byline')}\n"
        f"Readerable (an article): {meta.get('readerable', True)}\n\n{body}"
    )


def _aeb_page(page: AebPage) -> Page:
    return Page(f"aeb-{page.page_id[:10]}", page.url, page.html, page.body)


def _moz_page(folder: Path) -> Page:
    html = (folder / "source.html").read_bytes()
    return Page(f"moz-{folder.name}", MOZ_URL, html, _moz_reference(folder))


def _trafi_page(page: TrafiPage) -> Page:
    reference = (
        "Snippets a person marked as ARTICLE text (must be in the main text):\n"
        + "\n".join(f"- {s}" for s in page.with_snippets)
        + "\n\nSnippets a person marked as NOT article (boilerplate):\n"
        + "\n".join(f"- {s}" for s in page.without_snippets)
    )
    # The whole id: two pages of one site share their first dozen characters.
    return Page(f"trafi-{page.page_id}", page.url, page.html, reference)


def _seed_page(path: Path) -> Page:
    seed_text = "\n".join(p.read_text("utf-8") for p in sorted(SEED_TEXT_DIR.glob("*.txt")))
    is_seed = path.name.startswith("seed_") or "lavrov" in path.name
    url = SEED_URL if is_seed else f"https://example.org/{path.stem}"
    reference = seed_text if is_seed else "(no separate reference: the page's own article text)"
    if path.stem == "seed_no_subheadings":
        # The fixture sets the seed's text without its subheadings (tests/fixtures/README.md).
        reference = (
            "(This copy of the page has NO subheadings in its markup: the six subheading lines "
            "of the browser dump below are absent from it, so a card without sections is right.)"
            "\n\n" + reference
        )
    return Page(f"seed-{path.stem}", url, path.read_bytes(), reference)


def _pages_of(corpus: str) -> list[Callable[[], Page]]:
    """Lazy loaders of every page of one set (the sample builds only the pages it draws)."""
    if corpus == "aeb":
        return [partial(_aeb_page, page) for page in aeb_pages()]
    if corpus == "moz":
        folders = sorted(p for p in (CORPUS / "moz").iterdir() if p.is_dir())
        return [partial(_moz_page, folder) for folder in folders]
    if corpus == "trafi":
        return [partial(_trafi_page, page) for page in trafi_pages()] if trafi_available() else []
    return [partial(_seed_page, path) for path in SEED_PAGES]


def sample(count: int, seed: int) -> list[Page]:
    """`count` pages drawn with `seed`, spread evenly over aeb, moz, trafi and the seed."""
    rng = random.Random(seed)
    sets = {name: _pages_of(name) for name in ("aeb", "moz", "trafi", "seed")}
    sets = {name: loaders for name, loaders in sets.items() if loaders}
    for loaders in sets.values():
        rng.shuffle(loaders)
    chosen: list[Page] = []
    names = list(sets)
    while len(chosen) < count and any(sets.values()):
        for name in names:
            if sets[name] and len(chosen) < count:
                chosen.append(sets[name].pop()())
    return chosen


def packet(page: Page) -> str:
    """The markdown packet of one page."""
    from bot.render import plan_messages
    from summarizer import NotAnArticle, digest_html

    head = f"# Packet {page.packet_id}\n\nURL: {page.url}\n\n"
    try:
        digest = digest_html(page.html, page.url)
    except NotAnArticle as refusal:
        return (
            head + f"## Card as posted\n\n(no card: Skim said the page is not an article: "
            f"{refusal})\n\n## Reference\n\n{page.reference}\n"
        )
    messages = plan_messages([digest])
    embeds = [embed for message in messages for embed in message.embeds]
    sizes = {
        "messages": len(messages),
        "embeds": len(embeds),
        "fields": sum(len(embed.fields) for embed in embeds),
        "visible_characters": visible_length(embeds),
        "embed_characters_counted_by_discord": sum(len(embed) for embed in embeds),
    }
    digest_json = json.dumps(
        {k: v for k, v in digest.to_dict().items() if k != "text"}, ensure_ascii=False, indent=1
    )
    return (
        head
        + "## Card as posted (links removed)\n\n```text\n"
        + card_text(embeds)
        + "\n```\n\n## Sizes\n\n"
        + "\n".join(f"- {key}: {value}" for key, value in sizes.items())
        + "\n\n## Digest JSON (the article text left out)\n\n```json\n"
        + digest_json
        + "\n```\n\n## Reference\n\n"
        + page.reference
        + "\n"
    )


def tally(folder: Path) -> str:
    """Mean score, cards at 2 or below, and the sum of every fault over `folder/*.json`."""
    scores: list[int] = []
    faults: Counter[str] = Counter()
    for path in sorted(folder.glob("*.json")):
        verdict = json.loads(path.read_text("utf-8"))
        scores.append(int(verdict["score"]))
        faults.update({k: int(v) for k, v in verdict.get("faults", {}).items()})
    if not scores:
        return f"no verdicts in {folder}"
    lines = [
        f"{len(scores)} cards, mean {sum(scores) / len(scores):.2f}, "
        f"{sum(1 for s in scores if s <= 2)} at 2 or below",
        *(f"- {name}: {faults[name]}" for name in FAULTS),
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for the packets")
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tally", type=Path, help="sum the verdict JSON files of a folder")
    args = parser.parse_args()
    if args.tally:
        print(tally(args.tally))
        return 0
    if args.out is None:
        parser.error("--out DIR is required (or --tally DIR)")
    args.out.mkdir(parents=True, exist_ok=True)
    for page in sample(args.count, args.seed):
        (args.out / f"{page.packet_id}.md").write_text(packet(page), "utf-8")
    print(f"{args.count} packets in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
