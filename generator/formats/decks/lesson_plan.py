"""A lesson's deck held to its format's slide range: which key points share a slide, what the activity
slide shows, and how many slides that makes.

Why a plan: the deck builder follows it and the slide-count rule reads it, so `curriculum validate` warns
about exactly the decks the build makes too long.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.formats.decks import geometry as geo
from generator.formats.decks import text as tx
from generator.formats.decks.diagram import flow_layout
from generator.formats.decks.geometry import BODY_SIZES, STATEMENT_SIZES, Area
from generator.formats.decks.markdown import Para, Run, Table, bullets, inline, labelled, paragraphs, plain
from generator.formats.decks.markdown import parts as md_parts
from generator.formats.decks.pages import Part, flow_slides, text_pages
from generator.formats.decks.slides import agenda_areas
from generator.model.course import Course, SlideRange
from generator.model.lesson import Lesson
from generator.model.resource import Resource

TAKEAWAY_SIZES = tx.sizes(24, 16)
FURTHER_READING = "Further reading"
NEVER = 1_000  # the slide count of a grouping the deck never uses

# What the activity slide leaves out, in order, when the whole activity does not fit it.
CUTS = (
    "",
    "the tier variants",
    "the detail under each step",
    "all but the first sentence of each step",
    "its tables",
)


@dataclass(frozen=True)
class ActivitySlide:
    """What the activity slide shows: `body`, after leaving out `cut` (moved to the speaker notes)."""

    body: list[Part]
    cut: int  # index into CUTS: 0 when the whole activity shows
    slides: int  # 1 unless even the shortest form does not fit one slide
    cuts: tuple[str, ...] = ()  # what was left out, from CUTS

    @property
    def left_out(self) -> str:
        """What went to the speaker notes, e.g. 'the tier variants and the detail under each step'."""
        names = list(self.cuts)
        return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + (names[-1] if names else "")


@dataclass(frozen=True)
class KeyPointSlide:
    points: tuple[int, ...]  # indexes into lecture.key_points
    diagram: bool  # the lesson's diagram is drawn on this slide
    slides: int  # 1, or more when the text continues (or the diagram needs a slide of its own)
    apart: bool = False  # the diagram has a slide of its own, after the key point's


@dataclass(frozen=True)
class LessonPlan:
    key_points: list[KeyPointSlide]
    activity: ActivitySlide
    objectives: int  # slides the objectives and agenda take
    debrief: int
    further_reading: int
    limits: SlideRange

    @property
    def slides(self) -> int:
        kp = sum(k.slides for k in self.key_points)
        return 1 + self.objectives + kp + self.activity.slides + self.debrief + self.further_reading


# -- pieces a plan measures, shared with the deck builder -------------------------------------


def activity_body(course: Course, lesson: Lesson, cut: int = 0) -> list[Part]:
    """The activity slide's text and tables, with the first `cut` of CUTS left out."""
    activity = lesson.activity
    body: list[Part] = list(md_parts(activity.instructions))
    if cut >= 2:
        body = _steps_only(body)
    if cut >= 3:
        body = [part if isinstance(part, Table) else [_first_sentence(p) for p in part] for part in body]
    if cut >= 4:
        body = [part for part in body if not isinstance(part, Table)]
    body = [part for part in body if isinstance(part, Table) or part]
    if activity.tiers and cut < 1:
        names = {t.id: t.name for t in course.spec.tiers}
        variants = [Para((Run("By tier", bold=True),))]
        for tier, text in activity.tiers.items():
            label = f"{tier} {plain(names[tier])}" if tier in names else tier
            variants += labelled(label, text)
        body.append(variants)
    return body


def _steps_only(body: list[Part]) -> list[Part]:
    """The steps without their detail: nested items, and paragraphs under an item once the list began."""
    out: list[Part] = []
    listed = False
    for part in body:
        if isinstance(part, Table):
            out.append(part)
            continue
        kept = []
        for para in part:
            listed = listed or para.marker is not None
            if para.level == 0 and (para.marker is not None or not listed):
                kept.append(para)
        out.append(kept)
    return out


def _text_first(body: list[Part]) -> list[Part]:
    """The text above the tables: text after a table would otherwise need a slide of its own."""
    text = [p for part in body if not isinstance(part, Table) for p in part]
    tables: list[Part] = [part for part in body if isinstance(part, Table)]
    return [text, *tables] if text else tables


_SENTENCE_END = re.compile(r"[.!?:;](?=\s)")


def _first_sentence(para: Para) -> Para:
    """The paragraph up to the end of its first sentence (its rest is in the speaker notes)."""
    text = para.text
    match = next((m for m in _SENTENCE_END.finditer(text) if m.start() >= 12), None)
    if match is None:
        return para
    keep = match.start() + (0 if text[match.start()] in ":;" else 1)
    runs, used = [], 0
    for run in para.runs:
        if used >= keep:
            break
        runs.append(replace(run, text=run.text[: keep - used]))
        used += len(run.text)
    if text[match.start()] in ":;":
        runs.append(Run("…"))
    return replace(para, runs=tuple(runs))


def resource_paras(resources: Sequence[Resource]) -> list[Para]:
    """Further reading as slide bullets: the title, then where to find it."""
    out = []
    for resource in resources:
        out.append(Para(inline(resource.title), 0, "•"))
        where = resource.url or resource.course_file or ""
        out.append(Para((Run(where, code=resource.url is None),), 1, None))
    return out


def takeaway_band(content: Area, takeaway: Para) -> tuple[Para, float, int]:
    """The key takeaway's paragraph (cut to fit if need be), its size, and the height (EMU) of its band."""
    inset = geo.round_inset(content.width, content.height * 2 // 5)  # the rounded corners take some room
    box = geo.inner(content.width - 2 * inset, content.height * 2 // 5 - 2 * inset)
    size = tx.fit([takeaway], box, TAKEAWAY_SIZES)
    if size is None:
        size = TAKEAWAY_SIZES[-1]
        takeaway = tx.truncate(takeaway, box, size)
    band_h = geo.emu(tx.height([takeaway], box.width, size) + 2 * geo.INSET_Y + 12) + 2 * inset
    return takeaway, size, band_h


def debrief_area(content: Area, lesson: Lesson) -> Area:
    """Where the debrief questions go: above the key takeaway's band."""
    takeaway = Para((Run("Key takeaway: ", bold=True), *inline(lesson.key_takeaway)))
    _, _, band_h = takeaway_band(content, takeaway)
    gap = content.height // 25
    return Area(content.left, content.top, content.width, content.height - band_h - gap)


def diagram_areas(content: Area, shared: bool) -> tuple[Area, Area]:
    """The text and the drawing of a key point slide with the diagram: the drawing takes the larger part."""
    text_h = content.height * (2 if shared else 1) // (5 if shared else 3)
    gap = content.height // 20
    text = Area(content.left, content.top, content.width, text_h)
    return text, Area(content.left, text.bottom + gap, content.width, content.height - text_h - gap)


def key_point_paras(lesson: Lesson, points: Sequence[int]) -> list[Para]:
    """Several key points on one slide: a bullet each."""
    return [Para(inline(lesson.lecture.key_points[i]), 0, "•") for i in points]


def diagram_slot(lesson: Lesson) -> int:
    """The key point the diagram illustrates: the one sharing most words with it (the first on a tie)."""
    if lesson.diagram is None:
        return -1
    words = words_of(" ".join([lesson.diagram.title, *lesson.diagram.steps]))
    scores = [len(words & words_of(p)) for p in lesson.lecture.key_points]
    return scores.index(max(scores))


_WORD = re.compile(r"[a-z][a-z0-9_]{3,}")
_COMMON = {"that", "this", "with", "from", "they", "them", "their", "what", "when", "which", "have", "will"}


def words_of(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower())} - _COMMON


# -- the plan -----------------------------------------------------------------------------------


def plan_lesson(course: Course, lesson: Lesson, content: Area) -> LessonPlan:
    """The slides of the lesson's deck on a master whose content area is `content`."""
    limits = course.spec.decks.slide_range(lesson.format)
    text_area, _ = agenda_areas(content, bool(lesson.objectives))
    objectives = (
        len(text_pages(bullets([o.statement for o in lesson.objectives]), text_area).pages)
        if text_area
        else 1
    )
    debrief = len(text_pages(bullets(lesson.debrief.questions), debrief_area(content, lesson)).pages)
    further = len(text_pages(resource_paras(lesson.resources), content).pages) if lesson.resources else 0
    # Key points come first, a slide each; a range with room to spare lets the whole activity continue.
    spare = limits.max - (1 + objectives + len(lesson.lecture.key_points) + debrief + further)
    activity = _activity(course, lesson, content, max(spare, 1))
    room = limits.max - (1 + objectives + activity.slides + debrief + further)
    key_points = _key_points(lesson, content, room)
    return LessonPlan(key_points, activity, objectives, debrief, further, limits)


def _activity(course: Course, lesson: Lesson, content: Area, room: int) -> ActivitySlide:
    whole = activity_body(course, lesson)
    if room > 1 and (slides := flow_slides(whole, content)) <= room:
        return ActivitySlide(whole, 0, slides)
    last: list[Part] = []
    applied: list[str] = []  # the cuts that left something out
    for cut in range(len(CUTS)):
        body = activity_body(course, lesson, cut)
        if cut and body == last:
            continue  # this cut leaves nothing out that the last one showed
        if cut:
            applied.append(CUTS[cut])
        last = body
        for shown in (body, _text_first(body)):
            if flow_slides(shown, content) == 1:
                return ActivitySlide(shown, cut, 1, tuple(applied))
    return ActivitySlide(last, len(CUTS) - 1, flow_slides(last, content), tuple(applied))


def _key_points(lesson: Lesson, content: Area, room: int) -> list[KeyPointSlide]:
    """One slide per key point when there is room, else the fewest slides, points kept in order."""
    count = len(lesson.lecture.key_points)
    slot = diagram_slot(lesson)
    options = []
    for slides in range(min(count, max(room, 1)), 0, -1):
        for cuts in itertools.combinations(range(1, count), slides - 1):
            bounds = [0, *cuts, count]
            groups = [tuple(range(a, b)) for a, b in itertools.pairwise(bounds)]
            planned = [_key_point_slide(lesson, content, g, slot in g) for g in groups]
            options.append(planned)
        fitting = [o for o in options if sum(k.slides for k in o) <= max(room, 1)]
        if fitting:
            # the diagram's slide shares least; then the most even split
            best = min(fitting, key=lambda o: (_diagram_share(o), max(len(k.points) for k in o)))
            if sum(k.slides for k in best) < room:
                best = [_apart(lesson, content, k) if k.diagram else k for k in best]
            return best
    return min(options, key=lambda o: sum(k.slides for k in o))


def _apart(lesson: Lesson, content: Area, slide: KeyPointSlide) -> KeyPointSlide:
    """The key point on its slide, and its diagram on one of its own, when the range has a slide to spare."""
    if (
        lesson.diagram is None
        or flow_layout(lesson.diagram.steps, content, title=lesson.diagram.title) is None
    ):
        return slide
    shared = _key_point_slide(lesson, content, slide.points, False)
    return KeyPointSlide(slide.points, True, shared.slides + 1, apart=True)


def _diagram_share(planned: Sequence[KeyPointSlide]) -> int:
    return next((len(k.points) for k in planned if k.diagram), 0)


def _key_point_slide(lesson: Lesson, content: Area, points: tuple[int, ...], diagram: bool) -> KeyPointSlide:
    if len(points) == 1:
        parts = md_parts(lesson.lecture.key_points[points[0]])
        paras = paragraphs(lesson.lecture.key_points[points[0]])
        sizes: Sequence[float] = STATEMENT_SIZES
    else:
        if any(isinstance(p, Table) for i in points for p in md_parts(lesson.lecture.key_points[i])):
            return KeyPointSlide(points, diagram, NEVER)  # a table needs its key point's own slide
        parts, paras, sizes = [key_point_paras(lesson, points)], key_point_paras(lesson, points), BODY_SIZES
    if not diagram or lesson.diagram is None:
        return KeyPointSlide(points, False, flow_slides(parts, content, sizes))
    text, drawing = diagram_areas(content, len(points) > 1)
    slides = len(text_pages(paras, text, sizes).pages)
    title = lesson.diagram.title
    if flow_layout(lesson.diagram.steps, drawing, title=title) is None:
        slides += 1  # the steps as a list on a slide of their own
    return KeyPointSlide(points, True, slides)
