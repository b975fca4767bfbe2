"""The message box's `/…` text read against Skim's registered commands."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.commands import CommandError, message_menus, parse_slash, usages
from sandbox.discord_server import ChannelOption

# The shapes discord.py registers for Skim's commands (trimmed to what parsing reads).
COMMANDS: list[dict[str, Any]] = [
    {
        "name": "summarize",
        "type": 1,
        "description": "Digest an article",
        "options": [
            {"type": 3, "name": "url", "description": "The article's link", "required": True},
            {"type": 5, "name": "private", "description": "Only you", "required": False},
        ],
    },
    {
        "name": "skim",
        "type": 1,
        "description": "Skim",
        "options": [
            {
                "type": 1,
                "name": "search",
                "description": "Search digests",
                "options": [{"type": 3, "name": "query", "description": "Words", "required": True}],
            },
            {"type": 1, "name": "recent", "description": "Latest digests"},
            {
                "type": 2,
                "name": "settings",
                "description": "Settings",
                "options": [
                    {
                        "type": 1,
                        "name": "auto",
                        "description": "Auto mode",
                        "options": [
                            {
                                "type": 3,
                                "name": "mode",
                                "description": "When",
                                "required": True,
                                "choices": [{"name": n, "value": n} for n in ("all", "off")],
                            }
                        ],
                    },
                    {
                        "type": 1,
                        "name": "max-links",
                        "description": "Cap",
                        "options": [{"type": 4, "name": "n", "description": "n", "required": True}],
                    },
                    {
                        "type": 1,
                        "name": "channel-add",
                        "description": "List a channel",
                        "options": [
                            {"type": 7, "name": "channel", "description": "c", "required": True}
                        ],
                    },
                ],
            },
        ],
    },
    {"name": "Summarize links", "type": 3},
]
CHANNELS = {"general": 11, "reading": 12}


def test_positional_options_and_a_trailing_flag() -> None:
    """`/summarize URL private` gives the url and private=True."""
    call = parse_slash("/summarize https://example.org/a private", COMMANDS, CHANNELS)
    assert (call.path, call.options) == (
        "summarize",
        {"url": "https://example.org/a", "private": True},
    )


def test_last_text_option_takes_the_rest_of_the_line() -> None:
    """`/skim search` takes several words as one query."""
    call = parse_slash("/skim search  nato   budget talks", COMMANDS, CHANNELS)
    assert (call.path, call.options) == ("skim search", {"query": "nato budget talks"})


def test_named_options_as_discord_writes_them() -> None:
    """`name:value` pairs, in any order, as Discord's box shows filled options."""
    call = parse_slash("/summarize private:false url:https://example.org/b", COMMANDS, CHANNELS)
    assert call.options == {"url": "https://example.org/b", "private": False}


def test_groups_integers_choices_and_channels() -> None:
    """Subcommand groups, typed options, choices and `#channel` names are read."""
    assert parse_slash("/skim settings max-links 4", COMMANDS, CHANNELS).options == {"n": 4}
    assert parse_slash("/skim settings auto off", COMMANDS, CHANNELS).path == "skim settings auto"
    channel = parse_slash("/skim settings channel-add #reading", COMMANDS, CHANNELS)
    assert isinstance(channel.options["channel"], ChannelOption)
    assert channel.options["channel"].channel_id == 12


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("/nope", "not one of Skim's commands: /skim recent"),
        ("/skim", "/skim needs one of: search, recent, settings"),
        ("/summarize", "/summarize needs url"),
        ("/skim settings auto sometimes", "mode must be one of: all, off"),
        ("/skim settings max-links lots", "n: 'lots' is not a valid whole number"),
        ("/skim settings channel-add #nowhere", "is not a valid channel"),
        ("/skim recent extra words", "did not understand: extra words"),
    ],
)
def test_mistakes_get_one_line_saying_what_is_wrong(text: str, says: str) -> None:
    """Every mistake is a CommandError whose one line names the problem."""
    with pytest.raises(CommandError) as raised:
        parse_slash(text, COMMANDS, CHANNELS)
    assert says in str(raised.value)
    assert "\n" not in str(raised.value)


def test_the_picker_lists_every_leaf_command_and_the_menus() -> None:
    """Usages name required options bare and optional ones in brackets."""
    listed = {entry["usage"]: entry for entry in usages(COMMANDS)}
    assert "/summarize url [private]" in listed
    assert listed["/skim search query"]["command"] == "/skim search"
    assert "/skim settings auto mode" in listed
    assert message_menus(COMMANDS) == ["Summarize links"]
