"""The `partnership` command: check, new, init, schema, build (main.py dispatches).

Owns: the command line and what it writes for people (scaffold.py, starter.py). May import
everything; nothing imports it.
"""
