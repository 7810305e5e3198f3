"""The generated pages: one module per page family, each returning Markdown and ready-made HTML.

Owns: case studies and the questions page (generated.py, which lists every generated page),
the board, offer, impact (with charts), news, schools, resources (media), the accessibility
statement, the content guide, the home page's landing layout, placeholders filled in (blocks),
and where a page sits (layout). May import: directory, content, formats.
"""
