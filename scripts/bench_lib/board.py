"""Figure 4 (headless): `wangge-bench board --json` — first frame, drill-down and refresh latencies."""
import json

from .common import BenchError, bench_binary, run
from .results import Row

FIRST_FRAME_MS, DRILL_P99_MS, REFRESH_P99_MS = 500, 16, 10


def bench_headless(binary, store, walks, refreshes):
    _, out = run([bench_binary(binary), "board", "--db", store, "--json", "--walks", walks, "--refreshes", refreshes])
    try:
        r = json.loads(out)
        drill, refresh = r["drill_ms"], r["refresh_ms"]
        first = r["first_frame_ms"]
    except (ValueError, KeyError) as e:
        raise BenchError(f"wangge-bench board --json: unexpected output ({e}): {out[:300]!r}")
    return [
        Row("first_frame_headless", "board first frame, headless", "ms", "lower", {"value": first},
            target=f"≤ {FIRST_FRAME_MS} ms", met=first <= FIRST_FRAME_MS,
            note="process start to first frame in the in-memory backend (store open, tree, first view)"),
        Row("drill_headless", "board drill-down key → frame, headless", "ms", "lower",
            {"p50": drill["p50"], "p99": drill["p99"], "max": drill["max"], "n": drill["n"]},
            target=f"p99 ≤ {DRILL_P99_MS} ms", met=drill["p99"] <= DRILL_P99_MS,
            note=f"{drill['n']} Enter/Esc from random rows, top to a unit and back"),
        Row("refresh_headless", "board refresh after a change, headless", "ms", "lower",
            {"p50": refresh["p50"], "p99": refresh["p99"], "max": refresh["max"], "n": refresh["n"]},
            target=f"p99 ≤ {REFRESH_P99_MS} ms", met=refresh["p99"] <= REFRESH_P99_MS,
            note=f"{refresh['n']} `reached` events committed, then re-read and redraw"),
    ], r.get("rss_mb")
