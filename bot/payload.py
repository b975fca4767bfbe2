"""The exact JSON Skim posts for a digest, and its sizes against Discord's limits.

The auto-digest sends each message of a reply with `reply_arguments`; `embed_format` feeds the
same arguments through discord.py's own serialiser, so `python -m summarizer PAGE --format embed`
(which finds `embed_format` by entry point) prints what the bot would post.
"""

from __future__ import annotations

import json
from typing import Any

import discord
from discord.http import handle_message_parameters

from bot.cogs.dismiss import dismiss_view
from bot.render import (
    AUTHOR_NAME_LIMIT,
    CHARS_PER_MESSAGE,
    DESCRIPTION_LIMIT,
    FIELD_VALUE_LIMIT,
    FOOTER_LIMIT,
    TITLE_LIMIT,
    OutgoingMessage,
    plan_messages,
)
from summarizer.formats import FormattedDigest
from summarizer.model import DEFAULT_CARD_SECTIONS, Digest

# The 🗑 button carries the poster's id; outside Discord there is none.
NO_POSTER = 0


def reply_arguments(outgoing: OutgoingMessage, poster_id: int) -> dict[str, Any]:
    """What the auto-digest passes to `channel.send` for one message of its reply, besides the
    reference to the message it answers."""
    return {
        "embeds": outgoing.embeds,
        "view": dismiss_view(poster_id),
        "mention_author": False,
        "allowed_mentions": discord.AllowedMentions.none(),
    }


def message_payload(outgoing: OutgoingMessage, poster_id: int = NO_POSTER) -> dict[str, Any]:
    """The JSON body discord.py sends for one message of a reply (the client's default
    allowed mentions, none, merged in as `channel.send` does)."""
    with handle_message_parameters(
        content=None,
        previous_allowed_mentions=discord.AllowedMentions.none(),
        **reply_arguments(outgoing, poster_id),
    ) as parameters:
        payload: dict[str, Any] = dict(parameters.payload or {})
    return payload


def sizes(outgoing: OutgoingMessage, payload: dict[str, Any]) -> str:
    """One message's sizes as Discord counts them, each against its limit."""
    parts: list[str] = []
    for embed in outgoing.embeds:
        fields = embed.fields
        largest = max((len(f.value or "") for f in fields), default=0)
        author = f"author {len(embed.author.name)}/{AUTHOR_NAME_LIMIT}" if embed.author.name else ""
        parts.append(
            ", ".join(
                [
                    *([author] if author else []),
                    f"title {len(embed.title or '')}/{TITLE_LIMIT}",
                    f"description {len(embed.description or '')}/{DESCRIPTION_LIMIT}",
                    f"{len(fields)} fields (largest value {largest}/{FIELD_VALUE_LIMIT})",
                    f"footer {len(embed.footer.text or '')}/{FOOTER_LIMIT}",
                ]
            )
        )
    body = len(json.dumps(payload, ensure_ascii=False).encode())
    embeds = "; ".join(parts)
    return (
        f"{len(outgoing.embeds)} embed(s), {outgoing.length}/{CHARS_PER_MESSAGE} characters "
        f"({embeds}), {body} bytes of JSON"
    )


def embed_format(digest: Digest, sections: int = DEFAULT_CARD_SECTIONS) -> FormattedDigest:
    """The `embed` output format: each message the bot would post for this digest (its card
    showing `sections` sections), and their sizes."""
    messages = plan_messages([digest], sections=sections)
    payloads = [message_payload(outgoing) for outgoing in messages]
    per_message = " | ".join(
        sizes(outgoing, payload) for outgoing, payload in zip(messages, payloads, strict=True)
    )
    return FormattedDigest(
        documents=payloads,
        summary=(
            f"sizes: {len(messages)} message(s): {per_message}. Posted as a reply, each also "
            "carries a message_reference and a fresh nonce, and its 🗑 button the poster's id."
        ),
    )
