"""The course editor's competence panels, posted as the course's trainer:
alignments and tests are saved with the page, and what does not fit the
outcomes or the framework is refused on its field in Polish. The reference
data's admin is for administrators only."""

import json

import pytest
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    streamfield,
)

from accounts import roles
from courses.models import CompetenceTest, OutcomeAlignment, ProficiencyLevel
from tests import factories
from tests.courses.competences import factories as comp

pytestmark = pytest.mark.django_db


def option(text, correct):
    return {"value": {"text": text, "correct": "on" if correct else "", "feedback": ""}}


def items(values):
    data = {str(i): {"deleted": "", "order": str(i), "id": "", **v} for i, v in enumerate(values)}
    data["count"] = str(len(values))
    return data


def question(outcome):
    return (
        "question",
        {
            "outcome": outcome,
            "text": "Co chroni laptop?",
            "kind": "single",
            "options": items([option("Szyfrowanie", True), option("Tapeta", False)]),
        },
    )


def self_assessment(outcome, level):
    return (
        "self_assessment",
        {
            "outcome": outcome,
            "statements": items([{"value": {"text": "Potrafię zablokować ekran", "level": level}}]),
        },
    )


def alignment(outcome, competence, level="", percent="60"):
    return {
        "outcome": outcome,
        "competence": str(competence.pk),
        "target_level": str(level),
        "pass_percent": percent,
    }


def competence_test(kind, blocks, optional=False):
    return {
        "kind": kind,
        "optional": "on" if optional else "",
        "min_gain": "0",
        "questions": streamfield(blocks),
    }


def post_edit(client, course, alignments, tests, publish=True):
    url = f"/admin/pages/{course.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data = {key: data.getlist(key) for key in data if "__prefix__" not in key}
    data.update(
        nested_form_data(
            {
                "outcome_alignments": inline_formset(alignments),
                "competence_tests": inline_formset(tests),
            }
        )
    )
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(url, data)


def _messages(error) -> object:
    return error.as_json_data() if hasattr(error, "as_json_data") else error.messages


def errors_of(response, relation):
    """{field: its messages as text} of each child form of the relation."""
    return [
        {
            field: json.dumps([_messages(e) for e in errors.as_data()], ensure_ascii=False)
            for field, errors in form.errors.items()
        }
        for form in response.context["form"].formsets[relation].forms
    ]


@pytest.fixture
def trainer(client, trainer_course):
    client.force_login(trainer_course["trainer"])
    return client


def test_trainer_aligns_outcomes_and_adds_both_tests(trainer, trainer_course):
    course = trainer_course["course"]
    page = trainer.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert "Kompetencje" in page and "<strong>W1</strong>: Zna zasady pracy zdalnej" in page
    response = post_edit(
        trainer,
        course,
        [alignment("W1", comp.competence("4.1"), 3), alignment("u1", comp.competence("4.2"))],
        [
            competence_test("pre", [question("W1")], optional=True),
            competence_test("post", [question("W1"), self_assessment("U1", 2)]),
        ],
    )
    assert response.status_code == 302, errors_of(response, "competence_tests")
    assert sorted(OutcomeAlignment.objects.values_list("outcome", flat=True)) == ["U1", "W1"]
    post = CompetenceTest.objects.get(course=course, kind="post")
    assert [block.block_type for block in post.questions] == ["question", "self_assessment"]
    assert CompetenceTest.objects.get(course=course, kind="pre").optional


def test_what_does_not_fit_is_refused_on_its_field(trainer, trainer_course):
    course = trainer_course["course"]
    response = post_edit(
        trainer,
        course,
        [
            alignment("W9", comp.competence("4.1")),
            alignment("W1", comp.competence("4.1"), 9),
            alignment("W1", comp.competence("4.2", "digcomp-3-0")),
            {**alignment("U1", comp.competence("4.1")), "competence": "", "target_level": "2"},
        ],
        [
            competence_test("post", [question("K1"), self_assessment("W1", 12)]),
            competence_test("post", [question("W1")]),
        ],
    )
    assert response.status_code == 200
    alignments = errors_of(response, "outcome_alignments")
    assert (
        "Nie ma efektu uczenia się W9. Efekty tego szkolenia to: W1, W2, U1, K1."
        in (alignments[0]["outcome"])
    )
    assert "Ramy DigComp 2.2 nie mają poziomu biegłości 9." in alignments[1]["target_level"]
    assert "Efekt W1 jest powiązany dwukrotnie" in alignments[2]["outcome"]
    assert "muszą pochodzić z jednych ram (tutaj: DigComp 2.2)" in alignments[2]["competence"]
    assert "Poziom docelowy wymaga wybrania kompetencji." in alignments[3]["target_level"]
    tests = errors_of(response, "competence_tests")
    assert "Efekt K1 nie jest powiązany" in tests[0]["questions"]
    assert "Ramy DigComp 2.2 nie mają poziomu biegłości 12." in tests[0]["questions"]
    assert "najwyżej jeden test wstępny i jeden test końcowy" in tests[1]["kind"]
    assert not OutcomeAlignment.objects.exists() and not CompetenceTest.objects.exists()


def test_a_post_test_needs_an_aligned_outcome(trainer, trainer_course):
    response = post_edit(
        trainer, trainer_course["course"], [], [competence_test("post", [question("W1")])]
    )
    assert response.status_code == 200
    tests = errors_of(response, "competence_tests")
    assert "Test końcowy wymaga co najmniej jednego powiązanego efektu" in tests[0]["kind"]
    assert not CompetenceTest.objects.exists()


def test_only_administrators_edit_the_reference_data(client, trainer_course, coordinator_county):
    urls = ["/admin/competences/frameworks/", "/admin/competences/areas/"]
    for user in (trainer_course["trainer"], coordinator_county):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 302, (user, url)
        assert "Kompetencje cyfrowe" not in client.get("/admin/").content.decode()
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="admin@example.org")
    client.force_login(admin)
    assert "Kompetencje cyfrowe" in client.get("/admin/").content.decode()
    frameworks = client.get(urls[0]).content.decode()
    assert "DigComp 2.2" in frameworks and "DigComp 3.0" in frameworks
    assert (
        "Bezpieczeństwo, dobrostan i odpowiedzialne korzystanie"
        in client.get(urls[1]).content.decode()
    )
    level = ProficiencyLevel.objects.get(framework__code="digcomp-3-0", number=4)
    edit = client.get(f"/admin/competences/frameworks/edit/{level.framework_id}/")
    assert edit.status_code == 200 and "Bardzo zaawansowany" in edit.content.decode()
    for url in urls:
        assert client.get(f"{url}new/").status_code == 200
    created = client.post(
        f"{urls[0]}new/",
        nested_form_data(
            {
                "code": "digcomp-edu",
                "year": "2017",
                "name": "DigCompEdu",
                "name_en": "DigCompEdu",
                "levels": inline_formset(
                    [{"number": "1", "name": "Nowicjusz", "name_en": "Newcomer"}], min=1
                ),
            }
        ),
    )
    assert created.status_code == 302
    assert ProficiencyLevel.objects.get(framework__code="digcomp-edu").name == "Nowicjusz"
