"""Health in Redis: every process publishes a heartbeat record (its shards, their latency, its
cache hit rate, its worker queue) that expires unless renewed, and `python -m bot status` reads
them all."""

from __future__ import annotations

import json
import math
import os
import socket
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the Redis client is loaded only with Redis (bot/services.py)
    from bot.shared.link import RedisLink

HEARTBEAT_S = 5.0
# A record outlives three missed heartbeats, then vanishes: a dead process drops out by itself.
HEARTBEAT_TTL_S = 3 * HEARTBEAT_S
SCAN_BATCH = 200


@dataclass(frozen=True, slots=True)
class ShardHealth:
    """One shard as its process sees it."""

    shard_id: int
    connected: bool
    latency_ms: float | None


@dataclass(frozen=True, slots=True)
class ProcessHealth:
    """One process's heartbeat."""

    process: str
    shard_count: int
    shards: list[ShardHealth]
    cache_hits: int
    cache_misses: int
    workers: int
    jobs_in_flight: int
    started_at: float
    updated_at: float = field(default_factory=time.time)

    @property
    def hit_rate(self) -> float | None:
        """Cache hits over lookups since the process started (None before any)."""
        total = self.cache_hits + self.cache_misses
        return self.cache_hits / total if total else None

    @property
    def queued(self) -> int:
        """Digest jobs waiting for a free worker."""
        return max(0, self.jobs_in_flight - self.workers)

    def to_json(self) -> str:
        """The record as stored."""
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, raw: str | bytes) -> ProcessHealth:
        """A stored record."""
        data: dict[str, Any] = json.loads(raw)
        data["shards"] = [ShardHealth(**shard) for shard in data["shards"]]
        return cls(**data)


def process_name() -> str:
    """This process, as `status` names it: host and pid."""
    return f"{socket.gethostname()}:{os.getpid()}"


def latency_ms(seconds: float) -> float | None:
    """A discord.py latency in milliseconds (None before the first heartbeat: it is inf/nan)."""
    return None if math.isinf(seconds) or math.isnan(seconds) else round(seconds * 1000, 1)


async def publish(link: RedisLink, health: ProcessHealth) -> None:
    """Renew this process's heartbeat record (skipped while Redis is down)."""

    async def skip() -> object:
        return None

    await link.run(
        "heartbeat",
        lambda client: client.set(
            link.key("health", health.process), health.to_json(), px=int(HEARTBEAT_TTL_S * 1000)
        ),
        skip,
    )


async def read_all(link: RedisLink) -> list[ProcessHealth]:
    """Every live process's heartbeat, by process name. Raises if Redis cannot be reached."""
    records: list[ProcessHealth] = []
    keys = [key async for key in link.client.scan_iter(link.key("health", "*"), count=SCAN_BATCH)]
    for raw in await link.client.mget(keys) if keys else []:
        if raw is not None:
            records.append(ProcessHealth.from_json(raw))
    return sorted(records, key=lambda record: record.process)


def status_table(records: Sequence[ProcessHealth], now: float | None = None) -> str:
    """The processes and their shards as a table, with what is missing."""
    if not records:
        return "No Skim process has reported in the last 15 s."
    now = time.time() if now is None else now
    lines = [
        "| process | shards (of n) | connected | latency ms | cache hit rate | jobs / workers "
        "| seen |",
        "|---|---|---|---|---|---|---|",
    ]
    owned: set[int] = set()
    counts: set[int] = set()
    for record in records:
        counts.add(record.shard_count)
        owned.update(shard.shard_id for shard in record.shards)
        ids = ",".join(str(shard.shard_id) for shard in record.shards)
        connected = sum(shard.connected for shard in record.shards)
        latencies = [s.latency_ms for s in record.shards if s.latency_ms is not None]
        latency = f"{max(latencies):.0f}" if latencies else "-"
        rate = f"{record.hit_rate:.0%}" if record.hit_rate is not None else "-"
        lines.append(
            f"| {record.process} | {ids} (of {record.shard_count}) | "
            f"{connected}/{len(record.shards)} | {latency} | {rate} "
            f"({record.cache_hits}/{record.cache_hits + record.cache_misses}) | "
            f"{record.jobs_in_flight} / {record.workers} | {now - record.updated_at:.0f} s ago |"
        )
    if len(counts) > 1:
        lines.append(f"Processes disagree on the shard count: {sorted(counts)}.")
    else:
        missing = sorted(set(range(counts.pop())) - owned)
        if missing:
            lines.append(f"No process runs shard(s) {', '.join(map(str, missing))}.")
    return "\n".join(lines)
