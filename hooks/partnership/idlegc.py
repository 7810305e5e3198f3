"""Python's garbage collector in a preview's process: in full only while no build runs.

A preview keeps much in memory from one build to the next (its memos, the checked case studies,
the last shortlists). Python's full collections look at every object the process holds, so at
10,000 case studies they took 0.65 s of every rebuild, to find nothing to free in what is kept.
Here, a moment after each build, one full collection runs and what survives it is frozen
(`gc.freeze`): the collections during the next build look only at what that build makes. The
next idle collection unfreezes first, so anything that was kept and later let go is freed then.

May import nothing from the package.
"""

from __future__ import annotations

import gc
import threading

IDLE = 1.0  # seconds after a build ends before the collector runs in full


class IdleCollector:
    """Schedules the full collection after each build and cancels it when the next build starts."""

    def __init__(self, idle: float = IDLE) -> None:
        self.idle = idle
        self.timer: threading.Timer | None = None
        self.collections = 0  # how many have run (tests wait on it)

    def build_starts(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None

    def build_ended(self) -> None:
        self.build_starts()
        self.timer = threading.Timer(self.idle, self.collect)
        self.timer.daemon = True  # never keeps the engine's process from ending
        self.timer.start()

    def collect(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.collections += 1

    def stop(self) -> None:
        """At the end of the process: nothing left frozen, nothing scheduled."""
        self.build_starts()
        gc.unfreeze()
