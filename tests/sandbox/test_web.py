"""The sandbox's web server with the real bot behind it, over plain HTTP (no browser): the
page and its feed, the actions, the guard, and offline by default."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest

from sandbox.run import Sandbox
from tests.helpers import SEED_HEADLINE

pytestmark = pytest.mark.asyncio(loop_scope="module")

EXAMPLE = "tfiglobal-lavrov-nato.html"
JSON = {"Content-Type": "application/json"}


async def _post(sandbox: Sandbox, path: str, body: dict[str, Any]) -> tuple[int, Any]:
    async with (
        aiohttp.ClientSession() as http,
        http.post(sandbox.url.rstrip("/") + path, data=json.dumps(body), headers=JSON) as answer,
    ):
        return answer.status, await answer.json()


async def _state(sandbox: Sandbox) -> dict[str, Any]:
    async with (
        aiohttp.ClientSession() as http,
        http.get(sandbox.url + "api/state") as answer,
    ):
        data: dict[str, Any] = await answer.json()
        return data


async def _until(sandbox: Sandbox, found: Any, within: float = 30.0) -> Any:
    """Poll the state until `found(state)` returns something."""
    deadline = asyncio.get_running_loop().time() + within
    while asyncio.get_running_loop().time() < deadline:
        result = found(await _state(sandbox))
        if result:
            return result
        await asyncio.sleep(0.1)
    raise TimeoutError("the sandbox state never showed what the test waited for")


def _say(sandbox: Sandbox, content: str) -> dict[str, Any]:
    people = sandbox.guild.people
    return {"channel_id": str(sandbox.guild.general), "user_id": str(people[0].user.id)} | {
        "content": content
    }


async def test_the_page_its_assets_and_the_example_pages_are_served(sandbox: Sandbox) -> None:
    """/ is the channel page; its script and style load; examples are served as HTML."""
    async with aiohttp.ClientSession() as http:
        async with http.get(sandbox.url) as index:
            assert index.status == 200 and "<title>Skim sandbox</title>" in await index.text()
        for name in ("app.js", "style.css"):
            async with http.get(f"{sandbox.url}static/{name}") as asset:
                assert asset.status == 200
        async with http.get(f"{sandbox.url}static/run.py") as outside:
            assert outside.status == 404
        async with http.get(sandbox.state.page_url(EXAMPLE)) as page:
            assert page.content_type == "text/html"
            assert "Lavrov" in await page.text()


async def test_a_posted_link_is_answered_and_the_feed_carries_it(sandbox: Sandbox) -> None:
    """A message posted through the page's API reaches the bot as MESSAGE_CREATE; Skim's reply
    (with its 🗑 button) arrives in the state, and the event stream sends the state."""
    status, posted = await _post(
        sandbox, "/api/messages", _say(sandbox, "feed " + sandbox.state.page_url(EXAMPLE))
    )
    assert status == 200
    message_id = posted["id"]

    def reply(state: dict[str, Any]) -> Any:
        return next(
            (
                m
                for m in state["messages"]
                if (m.get("message_reference") or {}).get("message_id") == message_id
            ),
            None,
        )

    answer = await _until(sandbox, reply)
    assert answer["author"]["id"] == str(sandbox.fake.bot_user.id)
    assert answer["embeds"][0]["title"] == SEED_HEADLINE
    assert answer["components"][0]["components"][0]["emoji"]["name"] == "🗑"

    async with (
        aiohttp.ClientSession() as http,
        http.get(sandbox.url + "events") as events,
    ):
        assert events.content_type == "text/event-stream"
        assert await events.content.readline() == b"event: state\n"
        data = json.loads((await events.content.readline()).removeprefix(b"data: "))
        assert any(m["id"] == answer["id"] for m in data["messages"])


async def test_offline_a_real_link_is_refused_by_the_fetcher_itself(sandbox: Sandbox) -> None:
    """Offline by default: `/summarize` on a real site is refused by the guarded fetcher's port
    rule (before any name is resolved) and the page gets a note saying how to go online."""
    status, _ = await _post(
        sandbox, "/api/messages", _say(sandbox, "/summarize https://example.org/story")
    )
    assert status == 200

    def refusal(state: dict[str, Any]) -> Any:
        return next(
            (m["content"] for m in state["messages"] if "blocked port" in m.get("content", "")),
            None,
        )

    text = await _until(sandbox, refusal)
    assert f"example.org:443 (allowed ports: {sandbox.web.port})" in text
    notes = (await _state(sandbox))["notes"]
    assert any("https://example.org/story" in n["text"] and "--online" in n["text"] for n in notes)


async def test_mistakes_are_one_line_400s(sandbox: Sandbox) -> None:
    """A command Skim lacks, a missing option, an empty message: 400 with one line to show."""
    for content, says in [
        ("/frobnicate", "not one of Skim's commands"),
        ("/summarize", "/summarize needs url"),
        ("   ", "type a message first"),
    ]:
        status, answer = await _post(sandbox, "/api/messages", _say(sandbox, content))
        assert status == 400 and says in answer["error"]
    status, answer = await _post(sandbox, "/api/delete", {"message_id": "1"})
    assert status == 400 and answer["error"] == "that message is gone"


async def test_only_this_machine_may_drive_the_sandbox(sandbox: Sandbox) -> None:
    """Another Host (DNS rebinding) is refused, and so is an action sent as a plain form,
    which any web page could send without the browser asking first."""
    async with aiohttp.ClientSession() as http:
        async with http.get(sandbox.url, headers={"Host": "attacker.example"}) as rebound:
            assert rebound.status == 403
        form = json.dumps(_say(sandbox, sandbox.state.page_url(EXAMPLE)))
        async with http.post(
            sandbox.url + "api/messages", data=form, headers={"Content-Type": "text/plain"}
        ) as plain:
            assert plain.status == 415
        async with http.post(
            sandbox.url + "api/pages?name=x.html", data=b"<p>x</p>", headers=JSON
        ) as wrong_type:
            assert wrong_type.status == 415


async def test_a_dropped_page_is_served_from_the_sandbox(sandbox: Sandbox) -> None:
    """A dropped file gets a URL on the sandbox's origin that serves its bytes."""
    body = b"<html><head><title>Dropped</title></head><body><p>text</p></body></html>"
    async with aiohttp.ClientSession() as http:
        async with http.post(
            sandbox.url + "api/pages?name=../Dropped Page.html",
            data=body,
            headers={"Content-Type": "application/octet-stream"},
        ) as dropped:
            answer = await dropped.json()
        assert answer["url"] == sandbox.state.page_url("Dropped-Page.html")
        async with http.get(answer["url"]) as served:
            assert await served.read() == body
    examples = (await _state(sandbox))["examples"]
    assert {"name": "Dropped-Page.html", "title": "Dropped", "url": answer["url"]} in examples
