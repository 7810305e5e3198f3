"""A function's answer worked out in a forked child process while the build goes on.

A single build renders pages on one core. Work that needs only what the build has already loaded
(the directory's data files: its text index, open data and feed) can run on the machine's other
core meanwhile: the child is a fork, so it starts with the loaded content without copying it,
and only the answer comes back. If the child fails in any way, `result` runs the function here,
so that an error is raised where it would have been without a child.

Used only by single builds (`mkdocs build`, which runs no threads of its own), never under
`mkdocs serve`: forking a process that runs threads can leave the child stuck.

May import nothing from the package.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

Answer = TypeVar("Answer")


class Forked(Generic[Answer]):
    """`function()` in a forked child; `result()` waits for its answer."""

    def __init__(self, function: Callable[[], Answer]) -> None:
        self.function = function
        self.forked = False  # whether a child is working (tests look)
        self._process: Any = None
        self._receive: Connection | None = None
        if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        try:
            self._process = context.Process(target=_answer, args=(function, send), daemon=True)
            self._process.start()
        except OSError:
            receive.close()
            return
        finally:
            send.close()
        self._receive, self.forked = receive, True

    def result(self) -> Answer:
        """The child's answer or, if it failed (or there is none), the function's answer here."""
        if self._receive is not None:
            try:
                done, answer = self._receive.recv()
            except (EOFError, OSError):
                done, answer = False, None
            finally:
                self.close()
            if done:
                return answer  # type: ignore[no-any-return]
        return self.function()

    def close(self, wait: float = 10) -> None:
        """Stop waiting: the child is given `wait` seconds to end (0 when its answer is not wanted), then killed."""
        if self._receive is not None:
            self._receive.close()
            self._receive = None
        if self._process is not None:
            self._process.join(timeout=wait)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = None


def _answer(function: Callable[[], Any], send: Connection) -> None:
    try:
        answer = (True, function())
    except BaseException:  # noqa: BLE001 - the parent runs the function again, and raises there
        answer = (False, None)
    send.send(answer)
    send.close()
