"""Course-search and import benchmark, on the database DATABASE_URL names (SQLite or PostgreSQL).

1. Generates a country's continuing-education database (bench/courses_data.py; 1,000,000 course
   runs by default) into a fresh database.
2. Times the public search page /courses/ through the full middleware stack (Django's test
   client) for a mix of realistic queries, each full text plus three facets, every query
   repeated: prints the median and the 95th percentile in milliseconds and as ratios to the
   baseline, a trivial view (a GET on the POST-only language view, answered 405) measured in the
   same run. Target: 95th percentile under 100 ms on PostgreSQL.
3. Times the import of a generated CSV file of 100,000 rows (courses and runs) through
   ``courses.importing``, checking and writing, and prints rows per second (target: 3,000).

    .venv/bin/python bench/courses.py [--runs 1000000] [--import-rows 100000] [--repeat 5]
    scripts/with-postgres .venv/bin/python bench/courses.py        # the same on PostgreSQL

``bench/run.py --only courses`` runs both: first SQLite in a temporary file, then PostgreSQL.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

# Query words as people type them: word forms, not the stems in the titles.
WORDS = [
    "Schweißkurse", "Fachwirtin", "Pflege", "Excel", "Deutschkurs", "Python", "Gabelstapler",
    "Meisterin", "Umschulung", "Buchhaltung", "Erzieherin", "Projektmanagement", "Landwirtschaft",
    "Datenschutz", "Marketing", "Elektrotechnik", "Führung", "Photovoltaik", "Berufskraftfahrer",
    "Englisch", "Sicherheit", "IHK", "Weiterbildung", "Kurs", "business", "formazione",
    "Netzwerk", "Kita", "Hygiene", "Coaching",
]  # fmt: skip
STATES = [
    "DE-BW", "DE-BY", "DE-BE", "DE-HE", "DE-MV", "DE-NI", "DE-NW", "DE-SN", "DE-SH", "DE-TH",
]  # fmt: skip
FACETS = [
    ("region", STATES),
    ("format", ["in_person", "online", "blended"]),
    ("schedule", ["full_time", "part_time", "evenings", "weekends"]),
    ("funding", ["voucher", "upgrading_grant", "educational_leave", "employer"]),
    ("eqf", ["2", "3", "4", "5", "6"]),
    ("lang", ["de", "en"]),
    ("label", ["1"]),
]


def queries(count: int, seed: int = 11) -> list[str]:
    """``count`` search URLs: one or two words, three facets."""
    rng = random.Random(seed)
    urls = []
    for n in range(count):
        words = rng.sample(WORDS, 2 if n % 4 == 0 else 1)
        params = [("q", " ".join(words))]
        for name, values in rng.sample(FACETS, 3):
            params.append((name, rng.choice(values)))
        if n % 3 == 1:
            params.append(("sort", "start"))
        urls.append("/courses/?" + urlencode(params))
    return urls


def create_postgresql_database(url: str) -> None:
    """scripts/with-postgres starts an empty server: create the database the URL names."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        return
    import psycopg
    from psycopg import sql

    name = parts.path.lstrip("/")
    server = url.replace(parts.path, "/postgres", 1)
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1_000_000)
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL"):
        workdir = tempfile.mkdtemp(prefix="netzwerkstatt-bench-courses-")
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/courses.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    create_postgresql_database(os.environ["DATABASE_URL"])
    import logging

    import django

    django.setup()
    # The baseline's 405 answers would each log a warning.
    logging.getLogger("django.request").setLevel(logging.ERROR)
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bench.courses_data import generate

    vendor = connection.vendor
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    print(f"course search on {vendor}: generating {args.runs:,} course runs", flush=True)
    started = time.perf_counter()
    generate(runs=args.runs, progress=lambda line: print(line, flush=True))
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            # What autovacuum does to tables in use: statistics for the planner, and the
            # visibility map that lets the search's covering index answer without the table.
            cursor.execute("VACUUM ANALYZE")
    print(f"generated in {time.perf_counter() - started:.0f}s", flush=True)

    client = Client()

    def timed(url: str, expect: tuple[int, ...] = (200,)) -> float:
        t0 = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - t0
        assert response.status_code in expect, (url, response.status_code)
        return elapsed

    for _ in range(3):
        timed("/language/", (405,))
    baseline = statistics.median(timed("/language/", (405,)) for _ in range(50))
    urls = queries(args.queries)
    for url in urls[:3]:
        timed(url)  # warm caches and compiled templates
    samples = [timed(url) for _ in range(args.repeat) for url in urls]
    median, p95 = statistics.median(samples), percentile(samples, 95)
    browse = [timed("/courses/") for _ in range(args.repeat)]
    print(f"baseline (405 through all middleware): {baseline * 1000:.2f} ms = 1.0")
    print(
        f"search, text + 3 facets ({len(urls)} queries x {args.repeat}): "
        f"median {median * 1000:.1f} ms ({median / baseline:.1f}), "
        f"p95 {p95 * 1000:.1f} ms ({p95 / baseline:.1f})"
        + ("   target p95 < 100 ms" if vendor == "postgresql" else "")
    )
    print(
        f"search, first page without filters: median {statistics.median(browse) * 1000:.1f} ms "
        f"({statistics.median(browse) / baseline:.1f})",
        flush=True,
    )
    if args.import_rows:
        import_benchmark(args.import_rows, baseline)


def import_benchmark(rows: int, baseline: float) -> None:
    from bench.courses_import import run

    run(rows, baseline)


if __name__ == "__main__":
    main()
