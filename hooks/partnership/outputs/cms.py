"""The content manager at /admin/ (Decap CMS): its configuration, written from the one schema.

Decap CMS was chosen over Sveltia CMS because Sveltia's login screen fetches fonts and version
information from other origins (jsDelivr, unpkg, githubstatus.com); Decap's makes no request
beyond the site itself. Its JavaScript comes from the npm registry (package-lock.json).

Where it saves comes from the `cms:` section of content/partnership.yml (see cms_schema.py). Under
`mkdocs serve` (`make edit`) it saves instead to this copy of the project, through `decap-server`
on 127.0.0.1, with no login.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from partnership.content.context import Vocabulary
from partnership.content.load import Project
from partnership.content.schema import CONTENT_TYPES, ContentType
from partnership.content.schema_cms import api_origins, backend_config
from partnership.outputs.cms_fields import field_config

DIST = Path("node_modules/decap-cms/dist")
SCRIPT = "decap-cms.js"
SETUP = "cms-setup.js"
LOCAL_PORT = 8081  # decap-server's own default; `make edit` and the tests may choose another
NO_EMPTY_ALT = r"^(?![\s\S]*!\[\s*\]\()[\s\S]*$"  # no image written as ![](...)
MEDIA_FOLDER = "docs/assets/uploads"  # inside docs/, so the build copies and checks every upload


def local_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/api/v1"


def _front_matter_collection(
    name: str, label: str, folder: str, body_label: str, vocabularies: dict[str, Vocabulary], sample: Any = None
) -> dict[str, Any]:
    ctype = next(t for t in CONTENT_TYPES if t.pattern == f"{folder}/*.md")
    body = {
        "label": body_label,
        "name": "body",
        "widget": "markdown",
        "required": True,
        "pattern": [NO_EMPTY_ALT, "every image needs alt text: say what it shows, for people who cannot see it"],
    }
    return {
        "label": label,
        "name": name,
        "folder": folder,
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "slug": "{{slug}}",
        "summary": "{{title}}",
        # The pages are one folder down (case-studies/x/, news/x/): images are linked from there.
        "media_folder": f"/{MEDIA_FOLDER}",
        "public_folder": "../" + MEDIA_FOLDER.removeprefix("docs/"),
        "fields": [field_config(f, vocabularies, sample) for f in ctype.record.fields] + [body],
    }


def _collection_for_data(ctype: ContentType, vocabularies: dict[str, Vocabulary], sample: Any) -> dict[str, Any]:
    return {
        "label": ctype.description,
        "name": ctype.name,
        "file": ctype.pattern,
        "fields": [field_config(f, vocabularies, sample) for f in ctype.record.fields],
    }


def cms_config(
    vocabularies: dict[str, Vocabulary],
    backend: dict[str, Any] | None,
    local: int | None = None,
    samples: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Decap's config.yml: `backend` from cms_schema.backend_config, or decap-server on port `local`.

    `samples` (content/examples.py) gives the fields' hints the site's own values as examples.
    """
    samples = samples or {}
    if local is not None:
        backend = {"name": "proxy", "proxy_url": local_url(local), "branch": "main"}
    if backend is None:
        raise ValueError("no backend: the content manager is not built")
    data_files = [
        _collection_for_data(t, vocabularies, samples.get(t.name)) for t in CONTENT_TYPES if not t.front_matter
    ]
    return {
        "backend": backend,
        # Online, a save opens a pull request and the checks run on it; locally it writes the file.
        "publish_mode": "simple" if local is not None or backend["name"] == "gitea" else "editorial_workflow",
        "media_folder": MEDIA_FOLDER,
        "public_folder": "/" + MEDIA_FOLDER.removeprefix("docs/"),
        "collections": [
            _front_matter_collection(
                "case_studies",
                "Case studies",
                "case_studies",
                "Text of the case study",
                vocabularies,
                samples.get("case_study"),
            ),
            _front_matter_collection("news", "News", "news", "Text of the post", vocabularies, samples.get("news")),
            {"label": "Site data", "name": "data", "files": data_files},
        ],
    }


def admin_policy(backend: dict[str, Any], header: bool = False) -> str:
    """The Content Security Policy of /admin/: the site itself and the one backend it saves to.

    Decap evaluates code ('unsafe-eval') and sets inline styles; the login opens base_url in a
    window of its own, which no directive here governs.
    """
    connect = api_origins(backend)
    images = ["https://avatars.githubusercontent.com"] if backend["name"] == "github" else []
    directives = [
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        " ".join(["img-src 'self' data: blob:", *images]),
        "font-src 'self' data:",
        " ".join(["connect-src 'self' blob:", *connect]),
        "frame-src 'self' blob:",
        "worker-src 'self' blob:",
        "media-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if header:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def theme_styles() -> list[str]:
    """Material's own stylesheets, as site paths (their names carry a hash of their content)."""
    folder = resources.files("material").joinpath("templates", "assets", "stylesheets")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".min.css"))
    main = [n for n in names if n.startswith("main.")]
    return [f"assets/stylesheets/{n}" for n in main + [n for n in names if n not in main]]


def index_html(backend: dict[str, Any], icon: str) -> str:
    policy = admin_policy(backend).replace("&", "&amp;").replace('"', "&quot;")
    icon = icon.replace("&", "&amp;").replace('"', "&quot;")
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        f'<link rel="icon" href="../{icon}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n<title>Content manager</title>\n</head>\n'
        f'<body>\n<script src="{SCRIPT}"></script>\n<script src="{SETUP}"></script>\n</body>\n</html>\n'
    )


def setup_script(styles: list[str]) -> str:
    """cms-setup.js: the site's stylesheets in the preview, and images that need alt text."""
    code = resources.files(__package__).joinpath("static", SETUP).read_text(encoding="utf-8")
    links = ", ".join(f'"../{s}"' for s in styles)
    return f"window.PARTNERSHIP_PREVIEW_STYLES = [{links}];\n{code}"


def cms_files(
    vocabularies: dict[str, Vocabulary],
    backend: dict[str, Any] | None,
    root: Path,
    styles: list[str],
    local: int | None = None,
    icon: str = "assets/logo.svg",
    samples: dict[str, Any] | None = None,
) -> dict[str, str | Path]:
    """Site path -> text or file to copy, for /admin/; empty without a backend or without `npm ci`."""
    dist = root / DIST
    if (backend is None and local is None) or not (dist / SCRIPT).is_file():
        return {}
    config = cms_config(vocabularies, backend, local, samples)
    files: dict[str, str | Path] = {
        "admin/config.yml": yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
        "admin/index.html": index_html(config["backend"], icon),
        f"admin/{SETUP}": setup_script([*theme_styles(), *styles]),
    }
    for path in sorted(dist.glob("*decap-cms.js")):  # the bundle and the chunks it loads on demand
        files[f"admin/{path.name}"] = path
    return files


def admin_files(
    project: Project, styles: list[str], local: int | None, samples: dict[str, Any]
) -> tuple[dict[str, str | Path], str]:
    """/admin/'s files (see `cms_files`) for the project's `cms:` backend, or for decap-server on port
    `local` (a local preview); and a note that says which, or why there is none ("" for a backend's)."""
    identity = project.identity
    backend = backend_config(identity.get("cms"), identity.get("repository") or "OWNER/REPOSITORY")
    admin = cms_files(project.vocabularies, backend, project.root, styles, local, identity["logo"], samples)
    if backend is None and local is None:
        note = (
            "The content manager (/admin/) was not built: content/partnership.yml has cms: backend: none, or no cms:."
        )
    elif not admin:
        note = "The content manager (/admin/) was skipped: its JavaScript is not installed (run `npm ci`)."
    elif local is not None:
        note = f"The content manager (/admin/) saves to this folder through decap-server on port {local}."
    else:
        note = ""
    return admin, note
