"""The content: reading files strictly, the one schema, validation and the loaded project.

Owns: sources and strict YAML, the kinds of value and records, the schema of every content type
(case studies, news, schools and their groupings, board, offer, scorecard, taxonomy, identity),
the rules between files, which optional parts exist (parts.py) and `load`, which returns the
checked `Project` with every problem found. May import: partnership.formats only.
"""
