"""A county's working day for locust: officials and teachers learning from
home, and coordinators at their reports (`loadtest/scale_test.py` runs it).

Learners log in through the real login form (and accept the RODO clause on
their first visit), open "my courses", continue where they left off, stay
on the lesson sending heartbeats as the page's script does, answer its quiz,
post the H5P result, mark it done, and download the certificates they have.
Coordinators open the attendance report and export it as CSV and XLSX.

Every write the server acknowledged (or that failed without an answer) goes
to a ledger, one JSON line each, so that `loadtest/verify.py` can compare
what the clients were told with what the database holds.

Environment: LOAD_SEED (the seed's JSON summary), LOAD_PASSWORD,
LOAD_LEDGER (the ledger to append to), LOAD_COORDINATOR and
LOAD_COORDINATOR_PASSWORD.
"""

import itertools
import json
import os
import random
import re
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from gevent import sleep
from locust import FastHttpUser, between, events, task

SEED = json.loads(Path(os.environ["LOAD_SEED"]).read_text())
PASSWORD = os.environ["LOAD_PASSWORD"]
COORDINATOR = os.environ.get("LOAD_COORDINATOR", "coordinator@example.org")
COORDINATOR_PASSWORD = os.environ.get("LOAD_COORDINATOR_PASSWORD", PASSWORD)
_ledger = open(os.environ["LOAD_LEDGER"], "a", buffering=1)  # noqa: SIM115 - for the whole run
_learners = itertools.cycle(SEED["learners"])

ERRORS = re.compile(r'class="[^"]*(?:errorlist|alert|error)[^"]*"[^>]*>(.*?)</', re.S)
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HEARTBEAT = re.compile(
    r'data-heartbeat data-url="([^"]+)" data-visit="([^"]+)" data-interval="(\d+)"'
)
DONE_FORM = re.compile(r'action="(/courses/lessons/\d+/done/)"')
QUIZ_FORM = re.compile(
    r'<form method="post" action="(/courses/lessons/\d+/quiz/([^/"]+)/)">(.*?)</form>', re.S
)
QUIZ_INPUT = re.compile(r'type="(radio|checkbox)" name="(q-[^"]+)" value="([^"]+)"')
H5P_XAPI = re.compile(r"(/courses/lessons/(\d+)/h5p/([\w-]+)/xapi/)")
CONTINUE = re.compile(r'<a class="button" href="([^"]+)">')
CERTIFICATE = re.compile(r'href="(/certificates/(\d+)/pdf/)"')
ADL = "http://adlnet.gov/expapi/verbs/"


def record(kind: str, **entry) -> None:
    """One line of the ledger: what a client sent and what it was told."""
    _ledger.write(json.dumps({"kind": kind, "at": time.time(), **entry}) + "\n")


@contextmanager
def recorded(kind: str, **entry):
    """Record a write once its answer is known (the caller fills `entry`).
    Locust stops a user at the end of a run (after its stop timeout) inside
    whatever request it is waiting for: the server may have stored that
    write, so it is recorded as sent without an answer (status 0)."""
    entry = {"status": 0, **entry}
    try:
        yield entry
    finally:
        record(kind, **entry)


@events.request.add_listener
def _failure_times(name, exception, response, response_time=0, **_kwargs):
    """Failed requests with the span they were in flight (from their start to
    their answer), to check that each overlapped a fault."""
    if exception is not None:
        status = getattr(response, "status_code", None)
        started = time.time() - (response_time or 0) / 1000
        record("failure", name=name, status=status, error=str(exception)[:200], started=started)


class Visitor(FastHttpUser):
    """What learners and coordinators share: the login and CSRF handling."""

    abstract = True
    insecure = True  # the loopback balancer's certificate is made by the scale test

    def post_form(self, path: str, data: dict, name: str, referer: str):
        return self.client.post(
            path, data=data, name=name, allow_redirects=False,
            headers={"Referer": self.host + referer, "X-CSRFToken": self.csrf()},
        )  # fmt: skip

    def csrf(self) -> str:
        """The CSRF cookie's value, as the pages' scripts send it."""
        return next((c.value for c in self.client.cookiejar if c.name == "csrftoken"), "")

    def log_in(self, email: str, password: str) -> bool:
        page = self.client.get("/accounts/login/", name="login form")
        token = CSRF_INPUT.search(page.text or "")
        if token is None:
            return False
        with self.client.post(
            "/accounts/login/", name="login", allow_redirects=False, catch_response=True,
            data={"csrfmiddlewaretoken": token.group(1), "login": email, "password": password},
            headers={"Referer": self.host + "/accounts/login/"},
        ) as response:  # fmt: skip
            if response.status_code != 302:
                said = ERRORS.search(response.text or "")
                reason = re.sub(r"<[^>]+>|\s+", " ", said.group(1)).strip() if said else ""
                response.failure(f"login refused for {email}: {response.status_code} {reason}")
                return False
        privacy = self.client.get("/my-courses/", name="my courses", allow_redirects=False)
        location = privacy.headers.get("Location", "") if privacy.status_code == 302 else ""
        if "/accounts/privacy/" in location:
            form = self.client.get(location, name="privacy clause")
            token = CSRF_INPUT.search(form.text or "")
            self.post_form(
                "/accounts/privacy/", {"csrfmiddlewaretoken": token.group(1) if token else ""},
                name="privacy acknowledgement", referer="/accounts/privacy/",
            )  # fmt: skip
        return True


class Learner(Visitor):
    """An official or teacher taking their courses from home."""

    weight = 100
    wait_time = between(2, 6)

    def on_start(self):
        self.email = next(_learners)
        self.downloaded: set[str] = set()
        self.logged_in = self.log_in(self.email, PASSWORD)

    @task
    def study(self):
        if not self.logged_in:
            self.logged_in = self.log_in(self.email, PASSWORD)
            return
        courses = self.client.get("/my-courses/", name="my courses")
        next_lessons = CONTINUE.findall(courses.text or "")
        if random.random() < 0.25 or not next_lessons:
            self.certificates()
        if next_lessons:
            self.lesson(random.choice(next_lessons))

    def lesson(self, path: str):
        page = self.client.get(path, name="lesson page")
        html = page.text or ""
        beat = HEARTBEAT.search(html)
        if beat:
            url, visit, interval = beat.group(1), beat.group(2), int(beat.group(3))
            lesson = int(url.split("/")[3])
            for number in range(1, random.randint(2, 4)):
                sleep(interval + random.uniform(0, 1))
                self.heartbeat(url, visit, number, lesson, path)
        for action, quiz_id, form in QUIZ_FORM.findall(html):
            self.quiz(action, quiz_id, form, path)
        for xapi, lesson, activity in set(H5P_XAPI.findall(html)):
            self.h5p(xapi, int(lesson), activity, path)
        done = DONE_FORM.search(html)
        if done:
            lesson = int(done.group(1).split("/")[3])
            with recorded("done", user=self.email, lesson=lesson, ack=False) as entry:
                response = self.post_form(
                    done.group(1), {"csrfmiddlewaretoken": self.csrf()}, name="lesson done",
                    referer=path,
                )  # fmt: skip
                entry.update(status=response.status_code, ack=response.status_code == 302)

    def heartbeat(self, url: str, visit: str, number: int, lesson: int, referer: str):
        with (
            recorded("heartbeat", user=self.email, lesson=lesson, visit=visit, beat=number,
                     credited=None) as entry,
            self.client.post(
                url, data={"visit": visit, "beat": str(number)}, name="heartbeat",
                headers={"Referer": self.host + referer, "X-CSRFToken": self.csrf()},
                catch_response=True,
            ) as response,
        ):  # fmt: skip
            entry["status"] = response.status_code
            if response.status_code == 200:
                entry["credited"] = response.json()["credited"]
            elif response.status_code == 429:  # too soon after another tab's beat: refused, fine
                response.success()

    def quiz(self, action: str, quiz_id: str, form: str, referer: str):
        choices: dict[str, list[tuple[str, str]]] = {}
        for kind, field, value in QUIZ_INPUT.findall(form):
            choices.setdefault(field, []).append((kind, value))
        data = [("csrfmiddlewaretoken", self.csrf())]
        for field, options in choices.items():
            picked = random.sample(options, random.randint(1, len(options)))
            if options[0][0] == "radio":
                picked = picked[:1]
            data += [(field, value) for _kind, value in picked]
        lesson = int(action.split("/")[3])
        with recorded("quiz", user=self.email, lesson=lesson, quiz=quiz_id, ack=False) as entry:
            response = self.client.post(
                action,
                data=urlencode(data),
                name="quiz answer",
                allow_redirects=False,
                headers={
                    "Referer": self.host + referer,
                    "X-CSRFToken": self.csrf(),
                    "Content-Type": "application/x-www-form-urlencoded",
                },
            )  # fmt: skip  (a list of pairs: a checkbox question posts one field several times)
            location = response.headers.get("Location", "") if response.status_code == 302 else ""
            # A refusal asks to retry.
            entry.update(status=response.status_code,
                         ack=bool(location) and "retry=" not in location)  # fmt: skip

    def h5p(self, xapi: str, lesson: int, activity: str, referer: str):
        statement = {
            "actor": {"name": "ktoś", "mbox": "mailto:ktos@example.org"},
            "verb": {"id": f"{ADL}answered"},
            "object": {"id": f"{self.host}{xapi.removesuffix('/xapi/')}",
                       "objectType": "Activity"},
            "result": {"score": {"min": 0, "max": 1, "raw": 1}, "completion": True},
        }  # fmt: skip
        with recorded("h5p", user=self.email, lesson=lesson, activity=activity,
                      score=None) as entry:  # fmt: skip
            response = self.client.post(
                xapi, data=json.dumps(statement), name="h5p statement",
                headers={"Content-Type": "application/json", "X-CSRFToken": self.csrf(),
                         "Referer": self.host + referer},
            )  # fmt: skip
            entry["status"] = response.status_code
            if response.status_code == 200:
                entry["score"] = response.json().get("score")

    def certificates(self):
        page = self.client.get("/certificates/", name="my certificates")
        for path, pk in CERTIFICATE.findall(page.text or ""):
            if pk in self.downloaded:
                continue
            with self.client.get(path, name="certificate PDF", catch_response=True) as pdf:
                ok = pdf.status_code == 200 and (pdf.content or b"").startswith(b"%PDF")
                if not ok and pdf.status_code == 200:
                    pdf.failure("not a PDF")
            record("certificate", user=self.email, certificate=int(pk), ok=ok)
            if ok:
                self.downloaded.add(pk)


class Coordinator(Visitor):
    """A coordinator preparing the grant report."""

    fixed_count = 2
    wait_time = between(5, 15)

    def on_start(self):
        self.logged_in = self.log_in(COORDINATOR, COORDINATOR_PASSWORD)
        today = date.today()
        self.period = f"period_from={today.year}-01-01&period_to={today:%Y-%m-%d}"

    @task(3)
    def report_page(self):
        self.client.get(f"/admin/reports/attendance/?{self.period}", name="report page")

    @task(1)
    def report_csv(self):
        self.client.get(f"/admin/reports/attendance/csv/?{self.period}", name="report CSV")

    @task(1)
    def report_xlsx(self):
        self.client.get(f"/admin/reports/attendance/xlsx/?{self.period}", name="report XLSX")
