"""The funder report: a page with the indicators for a period (of the programme or of one
network), and the same tables as a PDF for the funder and as a workbook.

Who: the people who run the programme (``programmes.change_programme``), for the programme and
for each of its networks; the admins of a network's lead organisation for that network."""

from __future__ import annotations

import datetime
import io

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from netzwerkstatt.calls.queries import BarChart, bar_chart
from netzwerkstatt.networks.models import Network, NetworkMember
from netzwerkstatt.organisations.models import Membership
from netzwerkstatt.programmes.models import Programme

from .reports import Indicators, Table, indicators

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_LABEL_LENGTH = 40


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    start = forms.DateField(label=gettext_lazy("From"), widget=_date_widget())
    end = forms.DateField(label=gettext_lazy("To"), widget=_date_widget())
    network = forms.ModelChoiceField(
        label=gettext_lazy("Network"),
        queryset=Network.objects.none(),
        required=False,
        empty_label=gettext_lazy("The whole programme"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, networks, whole_programme: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks
        if not whole_programme:
            self.fields["network"].required = True
            self.fields["network"].empty_label = None

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end of the period lies before its start."))
        return data


def lead_network_ids(user, programme: Programme) -> set[int]:
    """The programme's networks whose lead organisation the person administers."""
    admin_of = Membership.objects.filter(user=user, role=Membership.Role.ADMIN).values(
        "organisation_id"
    )
    return set(
        NetworkMember.objects.filter(
            network__programme=programme,
            role=NetworkMember.Role.LEAD,
            organisation_id__in=admin_of,
        ).values_list("network_id", flat=True)
    )


def _access(request: HttpRequest, slug: str) -> tuple[Programme, bool, object]:
    """The programme, whether the person runs it, and the networks they may report on. A
    programme the person may not see answers 404; one they may see but not report on, 403."""
    programme = get_object_or_404(Programme, slug=slug)
    user = request.user
    if not user.has_perm("programmes.view_programme", programme):
        raise Http404
    runs = user.has_perm("programmes.change_programme", programme)
    networks = Network.objects.filter(programme=programme).order_by("name")
    if not runs:
        lead = lead_network_ids(user, programme)
        if not lead:
            raise PermissionDenied
        networks = networks.filter(pk__in=lead)
    return programme, runs, networks


def default_period(programme: Programme) -> tuple[datetime.date, datetime.date]:
    """The programme's own period when it has one, else the current calendar year."""
    if programme.starts_on and programme.ends_on:
        return programme.starts_on, programme.ends_on
    year = timezone.localdate().year
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _form(request: HttpRequest, programme: Programme, runs: bool, networks) -> PeriodForm:
    """The period from the query string, each part defaulting to the programme's period (and,
    for a lead organisation's admin, to their first network)."""
    start, end = default_period(programme)
    data = {"start": start.isoformat(), "end": end.isoformat(), "network": ""}
    if not runs:
        first = networks.first()
        data["network"] = first.pk if first else ""
    for key in data:
        if request.GET.get(key):
            data[key] = request.GET[key]
    return PeriodForm(data, networks=networks, whole_programme=runs)


def chart_for(table: Table) -> BarChart | None:
    """The table's chart columns as sections of one chart, a bar per row. The organisations,
    many rows of country and kind, are charted by country."""
    if not table.rows:
        return None
    rows = [(" · ".join(row.labels)[:CHART_LABEL_LENGTH], row.values) for row in table.rows]
    if table.key == "organisations":
        by_country: dict[str, list[int]] = {}
        for row in table.rows:
            sums = by_country.setdefault(row.labels[0], [0] * len(row.values))
            for i, value in enumerate(row.values):
                sums[i] += value
        rows = [(country, tuple(sums)) for country, sums in by_country.items()]
    sections = []
    for position, column in enumerate(table.chart_columns):
        tone = "groups" if position % 2 == 0 else "pairs"
        bars = [(label, values[column], tone, "") for label, values in rows]
        sections.append((str(table.value_headers[column]), bars))
    return bar_chart(f"chart-{table.key}", str(table.title), sections)


def _sections(result: Indicators) -> list[tuple[Table, BarChart | None]]:
    return [(table, chart_for(table)) for table in result.tables]


def _report(request: HttpRequest, slug: str):
    programme, runs, networks = _access(request, slug)
    form = _form(request, programme, runs, networks)
    result = None
    if form.is_valid():
        result = indicators(
            programme,
            form.cleaned_data["start"],
            form.cleaned_data["end"],
            network=form.cleaned_data["network"],
        )
    return programme, form, result


def _file_name(result: Indicators, extension: str) -> str:
    scope = slugify(result.network.name)[:60] if result.network else result.programme.slug
    return f"{scope}-report-{result.start.isoformat()}-{result.end.isoformat()}.{extension}"


@login_required
def report(request: HttpRequest, programme: str) -> HttpResponse:
    programme_, form, result = _report(request, programme)
    return render(
        request,
        "outreach/reports/report.html",
        {
            "programme": programme_,
            "form": form,
            "result": result,
            "sections": _sections(result) if result else [],
            "query": request.GET.urlencode() if result else "",
        },
    )


def _refuse(url: str, *args, **kwargs):
    raise ValueError(f"The funder report loads no external resources ({url[:80]}).")


@login_required
def report_pdf(request: HttpRequest, programme: str) -> HttpResponse:
    programme_, _, result = _report(request, programme)
    if result is None:
        return HttpResponse(status=400)
    from weasyprint import HTML  # imported here: it loads Pango, which only the PDFs need

    html = render_to_string(
        "outreach/reports/pdf.html",
        {
            "programme": programme_,
            "result": result,
            "sections": _sections(result),
            "now_date": date_format(timezone.localdate(), "SHORT_DATE_FORMAT"),
        },
        request=request,
    )
    content = HTML(string=html, url_fetcher=_refuse).write_pdf()
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_file_name(result, "pdf")}"'
    return response


def workbook(result: Indicators) -> bytes:
    """One sheet per table: a line naming the report, then the headers, the rows and the
    totals."""
    book = Workbook()
    book.remove(book.active)
    scope = result.network.name if result.network else result.programme.name
    period = f"{result.start.isoformat()} – {result.end.isoformat()}"
    for table in result.tables:
        sheet = book.create_sheet(str(table.title)[:31])
        sheet.append([str(table.title), scope, period])
        sheet["A1"].font = Font(bold=True)
        sheet.append([str(header) for header in table.headers])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([*row.labels, *row.values])
        sheet.append([_("Total"), *[""] * (len(table.label_headers) - 1), *table.totals])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for column, width in zip("ABCDE", (34, 26, 18, 18, 18), strict=False):
            sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@login_required
def report_xlsx(request: HttpRequest, programme: str) -> HttpResponse:
    _, _, result = _report(request, programme)
    if result is None:
        return HttpResponse(status=400)
    response = HttpResponse(workbook(result), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_file_name(result, "xlsx")}"'
    return response
