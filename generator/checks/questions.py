"""Each question has the answer fields its type needs (and no others); quizzes have the right shape."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks import a, error, rule, warning
from generator.errors import Issue
from generator.model.base import Spec
from generator.model.course import Course
from generator.model.question import CHOICE_TYPES, MAX_OPTIONS, Question, QuestionSet

# Which answer field each type uses; any other answer field set on the question is an error.
_ANSWER_FIELD = {
    "single_choice": "options",
    "multiple_choice": "options",
    "true_false": "answer",
    "short_answer": "accepted",
    "numeric": "numeric",
    "matching": "pairs",
    "essay": None,
    "practical": None,
}
_ALL_ANSWER_FIELDS = ("options", "answer", "accepted", "numeric", "pairs")


def _is_set(question: Question, name: str) -> bool:
    value = getattr(question, name)
    return value not in (None, [], "")


@rule("question-answers")
def question_answers(course: Course) -> Iterator[Issue]:
    for qs in course.question_sets:
        for q, question in enumerate(qs.questions):
            yield from _answers(qs, q, question)


def _answers(qs: QuestionSet, q: int, question: Question) -> Iterator[Issue]:
    at = ("questions", q)
    needed = _ANSWER_FIELD[question.type]
    for name in _ALL_ANSWER_FIELDS:
        if name != needed and _is_set(question, name):
            yield error(
                qs,
                *at,
                name,
                key=True,
                message=f"'{name}' does not apply to {a(question.type)} question",
                hint=f"a {question.type} question uses '{needed}'" if needed else "remove it",
            )
    if question.wildcard and question.type != "short_answer":
        yield error(
            qs,
            *at,
            "wildcard",
            key=True,
            message=f"'wildcard' does not apply to {a(question.type)} question",
            hint="wildcard applies to short_answer questions only; remove it",
        )
    if needed and not _is_set(question, needed):
        yield error(
            qs,
            *at,
            "type",
            message=f"a {question.type} question needs '{needed}'",
            hint=f"add '{needed}:' to question '{question.id}'",
        )
        return
    if question.type in CHOICE_TYPES:
        correct = sum(o.correct for o in question.options)
        if len(question.options) < 2:
            yield error(qs, *at, "options", message="a choice question needs at least 2 options")
        if len(question.options) > MAX_OPTIONS:
            yield error(
                qs, *at, "options", message=f"{len(question.options)} options; at most {MAX_OPTIONS} (A-F)"
            )
        if question.type == "single_choice" and correct != 1:
            yield error(
                qs,
                *at,
                "options",
                message=f"a single_choice question needs exactly 1 correct option, has {correct}",
                hint="mark one option 'correct: true', or make it multiple_choice",
            )
        if question.type == "multiple_choice" and correct < 1:
            yield error(
                qs,
                *at,
                "options",
                message="a multiple_choice question needs at least 1 correct option",
                hint="mark the right options 'correct: true'",
            )
        texts = [o.text.strip().lower() for o in question.options]
        for i, text in enumerate(texts):
            if text in texts[:i]:
                yield error(qs, *at, "options", i, "text", message="this option repeats an earlier one")
    if question.type == "matching" and len(question.pairs) < 2:
        yield error(qs, *at, "pairs", message="a matching question needs at least 2 pairs")
    if question.type in ("essay", "practical") and not (question.guidance or question.rubric):
        yield warning(
            qs,
            *at,
            "type",
            message=f"{question.type} question '{question.id}' has no marking guidance",
            hint="add 'guidance:' or 'rubric:' so markers agree",
        )


@rule("lesson-assessments")
def lesson_assessments(course: Course) -> Iterator[Issue]:
    questions = course.questions
    for lesson in course.lessons.values():
        assessment = lesson.assessment
        if assessment is None:
            continue
        count = len(assessment.questions)
        if not 3 <= count <= 5:
            yield error(
                lesson,
                "assessment",
                "questions",
                message=f"a lesson assessment has 3-5 questions, this one has {count}",
            )
        task = assessment.practical_task
        if task is None:
            yield error(
                lesson,
                "assessment",
                message="a lesson assessment needs a practical task",
                hint="add 'practical_task:' with the id of a practical question",
            )
        elif task in questions and questions[task].type != "practical":
            yield error(
                lesson,
                "assessment",
                "practical_task",
                message=f"'{task}' is {a(questions[task].type)} question, not a practical task",
            )


@rule("student-quizzes")
def student_quizzes(course: Course) -> Iterator[Issue]:
    """A self-check quiz needs questions to show."""
    for quiz in course.quizzes.values():
        if quiz.purpose == "self_check" and not quiz.questions and quiz.draw is None:
            yield error(
                quiz,
                "questions",
                message="the quiz has no questions",
                hint="list 'questions:' or add 'draw:'",
            )


@rule("graded-only-off-the-site")
def graded_only_off_the_site(course: Course) -> Iterator[Issue]:
    """Self-check quizzes and lesson assessments are on the student site: no graded-only question in them.

    Why an error and not a filter: the site would either show the question (leaking an exam question) or
    drop it (a quiz or lesson silently shorter than its spec); the trainer has to choose.
    """
    questions = course.questions
    places: list[tuple[Spec, tuple[str | int, ...], str, str]] = []
    for quiz in course.quizzes.values():
        if quiz.purpose == "self_check":
            places += [(quiz, ("questions", i), q, "self-check quiz") for i, q in enumerate(quiz.questions)]
    for lesson in course.lessons.values():
        if lesson.assessment:
            listed: list[tuple[tuple[str | int, ...], str]] = [
                (("assessment", "questions", i), q) for i, q in enumerate(lesson.assessment.questions)
            ]
            if lesson.assessment.practical_task:
                listed.append((("assessment", "practical_task"), lesson.assessment.practical_task))
            places += [(lesson, path, q, "lesson's assessment") for path, q in listed]
    for owner, path, question_id, what in places:
        question = questions.get(question_id)
        if question is None or not question.graded_only:
            continue
        marked = question.loc("graded_only", key=True)
        yield error(
            owner,
            *path,
            message=f"question '{question_id}' is graded-only ({marked}), but {a(what)} is shown to students",
            hint=(
                "use it in an 'exam' or 'final' quiz instead, or remove 'graded_only: true' from the question"
                if what == "self-check quiz"
                else "assess the lesson with a question students may see, or remove its 'graded_only: true'"
            ),
        )
