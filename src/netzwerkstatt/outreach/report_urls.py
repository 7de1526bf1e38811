"""Mounted at ``programmes/<slug:programme>/report/``: the funder report and its downloads."""

from django.urls import path

from . import report_views

app_name = "reports"

urlpatterns = [
    path("", report_views.report, name="report"),
    path("report.pdf", report_views.report_pdf, name="pdf"),
    path("report.xlsx", report_views.report_xlsx, name="xlsx"),
]
