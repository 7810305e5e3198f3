"""The good-practice directory's facets: theme, phase, type, school or organisation, academic year.

Case studies are numbered 0..n-1, newest first; facet values hold the numbers of their case studies.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from partnership.content.load import Project
from partnership.content.model import CaseStudy
from partnership.formats import slugs


@dataclass(frozen=True)
class Facet:
    key: str  # in URLs: ?theme=reading and /directory/theme/reading/
    label: str  # "Theme"
    plural: str  # "themes"


FACETS = (
    Facet("theme", "Theme", "themes"),
    Facet("phase", "Phase", "phases"),
    Facet("type", "Type", "types"),
    Facet("school", "School or organisation", "schools and organisations"),
    Facet("year", "Academic year", "academic years"),
)


@dataclass
class FacetValue:
    facet: str
    id: str
    label: str
    items: list[int] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"directory/{self.facet}/{self.id}/"


@dataclass
class Directory:
    studies: list[CaseStudy]  # newest first: index = item number
    values: dict[str, list[FacetValue]]  # facet key -> values in display order
    item_values: list[dict[str, list[int]]]  # item -> facet key -> positions in values[facet]

    @functools.cached_property
    def captions(self) -> list[tuple[str, str]]:
        """Each item's facts ("Primary · Project · 2024-25") and themes ("Reading, Oracy"), as a result shows them."""
        out = []
        for study, chosen in zip(self.studies, self.item_values, strict=True):
            facts = [self.values["phase"][p].label for p in chosen["phase"]]
            facts += (self.values["type"][chosen["type"][0]].label, study.academic_year)
            out.append((" · ".join(facts), ", ".join(self.values["theme"][t].label for t in chosen["theme"])))
        return out


def organisation_id(name: str) -> str:
    return slugs.slug(name, fallback="organisation", max_length=0)


def build_directory(project: Project) -> Directory:
    studies = sorted(project.published_case_studies(), key=lambda s: (-s.published.toordinal(), s.title.casefold()))
    vocab = project.vocabularies
    values: dict[str, dict[str, FacetValue]] = {}
    for facet, vocabulary in (("theme", "themes"), ("phase", "phases"), ("type", "types")):
        values[facet] = {i: FacetValue(facet, i, label) for i, label in vocab[vocabulary].labels.items()}
    schools = vocab["schools"].labels if "schools" in vocab else {}
    values["school"] = {i: FacetValue("school", i, label) for i, label in schools.items()}
    organisations = sorted({o for s in studies for o in s.organisations}, key=str.casefold)
    for name in organisations:
        id_ = organisation_id(name)
        while id_ in values["school"]:
            id_ += "-org"
        values["school"][id_] = FacetValue("school", id_, name)
    org_ids = {v.label: v.id for v in values["school"].values() if v.id not in schools}
    years = sorted({s.academic_year for s in studies}, reverse=True)
    values["year"] = {y: FacetValue("year", y, y) for y in years}

    for number, study in enumerate(studies):
        chosen = {
            "theme": list(study.themes),
            "phase": list(study.phases),
            "type": [study.type],
            "school": [*study.schools, *(org_ids[o] for o in study.organisations)],
            "year": [study.academic_year],
        }
        for facet, ids in chosen.items():
            for id_ in ids:
                values[facet][id_].items.append(number)

    # Values no published case study uses are left out of the facets.
    ordered = {facet: [v for v in by_id.values() if v.items] for facet, by_id in values.items()}
    ordered["school"].sort(key=lambda v: v.label.casefold())
    positions = {facet: {v.id: n for n, v in enumerate(vals)} for facet, vals in ordered.items()}
    item_values: list[dict[str, list[int]]] = [{f.key: [] for f in FACETS} for _ in studies]
    for facet, vals in ordered.items():
        for value in vals:
            for number in value.items:
                item_values[number][facet].append(positions[facet][value.id])
    return Directory(studies, ordered, item_values)
