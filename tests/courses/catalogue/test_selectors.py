"""The one mapping of lessons to their courses that the catalogue page, "my
courses" and the attendance report share."""

from courses.catalogue.selectors import lessons_by_course
from courses.models import LessonPage
from tests import factories


def test_each_lesson_counts_for_the_course_whose_tree_holds_it(catalogue):
    first, first_lessons = factories.course_with_lessons(catalogue, 2, title="Pierwsze")
    second, second_lessons = factories.course_with_lessons(catalogue, 1, title="Drugie")
    empty, _none = factories.course_with_lessons(catalogue, 0, title="Puste")
    lessons = LessonPage.objects.order_by("path")
    found = lessons_by_course(
        [first, second, empty], [(lesson.pk, lesson.path) for lesson in lessons]
    )
    assert found == {
        first.pk: [lesson.pk for lesson in first_lessons],
        second.pk: [lesson.pk for lesson in second_lessons],
        empty.pk: [],
    }


def test_a_lesson_of_a_course_not_asked_about_is_left_out(catalogue):
    first, first_lessons = factories.course_with_lessons(catalogue, 1, title="Pierwsze")
    _other, other_lessons = factories.course_with_lessons(catalogue, 1, title="Inne")
    pairs = [(lesson.pk, lesson.path) for lesson in (*first_lessons, *other_lessons)]
    assert lessons_by_course([first], pairs) == {first.pk: [first_lessons[0].pk]}
