"""Run a command and print its peak memory in KB, as two numbers on the last line of standard error.

    python bench/peak.py COMMAND...

The first is the largest resident set of any one of its processes (getrusage's ru_maxrss). That
misses memory held by several processes at once: a single build forks a child for the directory's
data (hooks/partnership/deferred.py). So the second is the largest sum, sampled every 0.1 s, of the
proportional set sizes (PSS, Linux's /proc/PID/smaps_rollup) of the command and every process
under it, which counts a page shared by a parent and its fork once. 0 where /proc cannot say.
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError, ValueError):
            found += [int(child) for child in task.read_text().split()]
    return found


def tree_pss(root: int) -> int:
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except (OSError, ValueError):
            continue
        pending += children(pid)
    return total


def main() -> int:
    process = subprocess.Popen(sys.argv[1:])
    largest = 0
    while process.poll() is None:
        largest = max(largest, tree_pss(process.pid))
        time.sleep(0.1)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, largest, file=sys.stderr)
    return process.returncode


if __name__ == "__main__":
    sys.exit(main() if os.name == "posix" else 1)
