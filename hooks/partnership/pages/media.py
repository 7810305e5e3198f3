"""Pictures on case studies and news, and the documents page (/resources/): escaped HTML from content.

Pictures carry their width and height (read from the file, so the page does not jump as they
load), load lazily, and always have alt text; documents say their format and size, and a PDF
not checked for accessibility says so and offers another format.
"""

from __future__ import annotations

import struct
from pathlib import Path, PurePosixPath
from typing import Any

from partnership.content.model import Image
from partnership.formats.markup import HTML_SLOT, h, relative_url, time_tag

FORMATS = {
    ".pdf": "PDF",
    ".docx": "Word document",
    ".odt": "OpenDocument text",
    ".pptx": "PowerPoint slides",
    ".odp": "OpenDocument slides",
    ".xlsx": "Excel spreadsheet",
    ".ods": "OpenDocument spreadsheet",
    ".csv": "CSV",
    ".txt": "plain text",
}


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of a PNG, GIF, JPEG or WebP file, from its header; None if it cannot tell."""
    try:
        data = path.read_bytes()[:65536]
    except OSError:
        return None
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", data[6:10])
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        if data[12:16] == b"VP8X":
            return 1 + int.from_bytes(data[24:27], "little"), 1 + int.from_bytes(data[27:30], "little")
        if data[12:16] == b"VP8 ":
            w, h_ = struct.unpack("<HH", data[26:30])
            return w & 0x3FFF, h_ & 0x3FFF
    if data[:2] == b"\xff\xd8":
        at = 2
        while at + 9 < len(data):
            if data[at] != 0xFF:
                return None
            marker, length = data[at + 1], struct.unpack(">H", data[at + 2 : at + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):
                height, width = struct.unpack(">HH", data[at + 5 : at + 9])
                return width, height
            at += 2 + length
    return None


def figure(image: Image | None, page_url: str, docs_dir: Path) -> str:
    """A case study's or post's picture as a <figure>, with its caption when it has one."""
    if not image:
        return ""
    size = image_size(docs_dir / image.file)
    dims = f' width="{size[0]}" height="{size[1]}"' if size else ""
    caption = f"<figcaption>{h(image.caption)}</figcaption>" if image.caption else ""
    return (
        f'<figure class="ps-picture"><img src="{h(relative_url(page_url, image.file))}" alt="{h(image.alt)}"'
        f'{dims} loading="lazy" decoding="async">{caption}</figure>\n'
    )


def file_size(size: int) -> str:
    """'850 bytes', '12 KB', '1.4 MB', as GOV.UK writes them."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def resources_page(resources: dict[str, Any] | None, identity: dict[str, Any], docs_dir: Path) -> tuple[str, str]:
    """(Markdown, HTML for the slot) of /resources/: every document with its format, size and date."""
    here = "resources/"
    entries = sorted((resources or {}).get("resources") or [], key=lambda r: r["date"], reverse=True)
    items = []
    for entry in entries:
        suffix = PurePosixPath(entry["file"]).suffix.lower()
        kind = FORMATS.get(suffix, suffix.lstrip(".").upper())
        size = file_size((docs_dir / entry["file"]).stat().st_size)
        note = ""
        if suffix == ".pdf" and entry.get("accessibility") != "checked":
            email = identity.get("email", "")
            note = (
                '<p class="ps-doc__note">This PDF has not been checked for accessibility and may not suit '
                "every reader or assistive technology. To ask for it in another format, such as plain text "
                f'or large print, email <a href="mailto:{h(email)}?subject={h("Another format: " + entry["title"])}">'
                f"{h(email)}</a>.</p>"
            )
        items.append(
            '<li class="ps-doc">'
            f'<h2 class="ps-doc__title"><a href="{h(relative_url(here, entry["file"]))}" download>'
            f"{h(entry['title'])}</a></h2>"
            f'<p class="ps-doc__facts">{h(kind)}, {h(size)}, published {time_tag(entry["date"])}</p>'
            f'<p class="ps-doc__summary">{h(entry["summary"])}</p>{note}</li>'
        )
    html = (
        '<ul class="ps-docs">\n' + "\n".join(items) + "\n</ul>\n" if items else "<p>There are no documents yet.</p>\n"
    )
    markdown = (
        "# Documents\n\n"
        "Papers and slides from the partnership to download and keep: prospectuses, presentations "
        f"and reports.\n\n{HTML_SLOT}\n"
    )
    return markdown, html
