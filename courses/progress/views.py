"""The learner's pages, built around their progress: the public catalogue
with its filters and search, the course page, the lesson page and "my
courses"; and what a lesson page posts as the learner works: marking the
lesson as done, a quiz attempt, and the heartbeats that credit effective
time. Each page costs a fixed number of queries whatever the number of
courses and lessons. What the packages above add to the pages (live
sessions, the certificate, the H5P frame script) comes through
courses.progress.sections."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from courses.catalogue import quiz
from courses.catalogue import selectors as catalogue_selectors
from courses.catalogue import services as catalogue_services
from courses.models import (
    Audience,
    CourseCatalogPage,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    Topic,
)
from courses.progress import lesson_body, sections, selectors
from courses.progress import services as progress_services
from lms import page_cache, site_cache
from lms.ids import parse_id
from lms.redirects import safe_redirect_target

HEARTBEAT_BAD_REQUEST = gettext_lazy("A heartbeat needs the page visit and a beat number.")


@require_POST
@login_required
def lesson_done(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        progress = progress_services.lesson_mark_done(user=request.user, lesson=lesson)
    except catalogue_services.CourseError as error:
        messages.error(request, error.message)
        return redirect(lesson.url)
    if progress.is_completed:
        messages.success(request, _("Lesson completed."))
    return redirect(
        safe_redirect_target(request, request.POST.get("next_url"), fallback=lesson.url)
    )


@require_POST
@login_required
def quiz_submit(request, lesson_id, quiz_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        attempt = progress_services.quiz_attempt_submit(
            user=request.user, lesson=lesson, quiz_id=quiz_id, data=request.POST
        )
    except catalogue_services.CourseError as error:
        messages.error(request, error.message)
        return redirect(f"{lesson.url}?retry={quiz_id}#quiz-{quiz_id}")
    if attempt.passed:
        messages.success(request, _("Quiz passed with %(score)s%%.") % {"score": attempt.score})
    else:
        messages.warning(
            request,
            _("Score %(score)s%%: not passed yet. See the feedback below.")
            % {"score": attempt.score},
        )
    return redirect(f"{lesson.url}#quiz-{quiz_id}")


@require_POST
@login_required
def heartbeat(request, lesson_id):
    """Credit effective time for a visible, active lesson page. Posted by the
    page's script (and a beacon on leaving); the answer carries no page."""
    visit = request.POST.get("visit", "")
    beat = parse_id(request.POST.get("beat"))  # counts from 1, stored like an id
    if not (beat and 0 < len(visit) <= 36):
        return JsonResponse({"error": str(HEARTBEAT_BAD_REQUEST)}, status=400)
    try:
        credited = progress_services.heartbeat_record(
            user=request.user, lesson_id=lesson_id, visit=visit, beat=beat
        )
    except catalogue_services.CourseError as error:
        statuses = {progress_services.TOO_FREQUENT: 429, progress_services.LESSON_UNAVAILABLE: 404}
        status = statuses.get(error.message, 400)
        return JsonResponse({"error": str(error.message)}, status=status)
    return JsonResponse({"credited": credited})


def render_page(request, page, extra):
    context = page.get_context(request)
    context.update(extra)
    return TemplateResponse(request, page.get_template(request), context)


def serve_course(page: CoursePage, request):
    user = request.user
    enrolment = (
        Enrolment.objects.active().filter(user=user, course=page).first()
        if user.is_authenticated
        else None
    )
    progress = selectors.course_progress(user, [page.pk]) if enrolment else {}
    done = selectors.done_ids(progress)
    programme = selectors.programme(page, done)
    extra = {}
    if enrolment:
        for section in sections.COURSE_PAGE:  # live sessions, the certificate
            extra.update(section(request, page, enrolment))
    response = render_page(
        request,
        page,
        {
            "enrolment": enrolment,
            "programme": programme,
            "effective_seconds": selectors.effective_seconds(progress, page),
            **selectors.course_people(page),
            **extra,
            **selectors.lesson_summary(selectors.programme_lessons(programme), done),
        },
    )
    return response if user.is_authenticated else page_cache.allow_anonymous_caching(response)


def serve_lesson(page: LessonPage, request):
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    page.body = selectors.lesson_body(page)  # parsed once per process and revision
    try:
        progress, session, course_progress = progress_services.lesson_open(user=user, lesson=page)
    except catalogue_services.CourseError as error:
        messages.error(request, error.message)
        return redirect(catalogue_services.course_of(page).url)
    course = session.course
    done = selectors.done_ids(course_progress)
    programme = selectors.programme(course, done)
    lessons = selectors.programme_lessons(programme)
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
            "blocks": _blocks_with_quiz_state(page, user, progress, retry=request.GET.get("retry")),
            **selectors.lesson_summary(lessons, done),
        },
    )
    for hook in sections.LESSON_RESPONSE:  # the H5P frame script's CSP
        hook(page, response)
    return response


def _blocks_with_quiz_state(lesson: LessonPage, user, progress: LessonProgress, retry: str | None):
    """The lesson body's parts (the kept HTML of the shared blocks, the
    learner's own blocks) paired with, for quizzes, what the learner should
    see: the form for a new attempt (its questions' kept HTML in the
    learner's order), or the graded result of the last attempt. What the
    learner did comes with their progress row (its quiz summary): no query."""
    pairs = []
    for block in lesson_body.lesson_body_parts(lesson):
        if getattr(block, "block_type", None) != "quiz":
            pairs.append((block, None))
            continue
        summary = progress.quiz_summary.get(block.id, {})
        used, last = summary.get("attempts", 0), summary.get("last")
        can_retry = quiz.may_attempt(block.value, used)
        state = {
            "id": block.id,
            "quiz": block.value,
            "attempts_left": quiz.attempts_left(block.value, used),
        }
        if last and not (retry == block.id and can_retry):
            state["last"] = last
            state["results"] = quiz.grade(quiz.questions(block.value), last["answers"])[1]
            state["can_retry"] = can_retry
        else:
            state["questions"] = lesson_body.quiz_form_parts(
                lesson, block, seed=f"{user.pk}-{block.id}-{used}"
            )
        pairs.append((block, state))
    return pairs


@login_required
def my_courses(request):
    user = request.user
    enrolments = list(
        Enrolment.objects.active().filter(user=user).select_related("course").order_by("deadline")
    )
    courses = [enrolment.course for enrolment in enrolments]
    lessons_by_course = catalogue_selectors.lessons_by_course(
        courses, ((lesson, lesson.path) for lesson in selectors.live_lessons())
    )
    progress = selectors.course_progress(user, [course.pk for course in courses])
    done = selectors.done_ids(progress)
    last_activity = selectors.last_activity_by_course(progress)
    extra: dict[int, dict] = {course.pk: {} for course in courses}
    for section in sections.MY_COURSES:  # live sessions, the certificate
        for course_id, values in section(user, courses).items():
            extra[course_id].update(values)
    rows = [
        {
            "enrolment": enrolment,
            "last_activity": last_activity.get(enrolment.course.pk),
            **extra[enrolment.course.pk],
            **selectors.lesson_summary(lessons_by_course[enrolment.course.pk], done),
        }
        for enrolment in enrolments
    ]
    catalogue = site_cache.memo(
        "courses:catalogue", lambda: CourseCatalogPage.objects.live().first()
    )
    return TemplateResponse(
        request, "courses/my_courses.html", {"rows": rows, "catalogue": catalogue}
    )


def serve_catalogue(page: CourseCatalogPage, request):
    courses = (
        CoursePage.objects.live()
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
    # Only public courses: the privacy settings come from the process's copy.
    courses = [course for course in courses.distinct() if not site_cache.view_restrictions(course)]
    lessons_per_course = {
        course_id: set(lessons)
        for course_id, lessons in catalogue_selectors.lessons_by_course(
            courses, ((lesson.pk, lesson.path) for lesson in selectors.live_lessons())
        ).items()
    }

    user = request.user
    enrolled = set()
    if user.is_authenticated:
        enrolled = set(
            Enrolment.objects.active().filter(user=user).values_list("course_id", flat=True)
        )
    done = selectors.done_ids(selectors.course_progress(user, enrolled)) if enrolled else set()
    cards = []
    for course in courses:
        lessons = lessons_per_course[course.pk]
        card = {"course": course, "lesson_count": len(lessons), "enrolled": course.pk in enrolled}
        if card["enrolled"] and lessons:
            card["percent"] = selectors.percent_done(len(lessons & done), len(lessons))
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
