"""Shared helpers: running commands niced, timing them, percentiles, formatting."""
import os
import shutil
import subprocess
import sys
import time

NICE = ["nice", "-n", "10"]


class BenchError(Exception):
    """A benchmark could not run; the message says why and what to do."""


def log(message):
    print(f"· {message}", file=sys.stderr, flush=True)


def run(args, *, input_text=None, stdin=None, env=None, check=True, capture=True):
    """Runs a command under `nice -n 10`; returns (seconds, stdout). Raises BenchError on failure."""
    started = time.perf_counter()
    proc = subprocess.run(NICE + [str(a) for a in args], input=input_text, stdin=stdin, env=env,
                          stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if check and proc.returncode != 0:
        raise BenchError(f"`{' '.join(str(a) for a in args)}` exited {proc.returncode}: "
                         f"{(proc.stderr or '').strip()[-800:]}")
    return elapsed, proc.stdout or ""


def exits_zero(args):
    try:
        return subprocess.run([str(a) for a in args], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0
    except OSError:
        return False


def sqlite(db, sql, *, readonly=False):
    """Runs SQL with the sqlite3 CLI; returns stdout rows split on '|'."""
    target = f"file:{db}?mode=ro" if readonly else str(db)
    _, out = run(["sqlite3", target], input_text=sql)
    return [line.split("|") for line in out.splitlines() if line]


def sqlite_value(db, sql):
    return sqlite(db, sql, readonly=True)[0][0]


def copy_store(source, target):
    """Copies a store (and its WAL, if any) so benchmarks that write never touch the original."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(str(target) + suffix):
            os.remove(str(target) + suffix)
    shutil.copyfile(source, target)
    if os.path.exists(str(source) + "-wal") and os.path.getsize(str(source) + "-wal") > 0:
        shutil.copyfile(str(source) + "-wal", str(target) + "-wal")
        os.chmod(str(target) + "-wal", 0o600)  # personal data: owner only, like the store
    os.chmod(target, 0o600)


def percentile(values, p):
    """Nearest-rank percentile of a list of numbers."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def median(values):
    return percentile(values, 50)


def bench_binary(binary):
    """`wangge-bench` (the engine benchmarks) beside the `wangge` binary of the same build."""
    return os.path.join(os.path.dirname(binary), "wangge-bench")
