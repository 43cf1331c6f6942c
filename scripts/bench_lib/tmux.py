"""A private tmux server (own socket, no user config) with fixed-size sessions, for real-terminal figures."""
import os
import shlex
import subprocess
import time

from .common import BenchError

TERM = "xterm-256color"


class Tmux:
    def __init__(self, width=160, height=48):
        self.socket = f"wangge-bench-{os.getpid()}"
        self.width, self.height = width, height

    def cmd(self, *args, check=True):
        proc = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
        if check and proc.returncode != 0:
            raise BenchError(f"tmux {' '.join(args)}: {proc.stderr.strip()}")
        return proc.stdout

    def start(self, name, argv):
        """Starts argv (exec'd, so the pane's process is argv itself) in a detached session."""
        line = f"exec env TERM={TERM} LC_ALL=C.UTF-8 " + " ".join(shlex.quote(str(a)) for a in argv)
        self.cmd("new-session", "-d", "-s", name, "-x", str(self.width), "-y", str(self.height), line)
        self.cmd("set-option", "-t", name, "remain-on-exit", "on", check=False)

    def capture(self, name):
        return self.cmd("capture-pane", "-p", "-t", name, check=False)

    def keys(self, name, *keys):
        self.cmd("send-keys", "-t", name, *keys)

    def pane_pid(self, name):
        return int(self.cmd("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def pipe(self, name, path):
        """Appends everything the pane's program writes to the terminal to `path`."""
        self.cmd("pipe-pane", "-o", "-t", name, f"cat >> {shlex.quote(path)}")

    def wait_for(self, name, predicate, timeout, poll=0.005):
        """Polls the screen every `poll` s until predicate(screen) holds; returns the seconds waited."""
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            screen = self.capture(name)
            if predicate(screen):
                return time.perf_counter() - started, screen
            time.sleep(poll)
        raise BenchError(f"tmux session {name}: the screen did not show what was expected within {timeout} s:\n"
                         f"{self.capture(name)[:1500]}")

    def close(self):
        self.cmd("kill-server", check=False)
