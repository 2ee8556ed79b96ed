"""Which model reads which `kind:` of spec file."""

from __future__ import annotations

from generator.model.base import Spec
from generator.model.certificate import Certificate
from generator.model.course import CourseSpec, Section
from generator.model.feedback import FeedbackForm
from generator.model.lab import Lab
from generator.model.lesson import Lesson
from generator.model.pipeline_view import PipelineView
from generator.model.question import QuestionSet, Quiz
from generator.model.rubric import Checklist, Rubric
from generator.model.workshop import WorkshopDay

KINDS: dict[str, type[Spec]] = {
    "course": CourseSpec,
    "section": Section,
    "lesson": Lesson,
    "lab": Lab,
    "workshop": WorkshopDay,
    "quiz": Quiz,
    "rubric": Rubric,
    "checklist": Checklist,
    "pipeline_view": PipelineView,
    "questions": QuestionSet,
    "certificate": Certificate,
    "feedback": FeedbackForm,
}
