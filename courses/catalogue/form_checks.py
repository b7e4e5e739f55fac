"""Checks the course page form runs that packages above the catalogue add
(the competence alignments and tests): the catalogue may not import them,
so it owns this list and `CoursesConfig.ready()` (courses/apps.py) fills it
in. Each check is called as check(form, cleaned_data) from
CoursePageForm.clean and adds its errors to the form or its formsets."""

from collections.abc import Callable
from typing import Any

CoursePageCheck = Callable[[Any, dict], None]

COURSE_PAGE_CHECKS: list[CoursePageCheck] = []
