"""Figure 7: city-wide (root scope) dispatch commit time, beside sqlite3 writing the same rows bare."""
import json
import time

from .common import BenchError, exits_zero, run, sqlite
from .results import Row

TARGET_S = 5.0


def available(binary):
    return exits_zero([binary, "dispatch", "--help"])


def dispatch(binary, store, scope):
    """Runs `wangge dispatch` to every unit under `scope`; returns (seconds, task id, assignments)."""
    seconds, out = run([binary, "dispatch", "--scope", scope, "--type", "screening", "--title", "bench",
                        "--json", "--operator", "bench", "--db", store])
    try:
        receipt = json.loads(out.strip().splitlines()[-1])
        return seconds, int(receipt["task"]), int(receipt["assignments"])
    except (ValueError, KeyError, IndexError) as e:
        raise BenchError(f"wangge dispatch --json printed no task id ({e}): {out[:300]!r}")


def bare_dispatch_seconds(store, scope_id):
    """The raw rows of a dispatch (one task, one assignment per unit) in one transaction, no rollups."""
    now = int(time.time())
    started = time.perf_counter()
    sqlite(store, f"""BEGIN;
        INSERT INTO task(type, title, scope_id, issued_at, ack_within, finish_within)
          VALUES('screening', 'bench-baseline', {scope_id}, {now}, 10800, 54000);
        INSERT INTO assignment(task_id, unit_id) SELECT (SELECT max(id) FROM task), place_id FROM unit;
        COMMIT;""")
    return time.perf_counter() - started


def dispatch_row(seconds, assignments, baseline_seconds, scope_note):
    return Row("dispatch", "dispatch to the whole grid (commit)", "s", "lower",
               {"value": seconds, "assignments": assignments}, {"value": baseline_seconds},
               baseline_what="sqlite3 CLI on the same copy: INSERT the task and one assignment per unit "
               "(INSERT … SELECT FROM unit) in one transaction, no rollups or audit",
               target=f"≤ {TARGET_S:g} s", met=seconds <= TARGET_S,
               note=f"{assignments:,} assignments, scope = the root ({scope_note}); whole process")
