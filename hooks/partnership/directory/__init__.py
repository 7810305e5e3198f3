"""The good-practice directory: facets, the full-text index, related case studies, its pages and data.

Owns: everything the directory's search needs at build time (facets.py, textindex.py, snippets.py,
related.py), its pages (pages.py), its machine-readable files (opendata.py) and the browser code
in static/ (search.js, directory.js, stem.js, sitesearch.js). May import: content, formats.
"""
