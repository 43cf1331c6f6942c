#!/usr/bin/env python3
"""Fallback load when `wangge simulate` is missing: `reached` events at RATE/s into `wangge ingest -`.

Usage: feed.py STORE RATE SECONDS WANGGE
"""
import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone


def main():
    store, rate, seconds, binary = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    low, high = con.execute("SELECT min(id), max(id) FROM household").fetchone()
    con.close()
    batch = max(1, int(rate // 10))
    proc = subprocess.Popen([binary, "ingest", "-", "--batch", str(batch), "--db", store], stdin=subprocess.PIPE,
                            text=True)
    started, n = time.perf_counter(), 0
    while time.perf_counter() - started < seconds:
        at = datetime.now(timezone(timedelta(hours=8))).isoformat(timespec="seconds")
        for _ in range(batch):
            household = low + (n * 7919) % (high - low + 1)
            proc.stdin.write(json.dumps({"id": f"feed-{os.getpid()}-{n}", "type": "reached", "household": household,
                                         "via": "phone", "at": at}) + "\n")
            n += 1
        proc.stdin.flush()
        time.sleep(max(0.0, started + n / rate - time.perf_counter()))
    proc.stdin.close()
    proc.wait()


if __name__ == "__main__":
    main()
