"""One table of every benchmark, for `docs/benchmarks.md` (`make bench`).

Reads the rows each benchmark script wrote with `--json` (and, if given, the
summary of the last `make scale-test`), and writes a Markdown page: the
machine, the commit, the commands, then one table (median, p95, p99, req/s,
memory, errors, queries, ratio to the baseline measured in the same run, the
target and whether it was met), then the scale and fault test's checks.

Usage: python bench/report.py ROWS.json... [--scale SUMMARY.json] --out docs/benchmarks.md
"""

import argparse
import json
import os
import platform
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = """```sh
make bench        # every benchmark below, then this page
make scale-test   # the scale and fault test (before make bench, to include it)
```
`make bench` runs, each on a throwaway database built by the script:
`bench/pages.py --seconds 10 --connections 4` (lesson page, catalogue; wrk against
gunicorn; then 3 rounds alternating our lesson page with the wagtail-lms 0.11.1 lesson
page, a stock site that `bench/wagtail_lms_site.py` builds on the same Django, Wagtail
and gunicorn), `bench/heartbeat.py --seconds 10 --clients 2` on SQLite and on PostgreSQL
with durable commits, `bench/certificates.py` (200 renders, 1,000 in the background),
`bench/exports.py --rows 100000` on SQLite and on PostgreSQL, then `bench/report.py`.
Per-benchmark analysis: `bench/results/*.md`."""


def _run(*command: str) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def machine() -> list[str]:
    """What the figures were measured on."""
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), "")
    memory = next(
        (line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
         if line.startswith("MemTotal")), "0",
    )  # fmt: skip
    postgres = _run("bash", "-c", "ls -d /usr/lib/postgresql/*/bin | tail -1")
    postgres = _run(f"{postgres}/postgres", "--version") if postgres else "not found"
    return [
        f"- {os.cpu_count()} cores ({cpu}), {int(memory) / 2**20:.0f} GiB, "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {postgres}",
        f"- load average when the page was written: {os.getloadavg()[0]:.2f}",
        f"- commit {_run('git', '-C', str(ROOT), 'rev-parse', '--short', 'HEAD')}, "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
    ]


def _number(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}".replace(",", " ")


def table(rows: list[dict]) -> list[str]:
    lines = [
        "| benchmark | measurement | database | runs | median ms | p95 ms | p99 ms | req/s "
        "| peak MiB | errors | queries | ratio | target | met |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        met = {True: "yes", False: "**no**", None: "–"}[row.get("met")]
        measurement = row["measurement"]
        if row.get("baseline") and "baseline" not in measurement:
            measurement += " (baseline)"
        lines.append(
            f"| {row['benchmark']} | {measurement} | {row.get('database') or '–'} "
            f"| {row.get('runs') or '–'} | {_number(row.get('median_ms'))} "
            f"| {_number(row.get('p95_ms'))} | {_number(row.get('p99_ms'))} "
            f"| {_number(row.get('req_s'), 0)} | {_number(row.get('peak_mib'))} "
            f"| {_number(row.get('errors'), 0)} | {_number(row.get('queries'), 0)} "
            f"| {_number(row.get('ratio'), 2)} | {row.get('target') or '–'} | {met} |"
        )
    return lines


def scale_section(summary: dict, path: Path) -> list[str]:
    lines = [
        "",
        "## Scale and fault test",
        "",
        f"From `{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}` "
        "(`make scale-test`: PostgreSQL, two gunicorn instances behind nginx, Redis, S3 on "
        "moto, the worker; 500 simulated learners and 2 coordinators with locust, then a "
        "second run while one instance, the worker and PostgreSQL are killed or restarted).",
        "",
        *table(summary["rows"]),
        "",
        "| check | result | figures |",
        "|---|---|---|",
    ]
    for check in summary["checks"]:
        figures = ", ".join(
            f"{key} {value}" for key, value in check.items()
            if key not in ("check", "ok", "problems")
        )  # fmt: skip
        result = "passed" if check["ok"] else "**failed**: " + "; ".join(check["problems"][:3])
        lines.append(f"| {check['check']} | {result} | {figures} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="+", type=Path)
    parser.add_argument("--scale", type=Path, help="summary.json of the last scale test")
    parser.add_argument("--out", type=Path, required=True)
    options = parser.parse_args()
    rows = [row for path in options.rows for row in json.loads(path.read_text())]
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`bench/report.py`); do not edit by hand. Targets are those",
        "of `design/quality.md`; each baseline was measured in the same run as the rows after",
        "it. Timings on a shared machine are noisy: compare ratios, and see the load average.",
        "",
        *machine(),
        "",
        COMMANDS,
        "",
        *table(rows),
    ]
    if options.scale and options.scale.exists():
        lines += scale_section(json.loads(options.scale.read_text()), options.scale.resolve())
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text("\n".join(lines) + "\n")
    print(f"wrote {options.out}: {len(rows)} rows")


if __name__ == "__main__":
    main()
