"""The certificate lists objectives that exist, each once, and no more text than one page holds."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks import did_you_mean, error, rule, warning
from generator.errors import Issue
from generator.model.certificate import MAX_CHARACTERS, MAX_COMPETENCIES, MAX_COMPETENCY
from generator.model.course import Course


@rule("certificate-competencies")
def certificate_competencies(course: Course) -> Iterator[Issue]:
    certificate = course.certificate
    if certificate is None:
        return
    objectives = {o.id: o for o in course.objectives()}
    known = set(objectives)
    seen: set[str] = set()
    for i, objective_id in enumerate(certificate.competencies):
        if objective_id in seen:
            yield warning(
                certificate,
                "competencies",
                i,
                message=f"objective '{objective_id}' is listed twice",
                hint="a certificate lists each competency once; remove the repeat",
            )
        seen.add(objective_id)
        if objective_id not in known and objective_id not in course.failed_ids:
            hint = did_you_mean(objective_id, known) or "competencies are objective ids of this course"
            yield error(
                certificate, "competencies", i, message=f"unknown objective '{objective_id}'", hint=hint
            )
        elif objective_id in objectives and len(objectives[objective_id].statement) > MAX_COMPETENCY:
            length = len(objectives[objective_id].statement)
            yield error(
                certificate,
                "competencies",
                i,
                message=f"objective '{objective_id}' reads {length} characters; a competency line on the "
                f"certificate holds {MAX_COMPETENCY}",
                hint="list a shorter objective (a section's rather than a lesson's), or shorten its text",
            )
    if len(certificate.competencies) > MAX_COMPETENCIES:
        yield error(
            certificate,
            "competencies",
            message=f"{len(certificate.competencies)} competencies are listed; one certificate page holds "
            f"at most {MAX_COMPETENCIES}",
            hint="list the objectives that matter most, or a section's objectives rather than each lesson's",
        )


@rule("certificate-text-fits")
def certificate_text_fits(course: Course) -> Iterator[Issue]:
    certificate = course.certificate
    if certificate is None:
        return
    for name, limit in MAX_CHARACTERS.items():
        length = len(getattr(certificate, name))
        if length > limit:
            yield error(
                certificate,
                name,
                message=f"{length} characters; one certificate page holds {limit} here",
                hint="shorten it: the certificate is one printed page",
            )
