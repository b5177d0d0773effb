#!/usr/bin/python3
"""CPU and memory of a PostgreSQL server, which GNU time on the client does not see.

  server_usage.py cpu POSTMASTER_PID           CPU seconds so far: the postmaster's own, that of its
                                               exited children (cutime/cstime: backends, parallel
                                               workers) and that of its live children
  server_usage.py peak POSTMASTER_PID OUT      until SIGTERM, every 0.2 s: the sum of the PSS of the
                                               postmaster and its children; writes the peak (kB) to OUT
"""
import os
import signal
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def stat_fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()  # fields from 3 (state) on


def children(parent):
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if int(stat_fields(entry)[1]) == parent:
                    yield int(entry)
            except (FileNotFoundError, ProcessLookupError):
                pass


def cpu(pid):
    f = stat_fields(pid)
    total = sum(int(v) for v in f[11:15])  # utime stime cutime cstime
    for child in children(pid):
        try:
            total += sum(int(v) for v in stat_fields(child)[11:13])
        except FileNotFoundError:
            pass
    return total / TICK


def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def peak(pid, out):
    best = 0
    running = True

    def stop(*_):
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, stop)
    while running:
        best = max(best, pss_kb(pid) + sum(pss_kb(c) for c in children(pid)))
        with open(out, "w") as f:
            f.write(f"{best}\n")
        time.sleep(0.2)


if sys.argv[1] == "cpu":
    print(f"{cpu(int(sys.argv[2])):.2f}")
else:
    peak(int(sys.argv[2]), sys.argv[3])
