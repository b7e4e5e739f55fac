"""Reading a learner's quiz answers and grading them: pure functions over a
quiz block value, so the score is always computed here, never taken from the
browser. Question and option ids are the stable ids of the block's list items.
Reading and grading take the questions as `questions(quiz)` lists them,
[(question id, value, [(option id, option)])], so the competence tests grade
their frozen JSON questions (plain dicts) with the same code.

Scoring: single choice and true/false give 1 for the correct option; multiple
choice gives (correct chosen - wrong chosen) / all correct, never below 0.
The quiz score is the mean over questions, in whole percent."""

import random
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from lms.errors import ServiceError

UNKNOWN_QUESTION = _("The answers do not match this quiz. Reload the page and try again.")
MISSING_ANSWER = _("Answer every question before submitting.")
ONE_ANSWER_ONLY = _("Choose only one answer in a single-choice question.")

FIELD_PREFIX = "q-"


class QuizInputError(ServiceError):
    """Posted answers that do not fit the quiz."""


@dataclass
class OptionView:
    id: str
    text: str
    correct: bool
    feedback: str
    chosen: bool = False


@dataclass
class QuestionResult:
    id: str
    text: str
    kind: str
    score: float
    options: list[OptionView] = field(default_factory=list)

    @property
    def is_correct(self) -> bool:
        return self.score >= 1


def questions(quiz) -> list[tuple[str, dict, list[tuple[str, dict]]]]:
    """(question id, question value, [(option id, option value)]) in authored order."""
    return [
        (
            question.id,
            question.value,
            [(option.id, option.value) for option in question.value["options"].bound_blocks],
        )
        for question in quiz["questions"].bound_blocks
    ]


def attempts_left(quiz, used: int) -> int | None:
    """How many more attempts the quiz allows after `used` of them; None when
    it sets no limit. The one attempt-limit rule: the lesson page shows it and
    the attempt service refuses by it."""
    limit = quiz["max_attempts"]
    return max(0, limit - used) if limit else None


def may_attempt(quiz, used: int) -> bool:
    """Whether the learner may submit another attempt after `used` of them."""
    return attempts_left(quiz, used) != 0


def read_answers(items, data) -> dict[str, list[str]]:
    """Check a posted form (a QueryDict) against the questions and return
    {question id: [option ids]}; anything that does not fit is refused."""
    known = {qid: (value["kind"], {oid for oid, _ in opts}) for qid, value, opts in items}
    posted_questions = {key[len(FIELD_PREFIX) :] for key in data if key.startswith(FIELD_PREFIX)}
    if not posted_questions <= set(known):
        raise QuizInputError(UNKNOWN_QUESTION)
    answers = {}
    for qid, (kind, option_ids) in known.items():
        chosen = [value for value in data.getlist(FIELD_PREFIX + qid) if value]
        if not chosen:
            raise QuizInputError(MISSING_ANSWER)
        if not set(chosen) <= option_ids:
            raise QuizInputError(UNKNOWN_QUESTION)
        if kind != "multiple" and len(chosen) > 1:
            raise QuizInputError(ONE_ANSWER_ONLY)
        answers[qid] = sorted(set(chosen))
    return answers


def grade(items, answers: dict[str, list[str]]) -> tuple[int, list[QuestionResult]]:
    """The score in percent and per-question results with feedback."""
    results = []
    for qid, value, options in items:
        chosen = set(answers.get(qid, []))
        views = [
            OptionView(oid, o["text"], bool(o["correct"]), o["feedback"], oid in chosen)
            for oid, o in options
        ]
        correct_ids = {view.id for view in views if view.correct}
        if value["kind"] == "multiple":
            right = len(chosen & correct_ids)
            wrong = len(chosen - correct_ids)
            score = max(0.0, (right - wrong) / len(correct_ids)) if correct_ids else 0.0
        else:
            score = 1.0 if chosen == correct_ids else 0.0
        results.append(QuestionResult(qid, value["text"], value["kind"], score, views))
    percent = round(100 * sum(r.score for r in results) / len(results)) if results else 0
    return percent, results


def shuffled_options(quiz, *, seed: str) -> list[tuple[str, dict, list[tuple[str, dict]]]]:
    """Questions with options in a stable shuffled order for one learner and attempt."""
    rng = random.Random(seed)
    shuffled = []
    for qid, value, options in questions(quiz):
        options = list(options)
        if quiz["shuffle"]:
            rng.shuffle(options)
        shuffled.append((qid, value, options))
    return shuffled
