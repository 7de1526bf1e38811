"""The coordinators' dashboard of a programme's networks, as a page and as a spreadsheet."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from openpyxl import Workbook
from openpyxl.styles import Font

from netzwerkstatt.programmes.rules import get_programme_for

from . import dashboard as queries

# The dashboard is for the people who run the programme (coordinators, platform admins).
PERM = "programmes.change_programme"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def dashboard(request: HttpRequest, programme: str) -> HttpResponse:
    programme_ = get_programme_for(request.user, programme, PERM)
    return render(
        request,
        "networks/dashboard/page.html",
        {"programme": programme_, "board": queries.dashboard(programme_)},
    )


@login_required
def dashboard_xlsx(request: HttpRequest, programme: str) -> HttpResponse:
    programme_ = get_programme_for(request.user, programme, PERM)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in queries.sheets(queries.dashboard(programme_)):
        # Sheet titles: at most 31 characters.
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        sheet.column_dimensions["A"].width = 40
        for column in "BCDEFGHI":
            sheet.column_dimensions[column].width = 18
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="{programme_.slug}-networks-dashboard.xlsx"'
    )
    return response
