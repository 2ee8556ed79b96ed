"""Workshop days: a start time and a sequence of blocks; clock times are computed, never typed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema

from generator.model.base import Id, Markdown, Minutes, Spec, Text
from generator.model.objective import Objective

BlockKind = Literal["opening", "lesson", "lab", "break", "lunch", "session", "closing"]


def _parse_clock(value: object) -> object:
    # YAML 1.1 reads an unquoted 9:00 as the sexagesimal integer 540; accept it as minutes after midnight.
    if isinstance(value, int) and not isinstance(value, bool):
        return time(value // 60, value % 60) if 0 <= value < 24 * 60 else value
    if isinstance(value, str) and re.fullmatch(r"\d{1,2}:\d{2}", value.strip()):
        hours, minutes = value.strip().split(":")
        return time(int(hours), int(minutes))
    return value


Clock = Annotated[
    time,
    BeforeValidator(_parse_clock),
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}:\d{2}$", "description": "A clock time, HH:MM."}),
]


class Block(Spec):
    title: Text
    type: BlockKind = "session"
    minutes: Minutes | None = Field(None, description="Defaults to the lesson's or lab's own length.")
    lesson: Id | None = Field(None, description="Id of the lesson taught in this block.")
    lab: Id | None = Field(None, description="Id of the lab run in this block.")
    notes: Markdown = Field("", description="Instructor-only facilitator notes for this block.")


class WorkshopDay(Spec):
    kind: Literal["workshop"] = "workshop"
    id: Id
    title: Text
    day: int = Field(ge=1)
    theme: Markdown = ""
    start: Clock
    end: Clock
    objectives: list[Objective] = Field(default_factory=list)
    blocks: list[Block] = Field(min_length=1)
    deliverable: Markdown = ""


@dataclass(frozen=True)
class ScheduledBlock:
    """A block with the clock times the toolkit computed for it."""

    block: Block
    index: int
    start: time
    end: time
    minutes: int


def add_minutes(clock: time, minutes: int) -> time:
    total = clock.hour * 60 + clock.minute + minutes
    return time((total // 60) % 24, total % 60)


def minutes_between(start: time, end: time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def timetable(day: WorkshopDay, length_of: Callable[[Block], int | None]) -> list[ScheduledBlock]:
    """Clock times for each block from the day's start and the blocks' lengths (unknown lengths count 0)."""
    clock = day.start
    out = []
    for index, block in enumerate(day.blocks):
        minutes = length_of(block) or 0
        end = add_minutes(clock, minutes)
        out.append(ScheduledBlock(block, index, clock, end, minutes))
        clock = end
    return out
