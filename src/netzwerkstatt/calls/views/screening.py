"""Screening pages for the people who run a call: the table of expressions of interest, one
expression with its checklist and decision, decisions for many at once, releasing the held
decisions, and the funnel overview with its CSV and XLSX exports."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from openpyxl import Workbook
from openpyxl.styles import Font

from .. import queries
from ..forms.screening import BulkDecisionForm, ScreeningFilterForm, ScreeningForm
from ..models import AnswerFile, Call, ExpressionOfInterest
from ..rules import get_call_for
from ..services import screening as services

PERM = "calls.screen_call"
PAGE_SIZE = 100
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _table_url(call: Call, query: QueryDict | None = None) -> str:
    url = reverse("calls:screening", kwargs={"programme": call.programme.slug, "slug": call.slug})
    return f"{url}?{query.urlencode()}" if query else url


def _columns(params: QueryDict, sort: str) -> list[dict]:
    """The table's column headings; the sortable ones link to the table sorted by them (again:
    reversed), keeping the filters and going back to the first page."""
    labels = {
        "name": _("Group"),
        "country": _("Country"),
        "region": _("Region"),
        "organisations": _("Organisations"),
        "themes": _("Themes"),
        "submitted": _("Submitted"),
        "status": _("Status"),
        "decision": _("Screening decision"),
    }
    columns = []
    for key, label in labels.items():
        column: dict = {"label": label, "url": "", "aria_sort": ""}
        if key in queries.SORTS:
            query = params.copy()
            query.pop("page", None)
            query["sort"] = f"-{key}" if sort == key else key
            column["url"] = f"?{query.urlencode()}"
            column["aria_sort"] = {key: "ascending", f"-{key}": "descending"}.get(sort, "")
        columns.append(column)
    return columns


def _render_table(
    request: HttpRequest, call: Call, params: QueryDict, bulk_form: BulkDecisionForm
) -> HttpResponse:
    filter_form = ScreeningFilterForm(params or None, call=call)
    # A filter that no longer fits is reported next to its field and dropped; the others apply.
    filter_form.is_valid()
    filters = filter_form.filters()
    expressions = queries.screening_table(call, **filters)
    page = Paginator(expressions, PAGE_SIZE).get_page(params.get("page"))
    context = {
        "call": call,
        "programme": call.programme,
        "filter_form": filter_form,
        "bulk_form": bulk_form,
        "page": page,
        "params": params,
        "columns": _columns(params, filters["sort"]),
        "query": params.urlencode(),
        "selected": {str(pk) for pk in bulk_form.data.getlist("expressions")}
        if bulk_form.is_bound
        else set(),
        "held": queries.held_decisions(call).count(),
    }
    # htmx swaps in the results only; restoring a page from history needs the whole page.
    partial = request.htmx and not request.htmx.history_restore_request
    template = "calls/screening/_results.html" if partial else "calls/screening/table.html"
    response = render(request, template, context)
    # One URL, two bodies: caches (and the back button) must keep them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
def table(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    call = get_call_for(request.user, programme, slug, PERM)
    bulk_form = BulkDecisionForm(call=call, initial={"query": request.GET.urlencode()})
    return _render_table(request, call, request.GET, bulk_form)


@require_POST
@login_required
def bulk(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    call = get_call_for(request.user, programme, slug, PERM)
    form = BulkDecisionForm(request.POST, call=call)
    params = QueryDict(request.POST.get("query", ""))
    if form.is_valid():
        try:
            result = services.decide_many(
                actor=request.user,
                expressions=form.cleaned_data["expressions"],
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The decision was recorded for %(count)d expression of interest. It is held "
                    "until you release the decisions.",
                    "The decision was recorded for %(count)d expressions of interest. They are "
                    "held until you release the decisions.",
                    len(result.decided),
                )
                % {"count": len(result.decided)},
            )
            if result.skipped:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)d expression of interest was left as it is: its decision was "
                        "already sent or it was withdrawn.",
                        "%(count)d expressions of interest were left as they are: their decision "
                        "was already sent or they were withdrawn.",
                        result.skipped,
                    )
                    % {"count": result.skipped},
                )
            return redirect(_table_url(call, params))
    return _render_table(request, call, params, form)


@login_required
def screen_expression(
    request: HttpRequest, programme: str, slug: str, expression_id: int
) -> HttpResponse:
    call = get_call_for(request.user, programme, slug, PERM)
    try:
        expression = queries.expression_for_screening(call, expression_id)
    except ExpressionOfInterest.DoesNotExist:
        raise Http404 from None
    screenable = expression.status in ExpressionOfInterest.SCREENABLE
    criteria = list(call.screening_criteria.all())
    form = None
    if screenable:
        form = ScreeningForm(request.POST or None, expression=expression, criteria=criteria)
    if request.method == "POST":
        if form is None:
            messages.error(request, _("The decision on this expression of interest was sent."))
            return redirect(request.path)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.record_screening(
                    actor=request.user,
                    expression=expression,
                    checks=data.get("checks", []),
                    notes=data["notes"],
                    decision=data["decision"],
                    reason=data["reason"],
                    expected_version=data["version"],
                    expected_screening_version=data["screening_version"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("The screening of %(group)s was saved.") % {"group": expression.group},
                )
                # The table's filters and sorting came along in the query string; back to them.
                return redirect(_table_url(call, request.GET))
    checks = expression.screening_checks or {}
    return render(
        request,
        "calls/screening/expression.html",
        {
            "call": call,
            "programme": call.programme,
            "expression": expression,
            "group": expression.group,
            "members": expression.group.members.all(),
            "answers": queries.answers_of(expression),
            "criteria": [(c, checks.get(str(c.pk))) for c in criteria],
            "form": form,
        },
    )


@login_required
def answer_file(
    request: HttpRequest, programme: str, slug: str, expression_id: int, file_id: int
) -> FileResponse:
    call = get_call_for(request.user, programme, slug, PERM)
    answer = get_object_or_404(
        AnswerFile.objects.filter(expression__in=queries.received_expressions(call)),
        expression_id=expression_id,
        pk=file_id,
    )
    try:
        handle = answer.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=answer.original_name)


@login_required
def release(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    call = get_call_for(request.user, programme, slug, PERM)
    if request.method == "POST":
        result = services.release_decisions(actor=request.user, call=call)
        if result.expressions:
            messages.success(
                request,
                ngettext(
                    "%(count)d decision was sent (%(emails)d e-mails).",
                    "%(count)d decisions were sent (%(emails)d e-mails).",
                    len(result.expressions),
                )
                % {"count": len(result.expressions), "emails": result.emails},
            )
        else:
            messages.info(request, _("There was no held decision to send."))
        return redirect(_table_url(call))
    held = list(queries.held_decisions(call).select_related("group").order_by("group__name"))
    people = queries.recipients(e.group_id for e in held)
    return render(
        request,
        "calls/screening/release.html",
        {
            "call": call,
            "programme": call.programme,
            "held": [(e, len(people.get(e.group_id, []))) for e in held],
            "eligible": sum(1 for e in held if e.screening_decision == e.Decision.ELIGIBLE),
            "ineligible": sum(1 for e in held if e.screening_decision == e.Decision.INELIGIBLE),
            "emails": sum(len(p) for p in people.values()),
            "unreachable": sum(1 for e in held if not people.get(e.group_id)),
        },
    )


@login_required
def overview(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    call = get_call_for(request.user, programme, slug, PERM)
    funnel = queries.funnel(call)
    return render(
        request,
        "calls/screening/overview.html",
        {
            "call": call,
            "programme": call.programme,
            "funnel": funnel,
            "funnel_chart": queries.funnel_chart(funnel),
            "country_charts": queries.country_charts(funnel),
        },
    )


def _export_name(call: Call, extension: str) -> str:
    return f"{call.programme.slug}-{call.slug}-overview.{extension}"


@login_required
def overview_csv(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    call = get_call_for(request.user, programme, slug, PERM)
    header, rows = queries.funnel_rows(queries.funnel(call))
    # The byte-order mark makes spreadsheet programs read the file as UTF-8 (ü, à, ß).
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_name(call, "csv")}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


@login_required
def overview_xlsx(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    call = get_call_for(request.user, programme, slug, PERM)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in queries.funnel_sheets(queries.funnel(call)):
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        # Code and name, then a count, a unit, a country or more counts, depending on the sheet.
        widths = (14, 34, 24, 24, 14, 14, 18, 18, 14)
        for column, width in zip("ABCDEFGHI", widths, strict=True):
            sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_export_name(call, "xlsx")}"'
    return response
