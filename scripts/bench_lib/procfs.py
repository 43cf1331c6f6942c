"""Reading a process's memory and CPU time from /proc."""
import os
import re
import subprocess

from .common import BenchError

TICKS = os.sysconf("SC_CLK_TCK")


def find_pid(pattern):
    """The one process whose full command line matches the regex (pgrep -f)."""
    out = subprocess.run(["pgrep", "-f", pattern], stdout=subprocess.PIPE, text=True).stdout.split()
    if len(out) != 1:
        raise BenchError(f"expected one process matching {pattern!r}, found {len(out)}")
    return int(out[0])


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise BenchError(f"no VmRSS for process {pid}")


def cpu_seconds(pid):
    """utime + stime of the process, in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def board_pattern(binary, store):
    return "^" + re.escape(f"{binary} board --db {store}")
