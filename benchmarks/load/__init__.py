"""Load: the real bot, in its own process, under a burst of article links and /summarize commands.

The loopback Discord (sandbox/discord_server.py) and the article origin (testkit/web_origin.py) run
in the benchmark's process on 127.0.0.1; the bot runs in a child process (bot_main.py), so it is
measured as it runs. After a warm-up message (which also starts the digest workers), the phases
of scenario.py run in order:

1. misses: 20 users post 100 messages carrying 200 distinct links over ~10 s (the corpus pages,
   and, as the corpus has fewer than 200, the first ones again under a second path);
2. hits: the same 100 messages again (every article now comes from the cache);
3. a burst of 50 `/summarize` interactions at once, on links the bot has not seen;
4. with `--hostile` (or `--stall`), the hostile phase of hostile.py: pages built to be slow
   (issue 11) pasted by one user while the others post ordinary links, timed against the miss
   target; `--stall` adds a page that stalls in its worker past the pool's deadline.

Latency runs from the injected gateway event to the bot's REST call that completes its answer, as
the fake records it. Every answer is checked (judge.py): each article digested exactly once where
it was asked for, nothing else sent. Pages that are not articles get no reply (at most a ⚠️):
counted as expected non-replies, not errors. Prints a markdown table (measure, target,
PASS/FAIL), writes it to benchmarks/results/load.json and exits 1 when a target is missed.
Run with `make bench` or `.venv/bin/python -m benchmarks.load` from the project root.
"""
