"""Bloom's taxonomy: which level a verb belongs to, and which verbs cannot be measured.

A course may add its own verbs (each with a level) and its own vague verbs in course.yaml
(`vocabulary:`); the functions here take those additions so every caller uses the course's list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

BloomLevel = Literal["remember", "understand", "apply", "analyze", "evaluate", "create"]
BLOOM_LEVELS: tuple[BloomLevel, ...] = ("remember", "understand", "apply", "analyze", "evaluate", "create")

_VERBS: dict[BloomLevel, str] = {
    "remember": "define describe identify label list name recall recognise recognize state",
    "understand": "classify compare contrast distinguish explain interpret map outline summarise summarize",
    "apply": "apply build configure demonstrate deploy document execute implement integrate load "
    "operate perform run schedule use write",
    "analyze": "analyse analyze audit debug diagnose differentiate examine investigate trace troubleshoot",
    "evaluate": "assess critique decide defend evaluate judge justify prioritise prioritize recommend "
    "review score select test validate verify",
    "create": "adapt compose construct create design develop formulate plan present produce propose",
}
VERB_LEVEL: dict[str, BloomLevel] = {v: level for level, verbs in _VERBS.items() for v in verbs.split()}

# Verbs that name no observable behaviour: an assessor cannot tell whether they were met.
VAGUE_VERBS = ("understand", "know", "learn about", "learn", "be aware of", "appreciate", "be familiar with")


def verb_levels(extra: Mapping[str, BloomLevel] | None = None) -> dict[str, BloomLevel]:
    """The built-in verb table with a course's own verbs added (theirs win)."""
    table = dict(VERB_LEVEL)
    table.update({verb.strip().lower(): level for verb, level in (extra or {}).items()})
    return table


def level_of(verb: str, extra: Mapping[str, BloomLevel] | None = None) -> BloomLevel | None:
    """The Bloom level of a verb, or None when the verb is in neither table."""
    key = verb.strip().lower()
    if extra:
        return verb_levels(extra).get(key)
    return VERB_LEVEL.get(key)


def vague_prefix(text: str, extra: Iterable[str] = ()) -> str | None:
    """The unmeasurable verb `text` starts with, if any (the built-in ones or a course's own)."""
    lowered = text.strip().lower()
    # Longest first, so 'learn about' is reported rather than 'learn'.
    candidates = sorted({*VAGUE_VERBS, *(v.strip().lower() for v in extra)}, key=len, reverse=True)
    for vague in candidates:
        if vague and (lowered == vague or lowered.startswith(vague + " ")):
            return vague
    return None
