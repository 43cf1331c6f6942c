"""Figure 2: event ingest with rollups kept, beside sqlite3 inserting the same rows without rollups."""
import os
from datetime import datetime

from .common import median, run
from .events import write_jsonl, write_sql
from .results import Row

TARGET = 100_000


def time_ingest(binary, store, jsonl):
    seconds, _ = run([binary, "ingest", jsonl, "--db", store])
    return seconds


def time_sql_baseline(sql, workdir):
    db = os.path.join(workdir, "baseline-ingest.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    with open(sql) as f:
        seconds, _ = run(["sqlite3", db], stdin=f)
    os.remove(db)
    return seconds


def ingest_row(key, figure, binary, stores, events, at, workdir, note):
    """Times `wangge ingest` of `events` into each store `stores` yields (fresh copies), and the baseline."""
    jsonl = os.path.join(workdir, f"{key}.jsonl")
    sql = os.path.join(workdir, f"{key}.sql")
    write_jsonl(events, jsonl)
    write_sql(events, sql, int(datetime.fromisoformat(at).timestamp()))
    times = [time_ingest(binary, store, jsonl) for store in stores]
    base = [time_sql_baseline(sql, workdir) for _ in times]
    os.remove(jsonl)
    os.remove(sql)
    n = len(events)
    rate = n / median(times)
    return Row(key, figure, "ev/s", "higher", {"value": rate, "events": n, "seconds": median(times),
                                              "runs": len(times)},
               {"value": n / median(base), "seconds": median(base), "runs": len(base)},
               baseline_what="sqlite3 CLI: the same rows as one INSERT each into a plain table (no rollups, "
               "no validation) in a fresh db, one transaction",
               target=f"≥ {TARGET:,} ev/s", met=rate >= TARGET, note=note)
