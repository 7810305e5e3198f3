"""Writing values for where they land: HTML and Markdown (markup), CSV, Atom and iCalendar.

Owns: escaping and encoding, nothing about partnerships. Imports nothing else of this package.
"""
