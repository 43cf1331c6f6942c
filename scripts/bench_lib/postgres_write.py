"""The PostgreSQL write and board figures of scripts/bench (--engine postgres|both), each on a fresh copy of
the generated database (CREATE DATABASE … TEMPLATE) and beside a baseline on the same server in the same run:
event ingest and acknowledgement ingest beside plain COPY of the same rows (no rollups), dispatch to the whole
grid beside a bare INSERT … SELECT, frames held on a board meanwhile, the headless board, and commit → frame
on a second board (its own connection, LISTENing)."""
import json
import os
import subprocess
import time
from datetime import datetime, timedelta, timezone

from .common import BenchError, median, run
from .dispatch import TARGET_S
from .events import ack_events, write_jsonl
from .ingest import TARGET
from .results import Row

ACK_TARGET = 60_000
ACK_SHARE = 0.40
FEED_TARGET_MS = 300
FRAME_HELD_MS = 100


def clone(psql, fresh_database, admin, url_of, source_db, name):
    """A fresh copy of `source_db` named `name` (a file copy of the template on the server)."""
    source = source_db.split("?")[0].rsplit("/", 1)[1]
    psql(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE);\n"
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{source}';\n"
                f"CREATE DATABASE {name} TEMPLATE {source};\n")
    return url_of(admin, name)


def values(psql, db, sql):
    return [line.split("|") for line in psql(db, sql)[1].splitlines() if line]


def sample(psql, db, sql_all, limit):
    """Up to `limit` ids spread over the whole result (every k-th), as events.sample_ids does."""
    total = int(values(psql, db, f"SELECT count(*) FROM ({sql_all}) s;")[0][0])
    step = max(1, total // max(1, limit))
    return [int(r[0]) for r in values(psql, db, f"SELECT id FROM ({sql_all}) s WHERE id % {step} = 0 "
                                                f"ORDER BY id LIMIT {limit};")]


def grid_events(psql, db, total, at, tag):
    """The same mix as events.grid_events, read from PostgreSQL."""
    visits = sample(psql, db, "SELECT household_id AS id FROM help_case", total // 10)
    groups = sample(psql, db, "SELECT place_id AS id FROM unit WHERE group_built = 0", total // 10)
    reached = sample(psql, db, "SELECT id FROM household", total - len(visits) - len(groups))
    events = [{"id": f"{tag}-v-{h}", "type": "visit", "household": h, "at": at} for h in visits]
    events += [{"id": f"{tag}-g-{u}", "type": "group_built", "unit": u, "at": at} for u in groups]
    events += [{"id": f"{tag}-r-{h}", "type": "reached", "household": h, "via": ("group", "phone")[h % 2],
                "at": at} for h in reached]
    return events, {"visit": len(visits), "group_built": len(groups), "reached": len(reached)}


def write_copy(events, path, epoch):
    """The same rows as events.write_sql, as COPY text."""
    with open(path, "w") as f:
        for e in events:
            row = [e["id"], e["type"], epoch, e.get("task"), e.get("unit"), e.get("household"), e.get("via")]
            f.write("\t".join("\\N" if v is None else str(v) for v in row) + "\n")


def copy_baseline(psql, fresh_database, admin, path):
    """Plain COPY of the rows into a fresh table (primary key on the id, no rollups), one psql process."""
    base = fresh_database(admin, "wangge_bench_copyev")
    sql = ("BEGIN;\nCREATE TABLE ev(id TEXT COLLATE \"C\" PRIMARY KEY, type TEXT NOT NULL, at BIGINT NOT NULL, "
           "task BIGINT, unit BIGINT, household BIGINT, via TEXT);\n"
           f"\\copy ev FROM '{path}'\nCOMMIT;\n")
    seconds, _ = psql(base, sql)
    psql(admin, "DROP DATABASE IF EXISTS wangge_bench_copyev WITH (FORCE);\n")
    return seconds


def pg_ingest_row(key, figure, binary, dbs, events, at, workdir, note, pg, target, share=None, batch=None):
    """`wangge ingest FILE --db` on each of `dbs` (fresh copies) beside plain COPY of the same rows."""
    psql, fresh_database, admin = pg
    jsonl = os.path.join(workdir, f"{key}.jsonl")
    rows = os.path.join(workdir, f"{key}.copy")
    write_jsonl(events, jsonl)
    write_copy(events, rows, int(datetime.fromisoformat(at).timestamp()))
    extra = ["--batch", str(batch)] if batch else []
    times = [run([binary, "ingest", jsonl, *extra, "--db", db])[0] for db in dbs]
    base = [copy_baseline(psql, fresh_database, admin, rows) for _ in times]
    os.remove(jsonl)
    os.remove(rows)
    n = len(events)
    rate, base_rate = n / median(times), n / median(base)
    met = rate >= target and (share is None or rate >= share * base_rate)
    goal = f"≥ {target:,} ev/s" + (f" and ≥ {share:.0%} of COPY" if share else "")
    return Row(key, figure, "ev/s", "higher", {"value": rate, "events": n, "seconds": median(times),
                                              "runs": len(times)},
               {"value": base_rate, "seconds": median(base), "runs": len(base)},
               baseline_what="psql on the same server: \\copy of the same rows into a fresh plain table (primary "
               "key on the id; no rollups, no validation), one transaction",
               target=goal, met=met, note=note + f"; {rate / base_rate:.0%} of COPY")


def bench_json(binary, args):
    _, out = run([binary, *args])
    return json.loads(out.strip().splitlines()[-1])


def board_rows(bench, db):
    """bench-board on PostgreSQL: drill-down and refresh after a change (own connection, same process)."""
    r = bench_json(bench, ["board", "--db", db, "--walks", "30", "--refreshes", "50", "--json"])
    drill = Row("pg_board_drill", "PostgreSQL: board drill-down key → frame (ms)", "ms", "lower",
                {"p50": r["drill_ms"]["p50"], "p99": r["drill_ms"]["p99"], "runs": r["drill_ms"]["n"]}, None,
                target="p99 ≤ 20 ms", met=r["drill_ms"]["p99"] <= 20,
                note=f"headless (in-memory backend, 160x48); first frame {r['first_frame_ms']:.0f} ms, "
                f"RSS {r['rss_mb']:.0f} MB")
    refresh = Row("pg_board_refresh", "PostgreSQL: board refresh after a change (ms)", "ms", "lower",
                  {"p50": r["refresh_ms"]["p50"], "p99": r["refresh_ms"]["p99"], "runs": r["refresh_ms"]["n"]},
                  None, target="p99 ≤ 15 ms", met=r["refresh_ms"]["p99"] <= 15,
                  note="one `reached` event committed, then the board re-reads the overview and draws")
    return [drill, refresh]


def feed_row(bench, db):
    r = bench_json(bench, ["feed", "--db", db, "--changes", "50", "--json"])
    return Row("pg_feed", "PostgreSQL: commit → frame on another board (ms)", "ms", "lower",
               {"p50": r["p50"], "p99": r["p99"], "runs": r["n"]}, None,
               target=f"p99 ≤ {FEED_TARGET_MS} ms", met=r["p99"] <= FEED_TARGET_MS and r["missed"] == 0,
               note=f"second connection LISTENing ({r['via']}), polled every 50 ms as the board does; "
               f"{r['missed']} missed")


def dispatch_rows(binary, bench, dbs, root, pg, at_iso, workdir, note):
    """`wangge dispatch` to the root on each copy while a board on another connection draws frames; the bare
    INSERT … SELECT on the same copy after; then the acks of the first copy's task."""
    psql = pg[0]
    times, held, receipts = [], [], []
    for db in dbs:
        watch = subprocess.Popen([bench, "feed", "--db", db, "--watch", "12"], stdout=subprocess.PIPE, text=True)
        time.sleep(1.5)
        seconds, out = run([binary, "dispatch", "--scope", root, "--type", "screening", "--title", "bench",
                            "--json", "--operator", "bench", "--db", db])
        watched, _ = watch.communicate()
        held.append(json.loads(watched.strip().splitlines()[-1])["max"])
        receipt = json.loads(out.strip().splitlines()[-1])
        times.append(seconds)
        receipts.append((int(receipt["task"]), int(receipt["assignments"])))
    bare = []
    for db in dbs:
        started = time.perf_counter()
        psql(db, """BEGIN;
            INSERT INTO task(id, type, title, scope_id, issued_at, ack_within, finish_within)
              SELECT max(id) + 1, 'screening', 'bench-baseline', (SELECT id FROM place WHERE parent_id IS NULL
              ORDER BY id LIMIT 1), 0, 10800, 54000 FROM task;
            INSERT INTO assignment(task_id, unit_id) SELECT (SELECT max(id) FROM task), place_id FROM unit;
            ROLLBACK;""")
        bare.append(time.perf_counter() - started)
    task, assignments = receipts[0]
    rows = [Row("pg_dispatch", "PostgreSQL: dispatch to the whole grid (commit, s)", "s", "lower",
                {"value": median(times), "assignments": assignments}, {"value": median(bare)},
                baseline_what="psql on the same copy: INSERT the task and one assignment per unit (INSERT … "
                "SELECT FROM unit) in one transaction, no rollups, audit or change feed",
                target=f"≤ 6 s", met=median(times) <= 6,
                note=f"{assignments:,} assignments, {len(times)} run(s), median; whole process"),
            Row("pg_dispatch_frames", "PostgreSQL: longest board frame during dispatch (ms)", "ms", "lower",
                {"value": max(held)}, None, target=f"≤ {FRAME_HELD_MS} ms", met=max(held) <= FRAME_HELD_MS,
                note="a board on its own connection re-reads the overview and draws every 10 ms while "
                "`wangge dispatch` runs")]
    return rows, task


def run_write_figures(binary, s, anchor, db, admin, workdir, rows, failures, attempt, psql, fresh_database,
                      url_of):
    """Every PostgreSQL write and board figure, on copies of `db`."""
    bench = os.path.join(os.path.dirname(binary), "wangge-bench")
    pg = (psql, fresh_database, admin)

    def copy(name):
        return clone(psql, fresh_database, admin, url_of, db, name)

    root = values(psql, db, "SELECT name FROM place WHERE parent_id IS NULL ORDER BY id LIMIT 1;")[0][0]

    def board():
        target = copy("wangge_bench_board")
        return board_rows(bench, target) + [feed_row(bench, target)]

    attempt(rows, failures, "pg_board", "PostgreSQL: board", board)

    def grid_ingest():
        at = anchor
        events, mix = grid_events(psql, db, s["events"], at, f"b{os.getpid()}")
        dbs = [copy(f"wangge_bench_ingest{i}") for i in range(s["runs"])]
        mixed = ", ".join(f"{n:,} {k}" for k, n in mix.items())
        return pg_ingest_row("pg_ingest", "PostgreSQL: event ingest, rollups kept (events/s)", binary, dbs, events,
                             at, workdir, f"{mixed}; `wangge ingest FILE`, batch 1,000; whole process; fresh copy "
                             "per run", pg, TARGET)

    attempt(rows, failures, "pg_ingest", "PostgreSQL: event ingest", grid_ingest)

    def dispatch_and_acks():
        at = datetime.now(timezone(timedelta(hours=8))).isoformat(timespec="seconds")
        dbs = [copy(f"wangge_bench_dispatch{i}") for i in range(max(2, s["runs"]))]
        out, task = dispatch_rows(binary, bench, dbs, root, pg, at, workdir, "")
        units = [int(r[0]) for r in values(psql, dbs[0], f"SELECT unit_id FROM assignment WHERE task_id = {task} "
                                                         "ORDER BY unit_id;")]
        acks = ack_events(units, task, at, f"b{os.getpid()}")
        out.insert(0, pg_ingest_row("pg_ingest_ack", "PostgreSQL: ack ingest after dispatch (events/s)", binary,
                                    dbs[:1], acks, at, workdir, f"one ack per unit of task {task} ({len(acks):,}); "
                                    "`wangge ingest FILE`; whole process", pg, ACK_TARGET, ACK_SHARE))
        r = bench_json(bench, ["ingest", "--db", dbs[1], "--task", str(task), "--events", str(len(units)),
                               "--json"])
        copy_rate = out[0].baseline["value"]
        out.insert(1, Row("pg_ingest_ack_in_process", "PostgreSQL: ack ingest after dispatch, in-process (events/s)",
                          "ev/s", "higher", {"value": r["events_per_s"], "events": r["events"]},
                          {"value": copy_rate}, baseline_what="the plain COPY of the row above",
                          target=f"≥ {ACK_TARGET:,} ev/s and ≥ {ACK_SHARE:.0%} of COPY",
                          met=r["events_per_s"] >= ACK_TARGET and r["events_per_s"] >= ACK_SHARE * copy_rate,
                          note="wangge-bench ingest: the store's ingest in batches of 10,000, no JSON; "
                          f"{r['events_per_s'] / copy_rate:.0%} of COPY"))
        return out

    attempt(rows, failures, "pg_dispatch", "PostgreSQL: dispatch + acks", dispatch_and_acks)
    for name in ["wangge_bench_board"] + [f"wangge_bench_ingest{i}" for i in range(s["runs"])] + \
            [f"wangge_bench_dispatch{i}" for i in range(max(2, s["runs"]))]:
        psql(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE);\n")
