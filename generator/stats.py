"""Counts that summarise a course: what `curriculum validate` prints before the problems."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from generator.model.course import Course


@dataclass(frozen=True)
class CourseStats:
    sections: int
    modules: int
    lessons: int
    labs: int
    questions: int
    objectives: int
    assessed_objectives: int
    workshops: int

    @property
    def coverage(self) -> float:
        """Percent of objectives assessed by at least one question, checkpoint or criterion."""
        return 100.0 * self.assessed_objectives / self.objectives if self.objectives else 100.0

    def to_dict(self) -> dict[str, float | int]:
        return {**asdict(self), "objective_coverage": round(self.coverage, 1)}


def assessed_objective_ids(course: Course) -> set[str]:
    ids = {o for q in course.questions.values() for o in q.objectives}
    ids |= {o for lab in course.labs.values() for c in lab.checkpoints for o in c.objectives}
    ids |= {o for r in course.rubrics.values() for c in r.criteria for o in c.objectives}
    ids |= {o for c in course.checklists.values() for o in c.objectives}
    return ids


def course_stats(course: Course) -> CourseStats:
    objective_ids = {o.id for o in course.objectives()}
    return CourseStats(
        sections=len(course.sections),
        modules=len(course.modules),
        lessons=len(course.lessons),
        labs=len(course.labs),
        questions=len(course.questions),
        objectives=len(objective_ids),
        assessed_objectives=len(objective_ids & assessed_objective_ids(course)),
        workshops=len(course.workshops),
    )
