"""The programme's stakeholder dialogue log and dissemination log: lists with filters (group,
level, type, year, network), add and edit forms, and CSV exports of the filtered lists."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.programmes.rules import get_programme_for

from . import queries
from .forms import DisseminationForm, EngagementForm, LogFilter
from .models import DisseminationActivity, StakeholderEngagement
from .rules import get_entry_for, participating_organisation_ids
from .services import logs as services
from .transfer_views import _version

LOGS = {
    "stakeholders": {
        "model": StakeholderEngagement,
        "form": EngagementForm,
        "rows": queries.engagements,
        "record": services.record_engagement,
        "update": services.update_engagement,
        "update_arg": "engagement",
        "delete": services.delete_engagement,
        "title": gettext_lazy("Stakeholder dialogue"),
        "new_title": gettext_lazy("New stakeholder engagement"),
        "saved": gettext_lazy("The engagement was saved."),
        "deleted": gettext_lazy("The engagement was deleted."),
    },
    "dissemination": {
        "model": DisseminationActivity,
        "form": DisseminationForm,
        "rows": queries.activities,
        "record": services.record_dissemination,
        "update": services.update_dissemination,
        "update_arg": "activity",
        "delete": services.delete_dissemination,
        "title": gettext_lazy("Dissemination"),
        "new_title": gettext_lazy("New dissemination activity"),
        "saved": gettext_lazy("The activity was saved."),
        "deleted": gettext_lazy("The activity was deleted."),
    },
}


def _filtered(request, programme_, log: str):
    spec = LOGS[log]
    filters = LogFilter(
        request.GET,
        networks=programme_.networks.order_by("name"),
        years=queries.years(spec["model"], programme_),
        log=log,
    )
    values = filters.values()
    return filters, values, spec["rows"](programme_, values)


def _log_list(request: HttpRequest, programme: str, log: str) -> HttpResponse:
    programme_ = get_programme_for(request.user, programme, "outreach.view_logs")
    filters, values, rows = _filtered(request, programme_, log)
    rows = list(rows)
    mine = participating_organisation_ids(request.user, programme_)
    runs = request.user.has_perm("programmes.change_programme", programme_)
    for row in rows:
        row.editable = runs or row.organisation_id in mine
    summary = {"count": len(rows)}
    if log == "dissemination":
        summary["reach"] = sum(row.estimated_reach for row in rows)
    return render(
        request,
        f"outreach/logs/{log}.html",
        {
            "programme": programme_,
            "log": log,
            "title": LOGS[log]["title"],
            "rows": rows,
            "filters": filters,
            "filtered": bool(values),
            "query": request.GET.urlencode(),
            "summary": summary,
            "can_add": request.user.has_perm("outreach.add_log_entry", programme_),
        },
    )


def _entry_form(request, programme: str, log: str, pk: int | None) -> HttpResponse:
    spec = LOGS[log]
    list_url = reverse(f"outreach:{log}", kwargs={"programme": programme})
    if pk is None:
        programme_ = get_programme_for(request.user, programme, "outreach.add_log_entry")
        entry = None
        organisations = list(
            Organisation.objects.filter(
                pk__in=participating_organisation_ids(request.user, programme_)
            ).order_by("name")
        )
    else:
        entry = get_entry_for(request.user, spec["model"], programme, pk)
        programme_ = entry.programme
        organisations = None
    deleting = request.method == "POST" and "delete" in request.POST and entry is not None
    form = spec["form"](
        request.POST if request.method == "POST" and not deleting else None,
        instance=entry,
        programme=programme_,
        organisations=organisations,
        networks=programme_.networks.order_by("name"),
    )
    conflict, stored = False, None
    try:
        if deleting:
            spec["delete"](
                actor=request.user,
                expected_version=_version(request),
                **{spec["update_arg"]: entry},
            )
            messages.success(request, spec["deleted"])
            return redirect(list_url)
        if request.method == "POST" and form.is_valid():
            data = form.data_for_service()
            if entry is None:
                spec["record"](
                    actor=request.user,
                    programme=programme_,
                    organisation=data.pop("organisation"),
                    data=data,
                )
            else:
                spec["update"](
                    actor=request.user,
                    data=data,
                    expected_version=form.cleaned_data["version"],
                    **{spec["update_arg"]: entry},
                )
            messages.success(request, spec["saved"])
            return redirect(list_url)
    except ConcurrentEdit:
        conflict, stored = True, spec["model"].objects.get(pk=entry.pk)
    except ValidationError as error:
        form.add_service_errors(error)
    return render(
        request,
        "outreach/logs/entry_form.html",
        {
            "programme": programme_,
            "log": log,
            "title": spec["title"],
            "here": str(entry) if entry else spec["new_title"],
            "entry": entry,
            "form": form,
            "list_url": list_url,
            "conflict": conflict,
            "stored": stored,
        },
    )


def _csv(request, programme: str, log: str) -> HttpResponse:
    programme_ = get_programme_for(request.user, programme, "outreach.view_logs")
    _filters, _values, rows = _filtered(request, programme_, log)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{programme_.slug}-{log}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(response)
    if log == "stakeholders":
        writer.writerow(
            [
                _("Date"), _("Stakeholder"), _("Stakeholder group"), _("Level"), _("Topic"),
                _("Outcome"), _("Follow-up"), _("Follow-up due"), _("Organisation"),
                _("Network"),
            ]
        )  # fmt: skip
        for row in rows:
            writer.writerow(
                [
                    row.date.isoformat(), row.stakeholder, row.get_group_display(),
                    row.get_level_display(), row.topic, row.outcome, row.follow_up,
                    row.follow_up_due.isoformat() if row.follow_up_due else "",
                    row.organisation.name, row.network.name if row.network else "",
                ]
            )  # fmt: skip
    else:
        writer.writerow(
            [
                _("Date"), _("Type"), _("Title"), _("Audience"), _("Estimated reach"),
                _("Links"), _("Linked practices"), _("Organisation"), _("Network"),
            ]
        )  # fmt: skip
        for row in rows:
            writer.writerow(
                [
                    row.date.isoformat(), row.get_kind_display(), row.title, row.audience,
                    row.estimated_reach, " ".join(row.links),
                    "; ".join(p.title for p in row.practices.all()), row.organisation.name,
                    row.network.name if row.network else "",
                ]
            )  # fmt: skip
    return response


@login_required
def stakeholders(request: HttpRequest, programme: str) -> HttpResponse:
    return _log_list(request, programme, "stakeholders")


@login_required
def stakeholder_create(request: HttpRequest, programme: str) -> HttpResponse:
    return _entry_form(request, programme, "stakeholders", None)


@login_required
def stakeholder_edit(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    return _entry_form(request, programme, "stakeholders", pk)


@login_required
def stakeholders_csv(request: HttpRequest, programme: str) -> HttpResponse:
    return _csv(request, programme, "stakeholders")


@login_required
def dissemination(request: HttpRequest, programme: str) -> HttpResponse:
    return _log_list(request, programme, "dissemination")


@login_required
def dissemination_create(request: HttpRequest, programme: str) -> HttpResponse:
    return _entry_form(request, programme, "dissemination", None)


@login_required
def dissemination_edit(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    return _entry_form(request, programme, "dissemination", pk)


@login_required
def dissemination_csv(request: HttpRequest, programme: str) -> HttpResponse:
    return _csv(request, programme, "dissemination")
