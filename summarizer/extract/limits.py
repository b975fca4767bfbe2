"""Every size limit of the engine, by name (like trafilatura's MAX_TREE_SIZE).

Pages are chosen by strangers: each limit bounds one thing a hostile page can blow up. Beyond a
limit the engine trims (a 1 MB `<title>` is cut) or refuses the page at once with
`NotAnArticle("too large to digest: …")`, before doing the work. Each value sits far above what
real pages have (the largest of the 645 pages of ../shared/corpus is in brackets), so no real
article is trimmed or refused; together they keep every step linear in the input and a page's
digest well under a second.
"""

from __future__ import annotations

# -- The page as a whole (checked on the text before it is parsed: parse.py) -------------------

MAX_PAGE_CHARS = 8_000_000
"""Characters of page text (5.0 MiB is the fetcher's body cap; 1.6 M the largest page). A
library caller's larger page is refused."""
MAX_ELEMENTS = 12_000
"""Elements parsed, counted as start tags (9,900 in the largest page, 4,300 in the next); a page
with more is cut before the first start tag beyond it, so its tree and every walk over it stay
bounded (each element costs up to about 90 µs on its way to a claim: at 15,000, a page of
10,000 `<h2>` took 1.1 s on an idle machine)."""
MAX_DEPTH = 100
"""Elements nested in one another (37). A deeper page is refused: readability serialises each
`<div>` to look inside it, a cost of depth × text. (libxml2 itself stops at 255.)"""
MAX_ATTRIBUTES_PER_ELEMENT = 1_000
"""Attributes of one element (70). libxml2's own parse is quadratic in them, so a page with
more is refused before parsing."""
MAX_NODE_TEXT_CHARS = 100_000
"""Characters of one text node (15,000), script and style aside; longer ones are cut."""
MAX_TEXT_CHARS = 1_000_000
"""Characters of text in the whole tree (496,000 in wikipedia-2, whose article is 119,000),
script and style aside; the text beyond it is dropped."""

# -- Plain-text documents (plaintext.py) ----------------------------------------------------

BINARY_SNIFF_BYTES = 8192
"""How much of the body is looked at to tell a binary file from text."""
MAX_MARKDOWN_CHARS = 100_000
"""Characters of a Markdown document rendered as Markdown (a long README has 30,000):
markdown-it-py takes about 13 µs a character on its worst input (a run of "["), so a longer
one is read as plain text."""
TITLE_SCAN_LINES = 80
"""Lines of the first page a title is looked for in (an RFC's title sits within its first 15,
after the header block)."""

# -- Metadata (metadata.py, jsonld.py) --------------------------------------------------------

MAX_META_CHARS = 10_000
"""Characters kept of one `<meta content>` (20,800, in a keywords list)."""
MAX_META_KEYS_PER_TAG = 8
"""Space-separated keys of one `<meta property|name>` registered (3)."""
MAX_TITLE_CHARS = 1_000
"""Characters kept of each headline source: `<title>`, og:title, JSON-LD headline, `<h1>`
(191)."""
MAX_HEADINGS = 10
"""Only the first few `<h1>`s can be the headline; later ones are widgets or chapters."""
MAX_URL_CHARS = 4_096
"""A canonical, og:url or og:image URL longer than this is not used (real ones are short)."""
MAX_DATE_CHARS = 100
"""A "date" longer than this is not one: it is not parsed."""
MAX_DATE_CANDIDATES = 20
"""Dates tried from each source (`<time>`, itemprop, each meta key): the first few."""
MAX_LANGUAGE_CHARS = 35
"""A language tag longer than this is not one (BCP 47 tags in use are under 20)."""
MAX_CANDIDATE_TEXT_CHARS = 1_000
"""Characters read of an element's text where a short value is sought (an author, a tag, a
site name): a longer one is rejected after cleaning anyway, so the rest is never read."""
MAX_JSONLD_CHARS = 500_000
"""Characters of one JSON-LD script (38,000); a longer script is ignored."""
MAX_JSONLD_DEPTH = 20
"""Levels of lists and `@graph`s followed when collecting JSON-LD nodes, and of lists in a
name value (4); deeper ones are ignored. (`json` itself raises RecursionError, caught, far
deeper.)"""
MAX_JSONLD_NODES = 1_000
"""JSON-LD objects of a page considered (about 30)."""
MAX_JSONLD_STEP_TEXTS = 500
"""Texts read from a HowTo's or Recipe's steps, however nested in sections (about 30)."""
MAX_NAMES = 20
"""Names read from one schema.org value (an author list)."""
MAX_TAGS = 8
"""At most this many tags per page (the spec's limit)."""
MAX_TAG_CHARS = 40
"""Longer "tags" are sentences or SEO stuffing, not topics."""
MAX_TAG_CANDIDATES = 200
"""Tag candidates of one tier looked at (58 rel=tag links); the first good 8 are kept."""
MAX_TAG_LABELS = 20
"""Visible "Tags:" labels looked at."""
MAX_TAG_LIST_CHARS = 400
"""A visible tag list is a short strip of links; a bigger container is not one."""
MAX_TAG_LIST_LINKS = 20
"""Links in a visible tag list."""
MAX_BYLINE_CHARS = 100
"""A byline longer than this is a bio or a caption, not a name."""
MAX_RATING_CHARS = 60
"""A fact-check's rating as its ClaimReview names it ("Unproven", "Mostly False", "Pants on
Fire"): a label; a longer text is an explanation, not a rating to show."""
MAX_AUTHORS = 3
"""Co-authors named in a byline; the rest are "et al." in practice."""
MAX_AUTHOR_ELEMENTS = 10
"""`itemprop=author` elements read (nested ones repeat their parent)."""
MAX_SITE_NAME_WORDS = 6
"""A longer "site name" is a headline or a slogan."""
MAX_BREADCRUMBS = 5
"""Elements named a breadcrumb read for a title's section labels (nested ones repeat)."""
MAX_NAVIGATION_REGIONS = 40
"""Navigation regions (`<nav>`, `<menu>`, the page's `<header>`, a box named a menu or a nav)
whose links are read as the site's own section labels (nested ones repeat their parent)."""
MAX_NAVIGATION_CHARS = 8_000
"""Characters of text of one navigation region (a mega-menu has a few thousand); a bigger one
is a wrapper of the page named after a menu it holds, and is not read."""
MAX_NAVIGATION_LINKS = 600
"""Links read, in all, from the navigation regions (a mega-menu has a few hundred)."""
MAX_NAVIGATION_LABEL_CHARS = 40
"""A navigation link's text longer than this is a teaser's title, not a section's label."""
MAX_BREADCRUMB_PIECES = 200
"""Text pieces (white space included) read from one breadcrumb element."""
MAX_BREADCRUMB_LABELS = 30
"""Breadcrumb steps kept, from the elements and from a JSON-LD BreadcrumbList each."""
MAX_CRUMB_WORDS = 4
"""A title segment of more words is no section label, even when the breadcrumb says it (its
last step is often the headline)."""
MAX_DATE_SEGMENT_CHARS = 60
"""A longer title segment is more than a date or a time ("lundi 6 novembre 2023 à 11h41")."""

# -- Claims and tags (summarizer/claims) ------------------------------------------------------

KEYPHRASE_TEXT_CHARS = 8_000
"""Keyphrases are computed from the first part of the text: an article states its topics early,
and the scorer's cost grows with the text."""
MAX_CLAIMED_SECTIONS = 300
"""Sections that get claims (116 subheadings in the corpus; a card shows at most 25)."""
MAX_RANKED_SENTENCES = 5_000
"""Sentences scored for claims (2,224 in wikipedia-2): a longer article's later
paragraphs give none."""
WORD_LISTS_KEPT = 5
"""Languages whose word-frequency lists (wordfreq's small lists, about 3.4 MB each in memory) a
process keeps at once: a worker that meets pages in forty languages holds the last few lists,
not all of them (about 150 MB), and reads a list again (15-25 ms) when its language returns."""
LINES_SPLIT_KEPT = 1_024
"""Lines whose sentences the splitter keeps (about a long article's paragraphs): a digest splits
each paragraph for its claims, then the same paragraphs as the opening for its keyphrases."""
LONGEST_LINE_KEPT = 4_000
"""The longest line whose sentences are kept: the cache outlives a page, so its size is bounded
by both limits (a few MB at most), never by a hostile page's one huge line."""
NEAR_DUPLICATE_WINDOW = 100
"""A claim is checked for near-duplicates against the claims of its own section and the last
this many claims before it, not against every earlier one (quadratic in sections)."""
MIN_OWN_TAG_LIFT = 60.0
"""A lone lower-case common word a page tags is its topic only when the article uses it at
least this many times as often as its language does ("hibernation" in a story on hibernation,
not "gear" or "technology" in a console review): a site's section otherwise."""
