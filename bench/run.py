"""Benchmarks: page and API timings as ratios against a baseline measured in the same run.

The baseline is the cheapest request through the full middleware stack (a GET on the POST-only
language view, answered 405). A ratio of 8.0 means the page costs eight baseline requests. Figures
are medians of repeated in-process requests (Django's test client) on a generated data set in a
throwaway SQLite database, so they compare code paths, not machines.

After the pages, the matching benchmark (bench/matching.py) times 2,000 x 2,000 groups: scores,
optimal matching and explanations, in seconds, with the optimal total's ratio to a greedy one.
Then the demo load (bench/demo.py, in a process of its own) times ``load_demo`` into a fresh
SQLite database, in seconds and as a ratio to the same baseline measured in that process.
Last, the course search and import (bench/courses.py, 1,000,000 runs and 100,000 rows), first on
SQLite, then on a throwaway PostgreSQL (scripts/with-postgres); this part takes some minutes.

    make bench            # or: .venv/bin/python bench/run.py --organisations 2000 --repeat 30
    .venv/bin/python bench/run.py --only matching      # or --only pages, demo, courses
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--groups", type=int, default=2000, help="groups per side (matching)")
    parser.add_argument("--only", choices=["pages", "matching", "demo", "courses"])
    parser.add_argument("--course-runs", type=int, default=1_000_000)
    args = parser.parse_args()
    if args.only in (None, "pages"):
        pages(args)
    if args.only in (None, "matching"):
        from bench.matching import run as matching

        print()
        matching(groups=args.groups)
    if args.only in (None, "demo"):
        print(flush=True)
        # Its own process: Django is set up here already, with the page benchmark's database.
        subprocess.run(  # noqa: S603 (our own script, fixed arguments)
            [sys.executable, str(ROOT / "bench" / "demo.py"), "--repeat", str(args.repeat)],
            check=True,
        )
    if args.only in (None, "courses"):
        command = [sys.executable, str(ROOT / "bench" / "courses.py"), "--runs"]
        command.append(str(args.course_runs))
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        print(flush=True)
        subprocess.run(command, check=True, env=env)  # noqa: S603 (our own script)
        print(flush=True)
        subprocess.run(  # noqa: S603 (our own scripts)
            [str(ROOT / "scripts" / "with-postgres"), *command], check=True, env=env
        )


def pages(args: argparse.Namespace) -> None:
    workdir = tempfile.mkdtemp(prefix="netzwerkstatt-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from bench.generate import generate
    from netzwerkstatt.accounts.models import User

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    started = time.perf_counter()
    generate(organisations=args.organisations)
    print(f"generated {args.organisations} organisations in {time.perf_counter() - started:.1f}s")

    anonymous = Client()
    signed_in = Client()
    signed_in.force_login(User.objects.get(email="bench0@example.org"))

    def measure(client: Client, url: str) -> float:
        client.get(url)  # warm caches and compiled templates
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - t0)
            assert response.status_code in (200, 405), (url, response.status_code)
        return statistics.median(times)

    baseline = measure(anonymous, "/language/")
    cases = [
        ("home", anonymous, "/"),
        ("organisation directory, page 1", anonymous, "/organisations/"),
        ("directory, text search", anonymous, "/organisations/?q=digital+dual"),
        ("directory, country + theme", anonymous, "/organisations/?country=IT&theme=green-skills"),
        ("organisation detail", anonymous, "/organisations/bench-00042/"),
        ("programme detail (400 participants)", anonymous, "/programmes/bench-programme-0/"),
        ("dashboard", signed_in, "/dashboard/"),
        ("members page", signed_in, "/organisations/bench-00000/members/"),
        ("API organisations, 50", anonymous, "/api/v1/organisations?limit=50"),
    ]
    print(f"baseline (405 through all middleware): {baseline * 1000:.2f} ms = 1.0")
    print(f"{'case':40} {'ratio':>8}")
    for name, client, url in cases:
        print(f"{name:40} {measure(client, url) / baseline:8.1f}")


if __name__ == "__main__":
    main()
