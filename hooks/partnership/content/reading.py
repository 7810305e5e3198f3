"""Reading one content file strictly and checking it against its record: the steps every loader shares.

Every problem goes into the context's list, with the file's name; nothing here raises for bad content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from partnership.content import files
from partnership.content.context import INVALID, Context
from partnership.content.problems import Problem
from partnership.content.records import Record
from partnership.content.sources import Source, decode, split_front_matter
from partnership.content.yamlstrict import Node, parse
from partnership.formats import slugs


def relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


MAX_FILE_BYTES = 2_000_000


def read_source(path: Path, shown: str, problems: list[Problem], root: Path | None = None) -> Source | None:
    reason = files.refusal(path, root) if root is not None else ""
    if reason:
        problems.append(Problem(shown, 1, 1, "", reason))
        return None
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(
                Problem(shown, 1, 1, "", f"is larger than {MAX_FILE_BYTES:,} bytes; no content file needs to be")
            )
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(shown, 1, 1, "", f"cannot be read: {exc.strerror}"))
        return None
    return decoded(data, shown, problems)


def decoded(data: bytes, shown: str, problems: list[Problem]) -> Source | None:
    """A file's bytes as text, or None when they are not clean UTF-8 (the problems say why)."""
    source, found = decode(data, shown)
    problems.extend(found)
    return source if not found else None


def check_yaml_file(path: Path, shown: str, record: Record, ctx: Context, root: Path | None = None) -> Any:
    source = read_source(path, shown, ctx.problems, root)
    if source is None:
        return INVALID
    return check_yaml_text(source.text, shown, record, ctx)


def check_yaml_text(text: str, shown: str, record: Record, ctx: Context) -> Any:
    """One YAML file's text, checked against its record (in memory: the property tests use this)."""
    node, found = parse(text, shown)
    ctx.problems.extend(found)
    if found:
        return INVALID
    return guarded(lambda: record.check(node, ctx), shown, ctx)


def guarded(check: Callable[[], Any], shown: str, ctx: Context) -> Any:
    """Run a check; a fault in it becomes a problem with the file's name, never a traceback."""
    try:
        return check()
    except (RecursionError, ValueError, OverflowError, TypeError, KeyError, IndexError, AttributeError) as exc:
        ctx.problems.append(
            Problem(
                shown,
                1,
                1,
                "",
                f"could not be checked ({type(exc).__name__}: {str(exc)[:80]}); this is a fault in the site's "
                "software, not only in the file: simplify the file and report it",
            )
        )
        return INVALID


@dataclass
class Checked:
    """A Markdown file with front matter, checked: its values (or INVALID), YAML tree and body."""

    values: Any
    node: Node | None = None
    body: str = ""
    body_line: int = 1


def check_front_matter_file(
    path: Path, shown: str, record: Record, ctx: Context, *, required: bool = True, root: Path | None = None
) -> Checked:
    """Without `required`, a file with no front matter at all is fine (its values are {})."""
    source = read_source(path, shown, ctx.problems, root)
    if source is None:
        return Checked(INVALID)
    return check_front_matter_text(source, shown, record, ctx, required=required)


def check_front_matter_text(
    source: Source, shown: str, record: Record, ctx: Context, *, required: bool = True
) -> Checked:
    """A decoded Markdown file (sources.Source), checked in memory."""
    if not required and not source.text.lstrip().startswith("---"):
        return Checked({}, None, source.text)
    front, found = split_front_matter(source)
    ctx.problems.extend(found)
    if front is None:
        return Checked(INVALID)
    node, found = parse(front.yaml, shown, offset=front.offset)
    ctx.problems.extend(found)
    if found:
        return Checked(INVALID, None, front.body, front.body_line)
    return Checked(guarded(lambda: record.check(node, ctx), shown, ctx), node, front.body, front.body_line)


def publishable(ctx: Context, path: Path, slug: str, body: str, what: str) -> bool:
    """A page needs a name that can be a web address and some text; report what is missing."""
    if not slugs.is_slug(slug):
        better = slugs.slug(slug, fallback=what.replace(" ", "-"))
        ctx.error(
            None,
            "",
            f"the file name '{path.name}' cannot be a web address; rename it to '{better}.md' "
            "(lowercase letters, digits and hyphens)",
        )
        return False
    if not body.strip():
        ctx.error(None, "", f"has no text after the front matter; write the {what} below the closing '---'")
        return False
    return True
