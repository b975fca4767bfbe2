"""The sandbox page in a real browser: paste a link, see Skim's card drawn as Discord draws it,
press 🗑 and see it go; commands, private answers, dropped files, edits and offline links."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from sandbox.run import Sandbox
from tests.helpers import SEED_HEADLINE, SEED_SUBHEADINGS, paragraph
from tests.sandbox.conftest import need_browser, screenshot_path

need_browser()
pytestmark = pytest.mark.asyncio(loop_scope="module")

CARD_SECONDS = 30_000  # ms: the first digest also starts the worker process
EXAMPLE = "tfiglobal-lavrov-nato.html"


def reply_to(marker: str) -> str:
    """The selector of Skim's message replying to the message that contains `marker`."""
    return f'li.message:has(.context:has-text("{marker}"))'


async def type_and_send(page: Any, text: str) -> None:
    """Type in the message box and press Enter, as a person would."""
    await page.fill("#input", text)
    await page.press("#input", "Enter")


async def test_pasted_link_shows_the_card_and_the_bin_removes_it(
    page: Any, sandbox: Sandbox, tmp_path: Path
) -> None:
    """Click an example (its link lands in the message box), send it: the card shows the linked
    headline, one field per subheading with ↗ links, the footer's tags and a 🗑 button; the
    screenshot is saved; 🗑 deletes the card."""
    await page.click(f'#examples li[data-url$="{EXAMPLE}"]')
    url = await page.input_value("#input")
    assert url == sandbox.state.page_url(EXAMPLE)
    await page.press("#input", "Enter")
    card = page.locator(f"{reply_to(EXAMPLE)} .embed")
    await card.wait_for(timeout=CARD_SECONDS)

    title = card.locator("a.embed-title")
    assert await title.inner_text() == SEED_HEADLINE
    assert await title.get_attribute("href") == url
    names = await card.locator(".embed-field-name").all_inner_texts()
    assert names == list(SEED_SUBHEADINGS)
    arrows = card.locator('.embed-field-value a:text-is("↗")')
    assert await arrows.count() >= len(SEED_SUBHEADINGS)
    assert (await arrows.first.get_attribute("href") or "").startswith(url + "#:~:text=")
    footer = await card.locator(".embed-footer").inner_text()
    assert "#NATO #Russia #Sergei Lavrov" in footer and "min read" in footer
    # Markdown escapes are drawn as Discord draws them: no stray backslashes.
    assert "\\" not in await card.inner_text()
    message = page.locator(reply_to(EXAMPLE))
    assert await message.locator(".author").inner_text() == "Skim"
    assert await message.locator(".tag").inner_text() == "APP"

    # Tall enough for the whole conversation, scrolled to the end as a chat is.
    await page.set_viewport_size({"width": 1280, "height": 1200})
    await page.evaluate(
        "() => { const m = document.getElementById('messages'); m.scrollTop = m.scrollHeight; }"
    )
    await page.screenshot(path=str(screenshot_path(tmp_path, "sandbox.png")))

    await message.locator('button[data-action="press"]:has-text("🗑")').click()
    await message.wait_for(state="detached", timeout=10_000)
    assert await page.locator(reply_to(EXAMPLE)).count() == 0


async def test_every_part_of_an_embed_is_drawn(page: Any, sandbox: Sandbox) -> None:
    """A bot message with author, title link, description, inline fields, thumbnail, image,
    footer, timestamp and a button is drawn part by part, its markdown rendered safely."""
    channel = sandbox.guild.general
    thumbnail = sandbox.state.origin + "/static/thumb.png"
    embed = {
        "author": {"name": "Ada Writer", "url": "https://example.org/ada"},
        "title": "A \\*starred\\* headline",
        "url": "https://example.org/story",
        "description": "**Bold** and [a masked link](https://example.org/m) <b>not html</b>",
        "color": 0x4F8A8B,
        "fields": [
            {"name": "Left", "value": "one", "inline": True},
            {"name": "Right", "value": "two", "inline": True},
            {"name": "Wide", "value": "`code`", "inline": False},
        ],
        "thumbnail": {"url": thumbnail},
        "image": {"url": "https://example.org/big.png"},
        "footer": {"text": "Footer *as typed*"},
        "timestamp": "2025-01-02T03:04:05+00:00",
    }
    button = {"type": 2, "style": 2, "custom_id": "x:1", "emoji": {"name": "🔁"}}
    payload = {
        "content": "full-embed",
        "embeds": [embed],
        "components": [{"type": 1, "components": [button]}],
    }
    async with aiohttp.ClientSession() as http:
        posted = await http.post(
            f"{sandbox.fake.api_base}/channels/{channel}/messages",
            json=payload,
            headers={"Authorization": "Bot sandbox-token"},
        )
        assert posted.status == 200
    message = page.locator('li.message:has(.content:text-is("full-embed"))')
    card = message.locator(".embed")
    await card.wait_for()
    assert await card.locator(".embed-author a").get_attribute("href") == "https://example.org/ada"
    assert await card.locator(".embed-author").inner_text() == "Ada Writer"
    assert await card.locator(".embed-title").inner_text() == "A *starred* headline"
    description = card.locator(".embed-description")
    assert await description.locator("strong").inner_text() == "Bold"
    assert await description.locator("a").get_attribute("href") == "https://example.org/m"
    assert await description.locator("b").count() == 0  # HTML in text is shown, never run
    assert "<b>not html</b>" in await description.inner_text()
    assert await card.locator(".embed-field.inline").count() == 2
    assert await card.locator(".embed-field-value code").inner_text() == "code"
    assert await card.locator(".embed-thumbnail img").get_attribute("src") == thumbnail
    # Offline, a stranger's image is not loaded: the page talks to nobody.
    assert "not loaded offline" in await card.locator(".embed-image").inner_text()
    assert await card.locator(".embed-footer-text").inner_text() == "Footer *as typed*"
    assert (
        await card.locator("time.embed-timestamp").get_attribute("datetime") == (embed["timestamp"])
    )
    colour = await card.evaluate("e => getComputedStyle(e).borderLeftColor")
    assert colour == "rgb(79, 138, 139)"
    assert await message.locator('button[data-custom-id="x:1"]').inner_text() == "🔁"


async def test_slash_commands_and_private_answers(page: Any, sandbox: Sandbox) -> None:
    """`/skim recent` and `/skim search` list the server's digests in answers only their asker
    sees; `/summarize … private` likewise; another person sees none of them."""
    url = sandbox.state.page_url(EXAMPLE)
    await type_and_send(page, f"digest for recent {url}")
    await page.locator(f"{reply_to('digest for recent')} .embed").wait_for(timeout=CARD_SECONDS)

    await page.fill("#input", "/skim re")
    picker = page.locator("#command-picker li")
    assert "/skim recent" in await picker.first.inner_text()
    await type_and_send(page, "/skim recent")
    recent = page.locator('li.message.ephemeral:has(.context:has-text("/skim recent"))')
    await recent.wait_for(timeout=10_000)
    assert await recent.locator(".embed-title").inner_text() == "Latest digests"
    assert SEED_HEADLINE[:40] in await recent.locator(".embed-description").inner_text()
    assert await recent.locator(".only-you").inner_text() == "Only you can see this"

    await type_and_send(page, "/skim search lavrov nato")
    found = page.locator('li.message.ephemeral:has(.context:has-text("/skim search"))')
    await found.wait_for(timeout=10_000)
    assert await found.locator(".embed-title").inner_text() == "Digests matching “lavrov nato”"
    assert SEED_HEADLINE[:40] in await found.locator(".embed-description").inner_text()

    await type_and_send(page, f"/summarize {url} private")
    private = page.locator('li.message.ephemeral:has(.context:has-text("/summarize")) .embed')
    await private.wait_for(timeout=CARD_SECONDS)
    assert await private.locator(".embed-title").inner_text() == SEED_HEADLINE

    await page.select_option("#viewer", label="sam")
    await page.wait_for_timeout(200)
    assert await page.locator("li.message.ephemeral").count() == 0


async def test_dropped_html_file_is_posted_and_digested(page: Any, tmp_path: Path) -> None:
    """An HTML file given to the page is served by the sandbox, its link posted, and digested."""
    article = tmp_path / "my-own-article.html"
    body = "".join(f"<h2>Part {n}</h2><p>{paragraph(n, 4)}</p>" for n in range(3))
    article.write_text(
        "<!doctype html><html><head><title>My Own Article</title></head><body><article>"
        f"<h1>My Own Article</h1><p>{paragraph(0, 5)}</p>{body}</article></body></html>"
    )
    await page.set_input_files("#file", str(article))
    card = page.locator(f"{reply_to('my-own-article.html')} .embed")
    await card.wait_for(timeout=CARD_SECONDS)
    assert await card.locator(".embed-title").inner_text() == "My Own Article"
    assert await card.locator(".embed-field-name").all_inner_texts() == [
        "Part 0",
        "Part 1",
        "Part 2",
    ]


async def test_editing_in_a_link_brings_its_card(page: Any, sandbox: Sandbox) -> None:
    """Edit your own message to add a link (✏️, type, Enter): Skim answers the edit."""
    await type_and_send(page, "edit-me soon")
    mine = page.locator('li.message:has(.content:has-text("edit-me soon"))')
    await mine.wait_for()
    await mine.hover()
    await mine.locator('button[data-action="edit"]').click()
    box = page.locator("li.message .edit-box")  # the message's text is now this box
    await box.fill(f"edit-me now {sandbox.state.page_url('balcony-composting-blog.html')}")
    await box.press("Enter")
    await page.locator('li.message .content:has-text("edit-me now")').wait_for()
    assert await page.locator('li.message:has(.content:has-text("edit-me now")) .edited').count()
    card = page.locator(f"{reply_to('edit-me now')} .embed")
    await card.wait_for(timeout=CARD_SECONDS)
    assert re.search("Compost", await card.locator(".embed-title").inner_text())


async def test_real_link_offline_gets_a_note(page: Any) -> None:
    """Offline, a real link is passed over, and the sandbox says why and how to go online."""
    await type_and_send(page, "offline-check https://example.org/story")
    note = page.locator('li.note:has-text("https://example.org/story")')
    await note.wait_for()
    assert "--online" in await note.inner_text()
