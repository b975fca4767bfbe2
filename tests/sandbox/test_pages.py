"""The sandbox's pages: the bundled examples and dropped files, under safe names."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox.pages import MAX_PAGE_BYTES, PageError, PageStore, page_title, safe_name

ROOT = Path(__file__).resolve().parents[2]


def test_examples_are_served_with_their_titles() -> None:
    """Every examples/*.html is a page, listed by its <title>."""
    store = PageStore.with_examples(ROOT / "examples")
    names = [page.name for page in store.pages()]
    assert names == sorted(path.name for path in (ROOT / "examples").glob("*.html"))
    lavrov = store.get("tfiglobal-lavrov-nato.html")
    assert lavrov is not None and lavrov.title.startswith("Why Does Russia See NATO")


def test_missing_examples_folder_gives_an_empty_store(tmp_path: Path) -> None:
    """An installed copy without examples/ still starts."""
    assert PageStore.with_examples(tmp_path / "absent").pages() == []


def test_dropped_names_are_made_safe_and_kept_apart() -> None:
    """A dropped name loses path parts and odd characters; a different page under the same
    name gets a fresh one, the same page keeps its name."""
    assert safe_name("../../etc/My Story (final).htm") == "My-Story-final-.htm"
    assert safe_name("notes") == "notes.html"
    store = PageStore()
    first = store.add("story.html", b"<p>one</p>")
    again = store.add("story.html", b"<p>one</p>")
    other = store.add("story.html", b"<p>two</p>")
    assert (first.name, again.name, other.name) == ("story.html", "story.html", "story-2.html")


def test_empty_and_oversized_files_are_refused() -> None:
    """Nothing to read, or more than the fetcher would read, is a one-line PageError."""
    store = PageStore()
    with pytest.raises(PageError, match="is empty"):
        store.add("blank.html", b"  \n")
    with pytest.raises(PageError, match="larger than 5 MiB"):
        store.add("huge.html", b"x" * (MAX_PAGE_BYTES + 1))


def test_title_falls_back_to_the_file_name() -> None:
    """A page without <title> is listed by its name; entities in titles are decoded."""
    assert page_title(b"<p>no title</p>", "file.html") == "file.html"
    assert page_title(b"<title> A &amp; B </title>", "x") == "A & B"
