"""summarizer/net/singleflight.py: concurrent calls for one key share one run."""

from __future__ import annotations

import asyncio

import pytest

from summarizer.errors import HttpStatusError
from summarizer.net.singleflight import SingleFlight


async def test_single_flight_runs_concurrent_work_once() -> None:
    """Callers racing on one key share one run and all get its result."""
    flights: SingleFlight[str] = SingleFlight()
    runs = 0
    release = asyncio.Event()

    async def work() -> str:
        nonlocal runs
        runs += 1
        await release.wait()
        return "digest"

    callers = [asyncio.create_task(flights.run("k", work)) for _ in range(5)]
    await asyncio.sleep(0)
    assert flights.in_flight("k")
    release.set()
    assert await asyncio.gather(*callers) == ["digest"] * 5
    assert runs == 1
    assert not flights.in_flight("k")
    assert await flights.run("k", work) == "digest" and runs == 2  # a later call runs again


async def test_single_flight_shares_the_failure_and_survives_a_cancelled_caller() -> None:
    """Every waiter sees the error; one caller giving up does not cancel the others' run."""
    flights: SingleFlight[str] = SingleFlight()
    release = asyncio.Event()

    async def work() -> str:
        await release.wait()
        raise HttpStatusError("the page answered 503", 503)

    quitter = asyncio.create_task(flights.run("k", work))
    stayer = asyncio.create_task(flights.run("k", work))
    await asyncio.sleep(0)
    quitter.cancel()
    release.set()
    with pytest.raises(HttpStatusError):
        await stayer
    assert quitter.cancelled()
