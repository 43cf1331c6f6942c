"""The release build and the cached demo store of a preset."""
import os
import shutil
import subprocess

from .common import BenchError, NICE, copy_store, log, run, sqlite, sqlite_value

ANCHOR = "2026-11-22T20:00:00+08:00"  # the demo's "now": same seed and anchor → same store


def build_release(repo):
    """`swift build -c release --static-swift-stdlib` (as scripts/run), niced; returns the absolute path of the wangge binary."""
    log("building release (swift build -c release)…")
    proc = subprocess.run(NICE + ["swift", "build", "-c", "release", "--static-swift-stdlib"], cwd=repo, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        raise BenchError(f"release build failed:\n{proc.stdout[-3000:]}")
    _, bin_path = run(["swift", "build", "-c", "release", "--show-bin-path"], env=None)
    binary = os.path.join(bin_path.strip(), "wangge")
    if not os.access(binary, os.X_OK):
        raise BenchError(f"no wangge binary at {binary} after the build")
    return binary


def cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "wangge-bench")
    os.makedirs(path, mode=0o700, exist_ok=True)
    return path


def generate(binary, preset, db):
    """Runs `wangge demo` into db (replacing it); returns the seconds it took."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    seconds, _ = run([binary, "demo", "--preset", preset, "--db", db, "--anchor", ANCHOR])
    return seconds


def cached_store(binary, preset, source=None, fresh=None):
    """The cached store of the preset: reused when present, else copied from `source` (a store made by
    `wangge demo --preset PRESET --anchor ANCHOR`), else moved from `fresh` (a store just generated),
    else generated. Never modifies `source`."""
    path = os.path.join(cache_dir(), f"{preset}.sqlite")
    if os.path.exists(path):
        if sqlite_value(path, "SELECT value FROM meta WHERE key='preset'") == preset:
            return path
        log(f"{path} is not a {preset} store; replacing it")
    if source:
        if not os.path.exists(source):
            raise BenchError(f"--store-from: {source} does not exist")
        found = sqlite_value(source, "SELECT value FROM meta WHERE key='preset'")
        if found != preset:
            raise BenchError(f"--store-from: {source} is a {found!r} store, not {preset!r}")
        log(f"copying {source} into the cache ({path})")
        copy_store(source, path + ".part")
        os.replace(path + ".part", path)
    elif fresh:
        shutil.copyfile(fresh, path + ".part")
        os.replace(path + ".part", path)
    else:
        log(f"generating the {preset} store into the cache ({path})…")
        generate(binary, preset, path + ".part.sqlite")
        os.replace(path + ".part.sqlite", path)
    os.chmod(path, 0o600)
    return path


def community_path(store):
    """The path (below the root) of the first community (level 社区), e.g. 街道/社区 or 区/街道/社区."""
    rows = sqlite(store, "SELECT depth FROM level WHERE name = '社区'", readonly=True)
    if not rows:
        raise BenchError(f"{store} has no level named 社区")
    depth = int(rows[0][0])
    place = sqlite_value(store, f"SELECT min(id) FROM place WHERE depth = {depth}")
    names = sqlite(store, f"""WITH RECURSIVE up(id, parent_id, depth, name) AS (
        SELECT id, parent_id, depth, name FROM place WHERE id = {int(place)}
        UNION ALL SELECT p.id, p.parent_id, p.depth, p.name FROM place p JOIN up ON p.id = up.parent_id)
        SELECT name FROM up WHERE depth > 0 ORDER BY depth""", readonly=True)
    return int(place), "/".join(n[0] for n in names)


def root_name(store):
    return sqlite_value(store, "SELECT name FROM place WHERE parent_id IS NULL ORDER BY id LIMIT 1")
