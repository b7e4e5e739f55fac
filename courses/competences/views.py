"""The learner's pre-test and post-test pages: shown from the participant's
frozen standard, graded on the server (courses.competences.services), then
back to the course page where the results are shown."""

import random

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.competences import selectors
from courses.competences import services as competence_services
from courses.models import CompetenceAssessment, CompetenceAttempt, CompetenceTest


def _enrolment_or_404(request, course_id):
    enrolment = selectors.test_page_enrolment(request.user, course_id)
    if enrolment is None:
        raise Http404
    return enrolment


def _assessment_or_404(enrolment, kind: str):
    """The participant's assessment (with its standard), or None when they
    have not started but the course has a test of this kind; else 404, so
    nothing is started for a course without it."""
    assessment = (
        CompetenceAssessment.objects.select_related("standard").filter(enrolment=enrolment).first()
    )
    if assessment is None and not (
        CompetenceTest.objects.filter(course=enrolment.course, kind=kind).exists()
    ):
        raise Http404
    return assessment


def _shuffled(test: dict, *, seed: str) -> list[dict]:
    """The test's items with choice options in a stable shuffled order for
    one participant and attempt (true/false keeps its authored order)."""
    rng = random.Random(seed)
    items = []
    for item in test["questions"]:
        if item["type"] == "question" and item["kind"] != "true_false":
            item = {**item, "options": rng.sample(item["options"], len(item["options"]))}
        items.append(item)
    return items


@login_required
def competence_test(request, course_id, kind):
    if kind not in CompetenceTest.Kind.values:
        raise Http404
    enrolment = _enrolment_or_404(request, course_id)
    course = enrolment.course
    assessment = _assessment_or_404(enrolment, kind)
    if request.method == "POST":
        try:
            attempt = competence_services.competence_attempt_submit(
                enrolment=enrolment, kind=kind, data=request.POST
            )
        except competence_services.CompetenceError as error:
            messages.error(request, error.message)
            return redirect(request.path)
        if kind == CompetenceTest.Kind.PRE:
            messages.success(request, _("Thank you: your pre-test answers are saved."))
        else:
            messages.success(
                request, _("Post-test submitted: %(score)s%%.") % {"score": attempt.score}
            )
        return redirect(course.url + "#competences")
    if assessment is None:
        assessment = competence_services.assessment_start(enrolment=enrolment)
    assessment.enrolment = enrolment  # read with its course and user above
    try:
        test = competence_services.competence_test_open(assessment=assessment, kind=kind)
    except competence_services.CompetenceError as error:
        messages.error(request, error.message)
        return redirect(course.url + "#competences")
    number = CompetenceAttempt.objects.filter(assessment=assessment, kind=kind).count()
    pre_test = assessment.standard.content["pre_test"]
    return TemplateResponse(
        request,
        "courses/competences/test.html",
        {
            "course": course,
            "kind": kind,
            "items": _shuffled(test, seed=f"{enrolment.pk}-{kind}-{number}"),
            "may_skip": kind == CompetenceTest.Kind.PRE and pre_test["optional"],
        },
    )


@require_POST
@login_required
def pre_test_skip(request, course_id):
    enrolment = _enrolment_or_404(request, course_id)
    if (
        not CompetenceTest.objects.filter(
            course=enrolment.course, kind=CompetenceTest.Kind.PRE
        ).exists()
        and not CompetenceAssessment.objects.filter(enrolment=enrolment).exists()
    ):
        raise Http404
    try:
        competence_services.pre_test_skip(enrolment=enrolment)
    except competence_services.CompetenceError as error:
        messages.error(request, error.message)
    return redirect(enrolment.course.url + "#competences")
