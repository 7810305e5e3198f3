"""After the engine has written HTML: sanitising, the Content Security Policy and the link check.

Owns: sanitize.py (nh3 allow-list), csp.py (script hashes, headers), linkcheck.py and the
scanner that feeds it (scanner.py), and the trim of the site-wide search index (searchindex.py).
Knows nothing of the content: may import formats only.
"""
