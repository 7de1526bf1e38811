"""Mounted at the site root: the programme's outreach pages and a network's capacity building."""

from django.urls import path

from . import capacity_views, log_views, transfer_views

app_name = "outreach"

P = "programmes/<slug:programme>/outreach/"
N = "programmes/<slug:programme>/networks/<int:pk>/capacity/"

urlpatterns = [
    # Transfers of good practice
    path(f"{P}adopt/<slug:slug>/", transfer_views.adopt, name="adopt"),
    path(f"{P}transfers/<int:pk>/", transfer_views.transfer, name="transfer"),
    path(f"{P}transfers/<int:pk>/status/", transfer_views.transfer_status, name="transfer_status"),
    path(
        f"{P}transfers/<int:pk>/steps/<int:step_id>/",
        transfer_views.transfer_step,
        name="transfer_step",
    ),
    # Capacity building
    path(f"{P}capacity/", capacity_views.overview, name="capacity_overview"),
    path(N, capacity_views.network_plans, name="network_plans"),
    path(f"{N}new/", capacity_views.plan_create, name="plan_create"),
    path(f"{N}<int:plan_id>/", capacity_views.plan, name="plan"),
    path(f"{N}<int:plan_id>/steps/<int:step_id>/", capacity_views.plan_step, name="plan_step"),
    # The stakeholder dialogue log
    path(f"{P}stakeholders/", log_views.stakeholders, name="stakeholders"),
    path(f"{P}stakeholders/new/", log_views.stakeholder_create, name="stakeholder_create"),
    path(f"{P}stakeholders/<int:pk>/", log_views.stakeholder_edit, name="stakeholder_edit"),
    path(f"{P}stakeholders/export.csv", log_views.stakeholders_csv, name="stakeholders_csv"),
    # The dissemination log
    path(f"{P}dissemination/", log_views.dissemination, name="dissemination"),
    path(f"{P}dissemination/new/", log_views.dissemination_create, name="dissemination_create"),
    path(f"{P}dissemination/<int:pk>/", log_views.dissemination_edit, name="dissemination_edit"),
    path(f"{P}dissemination/export.csv", log_views.dissemination_csv, name="dissemination_csv"),
]
