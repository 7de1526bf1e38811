"""Helpers for the course import's tests: sample files, files made from rows, generated rows."""

import csv
import datetime
import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from netzwerkstatt.courses import importing
from netzwerkstatt.courses.models import ImportJob

DATA = Path(__file__).parent / "data"


def sample(name: str) -> bytes:
    return (DATA / name).read_bytes()


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, sample(name) if content is None else content)


def csv_bytes(rows: list[list], *, delimiter: str = ";", bom: bool = True) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode()


def xlsx_bytes(rows: list[list], *, blank_rows_after: int | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for number, row in enumerate(rows, start=1):
        sheet.append(row)
        if number == blank_rows_after:
            sheet.append([])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GENERATED_HEADER = [
    "course_number", "title", "description", "field", "language", "format", "status",
    "run_number", "start_date", "end_date", "schedule", "hours", "online", "city", "region",
    "price", "funding", "registration_url",
]  # fmt: skip


def generated_rows(count: int, *, runs_per_course: int = 4, prefix: str = "G") -> list[list]:
    """``count`` valid rows: courses of ``runs_per_course`` runs each, with the header first."""
    rows = [GENERATED_HEADER]
    start = datetime.date(2031, 1, 5)
    for number in range(count):
        course = number // runs_per_course
        day = start + datetime.timedelta(days=number % 300)
        rows.append(
            [
                f"{prefix}-{course}",
                f"Weiterbildung Lagerlogistik {course}",
                f"Kommissionieren, Lagerverwaltung und Gabelstapler, Kurs {course}.",
                "0413",
                "de",
                "in_person",
                "published",
                f"{prefix}-{course}-{number % runs_per_course}",
                day.isoformat(),
                (day + datetime.timedelta(days=30)).isoformat(),
                "part_time",
                str(40 + number % 80),
                "nein",
                "Schwerin",
                "DE-MV",
                f"{900 + number % 700},00",
                "voucher" if number % 3 else "",
                f"https://bildung.example.org/kurse/{course}",
            ]
        )
    return rows


def run_file(name: str, content: bytes, *, provider=None, programme=None, mode="all", actor=None):
    """Store ``content`` as an import job and run it, as the upload page does for small files."""
    job = ImportJob.objects.create(
        organisation=provider,
        programme=programme,
        file=SimpleUploadedFile(name, content),
        original_name=name,
        mode=mode,
        created_by=actor,
    )
    importing.run_job(job)
    job.refresh_from_db()
    return job
