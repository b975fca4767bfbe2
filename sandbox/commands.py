"""What the page's message box does with `/…`: the text becomes a slash-command interaction,
read against the commands the bot registered (as Discord's command picker would)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sandbox.discord_server import ChannelOption

# Application command option types (https://discord.com/developers/docs/interactions).
SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, CHANNEL, NUMBER = 3, 4, 5, 7, 10
CHAT_INPUT, MESSAGE_MENU = 1, 3
_TRUE = frozenset({"true", "yes", "on"})
_FALSE = frozenset({"false", "no", "off"})


class CommandError(Exception):
    """The text is not a command the bot has, or lacks what the command needs (one line)."""


@dataclass(frozen=True, slots=True)
class SlashCall:
    """A command to inject: its path ("skim search") and its option values."""

    path: str
    options: dict[str, Any] = field(default_factory=dict)


def usages(commands: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Every leaf command as the picker lists it: its words (`/skim search`), its usage with
    the options (`/skim search query`) and its description."""
    found: list[dict[str, str]] = []

    def walk(prefix: str, node: Mapping[str, Any]) -> None:
        children = [o for o in node.get("options") or [] if o.get("type") in (1, 2)]
        if children:
            for child in children:
                walk(f"{prefix} {child['name']}", child)
            return
        words = [prefix]
        for option in node.get("options") or []:
            name = option["name"]
            words.append(name if option.get("required") else f"[{name}]")
        found.append(
            {
                "command": prefix,
                "usage": " ".join(words),
                "description": node.get("description") or "",
            }
        )

    for command in commands:
        if command.get("type", CHAT_INPUT) == CHAT_INPUT:
            walk(f"/{command['name']}", command)
    return sorted(found, key=lambda entry: entry["usage"])


def message_menus(commands: Sequence[Mapping[str, Any]]) -> list[str]:
    """The names of the message context menus ("Summarize links")."""
    return sorted(c["name"] for c in commands if c.get("type") == MESSAGE_MENU)


def parse_slash(
    text: str, commands: Sequence[Mapping[str, Any]], channels: Mapping[str, int]
) -> SlashCall:
    """`/summarize https://… private` or `/skim search query:some words` -> SlashCall.

    Options go by name (`name:value`) or in order; the last text option takes the rest of the
    line. `channels` maps channel names to ids for channel options (`#reading`).
    """
    words = text.strip().removeprefix("/").split()
    if not words:
        raise CommandError(_unknown(commands))
    node = next(
        (
            c
            for c in commands
            if c.get("type", CHAT_INPUT) == CHAT_INPUT and c["name"] == words[0].lower()
        ),
        None,
    )
    if node is None:
        raise CommandError(_unknown(commands))
    path = [node["name"]]
    rest = words[1:]
    while True:
        children = [o for o in node.get("options") or [] if o.get("type") in (1, 2)]
        if not children:
            break
        child = next((o for o in children if rest and o["name"] == rest[0].lower()), None)
        if child is None:
            names = ", ".join(o["name"] for o in children)
            raise CommandError(f"/{' '.join(path)} needs one of: {names}")
        node, rest = child, rest[1:]
        path.append(node["name"])
    options = node.get("options") or []
    values = _read_options(" ".join(rest), options, channels)
    for option in options:
        if option.get("required") and option["name"] not in values:
            raise CommandError(
                f"/{' '.join(path)} needs {option['name']}: {option.get('description', '')}"
            )
    return SlashCall(" ".join(path), values)


def _unknown(commands: Sequence[Mapping[str, Any]]) -> str:
    listed = ", ".join(entry["usage"] for entry in usages(commands)) or "none are registered yet"
    return f"not one of Skim's commands: {listed}"


def _read_options(
    text: str, options: Sequence[Mapping[str, Any]], channels: Mapping[str, int]
) -> dict[str, Any]:
    by_name = {option["name"]: option for option in options}
    if not text.strip():
        return {}
    if not by_name:
        raise CommandError(f"did not understand: {text.strip()}")
    named = list(re.finditer(r"(?:^|\s)(" + "|".join(map(re.escape, by_name)) + r"):", text))
    if named and not text[: named[0].start()].strip():
        values: dict[str, Any] = {}
        for number, match in enumerate(named):
            end = named[number + 1].start() if number + 1 < len(named) else len(text)
            option = by_name[match.group(1)]
            values[option["name"]] = _value(option, text[match.end() : end].strip(), channels)
        return values
    return _positional(text.split(), options, channels)


def _positional(
    tokens: list[str], options: Sequence[Mapping[str, Any]], channels: Mapping[str, int]
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    flags = {o["name"] for o in options if o.get("type") == BOOLEAN}
    # Trailing flag words (`private`) are read first, so a text option cannot swallow them.
    while tokens and tokens[-1].lower() in flags:
        values[tokens.pop().lower()] = True
    texts = [o for o in options if o.get("type") != BOOLEAN]
    for number, option in enumerate(texts):
        if not tokens:
            break
        last = number == len(texts) - 1
        if option.get("type") == STRING and last:
            raw, tokens = " ".join(tokens), []
        else:
            raw, tokens = tokens[0], tokens[1:]
        values[option["name"]] = _value(option, raw, channels)
    if tokens:
        raise CommandError(f"did not understand: {' '.join(tokens)}")
    return values


def _value(option: Mapping[str, Any], raw: str, channels: Mapping[str, int]) -> Any:
    name, kind = option["name"], option.get("type")
    try:
        if kind == BOOLEAN:
            if raw.lower() in _TRUE:
                return True
            if raw.lower() in _FALSE:
                return False
            raise ValueError(raw)
        if kind == INTEGER:
            value: Any = int(raw)
        elif kind == NUMBER:
            value = float(raw)
        elif kind == CHANNEL:
            channel = channels.get(raw.removeprefix("#").lower())
            if channel is None:
                raise ValueError(raw)
            return ChannelOption(channel)
        else:
            value = raw
    except ValueError:
        raise CommandError(f"{name}: {raw!r} is not a valid {_KINDS.get(kind, 'value')}") from None
    choices = [choice["value"] for choice in option.get("choices") or []]
    if choices and value not in choices:
        raise CommandError(f"{name} must be one of: {', '.join(map(str, choices))}")
    return value


_KINDS: dict[Any, str] = {
    BOOLEAN: "true/false",
    INTEGER: "whole number",
    NUMBER: "number",
    CHANNEL: "channel",
}
