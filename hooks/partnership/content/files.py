"""Only the repository's own files: which files the build may read or publish, and which it refuses.

Content comes from pull requests, and a pull request can add a symbolic link as easily as a
file. A link in docs/assets/ to /etc/passwd, or a case study linked to a file outside the
repository, would be read or copied into the published site (MkDocs follows links). So every
file the build reads or copies must be a regular file whose real path is inside the repository,
reached through no symbolic link. Files that would be silently ignored (a case study named
`.MD` or `.markdown`) or that would silently replace a generated page are refused too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from partnership.content.problems import Problem

# Files that editors and operating systems leave behind; never content, never published from here.
IGNORED = frozenset({".gitkeep", ".gitignore", ".DS_Store", "Thumbs.db", "desktop.ini"})
MARKDOWNISH = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".txt", ".text")

# Addresses the build generates. A page in docs/ at one of them would be replaced without a word.
GENERATED_FOLDERS = (
    "accessibility",
    "admin",
    "board",
    "case-studies",
    "directory",
    "guide",
    "impact",
    "news",
    "offer",
    "questions",
    "schools",
    "search",
)
GENERATED_FILES = ("robots.txt", "sitemap.xml", "sitemap.xml.gz", "calendar.ics", "_headers", "assets/partnership.css")


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def refusal(path: Path | str, root: Path | str) -> str:
    """Why the build may not read `path` ("" when it may): a link, outside `root`, or not a regular file."""
    root, path = os.path.abspath(root), os.path.abspath(path)
    if path != root and not path.startswith(root + os.sep):
        return "is outside the repository; only the repository's own files are published"
    here = root
    for part in path[len(root) + 1 :].split(os.sep) if path != root else ():
        here = os.path.join(here, part)
        if os.path.islink(here):
            return _link(here, path, root)
    if not os.path.lexists(path):
        return ""  # missing files are reported where they are needed
    if not (os.path.isfile(path) or os.path.isdir(path)):
        return "is not a regular file; only ordinary files are read or published"
    real, real_root = os.path.realpath(path), os.path.realpath(root)
    if real != real_root and not real.startswith(real_root + os.sep):
        return "resolves to a file outside the repository; only the repository's own files are published"
    return ""


def _link(link: str, path: str, root: str) -> str:
    target = os.readlink(link)
    what = "" if link == path else f" (its folder {_relative(Path(link), Path(root))}/ is a link)"
    return (
        f"is a symbolic link to '{target}'{what}; only the repository's own files are read or published: "
        "replace the link with a copy of the file itself"
    )


def _entry_refusal(path: str, root: Path) -> str:
    """The quick check for a file found by listing a folder already checked: a link, or not a file."""
    if os.path.islink(path):
        return _link(path, path, str(root))
    if not os.path.isfile(path):
        return "is not a regular file; only ordinary files are read or published"
    return ""


def markdown_files(root: Path, folder: str, what: str, problems: list[Problem]) -> list[Path]:
    """The Markdown files of a content folder (case_studies/ or news/), each one safe to read.

    Everything else in the folder is reported, naming the file: links, sub-folders, other
    extensions or the right one in capitals (never published), and index.md (the generated list).
    """
    base = root / folder
    reason = refusal(base, root)
    if reason:
        problems.append(Problem(f"{folder}/", 1, 1, "", reason))
        return []
    if not base.is_dir():
        return []
    found = []
    for entry in sorted(os.scandir(base), key=lambda e: e.name):
        shown = f"{folder}/{entry.name}"
        name = entry.name
        if name in IGNORED:
            continue
        if entry.is_symlink():
            problems.append(Problem(shown, 1, 1, "", refusal(Path(entry.path), root)))
            continue
        if entry.is_dir():
            problems.append(
                Problem(
                    f"{shown}/",
                    1,
                    1,
                    "",
                    f"is a folder, and folders in {folder}/ are never read; put each {what} directly in "
                    f"{folder}/ (images go in docs/assets/)",
                )
            )
            continue
        stem, dot, suffix = name.rpartition(".")
        if not dot or not stem or suffix != "md":
            better = f"{stem or name}.md" if f".{suffix.lower()}" in MARKDOWNISH else ""
            hint = f"rename it to '{better}'" if better else f"only {what} files ending in '.md' belong here"
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "",
                    f"would never be published: a {what} is a Markdown file whose name ends in '.md' "
                    f"(lowercase); {hint}",
                )
            )
            continue
        if name == "index.md":
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "",
                    f"'index.md' is reserved: the site makes the list of {folder.replace('_', ' ')} at that address, "
                    f"and this file would replace it; give the {what} a name of its own",
                )
            )
            continue
        reason = _entry_refusal(entry.path, root)
        if reason:
            problems.append(Problem(shown, 1, 1, "", reason))
            continue
        found.append(Path(entry.path))
    return found


def unknown_content_files(root: Path, known: set[str], problems: list[Problem]) -> None:
    """A file in content/ that the site never reads is a change that would silently do nothing."""
    folder = root / "content"
    if not folder.is_dir() or folder.is_symlink():
        return
    for entry in sorted(folder.iterdir()):
        if entry.name in known or entry.name in IGNORED:
            continue
        near = [k for k in sorted(known) if k.rsplit(".", 1)[0] == entry.name.rsplit(".", 1)[0].lower()]
        hint = f"did you mean '{near[0]}'?" if near else "the files the site reads are: " + ", ".join(sorted(known))
        message = f"is not a file the site reads, so it would change nothing; {hint}"
        problems.append(Problem(f"content/{entry.name}", 1, 1, "", message))


def docs_address(relative: str) -> str:
    """The address MkDocs gives a file of docs/ (with directory URLs): about.md -> about/, x/index.md -> x/."""
    if not relative.endswith(".md"):
        return relative
    stem = relative[:-3]
    folder, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def check_docs(root: Path, docs_dir: Path, problems: list[Problem]) -> list[Path]:
    """Every file in docs/ (which MkDocs reads or copies): no links, nothing outside, no generated address.

    Returns the Markdown pages that are safe to read.
    """
    pages: list[Path] = []
    reason = refusal(docs_dir, root)
    if reason or not docs_dir.is_dir():
        if reason:
            problems.append(Problem(_relative(docs_dir, root) + "/", 1, 1, "", reason))
        return pages
    for top, dirs, names in os.walk(docs_dir):
        here = Path(top)
        for name in sorted(dirs):
            path = here / name
            if path.is_symlink():
                problems.append(Problem(_relative(path, root) + "/", 1, 1, "", _entry_refusal(str(path), root)))
                dirs.remove(name)  # os.walk does not follow links; say so, and do not look inside
        dirs.sort()
        for name in sorted(names):
            path = here / name
            shown = _relative(path, root)
            reason = _entry_refusal(str(path), root)
            if reason:
                problems.append(Problem(shown, 1, 1, "", reason))
                continue
            inside = path.relative_to(docs_dir).as_posix()
            if inside.startswith("overrides/"):
                continue  # the theme's templates: never pages
            address = docs_address(inside)
            top_folder = address.split("/", 1)[0]
            if address in GENERATED_FILES or ("/" in address and top_folder in GENERATED_FOLDERS):
                problems.append(
                    Problem(
                        shown,
                        1,
                        1,
                        "",
                        f"would be replaced by a page the site makes itself (at /{address}); "
                        f"the addresses under /{top_folder}/ are the site's own, so move or rename this file",
                    )
                )
                continue
            if name.endswith(".md"):
                pages.append(path)
            elif name.lower().endswith(".svg"):
                problems.extend(svg_problems(path, shown))
            elif name.lower().endswith(MARKDOWNISH[:6]):
                problems.append(
                    Problem(
                        shown,
                        1,
                        1,
                        "",
                        f"would be copied as a file, not made into a page: pages end in '.md' (lowercase); "
                        f"rename it to '{name.rpartition('.')[0]}.md'",
                    )
                )
    return pages


# An SVG is a document: opened on its own (not through <img>), its scripts run as the site.
_SVG_ACTIVE = re.compile(
    r"<script\b|<foreignObject\b|<iframe\b|<embed\b|<object\b|\son[a-z]+\s*=|javascript:|<!ENTITY"
    r"|(?:xlink:)?href\s*=\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)


def svg_problems(path: Path, shown: str) -> list[Problem]:
    """An SVG image may hold no script, event handler, embedded document or link to another site."""
    try:
        text = path.read_bytes()[:5_000_000].decode("utf-8", "replace")
    except OSError as exc:
        return [Problem(shown, 1, 1, "", f"cannot be read: {exc.strerror}")]
    found = _SVG_ACTIVE.search(text)
    if not found:
        return []
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - text.rfind("\n", 0, found.start())
    return [
        Problem(
            shown,
            line,
            column,
            "",
            f"this SVG image holds {found.group().strip()!r}, which would run or load something when the image "
            "is opened on its own; save it again without scripts, handlers and outside links, or use a PNG",
        )
    ]
