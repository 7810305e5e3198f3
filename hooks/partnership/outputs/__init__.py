"""Files the build writes besides pages: brand stylesheet, SEO, content manager, editor schemas.

Owns: brand.py, seo.py (JSON-LD, robots.txt, sitemap choices), cms.py and cms_fields.py (Decap
CMS from the schema, with static/cms-setup.js), editor_schema.py (JSON Schema for editors) and
files.py (every non-page file the content produces). May import: pages, directory, content, formats.
"""
