"""Generate N valid, plausible synthetic case studies in our schema, for the benchmark.

    python bench/generate.py OUT_PROJECT N [--from .]

Copies the project at --from (content/, docs/, mkdocs.yml) to OUT_PROJECT and writes N case
studies into its case_studies/, using the taxonomy and schools of the copied content.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

import yaml

OPENINGS = [
    "Leaders noticed that",
    "Peer challenge found that",
    "Staff across the group agreed that",
    "Governors asked why",
    "A review of pupils' work showed that",
]
PROBLEMS = [
    "pupils eligible for the pupil premium were falling behind in reading by the end of Year 2",
    "the most able pupils were not stretched in mathematics lessons",
    "transition from primary to secondary school unsettled vulnerable pupils",
    "new teachers left within two years of qualifying",
    "writing in the foundation subjects lacked the quality seen in English lessons",
    "outdoor learning in the early years was under-used through the winter",
]
ACTIONS = [
    "paired classes across two schools for weekly shared sessions",
    "trained a lead teacher in each school to coach colleagues",
    "rewrote the curriculum plan so that vocabulary is taught in sequence",
    "ran termly moderation meetings across the collaborative",
    "set up a network meeting for subject leaders every half term",
    "invited an external reviewer to quality assure the work",
]
RESULTS = [
    "Pupils now talk about their reading with more confidence.",
    "Teachers report that planning takes less time and is more consistent.",
    "The gap between groups of pupils narrowed over the year.",
    "Governors receive clearer reports and ask sharper questions.",
    "Other schools in the partnership have asked to visit.",
]
WORDS = (
    "assessment feedback curriculum vocabulary phonics fluency inference oracy mathematics reasoning science "
    "enquiry history geography music drama wellbeing attendance behaviour inclusion coaching mentoring governance "
    "moderation transition outdoor play writing handwriting spelling number fractions problem-solving leadership"
).split()


def vocabulary(source: Path) -> list[str]:
    """Words from the project's own writing, so synthetic bodies look like real ones to the index."""
    found: list[str] = []
    for path in sorted(source.glob("case_studies/*.md")) + sorted(source.glob("docs/*.md")):
        found += re.findall(r"[a-z][a-z-]{2,}", path.read_text(encoding="utf-8").lower())
    return found or WORDS


def case_study(rng: random.Random, index: int, taxonomy: dict, schools: list[str], words: list[str]) -> tuple[str, str]:
    theme_labels = [t["label"] for t in taxonomy["themes"]]
    phase_labels = [p["label"] for p in taxonomy["phases"]]
    type_labels = [t["label"] for t in taxonomy["types"]]
    start = rng.randint(2014, 2025)
    published = f"{start + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    themes = rng.sample(theme_labels, rng.randint(1, 3))
    problem, action = rng.choice(PROBLEMS), rng.choice(ACTIONS)
    # Titles and summaries vary as real ones do, so the index compresses no better than real text.
    title = " ".join(rng.choices(words, k=rng.randint(5, 9))).capitalize()
    body = []
    for heading in ("The challenge", "What we did", "What changed", "Find out more"):
        sentences = [f"{rng.choice(OPENINGS)} {problem}.", f"We {action}.", rng.choice(RESULTS)]
        sentences += [" ".join(rng.choices(words, k=14)).capitalize() + "." for _ in range(rng.randint(3, 6))]
        body.append(f"## {heading}\n\n" + " ".join(sentences) + "\n")
    front = {
        "title": title,
        "summary": " ".join(rng.choices(words, k=rng.randint(18, 32))).capitalize() + ".",
        "themes": themes,
        "phases": rng.sample(phase_labels, 1),
        "type": rng.choice(type_labels),
        "schools": rng.sample(schools, rng.randint(1, min(3, len(schools)))),
        "academic_year": f"{start}-{(start + 1) % 100:02d}",
        "published": published,
        "review_by": f"{start + 4}-{published[5:]}",
        "contact": "Headteacher, lead school of the collaborative",
        "status": "published",
    }
    lines = ["---"]
    for key, value in front.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(value)}]")
        elif key in ("title", "summary", "contact"):
            lines.append(f'{key}: "{value}"')
        else:
            lines.append(f"{key}: {value}")
    lines.append("---")
    # File names as editors choose them: a few words of the title, or none, and a year or number,
    # so a link made from the title instead of the file name leads nowhere.
    words_of_title = re.findall(r"[a-z0-9]+", title.lower())
    slug = "-".join(rng.sample(words_of_title, min(len(words_of_title), rng.randint(0, 3))) or ["case-study"])
    slug += f"-{start}" if rng.random() < 0.5 else f"-{index}"
    return slug, "\n".join(lines) + "\n\n" + "\n".join(body)


# Planted case studies, each with queries that must put it first (bench/run.py checks ours and
# Pagefind's). Their distinctive words are not in the generated vocabulary; each query tests a
# class: plural, misspelling, two words where one is common, a synonym from the taxonomy.
PLANTED = [
    {
        "slug": "pp-volunteers-2019",
        "title": "Retired volunteers as reading mentors for disadvantaged pupils",
        "summary": "Volunteers from the community read with pupils eligible for the pupil premium twice a week.",
        "body": "Each mentor was matched with two pupils and trained by the English lead.",
        "themes": ["Reading", "Pupil premium and disadvantage"],
        "queries": ["reading volunteers", "volunteer mentors", "mentor volunteers pupil premium"],
    },
    {
        "slug": "chess-club-y5",
        "title": "A chess club that strengthened reasoning in Year 5",
        "summary": "A lunchtime chess club gave pupils a way to practise planning ahead and explaining their moves.",
        "body": "Staff noticed that chess players explained their methods more clearly in mathematics lessons.",
        "themes": ["More able pupils"],
        "queries": ["chess", "chess club", "chesss club", "chess maths"],
    },
    {
        "slug": "beekeeping",
        "title": "Beekeeping on the school roof",
        "summary": "Pupils kept two hives, sold the honey at the summer fair and studied pollination in science.",
        "body": "The beekeepers' association trained two teachers and lent the protective suits.",
        "themes": ["Climate education"],
        "queries": ["beekeeping", "beekeeper", "beekeping", "honey bees"],
    },
    {
        "slug": "podcast-project-2023",
        "title": "Oracy through a pupil podcast",
        "summary": "Year 6 pupils researched, scripted and recorded a monthly podcast about their community.",
        "body": "Podcasts gave quieter pupils a reason to rehearse and improve what they say.",
        "themes": ["Writing"],
        "queries": ["podcast", "podcasts", "pupil podcast oracy", "podcst"],
    },
]


def planted_case_study(plant: dict, schools: list[str]) -> str:
    front = (
        f'---\ntitle: "{plant["title"]}"\nsummary: "{plant["summary"]}"\n'
        f"themes: [{', '.join(plant['themes'])}]\nphases: [Primary]\ntype: Training course\n"
        f"schools: [{schools[0]}]\nacademic_year: 2019-20\npublished: 2020-01-15\nreview_by: 2030-01-15\n"
        'contact: "Headteacher, lead school of the collaborative"\nstatus: published\n---\n\n'
    )
    return front + f"## What we did\n\n{plant['body']}\n"


def generate(out: Path, count: int, source: Path, seed: int = 1) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("content", "docs", "hooks", "news"):
        if (source / name).exists():
            shutil.copytree(source / name, out / name, dirs_exist_ok=True)
    if (source / "mkdocs.yml").exists():
        shutil.copy(source / "mkdocs.yml", out / "mkdocs.yml")
    studies = out / "case_studies"
    shutil.rmtree(studies, ignore_errors=True)
    studies.mkdir()
    taxonomy = yaml.safe_load((out / "content/taxonomy.yml").read_text(encoding="utf-8"))
    schools = [s["id"] for s in yaml.safe_load((out / "content/schools.yml").read_text(encoding="utf-8"))["schools"]]
    rng = random.Random(seed)
    words = vocabulary(source)
    used: set[str] = {plant["slug"] for plant in PLANTED}
    following: dict[str, int] = {}  # the next number to try after each colliding slug
    for index in range(count):
        slug, text = case_study(rng, index, taxonomy, schools, words)
        base = slug
        while slug in used:  # the file name, not the title, then makes the web address
            following[base] = following.get(base, 1) + 1
            slug = f"{base}-{following[base]}"
        used.add(slug)
        (studies / f"{slug}.md").write_text(text, encoding="utf-8")
    for plant in PLANTED:
        (studies / f"{plant['slug']}.md").write_text(planted_case_study(plant, schools), encoding="utf-8")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--from", dest="source", type=Path, default=Path("."))
    args = parser.parse_args()
    generate(args.out, args.count, args.source)
