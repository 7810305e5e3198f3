"""Memos of pure functions, kept only while the engine previews (`mkdocs serve --dirty`).

A preview rebuilds the site again and again in one process from mostly the same texts, so a
function of a text can answer from what it answered before. A single build sees each text once:
there a memo would only hold every document's words in memory until the build ends (gigabytes at
100,000 case studies), so it is off unless `keep(True)` was called.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

Function = TypeVar("Function", bound=Callable[..., Any])
Value = TypeVar("Value")
Made = TypeVar("Made")

_on = [False]  # a list, so that the flag is one object every memo reads


def keep(on: bool) -> None:
    """Turn the memos on (a preview's process) or off (and forget what they held)."""
    _on[0] = on
    if not on:
        for clear in _clears:
            clear()
        _last.clear()
        _states.clear()


def kept() -> bool:
    """Whether the memos are on."""
    return _on[0]


_clears: list[Callable[[], None]] = []


def memo(maxsize: int) -> Callable[[Function], Function]:
    """Like functools.lru_cache(maxsize), while `keep(True)` is in force; otherwise a plain call."""

    def decorate(function: Function) -> Function:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        _clears.append(cached.cache_clear)

        @functools.wraps(function)
        def call(*args: Any) -> Any:
            return cached(*args) if _on[0] else function(*args)

        return call  # type: ignore[return-value]

    return decorate


_last: dict[str, tuple[Any, Any]] = {}  # name -> (value, what was made from it)


def unchanged(name: str, value: Value, make: Callable[[Value], Made]) -> Made:
    """make(value); while `keep(True)` is in force, what was made last time under `name`, if its
    value equals this one. For values a memo cannot hash (a shard of the text index: a dict of
    lists), where comparing is far quicker than making again."""
    if not _on[0]:
        return make(value)
    last = _last.get(name)
    if last is not None and last[0] == value:
        made: Made = last[1]
        return made
    made = make(value)
    _last[name] = (value, made)
    return made


_states: dict[str, dict[str, Any]] = {}


def state(name: str) -> dict[str, Any]:
    """A dict kept under `name` from one build to the next while `keep(True)` is in force (what a
    function patches instead of making again); a new, empty one, kept nowhere, otherwise."""
    if not _on[0]:
        return {}
    return _states.setdefault(name, {})
