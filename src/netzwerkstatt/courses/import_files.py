"""Reading a course import file: the upload check, the header and the rows as cells.

CSV in UTF-8 with or without BOM, or in Windows-1252 as German Excel saves it, with ";" "," or tab
sniffed from the header; XLSX: the first sheet, read-only. Empty rows are dropped; rows keep the
numbers a spreadsheet shows them with (the header is row 1).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

import openpyxl
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from netzwerkstatt.core.uploads import check_document

from . import import_columns as columns

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 200_000


class FileProblem(Exception):
    """The file as a whole cannot be imported (its type, its encoding, its header)."""

    def __init__(self, message: str, *, column: str = ""):
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (row number, cells)


def _csv_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel's "CSV (Trennzeichen-getrennt)" on German Windows.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise FileProblem(
            _("This file cannot be read as text. Save it as “CSV UTF-8” and upload it again.")
        ) from None


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    counts = {mark: first_line.count(mark) for mark in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_csv(data: bytes) -> Table:
    text = _csv_text(data)
    if "\x00" in text[:8192]:
        raise FileProblem(_("This is not a CSV file."))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        records = list(reader)
    except csv.Error as error:
        raise FileProblem(
            _("The CSV file is damaged: %(reason)s") % {"reason": str(error)}
        ) from None
    if not records:
        raise FileProblem(_("The file is empty."))
    rows = [(number, cells) for number, cells in enumerate(records[1:], start=2) if any(cells)]
    return Table(headers=records[0], rows=[(n, c) for n, c in rows if any(s.strip() for s in c)])


def _read_xlsx(handle) -> Table:
    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception:
        raise FileProblem(_("This spreadsheet cannot be read. Save it as .xlsx again.")) from None
    try:
        sheet = workbook.worksheets[0]
        iterator = sheet.iter_rows(values_only=True)
        header = next(iterator, None)
        if header is None:
            raise FileProblem(_("The file is empty."))
        rows = []
        for number, cells in enumerate(iterator, start=2):
            if any(not columns.is_empty(cell) for cell in cells):
                rows.append((number, list(cells)))
            if len(rows) > MAX_ROWS:
                break
        return Table(headers=[columns.as_text(cell) for cell in header], rows=rows)
    finally:
        workbook.close()


def file_kind(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def read_table(handle, name: str) -> Table:
    """The header and the non-empty rows of a CSV or XLSX file (``name`` tells which)."""
    kind = file_kind(name)
    if kind == "xlsx":
        table = _read_xlsx(handle)
    elif kind == "csv":
        table = _read_csv(handle.read())
    else:
        raise FileProblem(_("Upload a CSV or XLSX file."))
    if not table.rows:
        raise FileProblem(_("The file has no rows below its header."))
    if len(table.rows) > MAX_ROWS:
        raise FileProblem(
            _("The file has more than %(max)s rows; split it into several files.")
            % {"max": f"{MAX_ROWS:,}"}
        )
    return table


def check_upload(upload: UploadedFile) -> None:
    """Refuse anything but a CSV or XLSX file (by its content) of at most ``MAX_BYTES``; raises a
    translated ValidationError."""
    if file_kind(upload.name) != "csv":
        check_document(upload, allowed_types=["csv", "xlsx"], max_bytes=MAX_BYTES)
        return
    # core.uploads reads text as UTF-8 only; German Excel saves CSV in Windows-1252.
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_BYTES)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(65536)
    upload.seek(0)
    try:
        if b"\x00" in head:
            raise FileProblem("")
        _csv_text(head)
    except FileProblem:
        raise ValidationError(
            _("The content of this file is not a %(type)s file.") % {"type": "CSV"},
            code="content_mismatch",
        ) from None


def header_columns(headers: list[str], *, cluster: bool) -> dict[str, int]:
    """{column key: position} of the file's header; raises FileProblem for an unknown, repeated
    or missing column (a misspelt header would otherwise be left out silently)."""
    positions: dict[str, int] = {}
    for position, header in enumerate(headers):
        name = columns.as_text(header)
        if not name:
            continue
        key = columns.column_for_header(name)
        if key is None:
            raise FileProblem(
                _("“%(header)s” is not a column of the course import. Rename or remove it.")
                % {"header": name},
                column=name,
            )
        if key in positions:
            raise FileProblem(
                _("The column “%(header)s” appears twice.") % {"header": name}, column=name
            )
        positions[key] = position
    if "course_number" not in positions:
        raise FileProblem(
            _("The file needs the column “course_number” (German: “kursnummer”)."),
            column="course_number",
        )
    if cluster and "provider" not in positions:
        raise FileProblem(
            _("A cluster's import needs the column “provider” (German: “anbieter”)."),
            column="provider",
        )
    return positions
