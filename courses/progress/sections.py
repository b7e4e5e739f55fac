"""What packages above progress add to the learner's pages and to the
progress grid: the course page and "my courses" show live sessions and the
certificate, the lesson page allows the H5P player's frame script, the
grid's cells show H5P results. The pages live here (they are built around
the learner's progress) and may not import those packages, so progress owns
these lists and `CoursesConfig.ready()` (courses/apps.py) fills them in, all
in one place. Each contributor costs a fixed number of queries whatever the
number of courses, sessions or learners, like the pages themselves."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.template.response import TemplateResponse

from accounts.models import User
from courses.models import CoursePage, Enrolment, LessonPage

# Context for the course page of an enrolled learner.
CoursePageSection = Callable[[HttpRequest, CoursePage, Enrolment], dict[str, Any]]
# Course id -> values for that course's row on "my courses".
MyCoursesSection = Callable[[User, list[CoursePage]], dict[int, dict[str, Any]]]
# Adjusts a lesson page's response (its Content-Security-Policy).
LessonResponseHook = Callable[[LessonPage, TemplateResponse], None]
# (user id, lesson id) -> attributes set on that cell of a course's grid,
# for the learners given by id.
GridCells = Callable[[CoursePage, list[int]], dict[tuple[int, int], dict[str, Any]]]

COURSE_PAGE: list[CoursePageSection] = []
MY_COURSES: list[MyCoursesSection] = []
LESSON_RESPONSE: list[LessonResponseHook] = []
GRID_CELLS: list[GridCells] = []
