"""After a load or fault run: compare what the clients were told (the ledger
written by `loadtest/locustfile.py` and `loadtest/seed.py`) with what the
database holds. Nothing acknowledged may be missing, nothing may be counted
twice; a write that failed without an answer may or may not have landed.

- heartbeats: per learner and lesson, the credited seconds acknowledged <=
  the effective time stored <= that plus one interval per unanswered beat;
- quiz attempts: acknowledged <= stored <= acknowledged + unanswered, and the
  attempts are numbered 1..n without a gap or a repeat;
- lessons marked done and H5P results acknowledged are stored (H5P best
  score at least what the client was told);
- certificates: every completed enrolment of the run's learners has exactly
  one, none has two, the numbers of the register have no gap or repeat, and
  every PDF a learner downloaded is theirs and valid;
- certificate PDFs: once the worker's queue is empty, every certificate has
  its PDF kept in private storage, and the storage holds exactly one file
  per certificate (no copy left behind by a retried or racing render);
- failed requests only while a fault was being injected (`--windows`).

Usage (Django settings and DATABASE_URL from the environment):
    python loadtest/verify.py LEDGER SEED_JSON [--windows '[[start, end], ...]']
Prints a JSON report; exits 1 if a check fails.
"""

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ANSWERED = {200, 302, 400, 403, 404, 409, 413, 429}  # the server said what it did


def read_ledger(path: Path) -> dict[str, list[dict]]:
    entries = defaultdict(list)
    for line in path.read_text().splitlines():
        if line.strip():
            entry = json.loads(line)
            entries[entry["kind"]].append(entry)
    return entries


def check(name: str, problems: list[str], **figures) -> dict:
    return {"check": name, "ok": not problems, "problems": problems[:20], **figures}


def heartbeats(entries, users) -> dict:
    from django.conf import settings

    from courses.models import LessonProgress

    told, unanswered = Counter(), Counter()
    for entry in entries:
        key = (entry["user"], entry["lesson"])
        if entry["status"] == 200:
            told[key] += entry["credited"]
        elif entry["status"] not in ANSWERED:
            unanswered[key] += 1
    stored = {
        (email, lesson): seconds
        for email, lesson, seconds in LessonProgress.objects.filter(
            user__email__in=users
        ).values_list("user__email", "lesson_id", "effective_seconds")
    }
    problems = []
    for key in set(told) | set(unanswered):
        low, high = told[key], told[key] + unanswered[key] * settings.HEARTBEAT_SECONDS
        if not low <= stored.get(key, 0) <= high:
            problems.append(f"{key}: told {low} s, stored {stored.get(key, 0)} s, at most {high}")
    return check(
        "heartbeat time", problems, beats=len(entries), told_seconds=sum(told.values()),
        stored_seconds=sum(stored.get(key, 0) for key in told), unanswered=sum(unanswered.values()),
    )  # fmt: skip


def quiz_attempts(entries, users) -> dict:
    from courses.models import QuizAttempt

    told, unanswered = Counter(), Counter()
    for entry in entries:
        key = (entry["user"], entry["lesson"], entry["quiz"])
        if entry["ack"]:
            told[key] += 1
        elif entry["status"] not in ANSWERED:
            unanswered[key] += 1
    numbers = defaultdict(list)
    for email, lesson, quiz, number in QuizAttempt.objects.filter(
        user__email__in=users
    ).values_list("user__email", "lesson_id", "quiz_id", "number"):
        numbers[(email, lesson, quiz)].append(number)
    problems = []
    for key in set(told) | set(unanswered) | set(numbers):
        stored = sorted(numbers.get(key, []))
        if stored != list(range(1, len(stored) + 1)):
            problems.append(f"{key}: attempt numbers {stored}")
        if not told[key] <= len(stored) <= told[key] + unanswered[key]:
            problems.append(f"{key}: told {told[key]}, stored {len(stored)}")
    return check(
        "quiz attempts", problems, acknowledged=sum(told.values()),
        stored=sum(len(found) for found in numbers.values()), unanswered=sum(unanswered.values()),
    )  # fmt: skip


def lessons_done(entries, users) -> dict:
    from courses.models import LessonProgress

    completed = set(
        LessonProgress.objects.filter(
            user__email__in=users, status=LessonProgress.Status.COMPLETED
        ).values_list("user__email", "lesson_id")
    )
    told = {(entry["user"], entry["lesson"]) for entry in entries if entry["ack"]}
    problems = [f"{key}: acknowledged as done, not completed" for key in told - completed]
    return check("lessons marked done", problems, acknowledged=len(told))


def h5p_results(entries, users) -> dict:
    from courses.models import H5PResult

    best = {
        (email, lesson, activity): score
        for email, lesson, activity, score in H5PResult.objects.filter(
            user__email__in=users
        ).values_list("user__email", "lesson_id", "activity_id", "best_score")
    }
    problems = []
    told = 0
    for entry in entries:
        if entry["status"] == 200 and entry["score"] is not None:
            told += 1
            key = (entry["user"], entry["lesson"], entry["activity"])
            if (best.get(key) or 0) < entry["score"]:
                problems.append(f"{key}: told {entry['score']}, stored {best.get(key)}")
    return check("H5P results", problems, acknowledged=told)


def certificates(entries, users) -> dict:
    from courses.models import Certificate, Enrolment

    problems = []
    per_enrolment = Counter(
        Certificate.objects.filter(user__email__in=users).values_list("enrolment_id", flat=True)
    )
    completed = set(
        Enrolment.objects.filter(user__email__in=users, completed_at__isnull=False).values_list(
            "pk", flat=True
        )
    )
    problems += [f"enrolment {pk}: {count} certificates" for pk, count in per_enrolment.items()
                 if count > 1]  # fmt: skip
    problems += [
        f"enrolment {pk}: completed, no certificate" for pk in completed - set(per_enrolment)
    ]
    for key, numbers in _register_numbers().items():
        if numbers != list(range(1, len(numbers) + 1)):
            problems.append(f"register {key}: numbers are not 1..{len(numbers)}")
    owners = dict(Certificate.objects.values_list("pk", "user__email"))
    valid = set(
        Certificate.objects.filter(status=Certificate.Status.VALID).values_list("pk", flat=True)
    )
    downloaded = [entry for entry in entries if entry["ok"]]
    for entry in downloaded:
        if owners.get(entry["certificate"]) != entry["user"] or entry["certificate"] not in valid:
            problems.append(f"certificate {entry['certificate']} downloaded by {entry['user']}")
    return check(
        "certificates", problems, completed_enrolments=len(completed),
        issued=sum(per_enrolment.values()), downloaded=len(downloaded),
    )  # fmt: skip


def certificate_files() -> dict:
    from django.core.files.storage import storages

    from courses.models import Certificate

    kept = dict(Certificate.objects.values_list("pk", "pdf"))
    problems = [f"certificate {pk}: no PDF kept" for pk, name in kept.items() if not name]
    _folders, names = storages["private"].listdir("certificates")
    stored = {f"certificates/{name}" for name in names}
    problems += [f"{name}: stored, no certificate's PDF" for name in stored - set(kept.values())]
    problems += [f"{name}: kept, not stored" for name in set(kept.values()) - stored - {""}]
    return check("certificate PDFs kept once", problems, certificates=len(kept), files=len(stored))


def _register_numbers() -> dict[str, list[int]]:
    from courses.models import Certificate

    numbers = defaultdict(list)
    for key, number in Certificate.objects.values_list("sequence_key", "sequence_number"):
        numbers[key].append(number)
    return {key: sorted(found) for key, found in numbers.items()}


def failures(entries, windows: list[list[float]]) -> dict:
    """Failed requests whose time in flight overlapped no fault window."""
    outside = [
        entry for entry in entries
        if not any(entry.get("started", entry["at"]) <= end and start <= entry["at"]
                   for start, end in windows)
    ]  # fmt: skip
    problems = [f"{entry['name']}: {entry['status']} {entry['error']}" for entry in outside]
    return check("failures only during faults", problems, failed=len(entries), outside=len(outside))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger", type=Path)
    parser.add_argument("seed", type=Path)
    parser.add_argument("--windows", default="[]", help="JSON list of [start, end] epoch seconds")
    options = parser.parse_args()

    import django

    django.setup()
    entries = read_ledger(options.ledger)
    users = json.loads(options.seed.read_text())["learners"]
    report = [
        heartbeats(entries["heartbeat"], users),
        quiz_attempts(entries["quiz"], users),
        lessons_done(entries["done"], users),
        h5p_results(entries["h5p"], users),
        certificates(entries["certificate"], users),
        certificate_files(),
        failures(entries["failure"], json.loads(options.windows)),
    ]
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    sys.exit(0 if all(item["ok"] for item in report) else 1)


if __name__ == "__main__":
    main()
