"""Figure 8: registry import of the store's households from CSV (`wangge import`), beside one sqlite3
process that `.import`s the same file into a plain table."""
import csv
import os
import subprocess
import time

from .common import NICE, BenchError, median, run, sqlite, sqlite_value
from .results import Row


def export_households(binary, store, workdir):
    """Exports every household of `store` as a CSV ledger with phones in full (untimed); returns
    (path, rows, root name, level names below the root, station level name)."""
    root = sqlite_value(store, "SELECT name FROM place WHERE parent_id IS NULL ORDER BY id LIMIT 1")
    levels = [r[0] for r in sqlite(store, "SELECT name FROM level ORDER BY depth", readonly=True)]
    station_depth = sqlite_value(store, "SELECT min(depth) FROM place WHERE has_station = 1")
    phone = sqlite_value(store, "SELECT phone FROM household ORDER BY id LIMIT 1") or ""
    if len(phone) == 11 and phone[1] in "012":
        raise BenchError(f"{store} predates the 140… demo phones the importer accepts (its first phone is "
                           f"{phone[:3]}…); delete it so scripts/bench generates it again")
    path = os.path.join(workdir, "households.csv")
    # The demo's phones are fictional 140… mobiles that the ledger's phone check accepts: no rewriting.
    run([binary, "export", "households", "--db", store, "--format", "csv", "--reveal-phones", "--out", path])
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = sum(1 for _ in csv.reader(f)) - 1
    station = levels[int(station_depth)] if station_depth not in (None, "") else None
    return path, rows, root, levels, station


def bench_ledger_import(binary, store, runs, workdir):
    """Times `wangge init` + `wangge import households.csv` into a fresh store `runs` times, and the
    sqlite3 `.import --csv` of the same file into a fresh table; returns a Row (rows/s)."""
    path, rows, root, levels, station = export_households(binary, store, workdir)
    fresh = os.path.join(workdir, "ledger.sqlite")
    times, base, again, peaks = [], [], [], []
    for _ in range(runs):
        if os.path.exists(fresh):
            os.remove(fresh)
        init = [binary, "init", "--db", fresh, "--root", root, "--root-level", levels[0],
                "--levels", "/".join(levels[1:])]
        if station:
            init += ["--station", station]
        run(init)
        seconds, rss = timed_import(binary, fresh, path)
        times.append(seconds)
        peaks.append(rss)
        imported = int(sqlite_value(fresh, "SELECT count(*) FROM household"))
        if imported != rows:
            raise RuntimeError(f"wangge import wrote {imported:,} households of {rows:,}")
        seconds, rss = timed_import(binary, fresh, path, expect="imported: 0 change(s)")
        again.append(seconds)
        peaks.append(rss)
        plain = os.path.join(workdir, "plain.sqlite")
        if os.path.exists(plain):
            os.remove(plain)
        seconds, _ = run(["sqlite3", plain], input_text=f"PRAGMA journal_mode=WAL;\n.import --csv {path} households\n")
        base.append(seconds)
        os.remove(plain)
    os.remove(fresh)
    os.remove(path)
    wangge = {"value": rows / median(times), "seconds": median(times), "rows": rows, "runs": runs}
    baseline = {"value": rows / median(base), "seconds": median(base), "runs": runs}
    peak = max((p for p in peaks if p), default=None)
    memory = f"; peak RSS {peak / 1024:,.0f} MiB" if peak else ""
    reimport = Row("ledger_reimport", "re-import the same households CSV (rows/s, 0 changes)", "rows/s", "higher",
                   {"value": rows / median(again), "seconds": median(again), "rows": rows, "runs": runs}, baseline,
                   baseline_what="the same sqlite3 .import --csv as above",
                   target="≥ 200,000 rows/s", met=rows / median(again) >= 200_000,
                   note=f"{rows:,} households unchanged in {median(again):.2f} s (median of {runs}){memory}")
    return [Row("ledger_import", "import households CSV (rows/s)", "rows/s", "higher", wangge, baseline,
               baseline_what="one sqlite3 process: .import --csv of the same file into a new plain table "
               "(no places, no keys, no rollups)",
               target="≥ 200,000 rows/s", met=rows / median(times) >= 200_000,
               note=f"{rows:,} households in {median(times):.2f} s (median of {runs}); places created from the "
               f"path columns, upsert by unit and room, rollups kept; export untimed{memory}"), reimport]


def timed_import(binary, store, path, expect=None):
    """Runs `wangge import` (under /usr/bin/time -v when present, for the peak RSS in KiB); returns
    (seconds, peak KiB or None). `expect`: a line the output must hold."""
    wrap = ["/usr/bin/time", "-v"] if os.path.exists("/usr/bin/time") else []
    seconds, out, err = run_with_stderr(wrap + [binary, "import", "--db", store, path])
    if expect and expect not in out:
        raise BenchError(f"wangge import printed {out.strip()[-200:]!r}, not {expect!r}")
    peak = None
    for line in err.splitlines():
        if "Maximum resident set size" in line:
            peak = int(line.rsplit(":", 1)[1])
    return seconds, peak


def run_with_stderr(args):
    """Like common.run (niced, raises on failure) but returns (seconds, stdout, stderr)."""
    started = time.perf_counter()
    proc = subprocess.run(NICE + [str(a) for a in args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise BenchError(f"`{' '.join(str(a) for a in args)}` exited {proc.returncode}: {proc.stderr.strip()[-800:]}")
    return elapsed, proc.stdout, proc.stderr
