"""stem.js (the in-browser search's stemmer) gives exactly what Python's snowballstemmer gives.

Runs Node once over a large word list: every word of the seed documents and the site's own
content, deterministic pseudo-random words built to hit every rule of the Snowball English
algorithm, and every exception word. Each result must equal snowballstemmer's.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import snowballstemmer

ROOT = Path(__file__).resolve().parents[1]
STEM_JS = ROOT / "hooks" / "partnership" / "directory" / "static" / "stem.js"
SEEDS = Path("/work/shared/seeds")

# The algorithm's exception words, and words its special cases are about.
EXCEPTIONS = """
    skis skies sky idly gently ugly early only singly dying lying tying news howe atlas cosmos
    bias andes inning innings outing outings canning cannings herring herrings earring earrings
    proceed proceeds proceeded proceeding exceed exceeds exceeded exceeding succeed succeeds
    succeeded succeeding evening evenings generate generates generated generating general
    generally generic generically generous generously communication communism communist
    community communities arsenal arsenic past pasta univers universe universal universities
    university later lateral laterally emerge emergency emergent organ organic organize
    organization inter interest internal international
""".split()
# Near misses: the same endings not at the start of the word, and apostrophes.
EXCEPTIONS += """
    unsucceed unsucceeded reproceed reproceedings overexceedingly reinning sevening sevenings
    uncanning shouting sherring tearring skying eying yying saying ski's skies' 'news newsy
    uglyness earlyish
""".split()

# Endings the random words are built from (the empty one too: a stem may take none).
SUFFIXES = """
    ing ed ly ness ational tional ization iveness fulness ousness alism ement ment ent ism ate
    iti ous ive ize ise ful ss ies ied us s eed eedly ingly edly y e l li bli abli alli ogi ogist
    fulli lessli entli ousli anci enci aliti biliti iviti ation izer ator icate ative alize iciti
    ical ic ance ence able ible al ion sion tion er ant sses at bl iz es ie ll ously ably ibly
    ality ivity ility ently ically ist ists ities
""".split()
SUFFIXES.insert(0, "")
PREFIXES = """
    gener commun arsen past univers later emerg organ inter succ proc exc even cann inn earr herr out sk y
""".split()
VOWELS = "aeiouy"
CONSONANTS = "bcdfghjklmnpqrstvwxz"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def text_words() -> set[str]:
    """Every word of the seed documents and the site's content, lowercased."""
    paths = sorted(SEEDS.glob("*.txt"))
    for pattern in ("case_studies/*.md", "news/*.md", "content/*.yml", "docs/*.md"):
        paths += sorted(ROOT.glob(pattern))
    words: set[str] = set()
    for path in paths:
        words.update(re.split(r"[^a-z]+", path.read_text(encoding="utf-8").lower()))
    words.discard("")
    return words


def random_stem(rng: random.Random) -> str:
    """A short pronounceable-ish stem, sometimes with a doubled final consonant."""
    parts = []
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.8:
            parts.append(rng.choice(CONSONANTS) * (2 if rng.random() < 0.1 else 1))
        parts.append(rng.choice(VOWELS) * (2 if rng.random() < 0.15 else 1))
    if rng.random() < 0.6:
        parts.append(rng.choice(CONSONANTS) * (2 if rng.random() < 0.25 else 1))
    stem = "".join(parts)
    if rng.random() < 0.15:
        stem = rng.choice(PREFIXES) + stem
    if rng.random() < 0.1:
        stem = "y" + stem
    return stem


def random_words(count: int, seed: int = 20251) -> set[str]:
    """Deterministic pseudo-random words: stems plus up to three suffixes, and oddities."""
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < count:
        word = random_stem(rng)
        for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
            word += rng.choice(SUFFIXES)
        r = rng.random()
        if r < 0.05:
            word += "'s"
        elif r < 0.08:
            word += "s'"
        elif r < 0.10:
            word += "'"
        elif r < 0.12:
            word = "'" + word
        elif r < 0.13:
            word = word[: len(word) // 2] + "'" + word[len(word) // 2 :]
        if rng.random() < 0.02:
            word += str(rng.randint(0, 99))
        words.add(word)
    # Every word of one to three letters (and a few with apostrophes and digits).
    for a in LETTERS:
        words.add(a)
        for b in LETTERS:
            words.add(a + b)
            words.add(a + b + rng.choice(LETTERS))
            words.add(rng.choice(VOWELS) + a + b)
    words.update(["'", "''", "'s", "s'", "'s'", "'ss", "y's", "ys'", "1", "42", "a1'"])
    return words


def test_stem_js_matches_snowball() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH: cannot run stem.js")
    words = sorted(text_words() | random_words(60000) | set(EXCEPTIONS))
    script = (
        "const psStem = require(process.argv[1]);"
        "let s = ''; process.stdin.setEncoding('utf8');"
        "process.stdin.on('data', d => { s += d; });"
        "process.stdin.on('end', () => {"
        " process.stdout.write(JSON.stringify(JSON.parse(s).map(w => psStem(w)))); });"
    )
    proc = subprocess.run(
        [node, "-e", script, str(STEM_JS)],
        input=json.dumps(words),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert len(got) == len(words)
    expected = snowballstemmer.stemmer("english").stemWords(words)
    mismatches = [(w, g, e) for w, g, e in zip(words, got, expected, strict=True) if g != e]
    report = "\n".join(f"  {w!r}: stem.js {g!r}, snowballstemmer {e!r}" for w, g, e in mismatches[:20])
    print(f"compared {len(words)} words, {len(mismatches)} mismatches")
    assert not mismatches, f"{len(mismatches)} of {len(words)} words differ:\n{report}"
