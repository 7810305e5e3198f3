"""The injection pack: script and markup payloads in every text field of every content type.

The fields come from the schema, so a field added later is poisoned too. Two packs:

- `poison_project`: a loaded project whose values are replaced after validation with real
  `<script>` payloads (validation would refuse them), to test that every page and file the
  generators write escapes them, wherever they land.
- `write_pack`: a content folder whose payloads pass validation (quotes, `< b >`, `&`, odd but
  valid URLs and email addresses, harmless raw HTML in case study and news bodies), to build
  with MkDocs and open in Chromium.

`REFUSED_BODY` holds the payloads that validation refuses before any build (scripts, handlers,
frames, styles, `javascript:` links, Material's interface classes): one per line, each a problem
on its own line (tests/test_injection.py), and the sanitiser's job if one ever got through.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml

from partnership.content import kinds
from partnership.content.context import Vocabulary
from partnership.content.load import Project, _vocabularies, load
from partnership.content.records import Record
from partnership.content.schema import CONTENT_TYPES, content_type
from partnership.content.sources import decode, split_front_matter

MARKER = "ps-xss"
SCRIPT = f'<script>alert("{MARKER}")</script>'
ATTRIBUTE = f'"><img src=x onerror=alert("{MARKER}")>'
HOSTILE = f"{ATTRIBUTE}{SCRIPT}&amp;</title></textarea>"

# What validation lets through, but would break out of an attribute or look like markup if unescaped.
SAFE = f'"\' onfocus=alert("{MARKER}") autofocus=" < b >{MARKER} & '
SAFE_URL = f"https://example.org/?q=%22onfocus=alert%28{MARKER}%29&x=%3Cscript%3E"
SAFE_EMAIL = f"x+{MARKER}@example.org"
BODY = f"""
Plain words first, with &lt;script&gt; written as text and <b>bold</b> in HTML.

<p title="&quot; onfocus=alert('{MARKER}') x=&quot;">A title that tries to break out.</p>

[a link with an encoded quote](https://example.org/?q=%22%20autofocus%20x=%22)

<p>The last paragraph.</p>
"""
# Each line is refused at check time, on its own line (and would be cut by the sanitiser).
REFUSED_BODY = [
    f'<script>console.log("{MARKER}");alert("{MARKER}")</script>',
    f'<img alt="" src="x" onerror="alert(\'{MARKER}\')">',
    f"<a href=\"javascript:alert('{MARKER}')\">a javascript link</a>",
    f"<svg onload=\"alert('{MARKER}')\"></svg>",
    f"<iframe srcdoc=\"<script>alert('{MARKER}')</script>\"></iframe>",
    f"<div onclick=\"alert('{MARKER}')\">cover</div>",
    '<div style="position:fixed;inset:0">cover</div>',
    f"<form action=\"javascript:alert('{MARKER}')\"><button>go</button></form>",
    "<style>body { display: none }</style>",
    f"[a Markdown javascript link](javascript:alert('{MARKER}'))",
    f"<p onmouseover=\"alert('{MARKER}')\">The last paragraph.</p>",
    '<div class="md-dialog md-dialog--active">Your session ended: <a href="https://evil.example/">sign in</a></div>',
    '<p role="alert">Urgent: the site is closing</p>',
    f"<q cite=\"javascript:alert('{MARKER}')\">a quotation</q>",
    f"<blockquote cite=\"javascript:alert('{MARKER}')\">a quotation</blockquote>",
    '<a href="mailto:office@example.org?cc=all@example.org&body=hello">mail</a>',
    "![](https://tracker.example/p.png)",
    '<img src="//tracker.example/p.png" alt="a pixel">',
    '<embed src="https://example.org/x.swf">',
    '<object data="https://example.org/x.pdf"></object>',
    "<h1>A second main heading</h1>",
    "# Another main heading",
    "{{ block:contact }}",
    "{{ partnership.email }}",
    "{{ block:contact-us }}",
    "![](assets/logo.svg)",
    '<span class="ps-banner">Draft</span>',
    "Text with an attribute list { .md-banner }",
]

_URL, _EMAIL = kinds.Url().pattern, kinds.Email().pattern


def _text_kind(kind: Any) -> str:
    """'plain', 'markdown', 'url', 'email', or '' for values that are not free text (ids, dates, paths)."""
    if not isinstance(kind, kinds.Text) or isinstance(kind, kinds.DocsPath):
        return ""
    if kind.pattern == _URL:
        return "url"
    if kind.pattern == _EMAIL:
        return "email"
    if kind.pattern:
        return ""
    return "markdown" if kind.markdown else "plain"


def poison(value: Any, kind: Any, text: dict[str, str], vocabularies: dict[str, Vocabulary] | None = None) -> Any:
    """`value` with `text[...]` added to every free-text field. With vocabularies, choices are written as ids."""
    if value is None:
        return None
    if isinstance(kind, Record) and dataclasses.is_dataclass(value):  # a typed record (a school, an image)
        fields = {f.name: getattr(value, f.name) for f in kind.fields}
        return dataclasses.replace(value, **poison(fields, Record(kind.noun, kind.fields), text, vocabularies))  # type: ignore[type-var]
    if isinstance(kind, Record):
        return {f.name: poison(value.get(f.name), f.kind, text, vocabularies) for f in kind.fields if f.name in value}
    if isinstance(kind, kinds.ListOf):
        return [poison(item, kind.item, text, vocabularies) for item in value]
    if isinstance(kind, kinds.Choice) and vocabularies and kind.vocabulary in vocabularies:
        return vocabularies[kind.vocabulary].find(str(value)) or value
    which = _text_kind(kind)
    if which == "url":
        return text["url"]
    if which == "email":
        return text["email"]
    if which == "markdown":  # Markdown is not escaped but sanitised: only the built pack carries payloads there
        return f"{value}\n\n{text['markdown']}" if "markdown" in text else value
    if which == "plain":
        added = f"{value} {text['plain']}"
        return added[: kind.max_length] if kind.max_length else added
    return value


# --- a loaded project, poisoned after validation ----------------------------------------------------------------


def poison_project(root: Path, today) -> Project:
    """Load `root` (which must be valid), then put HOSTILE in every plain-text field, URL and email address."""
    project = load(root, today=today)
    assert project.ok, project.problems
    text = {"plain": HOSTILE, "url": f"https://example.org/{ATTRIBUTE}", "email": f"a{ATTRIBUTE}@example.org"}
    for ctype in CONTENT_TYPES:
        if not ctype.front_matter:
            record = _unbounded(ctype.record)
            project.data[ctype.name] = poison(project.data[ctype.name], record, text)
    for items, name in ((project.case_studies, "case_study"), (project.news, "news")):
        record = _unbounded(content_type(name).record)
        for index, item in enumerate(items):
            fields = {f.name: getattr(item, f.name) for f in record.fields if f.name != "slug"}
            poisoned = poison(fields, record, text)
            items[index] = dataclasses.replace(  # type: ignore[call-overload]
                item, **{k: tuple(v) if isinstance(v, list) else v for k, v in poisoned.items()}
            )
    project.pages = {src: poison(meta, content_type("page").record, text) for src, meta in project.pages.items()}
    project.vocabularies = _vocabularies(project.data["taxonomy"], project.data["schools"])
    return project


def _unbounded(kind: Any) -> Any:
    """The same schema without length limits: the hostile text is never cut short."""
    if isinstance(kind, Record):
        return Record(
            kind.noun, [type(f)(f.name, _unbounded(f.kind), f.required) for f in kind.fields], model=kind.model
        )
    if isinstance(kind, kinds.ListOf):
        return kinds.ListOf(_unbounded(kind.item), kind.min_items, kind.unique)
    if type(kind) is kinds.Text and not kind.pattern:
        return kinds.Text(markdown=kind.markdown)
    return kind


# --- a content folder that passes validation ----------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # our strict YAML refuses anchors and aliases


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100_000)


def write_pack(root: Path) -> Project:
    """Poison the (valid) project at `root` in place, through its files; returns the clean project it started as."""
    clean = load(root)
    assert clean.ok, clean.problems
    text = {"plain": SAFE, "markdown": SAFE, "url": SAFE_URL, "email": SAFE_EMAIL}
    for ctype in CONTENT_TYPES:
        if ctype.front_matter:
            continue
        path = root / ctype.pattern
        if not path.is_file():  # an optional part the project does not have
            continue
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(_dump(poison(raw, ctype.record, text, clean.vocabularies)), encoding="utf-8")
    for ctype in (content_type("case_study"), content_type("news"), content_type("page")):
        for path in sorted(root.glob(ctype.pattern)):
            if "overrides" in path.parts:
                continue
            source, _ = decode(path.read_bytes(), str(path))
            front, _ = split_front_matter(source)
            if front is None:
                continue
            meta = yaml.safe_load(front.yaml) or {}
            meta = poison(meta, ctype.record, text, clean.vocabularies)
            body = front.body + BODY
            path.write_text(f"---\n{_dump(meta)}---\n{body}", encoding="utf-8")
    return clean
