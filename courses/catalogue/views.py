"""Learner pages: the public catalogue with its filters and search, the
course page, the lesson page, "my courses", and enrolment. Each page costs a
fixed number of queries whatever the number of courses and lessons. The
progress a lesson's actions record (mark as done, quiz, heartbeat) is posted
to `courses.progress.views`."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q, Sum
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from courses.catalogue import quiz, selectors
from courses.catalogue import services as catalogue_services
from courses.h5p.frame import FRAME_SCRIPT
from courses.live import selectors as live
from courses.models import (
    Audience,
    Certificate,
    CourseCatalogPage,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModulePage,
    QuizAttempt,
    Topic,
)
from courses.progress import services as progress_services
from lms import csp, page_cache, site_cache


def render_page(request, page, extra):
    context = page.get_context(request)
    context.update(extra)
    return TemplateResponse(request, page.get_template(request), context)


def _outline(course: CoursePage) -> list[tuple[Page, bool]]:
    """(page, is module) for the course's live modules and lessons in order:
    the same for everyone, so kept per process until a page changes."""
    lesson_type = ContentType.objects.get_for_model(LessonPage).pk
    module_type = ContentType.objects.get_for_model(ModulePage).pk
    return [
        (page, page.content_type_id == module_type)
        for page in Page.objects.live().descendant_of(course).order_by("path")
        if page.content_type_id in (lesson_type, module_type)
    ]


def _programme(course: CoursePage, done_ids: set[int]):
    """The course's modules and lessons in order, with the learner's done marks."""
    outline = site_cache.memo(f"courses:outline:{course.pk}", lambda: _outline(course))
    return [
        {"page": page, "is_module": True}
        if is_module
        else {"page": page, "is_module": False, "done": page.pk in done_ids}
        for page, is_module in outline
    ]


def _done_lesson_ids(user, course_ids) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        LessonProgress.objects.filter(
            user=user, course_id__in=course_ids, status=LessonProgress.Status.COMPLETED
        ).values_list("lesson_id", flat=True)
    )


def _summary(programme) -> dict:
    lessons = [item for item in programme if not item["is_module"]]
    done = sum(1 for item in lessons if item["done"])
    next_lesson = next((item["page"] for item in lessons if not item["done"]), None)
    return {
        "lesson_count": len(lessons),
        "done_count": done,
        "percent": round(100 * done / len(lessons)) if lessons else 0,
        "continue_page": next_lesson or (lessons[0]["page"] if lessons else None),
    }


def serve_course(page: CoursePage, request):
    user = request.user
    enrolment = (
        Enrolment.objects.active().filter(user=user, course=page).first()
        if user.is_authenticated
        else None
    )
    programme = _programme(page, _done_lesson_ids(user, [page.pk]) if enrolment else set())
    seconds, certificate = 0, None
    if enrolment:
        seconds = LessonProgress.objects.filter(user=user, course=page).aggregate(
            total=Sum("effective_seconds")
        )["total"]
    if enrolment and enrolment.completed_at:
        certificate = Certificate.objects.for_user(user).valid().filter(course=page).first()
    live_sessions = live.course_live_sessions(request, page) if enrolment else None
    response = render_page(
        request,
        page,
        {
            "enrolment": enrolment,
            "certificate": certificate,
            "programme": programme,
            "effective_seconds": seconds or 0,
            "live": live_sessions,
            **_summary(programme),
        },
    )
    return response if user.is_authenticated else page_cache.allow_anonymous_caching(response)


def serve_lesson(page: LessonPage, request):
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        progress, session = progress_services.lesson_open(user=user, lesson=page)
    except catalogue_services.CourseError as error:
        messages.error(request, error.message)
        return redirect(catalogue_services.course_of(page).url)
    course = session.course
    programme = _programme(course, _done_lesson_ids(user, [course.pk]))
    lessons = [item["page"] for item in programme if not item["is_module"]]
    index = next(i for i, lesson in enumerate(lessons) if lesson.pk == page.pk)
    response = render_page(
        request,
        page,
        {
            "course": course,
            "programme": programme,
            "progress": progress,
            "visit": session.visit,
            "heartbeat": {
                "interval": settings.HEARTBEAT_SECONDS,
                "activity_window": settings.ACTIVITY_WINDOW_SECONDS,
            },
            "previous_lesson": lessons[index - 1] if index > 0 else None,
            "next_lesson": lessons[index + 1] if index + 1 < len(lessons) else None,
            "blocks": _blocks_with_quiz_state(page, user, retry=request.GET.get("retry")),
            **_summary(programme),
        },
    )
    if page.h5p_activities():
        csp.allow_inline_script(response, FRAME_SCRIPT)
    return response


def _blocks_with_quiz_state(lesson: LessonPage, user, retry: str | None):
    """Lesson blocks paired with, for quizzes, what the learner should see:
    the form for a new attempt, or the graded result of the last one."""
    attempts: dict[str, list[QuizAttempt]] = {}
    for attempt in QuizAttempt.objects.filter(user=user, lesson=lesson).order_by("number"):
        attempts.setdefault(attempt.quiz_id, []).append(attempt)
    pairs = []
    for block in lesson.body:
        if block.block_type != "quiz":
            pairs.append((block, None))
            continue
        done = attempts.get(block.id, [])
        state = {
            "id": block.id,
            "quiz": block.value,
            "attempts": done,
            "attempts_left": quiz.attempts_left(block.value, len(done)),
            "passed": any(attempt.passed for attempt in done),
        }
        last = done[-1] if done else None
        can_retry = quiz.may_attempt(block.value, len(done))
        if last and not (retry == block.id and can_retry):
            state["last"] = last
            state["results"] = quiz.grade(block.value, last.answers)[1]
            state["can_retry"] = can_retry
        else:
            seed = f"{user.pk}-{block.id}-{len(done)}"
            state["questions"] = quiz.shuffled_options(block.value, seed=seed)
        pairs.append((block, state))
    return pairs


@login_required
def my_courses(request):
    user = request.user
    enrolments = list(
        Enrolment.objects.active().filter(user=user).select_related("course").order_by("deadline")
    )
    courses = [enrolment.course for enrolment in enrolments]
    lessons_by_course: dict[int, list[Page]] = {course.pk: [] for course in courses}
    if courses:
        in_courses = Q()
        for course in courses:
            in_courses |= Q(path__startswith=course.path, depth__gt=course.depth)
        lesson_type = ContentType.objects.get_for_model(LessonPage)
        lessons = Page.objects.live().filter(in_courses, content_type=lesson_type).order_by("path")
        lessons_by_course = selectors.lessons_by_course(
            courses, ((lesson, lesson.path) for lesson in lessons)
        )
    progress = LessonProgress.objects.filter(user=user, course__in=courses)
    done = set(
        progress.filter(status=LessonProgress.Status.COMPLETED).values_list("lesson_id", flat=True)
    )
    certificates = {
        certificate.course_id: certificate
        for certificate in Certificate.objects.for_user(user).valid().filter(course__in=courses)
    }
    last_activity = dict(
        progress.values("course_id")
        .annotate(last=Max("last_opened_at"))
        .values_list("course_id", "last")
    )
    upcoming = live.upcoming_by_course(user, courses)
    rows = []
    for enrolment in enrolments:
        lessons = lessons_by_course[enrolment.course.pk]
        summary = _summary(
            [{"page": lesson, "is_module": False, "done": lesson.pk in done} for lesson in lessons]
        )
        rows.append(
            {
                "enrolment": enrolment,
                "last_activity": last_activity.get(enrolment.course.pk),
                "certificate": certificates.get(enrolment.course.pk),
                "live_sessions": upcoming.get(enrolment.course.pk, []),
                **summary,
            }
        )
    catalogue = CourseCatalogPage.objects.live().first()
    return TemplateResponse(
        request, "courses/my_courses.html", {"rows": rows, "catalogue": catalogue}
    )


@require_POST
@login_required
def enrol(request, course_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        catalogue_services.enrolment_self(user=request.user, course=course)
    except catalogue_services.CourseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You are enrolled. Good luck!"))
    return redirect(course.url)


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
    lessons_per_course = {
        course_id: set(lessons)
        for course_id, lessons in selectors.lessons_by_course(courses, lesson_paths).items()
    }

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
