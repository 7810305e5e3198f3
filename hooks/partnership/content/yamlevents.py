"""The YAML event stream of one file, read no deeper than any content could need.

libyaml takes time that grows with the square of how deeply flow collections are nested: a file
of 20,000 '[' takes two seconds to parse, and the largest file allowed (two million characters)
would take over an hour. So the events are read one by one, and once the nesting passes
`READ_DEPTH` (far beyond the `MAX_DEPTH` content may have), reading stops and every open
collection is closed where it is. yamlstrict then reports the nesting as too deep, with its
field, as it does for any nesting past `MAX_DEPTH`; what follows in the file is not read.

Owns: reading events. Imports only PyYAML.
"""

from __future__ import annotations

import yaml

READ_DEPTH = 1_000  # the nesting at which reading stops (yamlstrict refuses anything past 40)

_Loader = getattr(  # libyaml is much faster; PyYAML's wheels ship it. Only its parser (events) is used
    yaml, "CBaseLoader", yaml.BaseLoader
)
_STARTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_ENDS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_NODES = (yaml.ScalarEvent, yaml.AliasEvent)


def read_events(text: str) -> list[yaml.Event]:
    """Every event of `text`, or those up to `READ_DEPTH` levels of nesting, closed off there.

    Raises what `yaml.parse` raises for text that is not YAML.
    """
    events: list[yaml.Event] = []
    starts: list[yaml.Event] = []  # the start event of each open collection
    nodes: list[int] = []  # and how many nodes (keys and values) it holds so far
    for event in yaml.parse(text, Loader=_Loader):
        events.append(event)
        if isinstance(event, (*_STARTS, *_NODES)) and nodes:
            nodes[-1] += 1
        if isinstance(event, _STARTS):
            starts.append(event)
            nodes.append(0)
            if len(starts) > READ_DEPTH:
                return events + _closing(starts, nodes, event)
        elif isinstance(event, _ENDS):
            starts.pop()
            nodes.pop()
    return events


def _closing(starts: list[yaml.Event], nodes: list[int], last: yaml.Event) -> list[yaml.Event]:
    """The events that close every open collection at `last`, then end the document and the stream."""
    mark = last.start_mark
    closing: list[yaml.Event] = []
    for start, count in zip(reversed(starts), reversed(nodes), strict=True):
        if isinstance(start, yaml.MappingStartEvent):
            if count % 2:  # a key with no value yet
                closing.append(yaml.ScalarEvent(None, None, (True, False), "", mark, mark))
            closing.append(yaml.MappingEndEvent(mark, mark))
        else:
            closing.append(yaml.SequenceEndEvent(mark, mark))
    return [*closing, yaml.DocumentEndEvent(mark, mark), yaml.StreamEndEvent(mark, mark)]
