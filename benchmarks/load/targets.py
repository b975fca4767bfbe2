"""The load benchmark's targets, from issue 5 (a 2-core machine, a local origin)."""

from __future__ import annotations

MISS_P95_S = 1.0
HIT_P95_S = 0.100
DEFER_MAX_S = 1.0
LOOP_LAG_MAX_S = 0.100
PEAK_RSS_MB = 250.0
