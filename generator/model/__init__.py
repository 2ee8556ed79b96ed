"""The course model: pydantic classes for every spec kind, and the assembled course. No I/O here."""

from generator.model.base import Spec
from generator.model.course import Course, CourseSpec, Module, Role, Section, Tier
from generator.model.lab import Lab, LabStep
from generator.model.lesson import Lesson
from generator.model.objective import Objective
from generator.model.pipeline_view import PipelineView
from generator.model.question import Question, QuestionSet, Quiz
from generator.model.rubric import Checklist, Rubric
from generator.model.workshop import WorkshopDay

__all__ = [
    "Checklist",
    "Course",
    "CourseSpec",
    "Lab",
    "LabStep",
    "Lesson",
    "Module",
    "Objective",
    "PipelineView",
    "Question",
    "QuestionSet",
    "Quiz",
    "Role",
    "Rubric",
    "Section",
    "Spec",
    "Tier",
    "WorkshopDay",
]
