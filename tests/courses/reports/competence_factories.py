"""Competence rows for the report tests, made directly with the ORM in the
shapes courses/competences/models.py fixes (the services that write them
are another package's): a DigComp framework with levels, an area and two
competences, a course's frozen standard, assessments with results and
their attempts."""

from datetime import datetime

from django.utils import timezone

from courses.models import (
    Audience,
    Competence,
    CompetenceArea,
    CompetenceAssessment,
    CompetenceAttempt,
    CompetenceFramework,
    CompetenceStandard,
    Enrolment,
    ProficiencyLevel,
)


def digcomp() -> dict:
    """DigComp 2.2 with its eight levels, area 4 (Bezpieczeństwo) and two competences."""
    framework, _created = CompetenceFramework.objects.get_or_create(
        code="digcomp-2-2", defaults={"name": "DigComp 2.2", "name_en": "DigComp 2.2", "year": 2022}
    )
    for number in range(1, 9):
        ProficiencyLevel.objects.get_or_create(
            framework=framework, number=number, defaults={"name": f"Poziom {number}"}
        )
    area, _created = CompetenceArea.objects.get_or_create(
        framework=framework, code="4", defaults={"name": "Bezpieczeństwo", "name_en": "Safety"}
    )
    devices, _created = Competence.objects.get_or_create(
        area=area,
        code="4.1",
        defaults={"name": "Ochrona urządzeń", "name_en": "Protecting devices"},
    )
    data, _created = Competence.objects.get_or_create(
        area=area,
        code="4.2",
        defaults={"name": "Ochrona danych osobowych i prywatności", "name_en": "Protecting data"},
    )
    return {"framework": framework, "area": area, "devices": devices, "data": data}


def competence_json(competence: Competence) -> dict:
    return {
        "code": competence.code,
        "area": competence.area.code,
        "name": competence.name,
        "name_en": competence.name_en,
        "framework": competence.area.framework.code,
    }


def standard(course, *, number=1, frozen_at=None, min_gain=10, pass_percent=60):
    """A frozen standard of the course: W1 (4.2, level 4), U1 (4.1, level 3), K1 (no competence)."""
    reference = digcomp()
    audience, _created = Audience.objects.get_or_create(
        key="urzednicy", defaults={"name": "urzędnicy samorządowi"}
    )
    # The page's through table directly: a parental relation is saved with the page.
    type(course).audiences.through.objects.get_or_create(coursepage=course, audience=audience)
    content = {
        "framework": {"code": reference["framework"].code, "name": reference["framework"].name},
        "outcomes": [
            {
                "code": "W1",
                "kind": "knowledge",
                "text": "Zna zasady ochrony danych osobowych",
                "competence": competence_json(reference["data"]),
                "target_level": 4,
                "pass_percent": pass_percent,
            },
            {
                "code": "U1",
                "kind": "skills",
                "text": "Potrafi zablokować ekran",
                "competence": competence_json(reference["devices"]),
                "target_level": 3,
                "pass_percent": pass_percent,
            },
            {
                "code": "K1",
                "kind": "social",
                "text": "Dba o dane mieszkańców",
                "competence": None,
                "target_level": None,
                "pass_percent": 50,
            },
        ],
        "min_gain": min_gain,
        "pre_test": {"optional": True, "questions": []},
        "post_test": {"questions": []},
    }
    return CompetenceStandard.objects.create(
        course=course, number=number, frozen_at=frozen_at or timezone.now(), content=content
    )


def assessment(
    user,
    course,
    version: CompetenceStandard,
    *,
    before: int | None = 40,
    after: int = 80,
    gained: bool = True,
    assessed_at: datetime | None = None,
    enrolment: Enrolment | None = None,
):
    """An enrolment (unless given) graded against `version`, with its attempts."""
    enrolment = enrolment or Enrolment.objects.create(user=user, course=course, method="self")
    assessed_at = assessed_at or timezone.now()
    results = {
        "outcomes": [
            {"code": "W1", "before": before, "after": after, "criterion": 60, "met": after >= 60},
            {"code": "U1", "before": before, "after": 50, "criterion": 60, "met": False},
            {"code": "K1", "before": None, "after": 100, "criterion": 50, "met": True},
        ],
        "competences": [
            {
                "code": "4.2",
                "name": "Ochrona danych osobowych i prywatności",
                "framework": "digcomp-2-2",
                "target_level": 4,
                "before": 2,
                "after": 4,
            }
        ],
        "score_before": before,
        "score_after": after,
        "gain": None if before is None else after - before,
    }
    record = CompetenceAssessment.objects.create(
        enrolment=enrolment,
        standard=version,
        started_at=assessed_at,
        pre_test_skipped_at=assessed_at if before is None else None,
        assessed_at=assessed_at,
        gained=gained,
        results=results,
    )
    if before is not None:
        CompetenceAttempt.objects.create(
            assessment=record, kind="pre", number=1, answers={}, score=before,
            submitted_at=assessed_at,
        )  # fmt: skip
    CompetenceAttempt.objects.create(
        assessment=record, kind="post", number=1, answers={}, score=after, submitted_at=assessed_at
    )
    return record
