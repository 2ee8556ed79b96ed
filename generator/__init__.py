"""Curriculum toolkit: write a course once as lesson specs, validate it, render everything it needs."""

from generator.errors import CourseError, Issue, SourceLocation
from generator.load.course_loader import load_course

__all__ = ["CourseError", "Issue", "SourceLocation", "load_course"]
__version__ = "0.1.0"
