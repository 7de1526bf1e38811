"""The course import's pages: a provider's and a cluster's upload page with their earlier imports,
a job's page with its progress and report, the column documentation and the template files."""

from __future__ import annotations

import csv
import datetime
import io

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from netzwerkstatt.organisations.rules import get_organisation_for
from netzwerkstatt.programmes.rules import get_programme_for

from . import import_columns as columns
from . import import_files, importing
from .import_forms import ImportForm
from .models import ImportJob

PAGE_SIZE = 20
RUNNING = set(importing.RUNNING)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def job_url(job: ImportJob) -> str:
    if job.organisation_id:
        return reverse("courses:import_job", kwargs={"slug": job.organisation.slug, "pk": job.pk})
    return reverse(
        "courses:import_cluster_job", kwargs={"programme": job.programme.slug, "pk": job.pk}
    )


def _import_page(request: HttpRequest, *, provider=None, programme=None) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = importing.start_import(
            actor=request.user,
            upload=form.cleaned_data["file"],
            mode=form.cleaned_data["mode"],
            provider=provider,
            programme=programme,
        )
        return redirect(job_url(job))
    jobs = ImportJob.objects.select_related("created_by", "organisation", "programme")
    jobs = jobs.filter(organisation=provider) if provider else jobs.filter(programme=programme)
    importing.give_up_stalled(jobs)
    page = Paginator(jobs.order_by("-created", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "courses/import/page.html",
        {
            "organisation": provider,
            "programme": programme,
            "form": form,
            "page": page,
            "running": RUNNING,
            "cluster": programme is not None,
            "max_rows": importing.INLINE_ROWS,
        },
    )


@login_required
def import_provider(request: HttpRequest, slug: str) -> HttpResponse:
    """A training provider imports its own courses."""
    provider = get_organisation_for(request.user, slug, "courses.manage_provider")
    return _import_page(request, provider=provider)


@login_required
def import_cluster(request: HttpRequest, programme: str) -> HttpResponse:
    """A cluster's coordinators import courses of the cluster's providers (a provider column)."""
    programme_ = get_programme_for(request.user, programme, "courses.manage_cluster")
    return _import_page(request, programme=programme_)


def _job_page(request: HttpRequest, job: ImportJob) -> HttpResponse:
    """The job with its progress; htmx polls the report part while the job runs."""
    if importing.give_up_stalled(ImportJob.objects.filter(pk=job.pk)):
        job.refresh_from_db()
    partial = request.htmx and not request.htmx.history_restore_request
    context = {
        "job": job,
        "organisation": job.organisation,
        "programme": job.programme,
        "running": job.status in RUNNING,
        "import_url": reverse("courses:import_provider", kwargs={"slug": job.organisation.slug})
        if job.organisation_id
        else reverse("courses:import_cluster", kwargs={"programme": job.programme.slug}),
        "problems_capped": len(job.errors) >= importing.MAX_REPORTED_PROBLEMS,
    }
    template = "courses/import/_report.html" if partial else "courses/import/job.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
def import_job(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    provider = get_organisation_for(request.user, slug, "courses.manage_provider")
    job = get_object_or_404(
        ImportJob.objects.select_related("created_by"), pk=pk, organisation=provider
    )
    job.organisation = provider
    return _job_page(request, job)


@login_required
def import_cluster_job(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    programme_ = get_programme_for(request.user, programme, "courses.manage_cluster")
    job = get_object_or_404(
        ImportJob.objects.select_related("created_by"), pk=pk, programme=programme_
    )
    job.programme = programme_
    return _job_page(request, job)


# The documentation and the template files: public, they hold no data --------------------------


def import_help(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "courses/import/help.html",
        {
            "columns": columns.COLUMNS,
            "levels": _levels(),
            "max_rows": f"{import_files.MAX_ROWS:,}",
        },
    )


def _levels() -> dict[str, str]:
    return {
        columns.PROVIDER: _("provider"),
        columns.COURSE: _("course"),
        columns.RUN: _("run"),
    }


def _example(column: columns.Column, *, typed: bool):
    """The column's example; in a spreadsheet dates and prices as dates and numbers."""
    if not typed or not column.example:
        return column.example
    if column.parse is columns.date:
        return datetime.date.fromisoformat(column.example)
    if column.key == "price":
        return float(columns.price(column.example))
    if column.key in ("hours", "seats", "eqf_level"):
        return int(column.example)
    return column.example


def import_template(request: HttpRequest) -> HttpResponse:
    """The header row and one example row, as CSV (``?format=csv``, the default) or XLSX with a
    second sheet documenting every column. Headers are German for German readers; with
    ``?cluster=1`` the provider column comes first."""
    language = (get_language() or "en")[:2]
    cluster = request.GET.get("cluster") == "1"
    chosen = [c for c in columns.COLUMNS if cluster or c.level != columns.PROVIDER]
    headers = columns.headers(language, cluster=cluster)
    name = "kurse-vorlage" if language == "de" else "courses-template"
    if request.GET.get("format") == "xlsx":
        return _xlsx_template(chosen, headers, name)
    buffer = io.StringIO()
    # German Excel opens ";"-separated files directly; the BOM tells it the text is UTF-8.
    writer = csv.writer(buffer, delimiter=";" if language == "de" else ",")
    writer.writerow(headers)
    writer.writerow([_example(c, typed=False) for c in chosen])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def _xlsx_template(chosen: list[columns.Column], headers: list[str], name: str) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Courses")[:31]
    sheet.append(headers)
    sheet.append([_example(c, typed=True) for c in chosen])
    bold = Font(bold=True)
    for position, column in enumerate(chosen, start=1):
        sheet.cell(row=1, column=position).font = bold
        letter = sheet.cell(row=1, column=position).column_letter
        sheet.column_dimensions[letter].width = max(14, min(40, len(headers[position - 1]) + 4))
        example = sheet.cell(row=2, column=position)
        if column.parse is columns.date:
            example.number_format = "YYYY-MM-DD"
        elif column.key == "price":
            example.number_format = "#,##0.00"
        elif column.key in ("field", "postal_code", "course_number", "run_number"):
            # Text, so that a spreadsheet keeps the leading zeros of 0413 or 01067.
            for row in range(2, 1001):
                sheet.cell(row=row, column=position).number_format = "@"
    sheet.freeze_panes = "A2"
    docs = workbook.create_sheet(_("Columns")[:31])
    docs.append(
        [
            _("Column"),
            _("German header"),
            _("Belongs to"),
            _("Required"),
            _("What it holds"),
            _("Example"),
        ]
    )
    levels = _levels()
    for column in chosen:
        docs.append(
            [
                column.key,
                column.german,
                levels[column.level],
                _("yes") if column.required else "",
                str(column.help),
                column.example,
            ]
        )
    for cell in docs[1]:
        cell.font = bold
    for letter, width in zip("ABCDEF", (20, 22, 12, 10, 80, 36), strict=True):
        docs.column_dimensions[letter].width = width
    for row in docs.iter_rows(min_row=2, min_col=5, max_col=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
