"""Production settings pass Django's deployment checklist and refuse to start
without a real secret."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(extra_env):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update({"DJANGO_SETTINGS_MODULE": "lms.settings.production", **extra_env})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_check_passes_with_real_secret_and_hosts():
    result = run_check(
        {
            "SECRET_KEY": "k8#Vq2!mZ7pL0xR4tY9wB3nC6hJ1sD5fG8kQ2vE7uA0iO4pL-lms",
            "ALLOWED_HOSTS": "akademia.example.org",
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = run_check({"ALLOWED_HOSTS": "akademia.example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
