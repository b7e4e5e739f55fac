"""A course measured for competence gain: outcomes W1 and U1 aligned with
DigComp 2.2 4.1 and 4.2 (loaded by the data migration), a pre-test and a
post-test with the same questions (ids prefixed "pre-" and "post-"), each a
single-choice question on W1, a multiple-choice question and a
self-assessment on U1."""

from django.http import QueryDict

from courses.competences import services
from courses.competences.blocks import CompetenceTestBlock
from courses.models import Competence, CompetenceTest, Enrolment, OutcomeAlignment
from tests import factories


def competence(code: str, framework: str = "digcomp-2-2") -> Competence:
    return Competence.objects.get(area__framework__code=framework, code=code)


def questions_raw(prefix: str) -> list[dict]:
    def option(oid, text, correct):
        return {
            "type": "item",
            "id": f"{prefix}-{oid}",
            "value": {"text": text, "correct": correct, "feedback": ""},
        }

    def statement(sid, text, level):
        return {"type": "item", "id": f"{prefix}-{sid}", "value": {"text": text, "level": level}}

    return [
        {
            "type": "question",
            "id": f"{prefix}-q1",
            "value": {
                "outcome": "W1",
                "kind": "single",
                "text": "Co chroni laptop poza biurem?",
                "options": [
                    option("a", "Szyfrowanie dysku", True),
                    option("b", "Tapeta z logo urzędu", False),
                ],
            },
        },
        {
            "type": "question",
            "id": f"{prefix}-q2",
            "value": {
                "outcome": "U1",
                "kind": "multiple",
                "text": "Jak zablokować ekran?",
                "options": [
                    option("c", "Win+L", True),
                    option("d", "Zamknąć pokrywę", True),
                    option("e", "Ściszyć dźwięk", False),
                ],
            },
        },
        {
            "type": "self_assessment",
            "id": f"{prefix}-sa",
            "value": {
                "outcome": "U1",
                "statements": [
                    statement("s1", "Potrafię zablokować ekran", 1),
                    statement("s2", "Potrafię ustawić automatyczną blokadę", 2),
                    statement("s3", "Potrafię pokazać innym, jak to zrobić", 3),
                ],
            },
        },
    ]


def add_test(course, kind, **fields):
    return CompetenceTest.objects.create(
        course=course,
        kind=kind,
        questions=CompetenceTestBlock().to_python(questions_raw(kind)),
        **fields,
    )


def measured_course(catalogue, lessons=1, *, pre=True, optional=False, min_gain=0, **fields):
    course, lesson_pages = factories.course_with_lessons(catalogue, lessons, **fields)
    OutcomeAlignment.objects.create(
        course=course, outcome="W1", competence=competence("4.1"), target_level=3, pass_percent=60
    )
    OutcomeAlignment.objects.create(
        course=course, outcome="U1", competence=competence("4.2"), target_level=4, pass_percent=50
    )
    if pre:
        add_test(course, "pre", optional=optional)
    add_test(course, "post", min_gain=min_gain)
    return course, lesson_pages


def enrol(user, course) -> Enrolment:
    return Enrolment.objects.create(user=user, course=course, method="self")


def answers(kind, *, q1="b", q2=("e",), ticked=()) -> dict:
    """Form data for a test: q1's option, q2's options, ticked statements."""
    data = {f"q-{kind}-q1": f"{kind}-{q1}", f"q-{kind}-q2": [f"{kind}-{o}" for o in q2]}
    data.update({f"s-{kind}-{sid}": "1" for sid in ticked})
    return data


ALL_RIGHT = {"q1": "a", "q2": ("c", "d"), "ticked": ("s1", "s2", "s3")}


def form(data: dict) -> QueryDict:
    """Form data as a view receives it (lists become repeated fields)."""
    posted = QueryDict(mutable=True)
    for key, value in data.items():
        posted.setlist(key, list(value) if isinstance(value, list | tuple) else [value])
    return posted


def submit(*, enrolment, kind, data):
    """The service as the test page's POST calls it."""
    return services.competence_attempt_submit(enrolment=enrolment, kind=kind, data=form(data))
