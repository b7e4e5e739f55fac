"""The scale-out topology, run for real on one machine over loopback, with a
load test and a fault test (`make scale-test`; `make scale-test-short` in CI).

Run it under `scripts/with-postgres` (a throwaway PostgreSQL 15 cluster it
may restart). It starts:

- a local S3 server (moto) with a media bucket and a private bucket;
- Redis (Debian's redis-server) as the shared cache (`CACHE_URL`);
- the demo site and the load-test accounts (`loadtest/seed.py`), with media
  uploaded to S3;
- two gunicorn instances of the production settings on two loopback ports,
  sharing the database, the cache and the buckets;
- the background worker (`manage.py run_worker`);
- nginx from Debian as a TLS load balancer in front (`loadtest/nginx.conf`).

Then, once the worker has rendered the seeded certificates' PDFs (issued
before the day, they are kept already in a real installation):

1. cross-instance checks: a session made on one instance works on the other,
   a file written by the worker is served identically by both, media comes
   from S3;
2. the load: `--users` simulated learners (and two coordinators) with locust
   (`loadtest/locustfile.py`) for `--run-time`; every endpoint's p95 must be
   at most `--p95-ms` with no failures;
3. the fault test (unless `--no-faults`): a second load run during which one
   app instance is killed and restarted, the worker is killed in the middle
   of a certificate ZIP and restarted, and PostgreSQL is restarted; the job
   must finish, failures must fall within the fault windows, and, once the
   worker's queue is empty, `loadtest/verify.py` must find every
   acknowledged write once and every certificate's PDF kept once.

Results (locust CSVs, logs, the ledger, `summary.json` in the shared
benchmark format and `summary.md`) go to `--out`. Exits 1 if a check fails.
"""

import argparse
import csv
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
PASSWORD = "obciazenie-2026-haslo"
DEMO_PASSWORD = "akademia-demo-2026"
DEBIAN = {"redis-server": "redis-server", "nginx": "nginx"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_port(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing answered on port {port} within {seconds} s")


def wait_healthy(port: int, seconds: float = 60) -> None:
    """Until the instance's workers answer /healthz (its port opens before)."""
    import http.client

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the instance on port {port} was not healthy within {seconds} s")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def ensure_debian_packages() -> None:
    """redis-server and nginx come from Debian; install them when missing (as root)."""
    missing = [package for command, package in DEBIAN.items() if not shutil.which(command)]
    if not missing:
        return
    if os.geteuid() != 0:
        raise SystemExit(f"install these Debian packages first: {' '.join(missing)}")
    log(f"installing {' '.join(missing)} from Debian")
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", *missing],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        stdout=subprocess.DEVNULL,
    )


class Service:
    """A process of the topology in its own process group, logging to a file."""

    def __init__(self, name: str, argv: list[str], env: dict, run: Path):
        self.name, self.argv, self.env = name, argv, env
        self.log_path = run / f"{name}.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> "Service":
        with self.log_path.open("ab") as output:
            self.process = subprocess.Popen(
                self.argv, cwd=ROOT, env=self.env, stdout=output, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        return self

    def signal(self, number: int) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, number)

    def kill(self) -> None:
        """SIGKILL to the whole group (gunicorn workers, rendering processes too)."""
        self.signal(signal.SIGKILL)
        if self.process:
            self.process.wait()

    def stop(self) -> None:
        self.signal(signal.SIGTERM)
        if self.process:
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


class Topology:
    """Everything the scale test starts, and how to reach it."""

    def __init__(self, run: Path, options):
        self.run, self.options = run, options
        self.ports = {name: free_port() for name in ("s3", "redis", "app-1", "app-2", "balancer")}
        self.url = f"https://127.0.0.1:{self.ports['balancer']}"
        self.services: dict[str, Service] = {}
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": self.url,
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "CACHE_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "TASKS_BACKEND": "database",
            "MEDIA_STORAGE": "s3",
            "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{self.ports['s3']}",
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "scale-test",
            "AWS_SECRET_ACCESS_KEY": "scale-test-secret",
            "AWS_STORAGE_BUCKET_NAME": "akademia-media",
            "AWS_PRIVATE_BUCKET_NAME": "akademia-private",
            "EMAIL_URL": "dummymail://",
            "DEMO_PASSWORD": DEMO_PASSWORD,
            "HEARTBEAT_SECONDS": str(options.heartbeat_seconds),
            "LOG_FORMAT": "json",
            # nginx adds the client's address; every simulated learner comes from
            # 127.0.0.1, so the per-address login limits are raised. The per-account
            # one stays, looser: a login in flight on a killed instance has been
            # counted and can never be taken back, and a simulated learner retries
            # every few seconds through a fault, faster than a person would.
            "TRUSTED_PROXY_COUNT": "1",
            "RATE_LIMIT_LOGIN": "2000/m/ip",
            "RATE_LIMIT_LOGIN_FAILED": "2000/m/ip,20/5m/key",
        }

    def service(self, name: str, argv: list[str], **env) -> Service:
        service = Service(name, argv, {**self.env, "INSTANCE_NAME": name, **env}, self.run)
        self.services[name] = service
        return service.start()

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True)

    def script(self, *args: str) -> str:
        return subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=self.env, check=True,
            stdout=subprocess.PIPE, text=True,
        ).stdout  # fmt: skip

    def start(self) -> None:
        log(f"S3 (moto) on {self.ports['s3']}, Redis on {self.ports['redis']}")
        self.service(
            "s3", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.ports["s3"])]
        )
        self.service(
            "redis",
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.ports["redis"]),
             "--save", "", "--appendonly", "no"],
        )  # fmt: skip
        wait_port(self.ports["s3"])
        wait_port(self.ports["redis"])
        self.buckets()
        log("migrating, collecting static files, loading the demo and the load-test accounts")
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("load_demo_data")
        self.ledger = self.run / "ledger.jsonl"
        self.seed_path = self.run / "seed.json"
        seed = [
            str(HERE / "seed.py"), "--learners", str(self.options.users), "--password", PASSWORD,
            "--certificates", str(self.options.certificates), "--ledger", str(self.ledger),
        ]  # fmt: skip
        self.seed_path.write_text(self.script(*seed))
        for name in ("app-1", "app-2"):
            self.start_app(name)
        self.start_worker()
        self.start_balancer()
        for name in ("app-1", "app-2"):
            wait_healthy(self.ports[name])
        wait_port(self.ports["balancer"])
        log(f"balancer on {self.url}, instances on {self.ports['app-1']} and {self.ports['app-2']}")

    def buckets(self) -> None:
        import boto3

        s3 = boto3.client(
            "s3", endpoint_url=self.env["AWS_S3_ENDPOINT_URL"], region_name="us-east-1",
            aws_access_key_id="scale-test", aws_secret_access_key="scale-test-secret",
        )  # fmt: skip
        for bucket in (self.env["AWS_STORAGE_BUCKET_NAME"], self.env["AWS_PRIVATE_BUCKET_NAME"]):
            s3.create_bucket(Bucket=bucket)
        # Media is read by browsers straight from the bucket (as in production, where
        # it has the same policy or a CDN in front); private files never are.
        media = self.env["AWS_STORAGE_BUCKET_NAME"]
        s3.put_bucket_policy(Bucket=media, Policy=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                           "Resource": f"arn:aws:s3:::{media}/*"}],
        }))  # fmt: skip

    def start_app(self, name: str) -> Service:
        return self.service(
            name,
            [str(BIN / "gunicorn"), "lms.wsgi", "--bind", f"127.0.0.1:{self.ports[name]}",
             "--workers", "2", "--threads", "4", "--forwarded-allow-ips", "127.0.0.1",
             "--graceful-timeout", "10", "--preload"],
        )  # fmt: skip

    def start_worker(self) -> Service:
        return self.service("worker", [sys.executable, "manage.py", "run_worker"])

    def start_balancer(self) -> Service:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=127.0.0.1", "-keyout", str(self.run / "tls.key"),
             "-out", str(self.run / "tls.crt")],
            check=True, capture_output=True,
        )  # fmt: skip
        config = (HERE / "nginx.conf").read_text()
        values = {
            "@@USER@@": "user root;" if os.geteuid() == 0 else "",
            "@@RUN@@": str(self.run),
            "@@APP1@@": str(self.ports["app-1"]),
            "@@APP2@@": str(self.ports["app-2"]),
            "@@PORT@@": str(self.ports["balancer"]),
        }
        for key, value in values.items():
            config = config.replace(key, value)
        (self.run / "nginx.conf").write_text(config)
        return self.service("balancer", ["nginx", "-c", str(self.run / "nginx.conf")])

    def stop(self) -> None:
        for service in reversed(list(self.services.values())):
            service.stop()

    def restart_postgres(self) -> None:
        data = os.environ["PG_DATA"]
        pg_ctl = [f"{os.environ['PG_BIN']}/pg_ctl", "-D", data, "-l", f"{data}/../log",
                  "restart", "-m", "fast", "-w"]  # fmt: skip
        if os.environ.get("PG_RUN_AS"):
            pg_ctl = ["runuser", "-u", os.environ["PG_RUN_AS"], "--", *pg_ctl]
        # Not captured: the restarted server would hold the pipe open for ever.
        subprocess.run(pg_ctl, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def query(self, sql: str, params=()) -> list[tuple]:
        import psycopg

        with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as connection:
            return connection.execute(sql, params).fetchall()


def session_cookie(url: str, email: str, password: str) -> str:
    """Log in through the balancer; returns the session cookie's value."""
    import requests
    import urllib3

    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    session = requests.Session()
    # The balancer's certificate is made by this script (verify per request:
    # a CA bundle named in the environment would override the session's).
    page = session.get(f"{url}/accounts/login/", timeout=30, verify=False)
    token = page.text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = session.post(
        f"{url}/accounts/login/", timeout=30, allow_redirects=False, verify=False,
        data={"csrfmiddlewaretoken": token, "login": email, "password": password},
        headers={"Referer": f"{url}/accounts/login/"},
    )  # fmt: skip
    assert response.status_code == 302, f"login refused: {response.status_code}"
    return session.cookies["sessionid"]


def instance_get(port: int, path: str, session: str):
    """GET straight from one instance, as the balancer would forward it."""
    import requests

    return requests.get(
        f"http://127.0.0.1:{port}{path}", timeout=60, allow_redirects=False,
        headers={"Cookie": f"sessionid={session}", "X-Forwarded-Proto": "https"},
    )  # fmt: skip


def batch_request(topology: Topology) -> int:
    """A certificate ZIP of the seeded holders, requested as the administrator."""
    code = (
        "import django; django.setup()\n"
        "from accounts.models import User\n"
        "from courses.certificates.services import certificate_batch_request\n"
        "from courses.models import Certificate\n"
        "from django.db import transaction\n"
        "with transaction.atomic():\n"
        "    batch = certificate_batch_request(user=User.objects.get(email='admin@example.org'),\n"
        "        certificates=list(Certificate.objects.filter(user__email__startswith='holder')),\n"
        "        course=None, institution=None, issued_from=None, issued_to=None)\n"
        "print(batch.pk)\n"
    )
    return int(topology.script("-c", code).strip())


def batch_state(topology: Topology, batch: int) -> tuple[str, int, int]:
    return topology.query(
        "SELECT status, done, total FROM courses_certificatebatch WHERE id = %s", (batch,)
    )[0]


def cross_instance_checks(topology: Topology, batch: int) -> dict:
    """Sessions, private files and media work whichever instance answers."""
    problems = []
    session = session_cookie(topology.url, "admin@example.org", DEMO_PASSWORD)
    ports = [topology.ports["app-1"], topology.ports["app-2"]]
    for port in ports:
        if instance_get(port, "/admin/", session).status_code != 200:
            problems.append(f"the session is not valid on the instance on port {port}")
    bodies = [
        instance_get(port, f"/admin/certificates/batches/{batch}/download/", session)
        for port in ports
    ]
    if any(body.status_code != 200 for body in bodies) or bodies[0].content != bodies[1].content:
        problems.append("the worker's ZIP is not served identically by both instances")
    else:
        with zipfile.ZipFile(BytesIO(bodies[0].content)) as archive:
            pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
        if len(pdfs) != topology.options.certificates:
            problems.append(f"the ZIP holds {len(pdfs)} PDFs, not {topology.options.certificates}")
    home = instance_get(ports[1], "/", session="").text  # as a visitor: no RODO step
    images = [part.split('"', 1)[0] for part in home.split('src="')[1:]]
    s3_images = [src for src in images if src.startswith(topology.env["AWS_S3_ENDPOINT_URL"])]
    if not s3_images:
        problems.append(f"the home page shows no picture from the S3 bucket: {images[:3]}")
    else:
        import requests

        if requests.get(s3_images[0], timeout=30).status_code != 200:
            problems.append(f"media {s3_images[0]} does not load")
        env = topology.env
        private = f"{env['AWS_S3_ENDPOINT_URL']}/{env['AWS_PRIVATE_BUCKET_NAME']}"
        zip_name = topology.query(
            "SELECT file FROM courses_certificatebatch WHERE id = %s", (batch,)
        )[0][0]
        if requests.get(f"{private}/{zip_name}", timeout=30).status_code != 403:
            problems.append("a private file can be read from its bucket without the app")
    return {"check": "sessions, files and media on either instance", "ok": not problems,
            "problems": problems, "pdfs_in_zip": topology.options.certificates}  # fmt: skip


def run_locust(topology: Topology, prefix: str, users: int, run_time: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "LOAD_SEED": str(topology.seed_path),
        "LOAD_PASSWORD": PASSWORD,
        "LOAD_LEDGER": str(topology.ledger),
        "LOAD_COORDINATOR": "coordinator@example.org",
        "LOAD_COORDINATOR_PASSWORD": DEMO_PASSWORD,
    }
    argv = [
        str(BIN / "locust"), "-f", str(HERE / "locustfile.py"), "--headless",
        "--users", str(users), "--spawn-rate", str(topology.options.spawn_rate),
        "--run-time", f"{run_time}s", "--host", topology.url,
        "--csv", str(topology.run / prefix), "--only-summary", "--stop-timeout", "40",
        "--loglevel", "WARNING",
    ]  # fmt: skip
    with (topology.run / f"{prefix}-locust.log").open("ab") as output:
        return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)


def locust_stats(topology: Topology, prefix: str) -> list[dict]:
    rows = []
    with (topology.run / f"{prefix}_stats.csv").open() as stats:
        for row in csv.DictReader(stats):
            rows.append(
                {
                    "name": row["Name"],
                    "requests": int(row["Request Count"]),
                    "failures": int(row["Failure Count"]),
                    "median_ms": float(row["50%"] or 0),
                    "p95_ms": float(row["95%"] or 0),
                    "p99_ms": float(row["99%"] or 0),
                    "req_s": float(row["Requests/s"] or 0),
                }
            )
    return rows


def load_phase(topology: Topology) -> tuple[list[dict], dict]:
    options = topology.options
    log(f"load: {options.users} learners + 2 coordinators for {options.run_time} s")
    locust = run_locust(topology, "load", options.users, options.run_time)
    locust.wait()
    rows = locust_stats(topology, "load")
    endpoints = [row for row in rows if row["name"] != "Aggregated"]
    slow = [f"{row['name']}: p95 {row['p95_ms']:.0f} ms" for row in endpoints
            if row["p95_ms"] > options.p95_ms]  # fmt: skip
    failed = [f"{row['name']}: {row['failures']} failures" for row in endpoints if row["failures"]]
    return rows, {"check": f"load: p95 <= {options.p95_ms} ms everywhere, 0 failures",
                  "ok": not slow and not failed, "problems": slow + failed}  # fmt: skip


def fault_phase(topology: Topology) -> tuple[list[dict], list[dict], list[list[float]]]:
    """Load while faults are injected; returns locust rows, checks and fault windows."""
    options = topology.options
    users = options.fault_users
    run_time = options.fault_run_time
    log(f"faults: {users} learners for {run_time} s while instances, worker and database fail")
    locust = run_locust(topology, "faults", users, run_time)
    started = time.monotonic()
    windows: list[list[float]] = []
    checks = []

    def at(second: float) -> None:
        time.sleep(max(0.0, started + second - time.monotonic()))

    at(run_time * 0.25)
    log("killing app-1 (SIGKILL)")
    killed = time.time()
    topology.services["app-1"].kill()
    at(run_time * 0.25 + 10)
    topology.start_app("app-1")
    wait_healthy(topology.ports["app-1"])
    windows.append([killed - 1, time.time() + 5])
    log("app-1 is back")

    batch = batch_request(topology)
    interrupted = False
    if not options.short:
        deadline = time.monotonic() + 60
        while batch_state(topology, batch)[1] < 25 and time.monotonic() < deadline:
            time.sleep(0.05)
        status, done, total = batch_state(topology, batch)
        log(f"killing the worker in the middle of a ZIP ({status}, {done}/{total})")
        topology.services["worker"].kill()
        interrupted = status == "running" and 0 < done < total
        time.sleep(3)
        topology.start_worker()
        at(run_time * 0.65)
        log("restarting PostgreSQL")
        restart = time.time()
        topology.restart_postgres()
        windows.append([restart - 1, time.time() + 5])
        log("PostgreSQL is back")
    locust.wait()
    deadline = time.monotonic() + 180
    while batch_state(topology, batch)[0] != "ready" and time.monotonic() < deadline:
        time.sleep(1)
    status, done, total = batch_state(topology, batch)
    finished = status == "ready" and done == total
    checks.append({
        "check": "the certificate ZIP job finished"
        + ("" if options.short else " after the worker was killed in it and restarted"),
        "ok": finished and (options.short or interrupted),
        "problems": [] if finished else [f"batch {batch}: {status} {done}/{total}"],
    })  # fmt: skip
    checks.append(cross_instance_checks(topology, batch))
    return locust_stats(topology, "faults"), checks, windows


def tasks_drain(topology: Topology, seconds: float = 180) -> None:
    """Wait until the worker has run every queued task (certificate PDFs
    rendered after issue among them), so the verification sees their work."""
    deadline = time.monotonic() + seconds
    sql = ("SELECT count(*) FROM django_tasks_database_dbtaskresult "
           "WHERE status IN ('READY', 'RUNNING')")  # fmt: skip
    while topology.query(sql)[0][0] and time.monotonic() < deadline:
        time.sleep(1)


def verify(topology: Topology, windows: list[list[float]]) -> list[dict]:
    tasks_drain(topology)
    result = subprocess.run(
        [sys.executable, str(HERE / "verify.py"), str(topology.ledger), str(topology.seed_path),
         "--windows", json.dumps(windows)],
        cwd=ROOT, env=topology.env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    return json.loads(result.stdout)


def summary_rows(rows: list[dict], phase: str, target: str, limit: float | None) -> list[dict]:
    """Locust rows in the shared benchmark format."""
    return [
        {
            "benchmark": f"scale test ({phase})", "measurement": row["name"],
            "database": "postgresql", "runs": row["requests"], "median_ms": row["median_ms"],
            "p95_ms": row["p95_ms"], "p99_ms": row["p99_ms"], "req_s": row["req_s"],
            "peak_mib": None, "errors": row["failures"], "queries": None, "baseline": False,
            "ratio": None, "target": target,
            "met": None if limit is None else row["p95_ms"] <= limit and not row["failures"],
        }
        for row in rows
    ]  # fmt: skip


def markdown(load_rows, fault_rows, checks, options, seconds) -> str:
    lines = [
        f"Scale test: {options.users} simulated learners + 2 coordinators, "
        f"{os.cpu_count()} cores, two gunicorn instances (2 workers x 4 threads each) behind "
        f"nginx, PostgreSQL, Redis, S3 (moto), one worker; {seconds:.0f} s in all.",
        "",
        "| phase | endpoint | requests | failures | median ms | p95 ms | p99 ms | req/s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for phase, rows in (("load", load_rows), ("faults", fault_rows)):
        for row in rows:
            lines.append(
                f"| {phase} | {row['name']} | {row['requests']} | {row['failures']} | "
                f"{row['median_ms']:.0f} | {row['p95_ms']:.0f} | {row['p99_ms']:.0f} | "
                f"{row['req_s']:.1f} |"
            )
    lines += ["", "| check | result | figures |", "|---|---|---|"]
    for item in checks:
        figures = ", ".join(
            f"{key} {value}"
            for key, value in item.items()
            if key not in ("check", "ok", "problems")
        )
        result = "passed" if item["ok"] else "FAILED: " + "; ".join(item["problems"][:3])
        lines.append(f"| {item['check']} | {result} | {figures} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=500)
    # A county's morning: 500 officials log in over about five minutes, not all at once
    # (each login is a deliberately slow password check, 0.18 s of a core).
    parser.add_argument("--spawn-rate", type=float, default=1.5)
    parser.add_argument("--run-time", type=int, default=480, help="seconds of the load phase")
    parser.add_argument("--fault-users", type=int, default=200)
    parser.add_argument("--fault-run-time", type=int, default=150)
    parser.add_argument("--p95-ms", type=float, default=300)
    parser.add_argument("--certificates", type=int, default=150)
    parser.add_argument("--heartbeat-seconds", type=int, default=30)
    parser.add_argument("--no-faults", action="store_true")
    parser.add_argument(
        "--short", action="store_true",
        help="CI: a few hundred requests, one instance killed (no load phase)",
    )  # fmt: skip
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "scale-test")
    parser.add_argument("--json", type=Path, help="also write the rows in the benchmark format")
    options = parser.parse_args()
    if options.short:
        options.users, options.spawn_rate, options.fault_users = 40, 4, 40
        options.fault_run_time, options.certificates, options.heartbeat_seconds = 60, 10, 10
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("run it under scripts/with-postgres (it needs PostgreSQL it may restart)")
    ensure_debian_packages()
    # Stopped from outside (CI's time limit, Ctrl-C): still stop every process started.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(143))
    shutil.rmtree(options.out, ignore_errors=True)
    options.out.mkdir(parents=True)
    started = time.monotonic()
    topology = Topology(options.out.resolve(), options)
    load_rows, fault_rows, checks, windows = [], [], [], []
    try:
        topology.start()
        # The seeded certificates were issued before the day: their PDFs are kept already.
        log("waiting for the worker to render the seeded certificates")
        tasks_drain(topology)
        if not options.short:
            load_rows, load_check = load_phase(topology)
            checks.append(load_check)
        if not options.no_faults:
            fault_rows, fault_checks, windows = fault_phase(topology)
            checks += fault_checks
        checks += verify(topology, windows)
    finally:
        topology.stop()
    seconds = time.monotonic() - started
    report = markdown(load_rows, fault_rows, checks, options, seconds)
    (options.out / "summary.md").write_text(report)
    rows = summary_rows(
        load_rows, "load", f"p95 <= {options.p95_ms:.0f} ms, 0 failures", options.p95_ms
    ) + summary_rows(fault_rows, "faults", "integrity", None)
    (options.out / "summary.json").write_text(json.dumps({"rows": rows, "checks": checks}))
    if options.json:
        options.json.write_text(json.dumps(rows))
    print(report)
    sys.exit(0 if all(item["ok"] for item in checks) else 1)


if __name__ == "__main__":
    main()
