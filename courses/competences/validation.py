"""The checks of the course page form for its competence part: the outcome
alignments and the pre-/post-test. The catalogue's form may not import
this package, so it runs the checks of courses.catalogue.form_checks,
filled in courses/apps.py. Errors go on the fields the author must change,
in Polish, and the page is not saved."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import (
    ListBlockValidationError,
    StreamBlockValidationError,
    StructBlockValidationError,
)

from courses.models import CompetenceTest, CoursePage, ProficiencyLevel

UNKNOWN_OUTCOME = _("There is no learning outcome %(code)s. The course's outcomes are: %(codes)s.")
ONE_FRAMEWORK = _("All competences of a course must come from one framework (here: %(framework)s).")
UNKNOWN_LEVEL = _("The framework %(framework)s has no proficiency level %(level)s.")
DUPLICATE_OUTCOME = _("Outcome %(value)s is aligned twice: align each outcome once.")
ONE_TEST_OF_EACH_KIND = _("A course has at most one pre-test and one post-test.")
LEVEL_NEEDS_COMPETENCE = _("Choose a competence for a target level.")
POST_TEST_NEEDS_ALIGNMENT = _(
    "A post-test needs at least one aligned learning outcome with its pass criterion."
)
OUTCOME_NOT_ALIGNED = _(
    "Outcome %(code)s is not aligned: align it under the learning outcomes first "
    "(aligned: %(codes)s)."
)
STATEMENT_NEEDS_FRAMEWORK = _(
    "Statements' levels are levels of a framework: choose a competence for an outcome first."
)


def _live_forms(formset, unique_field: str, duplicate_message):
    formset.is_valid()  # cleans the child forms, so errors can be added to them
    for form in formset.forms:
        # The formset's unique check took the field out of a repeated form
        # with a general message; say on the field what is repeated.
        if (
            hasattr(form, "cleaned_data")
            and unique_field not in form.cleaned_data
            and unique_field not in form.errors
            and form[unique_field].value()
        ):
            form.add_error(unique_field, duplicate_message % {"value": form[unique_field].value()})
    return [
        form
        for form in formset.forms
        if form.is_bound
        and hasattr(form, "cleaned_data")
        and (form.has_changed() or form.instance.pk)
        and not form.cleaned_data.get("DELETE")
    ]


def course_form_check(form, cleaned_data: dict) -> None:
    """Check the alignments and the tests against the outcomes being saved
    (a check of courses.catalogue.form_checks)."""
    alignments = form.formsets.get("outcome_alignments")
    tests = form.formsets.get("competence_tests")
    if alignments is None or tests is None:
        return
    outcomes = CoursePage(
        outcomes_knowledge=cleaned_data.get("outcomes_knowledge") or "",
        outcomes_skills=cleaned_data.get("outcomes_skills") or "",
        outcomes_social=cleaned_data.get("outcomes_social") or "",
    ).numbered_outcomes()
    symbols = [code for code, _kind, _text in outcomes]
    aligned, framework, levels = _check_alignments(
        _live_forms(alignments, "outcome", DUPLICATE_OUTCOME), symbols
    )
    _check_tests(_live_forms(tests, "kind", ONE_TEST_OF_EACH_KIND), aligned, framework, levels)


def _check_alignments(forms, symbols):
    aligned: set[str] = set()
    framework = None
    for child in forms:
        code = (child.cleaned_data.get("outcome") or "").strip().upper()
        if code:
            child.cleaned_data["outcome"] = child.instance.outcome = code  # "u1" is U1
            if code not in symbols:
                child.add_error(
                    "outcome",
                    UNKNOWN_OUTCOME % {"code": code, "codes": ", ".join(symbols) or "–"},
                )
            else:
                aligned.add(code)
        competence = child.cleaned_data.get("competence")
        if competence is not None:
            if framework is None:
                framework = competence.area.framework
            elif competence.area.framework_id != framework.pk:
                child.add_error("competence", ONE_FRAMEWORK % {"framework": framework.name})
    levels = (
        set(ProficiencyLevel.objects.filter(framework=framework).values_list("number", flat=True))
        if framework
        else set()
    )
    for child in forms:
        level = child.cleaned_data.get("target_level")
        if level is None:
            continue
        if child.cleaned_data.get("competence") is None:
            child.add_error("target_level", LEVEL_NEEDS_COMPETENCE)
        elif framework and level not in levels:
            child.add_error(
                "target_level", UNKNOWN_LEVEL % {"framework": framework.name, "level": level}
            )
    return aligned, framework, levels


def _check_tests(forms, aligned, framework, levels):
    for child in forms:
        kind = child.cleaned_data.get("kind")
        if kind == CompetenceTest.Kind.POST and not aligned:
            child.add_error("kind", POST_TEST_NEEDS_ALIGNMENT)
        questions = child.cleaned_data.get("questions")
        if questions is None:
            continue
        errors = {}
        for index, block in enumerate(questions):
            error = _block_error(block, aligned, framework, levels)
            if error:
                errors[index] = error
        if errors:
            child.add_error("questions", StreamBlockValidationError(block_errors=errors))


def _block_error(block, aligned, framework, levels):
    """The error of one test block, placed on its outcome or statement level."""
    block_errors = {}
    code = (block.value["outcome"] or "").strip().upper()
    if code not in aligned:
        block_errors["outcome"] = ValidationError(
            OUTCOME_NOT_ALIGNED % {"code": code, "codes": ", ".join(sorted(aligned)) or "–"}
        )
    if block.block_type == "self_assessment":
        statement_errors = {}
        for index, statement in enumerate(block.value["statements"]):
            if framework is None:
                message = STATEMENT_NEEDS_FRAMEWORK
            elif statement["level"] not in levels:
                message = UNKNOWN_LEVEL % {"framework": framework.name, "level": statement["level"]}
            else:
                continue
            statement_errors[index] = StructBlockValidationError(
                block_errors={"level": ValidationError(message)}
            )
        if statement_errors:
            block_errors["statements"] = ListBlockValidationError(block_errors=statement_errors)
    return StructBlockValidationError(block_errors=block_errors) if block_errors else None
