"""The public course catalogue with audience and topic filters and search."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page

from courses.models import Audience, CourseCatalogPage, CoursePage, Enrolment, LessonPage, Topic
from courses.views.learner import _done_lesson_ids, render_page
from lms import page_cache, site_cache


def serve_catalogue(page: CourseCatalogPage, request):
    courses = (
        CoursePage.objects.live()
        .public()
        .child_of(page)
        .select_related("topic")
        .prefetch_related("audiences")
        .order_by("title")
    )
    audience = request.GET.get("audience", "")
    topic = request.GET.get("topic", "")
    query = request.GET.get("q", "").strip()
    if audience:
        courses = courses.filter(audiences__key=audience)
    if topic:
        courses = courses.filter(topic__slug=topic)
    if query:
        courses = courses.filter(Q(title__icontains=query) | Q(summary__icontains=query))
    courses = list(courses.distinct())

    lesson_paths = site_cache.memo(
        f"courses:lesson-paths:{page.pk}",
        lambda: list(
            Page.objects.live()
            .descendant_of(page)
            .filter(content_type=ContentType.objects.get_for_model(LessonPage))
            .values_list("pk", "path")
        ),
    )
    lessons_per_course = {course.pk: set() for course in courses}
    for pk, path in lesson_paths:
        for course in courses:
            if path.startswith(course.path):
                lessons_per_course[course.pk].add(pk)
                break

    user = request.user
    enrolled = set()
    if user.is_authenticated:
        enrolled = set(
            Enrolment.objects.active().filter(user=user).values_list("course_id", flat=True)
        )
    done = _done_lesson_ids(user, enrolled) if enrolled else set()
    cards = []
    for course in courses:
        lessons = lessons_per_course[course.pk]
        card = {"course": course, "lesson_count": len(lessons), "enrolled": course.pk in enrolled}
        if card["enrolled"] and lessons:
            card["percent"] = round(100 * len(lessons & done) / len(lessons))
        cards.append(card)
    response = render_page(
        request,
        page,
        {
            "cards": cards,
            "audiences": site_cache.memo("courses:audiences", lambda: list(Audience.objects.all())),
            "topics": site_cache.memo("courses:topics", lambda: list(Topic.objects.all())),
            "selected": {"audience": audience, "topic": topic, "q": query},
        },
    )
    return response if user.is_authenticated else page_cache.allow_anonymous_caching(response)
