"""Every link in the built site leads somewhere: a check of the HTML after the build.

MkDocs validates the links written in Markdown; this also sees the ones in templates, raw HTML
and ready-made listings. Each page is read once with regular expressions (no HTML parser: it
has to keep up with 10,000 case studies), and the ids of each page are kept for #fragments.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Never checked: the content manager's third-party bundle, and the site search's index.
EXCLUDE = ("admin/", "search/")

# Comments, and the bodies of scripts and styles (their text is not HTML); a script keeps its tag.
# Lowercase, as MkDocs, Material, Python-Markdown and the sanitiser all write tags and attributes.
# (One "<" before the alternatives lets the regex engine skip quickly to each "<".)
_NOT_MARKUP = re.compile(r"<(?:!--.*?-->|(script\b[^>]*>).*?</script\s*>|style\b.*?</style\s*>)", re.S)
# A start tag (attribute values are escaped, so hold no "<" or ">"), its attributes, and <a name>.
_TAG = re.compile(r"<[a-z][^<>]*>")
_ATTR = re.compile(r"""\s(href|src|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>=`]+))""")
_A_NAME = re.compile(r"""<a\s[^<>]*?\bname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>=`]+))""")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Fragments every page has without an id: the top of the page, and text fragments.
_ALWAYS_THERE = ("top", ":~:")


@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str  # the page's path in the site, e.g. "about/index.html"
    link: str  # as written in the page (entities decoded)
    reason: str  # "no such page", "no such anchor", "a javascript: link", "outside the site"

    def __str__(self) -> str:
        return f"{self.page}: broken link '{self.link}' ({self.reason})"


@dataclass
class Scanned:
    links: list[str]  # every href and src, entities decoded, in order, without repeats
    ids: set[str]  # every id, and every <a name>


def _keep_script_tag(match: re.Match[str]) -> str:
    return "<" + match.group(1) if match.group(1) else ""


def scan(text: str) -> Scanned:
    """The links and ids of one HTML page.

    Only tags are searched (all of a page's tags joined into one string), never the text
    between them, which may talk about 'href="..."' in words.
    """
    if "<!--" in text or "<script" in text or "<style" in text:
        text = _NOT_MARKUP.sub(_keep_script_tag, text)
    links: dict[str, None] = {}
    ids: set[str] = set()
    tags = " ".join(_TAG.findall(text))
    for name, double, single, bare in _ATTR.findall(tags):
        value = double or single or bare
        if "&" in value:
            value = html.unescape(value)
        if name == "id":
            ids.add(value)
        else:
            links[value.strip()] = None
    for double, single, bare in _A_NAME.findall(tags):
        value = double or single or bare
        ids.add(html.unescape(value) if "&" in value else value)
    return Scanned(list(links), ids)


def site_files(site_dir: Path) -> set[str]:
    """Every file in the site, as a path relative to its root with "/" between parts."""
    found: set[str] = set()
    root = str(site_dir)
    for folder, _dirs, names in os.walk(root):
        prefix = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found.update(prefix + name for name in names)
    return found


def _climb(folder: str) -> str:
    """The relative link from a folder of the site back to its root: "" or "../" or "../../" ..."""
    return "../" * (folder.count("/") + 1) if folder else ""


_UNKNOWN = "?"  # not yet in Checker.answers (whose values are None or a reason)


class Checker:
    """Checks links against the files of one built site, reading each page at most once."""

    def __init__(self, site_dir: Path, site_url: str | None = None, files: set[str] | None = None) -> None:
        self.site_dir = site_dir
        self.files = site_files(site_dir) if files is None else files
        parts = urlsplit(site_url or "")
        self.scheme = parts.scheme.lower() or "https"
        self.origin = f"{self.scheme}://{parts.netloc.lower()}" if parts.netloc else ""
        self.base_path = (parts.path or "/").rstrip("/") + "/"  # where the site's root is served
        self.pages: dict[str, Scanned] = {}
        self.answers: dict[
            tuple[str, str], str | None
        ] = {}  # (folder, link) -> problem, for links not to the page itself

    def scanned(self, page: str) -> Scanned:
        if page not in self.pages:
            self.pages[page] = scan((self.site_dir / page).read_text(encoding="utf-8", errors="replace"))
        return self.pages[page]

    def problem(self, page: str, link: str) -> str | None:
        """Why the link `link` on page `page` (a path in the site) is broken, or None when it is fine."""
        folder = posixpath.dirname(page)
        return self._link(page, folder, _climb(folder), link)

    def _link(self, page: str, folder: str, climb: str, link: str) -> str | None:
        if not link or link[0] in "#?":  # this page
            return self._fragment(page, unquote(link.partition("#")[2]))
        if link[0] == "/" or _SCHEME.match(link):
            folder = ""
        elif link.startswith(climb):  # back to the root: the same answer from every page this deep
            folder, link = "", link[len(climb) :]
        key = (folder, link)
        answer = self.answers.get(key, _UNKNOWN)
        if answer is _UNKNOWN:
            answer = self.answers[key] = self._problem(folder, link)
        return answer

    def _fragment(self, target: str, fragment: str) -> str | None:
        if not fragment or not target.endswith(".html") or fragment.startswith(_ALWAYS_THERE):
            return None
        return None if fragment in self.scanned(target).ids else "no such anchor"

    def _problem(self, folder: str, link: str) -> str | None:
        """Why `link`, relative to the folder `folder` of the site, is broken (not a link to the page itself)."""
        path = link
        scheme = _SCHEME.match(link)
        if scheme or link.startswith("//"):
            name = scheme.group(1).lower() if scheme else self.scheme
            if name == "javascript":
                return "a javascript: link"
            if name not in ("http", "https"):
                return None  # mailto:, tel:, data: and the like
            parts = urlsplit(link)
            if f"{name}://{parts.netloc.lower()}" != self.origin:
                return None  # another site
            path = (parts.path or "/") + (f"#{parts.fragment}" if parts.fragment else "")
        path, _, fragment = path.partition("#")
        path = unquote(path.partition("?")[0])
        if path.startswith("/"):
            if path + "/" == self.base_path:
                path += "/"
            if not path.startswith(self.base_path):
                return "outside the site"
            joined = path[len(self.base_path) :]
        else:
            joined = posixpath.join(folder, path)
        is_folder = joined in ("", ".", "..") or joined.endswith(("/", "/.", "/.."))
        normal = posixpath.normpath(joined) if joined else "."
        if normal == ".." or normal.startswith("../"):
            return "outside the site"
        if normal == ".":
            target = "index.html"
        elif is_folder:
            target = f"{normal}/index.html"
        elif normal in self.files:
            target = normal
        else:
            target = f"{normal}/index.html"  # a folder without its "/": servers redirect
        if target not in self.files:
            return "no such page"
        return self._fragment(target, unquote(fragment))


def check_pages(checker: Checker, pages: Iterable[str]) -> list[BrokenLink]:
    """Broken links of the given pages (paths in the site), sorted."""
    broken: list[BrokenLink] = []
    for page in pages:
        scanned = checker.scanned(page)
        links, scanned.links = scanned.links, []  # only the ids are needed from now on
        folder = posixpath.dirname(page)
        climb = _climb(folder)
        for link in links:
            reason = checker._link(page, folder, climb, link)
            if reason:
                broken.append(BrokenLink(page, link, reason))
    return sorted(broken)


def check_site(
    site_dir: Path,
    site_url: str | None = None,
    exclude: tuple[str, ...] = EXCLUDE,
    scanned: dict[str, Scanned] | None = None,
    files: set[str] | None = None,
) -> list[BrokenLink]:
    """Every broken internal link and anchor in the built site at `site_dir`.

    `scanned` holds pages already scanned as they were built (see background.py); the others are read.
    `files` is the site's `site_files`, when the caller has them already.
    """
    checker = Checker(site_dir, site_url, files)
    checker.pages.update(scanned or {})
    pages = sorted(f for f in checker.files if f.endswith(".html") and not f.startswith(exclude))
    return check_pages(checker, pages)


def report(broken: list[BrokenLink]) -> str:
    """One message for every broken link, with the count first."""
    lines = "\n".join(f"  {b}" for b in broken)
    return f"{len(broken)} broken link(s) in the built site:\n{lines}"
