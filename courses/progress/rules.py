"""The completion rules and consequences that packages above progress add.
Progress decides when a lesson and a course are complete, but some rules
read data it may not import (H5P results, live attendance) and completing a
course has a consequence it may not know of (the certificate). Rather than
reach up the package order, progress owns these lists and
`CoursesConfig.ready()` (courses/apps.py) fills them in, so the whole set is
written in one place. Explicit lists, not signals: these are business rules,
run synchronously inside the completion's own transaction and in a known
order (architecture.md keeps signals to side-effect cleanup)."""

from collections.abc import Callable

from courses.models import CoursePage, LessonPage, LessonProgress

# A lesson rule: None when the lesson did not choose it, else whether the
# learner's progress meets it. Every rule the lesson chose must be met.
LessonRule = Callable[[LessonProgress, LessonPage], bool | None]
# A course rule: whether the learner (by id) meets it on the course; a rule
# the course did not choose is met. Asked once every required lesson is done.
CourseRule = Callable[[int, CoursePage], bool]
# Called as handler(enrolment=...) the moment an enrolment is completed, in
# the completion's transaction (keyword-only, like the services it names).
CompletionHandler = Callable[..., object]

LESSON_RULES: list[LessonRule] = []
COURSE_RULES: list[CourseRule] = []
COURSE_COMPLETED: list[CompletionHandler] = []
