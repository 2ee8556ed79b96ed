"""Bloom's taxonomy: which level a verb belongs to, and which verbs cannot be measured."""

from __future__ import annotations

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


def level_of(verb: str) -> BloomLevel | None:
    """The Bloom level of a verb, or None when the verb is not in the table."""
    return VERB_LEVEL.get(verb.strip().lower())


def vague_prefix(text: str) -> str | None:
    """The unmeasurable verb `text` starts with, if any."""
    lowered = text.strip().lower()
    for vague in VAGUE_VERBS:
        if lowered == vague or lowered.startswith(vague + " "):
            return vague
    return None
