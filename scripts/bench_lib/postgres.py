"""The PostgreSQL figures of scripts/bench (--engine postgres|both): demo generation straight into a database
beside plain COPY of the same rows, and `wangge report` beside GROUP BY over the raw tables, both on the same
server in the same run (a throw-away cluster of scripts/pg-cluster over its Unix socket, or WANGGE_BENCH_POSTGRES)."""
import json
import os
import subprocess
import time
from datetime import datetime

from .common import BenchError, median, percentile, run
from .report import TARGET_RATIO, compare, parse_groupby
from .results import Row
from . import postgres_write

TABLES = ("place", "unit", "leader", "household", "help_case")


def server(repo):
    """(admin URL, stop function): WANGGE_BENCH_POSTGRES if set (never stopped), else a throw-away cluster."""
    given = os.environ.get("WANGGE_BENCH_POSTGRES")
    if given:
        return given, lambda: None
    env = dict(os.environ, WANGGE_PG_DIR=os.environ.get("WANGGE_PG_DIR", "/tmp/wangge-pg-bench"))
    script = os.path.join(repo, "scripts", "pg-cluster")
    proc = subprocess.run([script, "start"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise BenchError(f"scripts/pg-cluster start failed: {proc.stderr.strip()[-500:]}")
    url = subprocess.run([script, "url", "--socket"], env=env, stdout=subprocess.PIPE, text=True).stdout.strip()
    return url, lambda: subprocess.run([script, "stop"], env=env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)


def url_of(admin, name):
    """The admin URL naming database `name` (a socket URL keeps its ?host=… query)."""
    base, _, query = admin.partition("?")
    scheme, _, rest = base.partition("://")
    return f"{scheme}://{rest.split('/')[0]}/{name}" + (f"?{query}" if query else "")


def psql(url, sql):
    """Runs `sql` in one psql process (unaligned, tuples only, `|` between fields); returns (seconds, out)."""
    return run(["psql", "-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", url], input_text=sql)


def fresh_database(admin, name):
    psql(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE);\nCREATE DATABASE {name};\n")
    return url_of(admin, name)


def bench_generation(binary, preset, runs, admin, anchor, workdir):
    """`wangge demo --preset P --db postgres://…` `runs` times (one transaction of COPYs, indexes and triggers
    after); the baseline: one psql process that creates the same tables (no indexes, no triggers, no rollups)
    and COPYs the same rows of place, unit, leader, household and help_case from files (export untimed)."""
    db = fresh_database(admin, "wangge_bench_gen")
    times = []
    for _ in range(runs):
        seconds, _ = run([binary, "demo", "--preset", preset, "--db", db, "--anchor", anchor, "--force"])
        times.append(seconds)
    households = int(psql(db, "SELECT count(*) FROM household;")[1].strip())
    files = {}
    for table in TABLES:
        path = os.path.join(workdir, f"pg-{table}.copy")
        psql(db, f"\\copy {table} TO '{path}'\n")
        files[table] = path
    _, ddl = run(["pg_dump", "--section=pre-data", "--no-owner", *sum((["-t", t] for t in TABLES), []), db])
    ddl = "\n".join(line for line in ddl.splitlines() if not line.startswith("SELECT pg_catalog.set_config"))
    base_times = []
    for _ in range(runs):
        base = fresh_database(admin, "wangge_bench_copy")
        script = f"BEGIN;\n{ddl}\n" + "".join(f"\\copy {t} FROM '{files[t]}'\n" for t in TABLES) + "COMMIT;\n"
        seconds, _ = psql(base, script)
        base_times.append(seconds)
    for path in files.values():
        os.remove(path)
    psql(admin, "DROP DATABASE IF EXISTS wangge_bench_copy WITH (FORCE);\n")
    wangge = {"value": households / median(times), "seconds": median(times), "households": households, "runs": runs}
    baseline = {"value": households / median(base_times), "seconds": median(base_times), "runs": runs}
    row = Row("pg_generation", f"PostgreSQL: demo --preset {preset} (households/s)", "hh/s", "higher", wangge,
              baseline, baseline_what="one psql process on the same server: the five tables (no indexes, triggers "
              f"or rollups) and \\copy of {', '.join(TABLES)}; Wangge also writes tasks, assignments, volunteers, "
              "every rollup, then indexes and the change feed, in one transaction",
              note=f"{households:,} households in {median(times):.2f} s (median of {runs})")
    return row, db


def groupby_sql(scope_id, at, window_hours):
    """report.groupby_sql in PostgreSQL's dialect (booleans cast to integers, a JOIN per ON)."""
    since = at - window_hours * 3600
    return f"""
CREATE TEMP TABLE sub AS WITH RECURSIVE s(id, child) AS (
  SELECT id, id FROM place WHERE parent_id = {scope_id}
  UNION ALL SELECT p.id, s.child FROM place p JOIN s ON p.parent_id = s.id) SELECT * FROM s;
CREATE TEMP TABLE su AS SELECT u.place_id AS unit, s.child, u.leader_id, u.group_built
  FROM sub s JOIN unit u ON u.place_id = s.id;
ANALYZE sub; ANALYZE su;
SELECT 'hh', su.child, count(*), coalesce(sum(h.size), 0), coalesce(sum((h.reach = 2)::int), 0),
       coalesce(sum((h.reach = 1)::int), 0)
  FROM su JOIN household h ON h.unit_id = su.unit GROUP BY su.child;
SELECT 'units', child, count(*), count(DISTINCT leader_id), coalesce(sum(group_built), 0) FROM su GROUP BY child;
SELECT 'leaders', count(DISTINCT leader_id) FROM su;
SELECT 'stations', s.child, coalesce(sum(p.has_station), 0) FROM sub s JOIN place p ON p.id = s.id GROUP BY s.child;
SELECT 'help', su.child, count(*),
       coalesce(sum((coalesce(c.last_visit, c.opened_at) + c.cadence < {at})::int), 0), coalesce(sum(c.green), 0)
  FROM su JOIN household h ON h.unit_id = su.unit JOIN help_case c ON c.household_id = h.id GROUP BY su.child;
SELECT 'tasks', su.child, count(*),
  sum((coalesce(a.acked_at, a.finished_at) IS NOT NULL
       AND coalesce(a.acked_at, a.finished_at) <= t.issued_at + t.ack_within)::int),
  sum((coalesce(a.acked_at, a.finished_at) IS NOT NULL)::int),
  sum((a.finished_at IS NOT NULL AND a.finished_at <= t.issued_at + t.finish_within)::int),
  sum((a.finished_at IS NOT NULL)::int),
  sum((coalesce(a.acked_at, a.finished_at) IS NULL AND {at} > t.issued_at + t.ack_within)::int),
  sum((a.finished_at IS NULL AND {at} > t.issued_at + t.finish_within)::int)
  FROM su JOIN assignment a ON a.unit_id = su.unit JOIN task t ON t.id = a.task_id
  WHERE t.issued_at > {since} AND t.issued_at <= {at} GROUP BY su.child;
"""


def first_community(db):
    """(id, path below the root) of the first community (level 社区), as the SQLite figures take it."""
    out = psql(db, """WITH RECURSIVE c AS (SELECT min(id) AS id FROM place
          WHERE depth = (SELECT depth FROM level WHERE name = '社区')),
        up(id, parent_id, depth, name) AS (
          SELECT p.id, p.parent_id, p.depth, p.name FROM place p JOIN c ON p.id = c.id
          UNION ALL SELECT p.id, p.parent_id, p.depth, p.name FROM place p JOIN up ON p.id = up.parent_id)
        SELECT (SELECT id FROM c), string_agg(name, '/' ORDER BY depth) FROM up WHERE depth > 0;""")[1].strip()
    if not out or out.startswith("|"):
        raise BenchError("the PostgreSQL store has no level named 社区")
    ident, path = out.split("|", 1)
    return int(ident), path


def bench_report(binary, db, scope_id, scope_path, what, at_iso, runs, base_runs, preset):
    """`wangge report [--scope P] --json --db postgres://…` (whole process) beside the GROUP BY in one psql
    process on the same server; the figures must agree."""
    scope = ["--scope", scope_path] if scope_path else []
    times, out = [], ""
    for _ in range(runs):
        seconds, out = run([binary, "report", *scope, "--json", "--at", at_iso, "--db", db])
        times.append(seconds * 1000)
    report = json.loads(out)
    at = int(datetime.fromisoformat(report["at"]).timestamp())
    sql = groupby_sql(scope_id, at, report["window_hours"])
    base_times, base_out = [], ""
    for _ in range(base_runs):
        started = time.perf_counter()
        _, base_out = psql(db, sql)
        base_times.append((time.perf_counter() - started) * 1000)
    lines = [line for line in base_out.splitlines() if "|" in line]
    children, total = parse_groupby("\n".join(lines))
    if not children:
        raise BenchError(f"the GROUP BY baseline found no children under place {scope_id}")
    diffs = compare(report, children, total)
    agree = "figures agree" if not diffs else f"{len(diffs)} DIFFERENCES: " + "; ".join(diffs[:5])
    key = "pg_report_" + ("community" if scope_path else "root")
    row = Row(key, f"PostgreSQL: report, {what} (whole process)", "ms", "lower",
              {"p50": percentile(times, 50), "p99": percentile(times, 99), "runs": runs},
              {"p50": percentile(base_times, 50), "p99": percentile(base_times, 99), "runs": base_runs},
              baseline_what="psql, whole process, same server: the same per-child figures by GROUP BY over "
              "household, unit, place, help_case, assignment and task (no rollup tables)",
              target=f"≥ 300× the baseline on city" if not scope_path else f"≥ {TARGET_RATIO}× the baseline on city",
              note=f"scope = {what} ({len(report['children'])} children, {report['totals']['households']:,} "
              f"households), --at {at_iso}; {agree}")
    ratio = row.ratio()
    goal = TARGET_RATIO if scope_path else 300
    row.met = (ratio >= goal and not diffs) if preset == "city" else None
    if diffs:
        row.met = False
    return row


def run_all(repo, binary, preset, s, anchor, workdir, rows, failures, attempt):
    """Every PostgreSQL figure; a cluster is started for them and removed after."""
    try:
        admin, stop = server(repo)
    except BenchError as e:
        failures.append(f"PostgreSQL: {e}")
        rows.append(Row.unavailable("pg_generation", "PostgreSQL figures", f"no server: {e}"))
        return
    if preset == "city":
        # One run of each write figure and 200,000 grid events: a city database is copied per run (GBs).
        s = dict(s, runs=1, events=min(s["events"], 200_000))
    try:
        made = []

        def gen():
            row, db = bench_generation(binary, preset, s["runs"], admin, anchor, workdir)
            made.append(db)
            return row

        attempt(rows, failures, "pg_generation", "PostgreSQL: demo generation", gen)
        if not made:
            return
        db = made[0]

        def community():
            scope_id, path = first_community(db)
            return bench_report(binary, db, scope_id, path, "first community", anchor, s["report_runs"],
                                s["groupby_runs"], preset)

        def whole_grid():
            root = int(psql(db, "SELECT id FROM place WHERE parent_id IS NULL ORDER BY id LIMIT 1;")[1].strip())
            return bench_report(binary, db, root, None, "whole grid", anchor, s["report_runs"],
                                s["root_groupby_runs"], preset)

        def community_in_process():
            _, path = first_community(db)
            bench = os.path.join(os.path.dirname(binary), "wangge-bench")
            _, out = run([bench, "report", "--db", db, "--scope", path, "--at", anchor, "--runs", "300"])
            r = json.loads(out.strip().splitlines()[-1])
            return Row("pg_report_community_in_process", "PostgreSQL: report, first community (in-process, ms)",
                       "ms", "lower", {"p50": r["p50"], "p99": r["p99"], "runs": r["runs"]}, None,
                       note="wangge-bench report: the figures of report --scope, warm, on one connection")

        attempt(rows, failures, "pg_report_community", "PostgreSQL: report, first community", community)
        attempt(rows, failures, "pg_report_community_in_process", "PostgreSQL: report, first community (in-process)",
                community_in_process)
        attempt(rows, failures, "pg_report_root", "PostgreSQL: report, whole grid", whole_grid)
        postgres_write.run_write_figures(binary, s, anchor, db, admin, workdir, rows, failures, attempt, psql,
                                         fresh_database, url_of)
    finally:
        stop()
