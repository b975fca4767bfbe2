"""bot/limits.py: the per-user link cooldown and the per-server concurrency cap (in memory)."""

from __future__ import annotations

import pytest

from bot.limits import GuildConcurrency, UserCooldown


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_five_links_a_minute_then_refused() -> None:
    """The default allowance is spent link by link and the sixth is refused."""
    clock = Clock()
    cooldown = UserCooldown(5, 60, clock=clock)
    assert [await cooldown.take(1) for _ in range(6)] == [1, 1, 1, 1, 1, 0]
    assert cooldown.remaining(1) == 0
    assert await cooldown.take(2) == 1  # another user is not affected


async def test_allowance_comes_back_as_the_window_slides() -> None:
    """Each link is given back a full window after it was taken, not all at once."""
    clock = Clock()
    cooldown = UserCooldown(2, 60, clock=clock)
    await cooldown.take(1)
    clock.now += 30
    await cooldown.take(1)
    assert await cooldown.take(1) == 0
    assert cooldown.retry_after(1) == pytest.approx(30)
    clock.now += 30
    assert cooldown.remaining(1) == 1
    clock.now += 30
    assert cooldown.remaining(1) == 2
    assert cooldown.retry_after(1) == 0


async def test_partial_grant_for_a_message_with_many_links() -> None:
    """Asking for more links than are left grants what is left."""
    cooldown = UserCooldown(5, 60, clock=Clock())
    assert await cooldown.take(1, 3) == 3
    assert await cooldown.take(1, 3) == 2
    assert await cooldown.take(1, 3) == 0


async def test_all_or_nothing_grants_none_when_short() -> None:
    """A command asking for three links when two are left gets none, and spends none."""
    cooldown = UserCooldown(5, 60, clock=Clock())
    assert await cooldown.take(1, 3) == 3
    assert await cooldown.take(1, 3, all_or_nothing=True) == 0
    assert cooldown.remaining(1) == 2


def test_invalid_cooldown_is_refused() -> None:
    """A cooldown that could never grant anything is a configuration error."""
    with pytest.raises(ValueError):
        UserCooldown(0, 60)


async def test_guild_cap_refuses_excess_and_frees_slots() -> None:
    """At most `limit` jobs per server; a finished job frees its slot; servers are separate."""
    caps = GuildConcurrency(2)
    async with caps.slot(1) as first, caps.slot(1) as second, caps.slot(1) as third:
        assert (first, second, third) == (True, True, False)
        async with caps.slot(2) as other_server:
            assert other_server
        assert caps.running(1) == 2
    assert caps.running(1) == 0
    async with caps.slot(1) as again:
        assert again


async def test_slot_is_released_when_the_job_fails() -> None:
    """An exception inside the job still gives the slot back."""
    caps = GuildConcurrency(1)
    with pytest.raises(RuntimeError):
        async with caps.slot(7):
            raise RuntimeError("page exploded")
    assert caps.try_acquire(7)
