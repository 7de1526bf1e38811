"""Screening, for the people who run a call: /programmes/<programme>/calls/<slug>/screening/ and
the call's funnel overview."""

from django.urls import path

from ..views import screening as views

urlpatterns = [
    path("<slug:slug>/screening/", views.table, name="screening"),
    path("<slug:slug>/screening/bulk/", views.bulk, name="screening_bulk"),
    path("<slug:slug>/screening/release/", views.release, name="screening_release"),
    path(
        "<slug:slug>/screening/<int:expression_id>/",
        views.screen_expression,
        name="screening_expression",
    ),
    path(
        "<slug:slug>/screening/<int:expression_id>/files/<int:file_id>/",
        views.answer_file,
        name="screening_file",
    ),
    path("<slug:slug>/overview/", views.overview, name="overview"),
    path("<slug:slug>/overview.csv", views.overview_csv, name="overview_csv"),
    path("<slug:slug>/overview.xlsx", views.overview_xlsx, name="overview_xlsx"),
]
