"""The settings module reads the environment and stops start-up on a bad value, naming the
variable; a production-like environment passes Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k3Yq-production-like-secret-key-with-more-than-fifty-characters-0123456789",
    "ALLOWED_HOSTS": "example.org",
}


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run Python in a clean environment: only what the test names, plus what Python needs."""
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", ""),
        "PYTHONPATH": str(PROJECT / "src"),
        # Keep the default SQLite file out of the working tree.
        "DATABASE_URL": "sqlite://:memory:",
        **env,
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _import_settings(**env: str) -> subprocess.CompletedProcess:
    return _run("-c", "import netzwerkstatt.settings", **env)


def test_production_like_environment_loads():
    result = _import_settings(**PRODUCTION)

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG must be true or false"),
        ({"DEBUG": "false", "SECRET_KEY": ""}, "SECRET_KEY must be set when DEBUG is off"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must name the host names"),
        ({"DATABASE_URL": "nonsense"}, "DATABASE_URL is not a valid database URL"),
        ({"DATABASE_URL": "mongodb://db/x"}, "DATABASE_URL is not a valid database URL"),
        (
            {"DATABASE_URL": "postgres://user:pw@db:port/x"},
            "DATABASE_URL is not a valid database URL",
        ),
        ({"EMAIL_PORT": "smtp"}, "EMAIL_PORT must be a whole number"),
        ({"EMAIL_PORT": "0"}, "EMAIL_PORT must be between 1 and 65535"),
        ({"EMAIL_PORT": "70000"}, "EMAIL_PORT must be between 1 and 65535"),
        ({"EMAIL_USE_TLS": "true", "EMAIL_USE_SSL": "true"}, "EMAIL_USE_TLS and EMAIL_USE_SSL"),
        ({"SESSION_COOKIE_SECURE": "sometimes"}, "SESSION_COOKIE_SECURE must be true or false"),
        ({"LOGO_MAX_BYTES": "2MB"}, "LOGO_MAX_BYTES must be a whole number"),
    ],
    ids=lambda value: next(iter(value)) if isinstance(value, dict) else "",
)
def test_a_bad_value_stops_start_up_and_names_the_variable(env, message):
    result = _import_settings(**{**PRODUCTION, **env})

    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: ")
    assert message in last_line


def test_debug_mode_runs_without_secret_key_and_hosts():
    result = _run(
        "-c",
        "from netzwerkstatt import settings as s;"
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.SECURE_SSL_REDIRECT)",
        DEBUG="true",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True ['127.0.0.1', 'localhost'] False"


def test_database_url_chooses_the_database():
    result = _run(
        "-c",
        "from netzwerkstatt import settings as s; d = s.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'], d['HOST'], d['PORT'])",
        **PRODUCTION,
        DATABASE_URL="postgres://netz:pw@db.internal:5433/netzwerkstatt",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "netzwerkstatt",
        "db.internal",
        "5433",
    ]


def test_postgresql_connections_run_without_jit():
    result = _run(
        "-c",
        "from netzwerkstatt import settings as s; print(s.DATABASES['default']['OPTIONS'])",
        **PRODUCTION,
        DATABASE_URL="postgres://netz:pw@db.internal:5433/netzwerkstatt",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "{'options': '-c jit=off'}"


def test_deployment_checks_pass_in_a_production_like_environment():
    result = _run(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        DJANGO_SETTINGS_MODULE="netzwerkstatt.settings",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
