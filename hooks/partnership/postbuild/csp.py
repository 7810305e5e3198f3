"""A Content Security Policy for the built site: no inline script runs unless the project wrote it.

The policy is a backstop for the sanitiser, so it must not trust the page it protects: only
scripts the project itself emits are hashed, known at build time from the theme's templates
(Material's and our overrides') and our own outputs (see `Known`). A script that reached the
final HTML some other way (past the sanitiser, through a plugin) gets no hash, and the browser
refuses to run it.

After the build, every HTML page is read once: the SHA-256 hash of each known inline script (Material's
config and palette scripts, the directory page's script, mkdocs-redirects' pages) goes into a
`<meta http-equiv="Content-Security-Policy">` placed before the page's first script, and the
union of all hashes goes into `_headers` (Netlify and Cloudflare Pages) with the other security
headers. GitHub Pages ignores `_headers`, so the meta policy is the one that always applies.

The content manager (/admin/, Decap CMS) is a single-page application that evaluates code and
talks to GitHub: it gets no meta policy and its own relaxed policy in `_headers`.

Plain string and regex work, not an HTML parser: 10,000 pages take well under a second or two.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from partnership.postbuild.linkcheck import site_files

# Script types a browser runs (HTML's "JavaScript MIME type essence match", and modules).
# Any other type (application/ld+json, application/json, text/template) is a data block.
JS_TYPES = frozenset(
    {"", "module", "text/javascript", "application/javascript", "application/ecmascript", "application/x-ecmascript"}
    | {"application/x-javascript", "text/ecmascript", "text/jscript", "text/livescript", "text/x-ecmascript"}
    | {"text/x-javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3"}
    | {"text/javascript1.4", "text/javascript1.5"}
)

_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
SCRIPT = re.compile(rf"<script\b({_ATTRS})>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SCRIPT_START = re.compile(r"<script\b", re.IGNORECASE)
_VALUE = r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
TYPE = re.compile(rf"(?:^|\s)type{_VALUE}", re.IGNORECASE)
SRC = re.compile(r"(?:^|\s)src(?:\s*=|\s|$)", re.IGNORECASE)
HEAD = re.compile(rf"<head\b{_ATTRS}>", re.IGNORECASE)
CHARSET = re.compile(rf"<meta\s{_ATTRS}\bcharset\b{_ATTRS}>", re.IGNORECASE)
DOCTYPE = re.compile(r"<!doctype\b[^>]*>", re.IGNORECASE)
ADMIN_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
META = re.compile(r"""<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?""")

# mkdocs-redirects writes one page per old address, each with its own inline script (its target
# is written into it), so each would add a hash to the policy. They are rewritten to one script
# that reads the target from the page's canonical link: one hash however many redirects there are.
REDIRECT = re.compile(
    r'(<link rel="canonical" href="([^"]*)">\s*)'
    r"<script>var anchor=window\.location\.hash\.substr\(1\);"
    r'location\.href="([^"]*)"\+\(anchor\?"#"\+anchor:""\)</script>'
)
REDIRECT_SCRIPT = 'location.replace(document.querySelector("link[rel=canonical]").href+location.hash)'

# Pages with a policy of their own in _headers, and no meta policy (top-level folders).
EXEMPT = ("admin",)
HEADERS = "_headers"
ADMIN_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com; "
    "font-src 'self' data:; connect-src 'self' https://api.github.com https://www.githubstatus.com; "
    "frame-src 'self' blob:; worker-src 'self' blob:; media-src 'self' blob:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
OTHER_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
}


def is_javascript(attrs: str) -> bool:
    """Whether a <script> with these attributes (and no src) is run by the browser."""
    found = TYPE.search(attrs)
    if not found:
        return True
    value = next(v for v in found.groups() if v is not None)
    return value.strip().lower().split(";", 1)[0].strip() in JS_TYPES


def script_hash(source: str) -> str:
    """The CSP source expression for one inline script, e.g. 'sha256-…'.

    The HTML parser turns CR LF and CR into LF before the browser hashes the script's text.
    """
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The text of each inline JavaScript of a page, in order."""
    return [
        body
        for attrs, body in (m.groups() for m in SCRIPT.finditer(html))
        if not SRC.search(attrs) and is_javascript(attrs)
    ]


def script_hashes(html: str) -> list[str]:
    """The hashes of a page's inline JavaScript, in order of first appearance, without repeats."""
    return list(dict.fromkeys(script_hash(body) for body in inline_scripts(html)))


_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_JINJA_VALUE = re.compile(r"\{\{.*?\}\}", re.DOTALL)
# What a template expression inside one of the theme's scripts prints: a base URL such as "../..".
_BASE_URL = r"[A-Za-z0-9./_:-]*"
# mkdocs-redirects' own script, for a page normalise_redirect leaves alone (its target is not the canonical link).
_REDIRECTS = (
    re.escape('var anchor=window.location.hash.substr(1);location.href="')
    + '[^"<>]*'
    + re.escape('"+(anchor?"#"+anchor:"")')
)


class Known:
    """The inline scripts the project emits: each template's script, with its {{ values }} as base URLs.

    Built once per build from the theme's template folders (MkDocs' `theme.dirs`); a script of a
    final page is hashed only when it is one of these.
    """

    def __init__(self, template_dirs: Iterable[Path | str] = (), scripts: Iterable[str] = ()) -> None:
        patterns = {re.escape(REDIRECT_SCRIPT), _REDIRECTS, *(re.escape(s) for s in scripts)}
        for folder in template_dirs:
            for path in sorted(Path(folder).rglob("*.html")):
                for body in _TEMPLATE_SCRIPT.findall(path.read_text(encoding="utf-8", errors="replace")):
                    if "{%" in body or "{#" in body:
                        continue  # a script built by template logic cannot be known in advance
                    pieces = _JINJA_VALUE.split(body)
                    patterns.add(_BASE_URL.join(re.escape(piece) for piece in pieces))
        self.pattern = re.compile("|".join(f"(?:{p})" for p in sorted(patterns)), re.DOTALL)
        self._seen: dict[str, bool] = {}

    def __contains__(self, body: str) -> bool:
        known = self._seen.get(body)
        if known is None:
            known = self._seen[body] = self.pattern.fullmatch(body.replace("\r\n", "\n")) is not None
        return known


def allowed_hashes(html: str, known: Known) -> list[str]:
    """The hashes of a page's inline scripts that the project emits; any other script gets none."""
    return list(dict.fromkeys(script_hash(body) for body in inline_scripts(html) if body in known))


def policy(hashes: Iterable[str], header: bool = False) -> str:
    """The site's policy; `header` adds what a <meta> policy may not hold (frame-ancestors)."""
    scripts = " ".join(["'self'", *sorted(set(hashes))])
    directives = [
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",  # Material sets style attributes
        "img-src 'self' data:",  # Material's icons are data: URLs in its stylesheet
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",  # Material's search runs in a worker from the site
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if header:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def meta_tag(value: str) -> str:
    escaped = value.replace("&", "&amp;").replace('"', "&quot;")
    return f'<meta http-equiv="Content-Security-Policy" content="{escaped}">'


def normalise_redirect(html: str) -> str:
    """mkdocs-redirects' page with the one shared redirect script (see REDIRECT)."""
    match = REDIRECT.search(html) if "var anchor=window.location" in html else None
    if not match or match.group(2) != match.group(3):
        return html
    return f"{html[: match.end(1)]}<script>{REDIRECT_SCRIPT}</script>{html[match.end() :]}"


def add_policy(html: str, value: str) -> str:
    """The page with a meta policy before its first script (after <meta charset> when that comes first).

    A meta policy from an earlier run is replaced. Browsers ignore a meta policy outside <head>,
    and it applies only to what follows it.
    """
    if 'http-equiv="Content-Security-Policy"' in html:
        html = META.sub("", html)
    tag = meta_tag(value)
    first_script = SCRIPT_START.search(html)
    limit = first_script.start() if first_script else len(html)
    head = HEAD.search(html, 0, limit)
    if head:
        charset = CHARSET.search(html, head.end(), limit)
        at = charset.end() if charset else head.end()
    else:
        doctype = DOCTYPE.search(html, 0, limit)
        at = doctype.end() if doctype else 0
    return f"{html[:at]}\n{tag}{html[at:]}"


def secure_page(html: str, known: Known) -> tuple[str, list[str]]:
    """One page with its meta policy, and the hashes that policy allows (the known scripts' only)."""
    html = normalise_redirect(html)
    hashes = allowed_hashes(html, known)
    return add_policy(html, policy(hashes)), hashes


def headers_file(
    hashes: Iterable[str], folders: Iterable[str], pages: Iterable[str] = ("404.html",), admin: str = ADMIN_POLICY
) -> str:
    """`_headers` for Netlify and Cloudflare Pages, given the site's top-level folders and HTML files.

    Both hosts apply every rule whose path matches and join a header given twice with commas,
    which a browser reads as two policies that must both allow a request. So the strict policy
    cannot sit under `/*` beside the relaxed one of /admin/: it is given per top-level path
    instead, every path but /admin/. (An address that matches none is a "not found" page, whose
    meta policy still applies.)
    """
    strict = policy(hashes, header=True)
    lines = ["# Written by the build (partnership/csp.py). For every address:", "/*"]
    lines += [f"  {name}: {value}" for name, value in OTHER_HEADERS.items()]
    lines += ["", "# The pages' content security policy, with the hash of every inline script of the site."]
    paths = ["/", *(f"/{name}" for name in sorted(set(pages)))]
    paths += [f"/{name}/*" for name in sorted(set(folders)) if name not in EXEMPT and not name.startswith((".", "_"))]
    for path in paths:
        lines += [path, f"  Content-Security-Policy: {strict}"]
    lines += ["", "# The content manager evaluates code and talks to the backend it saves to.", "/admin/*"]
    lines.append(f"  Content-Security-Policy: {admin}")
    return "\n".join(lines) + "\n"


@dataclass
class Result:
    pages: int = 0
    hashes: set[str] = field(default_factory=set)


def html_files(site: Path) -> list[str]:
    """Every HTML file of a built site that gets a meta policy, as a path relative to the site."""
    return policed(site_files(site))


def policed(paths: Iterable[str]) -> list[str]:
    """Of a site's files (relative, with "/"), those `html_files` would find, in sorted order."""
    return sorted(p for p in paths if p.endswith(".html") and ("/" not in p or p.split("/", 1)[0] not in EXEMPT))


def secure_files(site: Path, paths: Iterable[str], known: Known) -> Result:
    """Add the meta policy to the given pages of a built site, each read and written once."""
    result = Result()
    for relative in paths:
        path = site / relative
        with open(path, encoding="utf-8", newline="") as f:
            html = f.read()
        secured, hashes = secure_page(html, known)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(secured)
        result.pages += 1
        result.hashes.update(hashes)
    return result


def write_headers(site: Path, hashes: Iterable[str]) -> None:
    folders = [entry.name for entry in site.iterdir() if entry.is_dir()]
    pages = [entry.name for entry in site.iterdir() if entry.is_file() and entry.name.endswith(".html")]
    (site / HEADERS).write_text(headers_file(hashes, folders, pages, admin_policy(site)), encoding="utf-8")


def admin_policy(site: Path) -> str:
    """The policy /admin/index.html carries (written by cms.py for its backend), with frame-ancestors."""
    index = site / "admin" / "index.html"
    found = ADMIN_META.search(index.read_text(encoding="utf-8")) if index.is_file() else None
    return f"{unescape(found.group(1))}; frame-ancestors 'none'" if found else ADMIN_POLICY


def secure_site(site: Path, known: Known) -> Result:
    """Add the meta policy to every page of a built site and write `_headers`.

    The build itself secures each page as MkDocs writes it (no second read), and this only the
    files written after the pages, such as mkdocs-redirects' (see hooks/site.py).
    """
    result = secure_files(site, html_files(site), known)
    write_headers(site, result.hashes)
    return result
