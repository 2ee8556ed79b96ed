"""The course spec, its sections and modules, and `Course`: every spec of a course assembled as one graph."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field

from generator.model.base import Id, Markdown, Spec, Text
from generator.model.bloom import BloomLevel, level_of, vague_prefix, verb_levels
from generator.model.certificate import Certificate
from generator.model.feedback import FeedbackForm
from generator.model.lab import Lab
from generator.model.lesson import Lesson, LessonFormat
from generator.model.objective import Objective
from generator.model.pipeline_view import PipelineView
from generator.model.question import Question, QuestionSet, Quiz
from generator.model.rubric import Checklist, Rubric
from generator.model.workshop import Block, ScheduledBlock, WorkshopDay, timetable

InteractionType = Literal[
    "poll",
    "vote",
    "discussion",
    "debate",
    "draw",
    "diagram",
    "demo",
    "live_coding",
    "lab",
    "pair",
    "role_play",
    "scenario",
    "quiz",
    "worksheet",
    "showcase",
    "peer_review",
    "simulation",
    "roundtable",
    "self_assessment",
    "challenge",
]


class Role(Spec):
    id: Id
    name: Text
    focus: Markdown = ""


TIER_PATTERN = r"^L[1-9]$"


class Tier(Spec):
    id: str = Field(pattern=TIER_PATTERN, description="L1, L2, L3 ...")
    name: Text
    description: Markdown = ""


class Interaction(Spec):
    type: InteractionType
    text: Text


class Chapter(Spec):
    title: Text
    basics: list[Text] = Field(default_factory=list)
    ramp_up: list[Text] = Field(default_factory=list)
    use_cases: list[Text] = Field(default_factory=list, description="Practical use cases.")
    interactive: list[Interaction] = Field(default_factory=list)


class UseCase(Spec):
    title: Text
    scenario: Text
    deliverables: list[Text] = Field(min_length=1)
    wrap_up: Text = Field(description="The interactive wrap-up.")


class Module(Spec):
    id: Id
    title: Text
    summary: Markdown = ""
    lessons: list[Id] = Field(default_factory=list, description="Lesson ids, in teaching order.")
    labs: list[Id] = Field(default_factory=list, description="Lab ids, in teaching order.")


class Section(Spec):
    kind: Literal["section"] = "section"
    id: Id
    title: Text
    focus: Text
    level: Text
    duration: Text = Field(description="Suggested duration, e.g. '2-3 sessions'.")
    overview: Markdown = ""
    objectives: list[Objective] = Field(min_length=1)
    chapters: list[Chapter] = Field(default_factory=list)
    by_role: dict[str, Markdown] = Field(default_factory=dict, description="Activities keyed by role id.")
    use_case: UseCase | None = None
    modules: list[Module] = Field(min_length=1)


class WorkspaceCopy(Spec):
    source: str = Field(alias="from", description="A file or folder, relative to the course folder.")
    to: str = Field(description="Where it goes inside the lab workspace (a relative path).")


class LabEnvironment(Spec):
    """What every lab workspace starts with; worksheets show it as the lab's setup."""

    description: Markdown = Field(
        "",
        description="What labs run on, as students should read it, e.g. 'the bundled shell scripts'.",
    )
    copy_files: list[WorkspaceCopy] = Field(default_factory=list, alias="copy")
    env: dict[str, str] = Field(
        default_factory=dict, description="Environment variables set for every command."
    )
    watch: list[str] = Field(
        default_factory=list, description="Paths (e.g. the code labs run) whose changes re-run cached labs."
    )


class Vocabulary(Spec):
    """Words a course adds to the built-in lists used to check objectives."""

    bloom_verbs: dict[str, BloomLevel] = Field(
        default_factory=dict, description="Extra Bloom verbs, each with its level, e.g. 'calculate: apply'."
    )
    vague_verbs: list[Text] = Field(
        default_factory=list, description="Extra verbs that cannot be measured, e.g. 'grasp'."
    )


class SlideRange(Spec):
    """How many slides a lesson deck of one format may have."""

    min: int = Field(5, ge=1, le=200)
    max: int = Field(7, ge=1, le=200)


DEFAULT_SLIDES = SlideRange()


class DeckSettings(Spec):
    """What the course asks of its slide decks."""

    slides: dict[LessonFormat, SlideRange] = Field(
        default_factory=dict,
        description="Slide range of a lesson's deck per lesson format, e.g. '10-20-10: {min: 5, max: 7}' "
        "(the default for every format).",
    )

    def slide_range(self, lesson_format: LessonFormat) -> SlideRange:
        """The range a lesson deck of this format is held to."""
        return self.slides.get(lesson_format, DEFAULT_SLIDES)


class CourseSpec(Spec):
    """curriculum/course.yaml: what the course is and the order of its sections."""

    kind: Literal["course"] = "course"
    id: Id
    title: Text
    subtitle: Markdown = ""
    audience: Text
    description: Markdown = ""
    duration: Text = ""
    roles: list[Role] = Field(min_length=1)
    tiers: list[Tier] = Field(default_factory=list)
    sections: list[Id] = Field(min_length=1, description="Section ids, in teaching order.")
    workshops: list[Id] = Field(default_factory=list, description="Workshop day ids, in order.")
    templates: str | None = Field(None, description="Folder of templates that override the built-in ones.")
    lab_environment: LabEnvironment = Field(default_factory=LabEnvironment)
    vocabulary: Vocabulary = Field(default_factory=Vocabulary)
    decks: DeckSettings = Field(default_factory=DeckSettings)


@dataclass
class Course:
    """Every spec of one course, assembled. Built by the loader; renderers read only this."""

    root: Path
    spec: CourseSpec
    sections: list[Section] = field(default_factory=list)
    lessons: dict[str, Lesson] = field(default_factory=dict)
    labs: dict[str, Lab] = field(default_factory=dict)
    question_sets: list[QuestionSet] = field(default_factory=list)
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    rubrics: dict[str, Rubric] = field(default_factory=dict)
    checklists: dict[str, Checklist] = field(default_factory=dict)
    workshops: dict[str, WorkshopDay] = field(default_factory=dict)
    pipeline_view: PipelineView | None = None
    certificate: Certificate | None = None
    feedback: FeedbackForm | None = None
    # Every top-level spec that parsed, in file order (duplicates included, for the checks),
    # and the ids of specs that failed to parse (so checks do not pile up follow-on errors).
    documents: list[Spec] = field(default_factory=list)
    failed_ids: set[str] = field(default_factory=set)

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def verb_levels(self) -> dict[str, BloomLevel]:
        """Every Bloom verb this course accepts (the built-in ones and its own), lower-case."""
        return verb_levels(self.spec.vocabulary.bloom_verbs)

    def bloom_level(self, verb: str) -> BloomLevel | None:
        """The Bloom level of `verb` in this course's vocabulary."""
        return level_of(verb, self.spec.vocabulary.bloom_verbs)

    def vague_prefix(self, text: str) -> str | None:
        """The unmeasurable verb (built-in or the course's own) that `text` starts with, if any."""
        return vague_prefix(text, self.spec.vocabulary.vague_verbs)

    @property
    def modules(self) -> list[Module]:
        return [m for s in self.sections for m in s.modules]

    @property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for qs in self.question_sets for q in qs.questions}

    def objectives(self) -> Iterator[Objective]:
        """Every objective, wherever it is defined, in course order."""
        for section in self.sections:
            yield from section.objectives
        # All lesson documents (duplicated ids included), those placed in modules first.
        placed = {lesson_id: n for n, lesson_id in enumerate(i for m in self.modules for i in m.lessons)}
        lessons = [d for d in self.documents if isinstance(d, Lesson)]
        for lesson in sorted(lessons, key=lambda d: placed.get(d.id, len(placed))):
            yield from lesson.objectives
        for day in self.workshops.values():
            yield from day.objectives

    def lessons_of(self, module: Module) -> list[Lesson]:
        return [self.lessons[i] for i in module.lessons if i in self.lessons]

    def labs_of(self, module: Module) -> list[Lab]:
        return [self.labs[i] for i in module.labs if i in self.labs]

    def module_of_lesson(self, lesson_id: str) -> Module | None:
        return next((m for m in self.modules if lesson_id in m.lessons), None)

    def section_of_module(self, module_id: str) -> Section | None:
        return next((s for s in self.sections if any(m.id == module_id for m in s.modules)), None)

    def ordered_workshops(self) -> list[WorkshopDay]:
        return [self.workshops[i] for i in dict.fromkeys(self.spec.workshops) if i in self.workshops]

    def block_minutes(self, block: Block) -> int | None:
        """A block's length: its own, else its lesson's or lab's."""
        if block.minutes:
            return block.minutes
        if block.lesson in self.lessons:
            return self.lessons[block.lesson].total_minutes
        if block.lab in self.labs:
            return self.labs[block.lab].minutes
        return None

    def timetable(self, day: WorkshopDay) -> list[ScheduledBlock]:
        """The day's blocks with computed clock times."""
        return timetable(day, self.block_minutes)
