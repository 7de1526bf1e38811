"""Import benchmark: a generated CSV file of N rows (courses of four runs each, every column of
the documented mapping that a provider typically fills) imported by one provider through the
same code path as the upload page's background task (``courses.importing.run_job``: read, check
every row, write in one transaction, refresh the search copies and the full-text index). Prints
rows per second; the target is 3,000. Runs inside bench/courses.py, after the search benchmark,
on its database."""

from __future__ import annotations

import csv
import datetime
import io
import random
import time

HEADER = [
    "course_number", "title", "description", "learning_outcomes", "field", "eqf_level",
    "certificate", "language", "format", "status", "run_number", "start_date", "end_date",
    "schedule", "hours", "online", "venue", "street", "postal_code", "city", "region", "price",
    "seats", "funding", "registration_url", "contact_email",
]  # fmt: skip


def rows(count: int, seed: int = 5) -> list[list[str]]:
    from bench.courses_data import COURSE_TYPES, SENTENCES

    rng = random.Random(seed)
    today = datetime.date.today()
    out = [HEADER]
    for number in range(count):
        course = number // 4
        code, eqf, certificate, title, topics = COURSE_TYPES[course % len(COURSE_TYPES)]
        start = today + datetime.timedelta(days=30 + rng.randint(0, 400))
        out.append(
            [
                f"B-{course:06d}",
                f"{title} {course}",
                " ".join(random.Random(course).sample(SENTENCES, 3)),
                " | ".join(topics.split()),
                code,
                str(eqf or ""),
                certificate,
                "de",
                "in_person",
                "published",
                f"B-{course:06d}-{number % 4}",
                start.strftime("%d.%m.%Y"),
                (start + datetime.timedelta(weeks=8)).strftime("%d.%m.%Y"),
                rng.choice(["full_time", "part_time", "evenings", "weekends"]),
                str(rng.choice([16, 40, 120, 480])),
                "nein",
                "Schulungszentrum",
                f"Hauptstraße {rng.randint(1, 120)}",
                "19053",
                "Schwerin",
                "DE-MV",
                f"{rng.choice([190, 490, 1290, 2450])},00",
                str(rng.choice([12, 16, 20])),
                rng.choice(["voucher", "voucher,educational_leave", "", "employer"]),
                f"https://anbieter.example.org/kurse/{course}",
                "kurse@anbieter.example.org",
            ]
        )
    return out


def run(count: int, baseline: float) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from netzwerkstatt.courses import importing
    from netzwerkstatt.courses.models import Course, ImportJob
    from netzwerkstatt.organisations.models import Organisation

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows(count))
    content = buffer.getvalue().encode()
    provider = Organisation.objects.filter(slug__startswith="bench-provider-").order_by("pk")[0]
    job = ImportJob.objects.create(
        organisation=provider,
        file=SimpleUploadedFile("bench.csv", content),
        original_name="bench.csv",
        mode=ImportJob.Mode.ALL_OR_NOTHING,
    )
    started = time.perf_counter()
    importing.run_job(job)
    seconds = time.perf_counter() - started
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, (job.status, job.errors[:3])
    assert (
        Course.objects.filter(organisation=provider, external_id__startswith="B-").count()
        == (count + 3) // 4
    )
    print(
        f"import of {count:,} rows ({job.created_courses:,} courses, {job.created_runs:,} runs): "
        f"{seconds:.1f} s = {count / seconds:,.0f} rows/s   target 3,000 rows/s",
        flush=True,
    )
