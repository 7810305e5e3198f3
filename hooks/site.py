"""MkDocs hooks: a thin adapter from MkDocs events to the `partnership` package."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from partnership import blocks, brand, build_date
from partnership.load import Project, load
from partnership.pages import generated_pages, page_meta

log = get_plugin_logger("partnership")

BRAND_CSS = "assets/partnership.css"

# Reset in on_config: `mkdocs serve` keeps this module between rebuilds.
_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
    root = Path(config.config_file_path).parent
    project = load(root, Path(config.docs_dir))
    for problem in sorted(project.problems):
        (log.error if problem.severity == "error" else log.warning)(str(problem))
    if not project.ok:
        count = sum(1 for p in project.problems if p.severity == "error")
        raise Abort(f"{count} problem(s) in the content, listed above; nothing was built. Fix them and build again.")
    today = build_date()
    identity = project.data["partnership"]
    for key, value in brand.site_settings(identity, today).items():
        config[key] = value
    config.theme["logo"] = identity["logo"]
    config.theme["favicon"] = identity["logo"]
    config.extra_css.insert(0, BRAND_CSS)
    _state.update(project=project, today=today, meta={})
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project: Project = _state["project"]
    for page in generated_pages(project):
        files.append(File.generated(config, page.src_uri, content=page.markdown))
        _state["meta"][page.src_uri] = page.meta
    files.append(File.generated(config, BRAND_CSS, content=brand.stylesheet(project.data["partnership"])))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    project: Project = _state["project"]
    src = page.file.src_uri
    page.meta.update(_state["meta"].get(src) or page_meta(project.pages.get(src, {})))
    return blocks.render(markdown, project.data, _state["today"])
