"""Demo load benchmark: ``manage.py load_demo`` into a fresh, throwaway SQLite database.

Runs in a process of its own (the page benchmark has already set up Django with its own
database), with the settings ``make demo`` uses. Prints the seconds the load took and, so runs on
different machines compare, its ratio to the baseline of the page benchmark (a GET on the
POST-only language view through the full middleware stack, answered 405), measured in the same
process right after the load. Only the load itself is timed, not the migrations before it.

    .venv/bin/python bench/demo.py [--repeat 30]      # or: bench/run.py --only demo
"""

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]


def run(repeat: int = 30) -> dict[str, float]:
    workdir = tempfile.mkdtemp(prefix="netzwerkstatt-bench-demo-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/demo.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "netzwerkstatt.settings"
    os.environ.setdefault("DEBUG", "true")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from netzwerkstatt.demo.loader import load_demo

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    started = time.perf_counter()
    result = load_demo()
    seconds = time.perf_counter() - started
    assert result.created, "the throwaway database already held the demo"

    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 405s are intended
    client = Client()
    client.get("/language/")  # warm up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        response = client.get("/language/")
        times.append(time.perf_counter() - t0)
        assert response.status_code == 405, response.status_code
    baseline = statistics.median(times)
    rows = sum(result.counts.values())
    print(f"demo load into a fresh SQLite database ({rows:,} rows counted)")
    print(f"  load                    {seconds:6.2f} s  (target: well under 5 s)")
    print(f"  baseline request        {baseline * 1000:6.2f} ms")
    print(f"  load / baseline         {seconds / baseline:8.0f}")
    return {"seconds": seconds, "baseline": baseline, "ratio": seconds / baseline}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    run(repeat=args.repeat)


if __name__ == "__main__":
    main()
