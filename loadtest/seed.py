"""Load-test accounts on top of the demo (`manage.py load_demo_data`), run by
`loadtest/scale_test.py` against the database of the topology it starts.

Creates `--learners` learners (password `--password`, email verified), each
enrolled in two demo courses. For half of them the quiz lessons of their
first course are already passed (through the real service, with the right
answers), so that the button and H5P lessons the simulated learner finishes
complete the course during the load and a certificate is issued and
downloaded. It also issues `--certificates` certificates to extra learners
of one institution, the material of the background job the fault test
interrupts. Prints a JSON summary on stdout.

Quiz attempts it makes go to the ledger as acknowledged writes.

Usage (Django settings and DATABASE_URL from the environment):
    python loadtest/seed.py --learners 500 --password PASSWORD --certificates 150 \
        --ledger LEDGER
"""

import argparse
import json
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def correct_answers(quiz_value) -> dict[str, list[str]]:
    """The form a learner who knows the answers would post."""
    from courses.catalogue.quiz import FIELD_PREFIX, questions

    return {
        FIELD_PREFIX + question_id: [
            option_id for option_id, option in options if option["correct"]
        ]
        for question_id, _question, options in questions(quiz_value)
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=500)
    parser.add_argument("--password", required=True)
    parser.add_argument("--certificates", type=int, default=150)
    parser.add_argument("--ledger", type=Path, required=True, help="where acknowledged writes go")
    options = parser.parse_args()

    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.http import QueryDict
    from django.utils import timezone

    from accounts import roles
    from accounts.models import Institution, User
    from courses.certificates.services import certificate_issue
    from courses.models import CoursePage, Enrolment, LessonPage, LessonProgress
    from courses.progress import services as progress_services

    courses = list(CoursePage.objects.live().order_by("path"))
    institutions = list(Institution.objects.order_by("pk"))
    learners_group = Group.objects.get(name=roles.LEARNER)
    password = make_password(options.password)  # hashed once, shared
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(
                email=f"load{number:04d}@example.org", password=password,
                first_name="Łucja" if number % 2 else "Józef",
                last_name=f"Obciążeniowa-{number:04d}",
                institution=institutions[number % len(institutions)],
            )
            for number in range(options.learners)
        )  # fmt: skip
        learners_group.user_set.add(*users)
        EmailAddress.objects.bulk_create(
            EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
        )
        Enrolment.objects.bulk_create(
            Enrolment(user=user, course=course, method=Enrolment.Method.SELF)
            for number, user in enumerate(users)
            for course in (courses[number % len(courses)], courses[(number + 1) % len(courses)])
        )
    # Half of the learners have passed their first course's quizzes already.
    ledger = options.ledger.open("a")
    for number, user in enumerate(users[::2]):
        course = courses[(number * 2) % len(courses)]
        for lesson in LessonPage.objects.live().descendant_of(course).specific():
            for quiz_id, quiz_value in lesson.quizzes():
                data = QueryDict(mutable=True)
                for key, values in correct_answers(quiz_value).items():
                    data.setlist(key, values)
                progress_services.quiz_attempt_submit(
                    user=user, lesson=lesson, quiz_id=quiz_id, data=data
                )
                entry = {"kind": "quiz", "user": user.email, "lesson": lesson.pk,
                         "quiz": quiz_id, "status": 302, "ack": True}  # fmt: skip
                ledger.write(json.dumps(entry) + "\n")
    ledger.close()

    # Certificates for the background job of the fault test.
    holder_institution = institutions[0]
    now = timezone.now()
    with transaction.atomic():
        holders = User.objects.bulk_create(
            User(
                email=f"holder{number:04d}@example.org", password=password, first_name="Zofia",
                last_name=f"Świadectwowa-{number:04d}", institution=holder_institution,
            )
            for number in range(options.certificates)
        )  # fmt: skip
        enrolments = Enrolment.objects.bulk_create(
            Enrolment(
                user=user, course=courses[0], method=Enrolment.Method.SELF,
                enrolled_at=now - timedelta(days=10), completed_at=now - timedelta(days=1),
            )
            for user in holders
        )  # fmt: skip
        # Their lessons done, each for its part of the course's needed time:
        # no certificate states hours that were not learned.
        lessons = list(LessonPage.objects.live().descendant_of(courses[0]))
        seconds = -(-courses[0].min_effective_seconds // len(lessons))
        LessonProgress.objects.bulk_create(
            LessonProgress(
                user=user, lesson=lesson, course=courses[0],
                status=LessonProgress.Status.COMPLETED, first_opened_at=now - timedelta(days=9),
                last_opened_at=now - timedelta(days=1), completed_at=now - timedelta(days=1),
                effective_seconds=seconds,
            )
            for user in holders
            for lesson in lessons
        )  # fmt: skip
    for enrolment in enrolments:
        certificate_issue(enrolment=enrolment)
    json.dump(
        {
            "learners": [user.email for user in users],
            "courses": [course.pk for course in courses],
            "holder_institution": holder_institution.pk,
            "certificates": len(enrolments),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
