"""Small decisions inside the cogs: where auto mode answers, what counts as a /summarize link."""

from __future__ import annotations

from types import SimpleNamespace

from bot.cogs.admin import describe_settings
from bot.cogs.commands import failures_text, link_from_option
from bot.cogs.dismiss import DISMISS_ID, dismiss_custom_id, dismiss_view
from bot.cogs.links import auto_digest_allowed
from bot.digests import LinkOutcome
from bot.replies import EffectiveSettings
from summarizer.errors import BlockedAddress

LISTED = 10
THREAD_IN_LISTED = 11
OTHER = 20


def channel(channel_id: int, parent_id: int | None = None) -> SimpleNamespace:
    return SimpleNamespace(id=channel_id, parent_id=parent_id)


def effective(mode: str, channel_ids: frozenset[int] = frozenset()) -> EffectiveSettings:
    return EffectiveSettings(auto_mode=mode, max_links=3, channel_ids=channel_ids)  # type: ignore[arg-type]


def test_auto_mode_all_and_off() -> None:
    """`all` answers everywhere, `off` nowhere."""
    assert auto_digest_allowed(effective("all"), channel(OTHER))  # type: ignore[arg-type]
    assert not auto_digest_allowed(effective("off"), channel(OTHER))  # type: ignore[arg-type]


def test_channels_mode_answers_listed_channels_and_their_threads() -> None:
    """In `channels` mode a listed channel and threads under it are answered, others are not."""
    settings = effective("channels", frozenset({LISTED}))
    assert auto_digest_allowed(settings, channel(LISTED))  # type: ignore[arg-type]
    thread = channel(THREAD_IN_LISTED, parent_id=LISTED)
    assert auto_digest_allowed(settings, thread)  # type: ignore[arg-type]
    assert not auto_digest_allowed(settings, channel(OTHER))  # type: ignore[arg-type]


def test_summarize_accepts_a_link_with_or_without_angle_brackets() -> None:
    """`<url>` (Discord's no-preview form) is fine in /summarize; text that is no URL is not."""
    assert link_from_option(" <https://e.com/a?b=1> ") == "https://e.com/a?b=1"
    assert link_from_option("https://e.com/a") == "https://e.com/a"
    assert link_from_option("not a link") is None
    assert link_from_option("ftp://e.com/file") is None


def test_failures_text_is_one_line_per_link_and_escaped() -> None:
    """Each failed link gets its reason; markdown in a reason cannot format the answer."""
    outcomes = [
        LinkOutcome("https://ok.example/", digest=None, error=None),
        LinkOutcome("https://10.0.0.1/", error=BlockedAddress("blocked: a **private** address")),
    ]
    assert failures_text(outcomes) == (
        "Could not digest <https://10.0.0.1/>: blocked: a \\*\\*private\\*\\* address"
    )


def test_dismiss_button_carries_the_poster() -> None:
    """The 🗑 custom_id names the poster and matches the handler's pattern."""
    custom_id = dismiss_custom_id(123456789012345678)
    assert custom_id == "skim:dismiss:123456789012345678"
    match = DISMISS_ID.fullmatch(custom_id)
    assert match is not None and match["poster_id"] == "123456789012345678"
    [row] = dismiss_view(42).to_components()
    assert row["components"][0]["custom_id"] == "skim:dismiss:42"


def test_settings_summary_shows_effective_values() -> None:
    """The effective values are shown; listed channels are channel mentions."""
    text = describe_settings(effective("all", frozenset({5})))
    assert "**all**" in text and "<#5>" in text and "**3**" in text
