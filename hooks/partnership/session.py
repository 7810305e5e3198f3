"""One run of the engine and its builds: hooks/site.py keeps a `Session` for as long as the engine runs.

May import the pipeline, finishing.py and the preview; nothing in the package imports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from partnership import buildcache
from partnership.engine import Log
from partnership.finishing import postbuild
from partnership.formats import memo
from partnership.idlegc import IdleCollector
from partnership.pipeline import Build, finish, start
from partnership.preview import Preview


@dataclass
class Session:
    """One run of the engine (`mkdocs build`, or `mkdocs serve` and its rebuilds), and its current build."""

    command: str = "build"  # the engine's: build, serve, gh-deploy
    last: Preview | None = None  # with `--dirty`, what the preview's last rebuild left
    build: Build | None = None
    collector: IdleCollector | None = None  # a preview's: the full garbage collections between builds

    def begin(self, command: str, dirty: bool) -> None:
        self.command, self.last = command, buildcache.for_engine(dirty)
        previewing = command == "serve" and dirty
        memo.keep(previewing)  # a preview rebuilds from the same texts again and again
        if self.collector is not None:
            self.collector.stop()
        self.collector = IdleCollector() if previewing else None

    def start(self, config_file: str, docs_dir: str, theme_dirs: list[str], log: Log) -> Build:
        """A new build, after the last one (which may have failed) has finished."""
        self.finish()
        if self.collector is not None:
            self.collector.build_starts()
        self.build = start(config_file, docs_dir, theme_dirs, self.command, log, self.last)
        return self.build

    def postbuild(self, site_dir: str, log: Log) -> None:
        """After the engine has written the site (see finishing.py)."""
        assert self.build is not None
        postbuild(self.build, site_dir, log)
        self.ended()

    def failed(self) -> None:
        """A build stopped halfway: its worker and child stopped; the preview's next build starts from nothing."""
        self.finish()
        self.ended()

    def ended(self) -> None:
        """A build ended, well or not (its worker is stopped when the next starts, or by `finish`)."""
        if self.collector is not None:
            self.collector.build_ended()

    def finish(self) -> None:
        finish(self.build)
        self.build = None
