"""A provider's hub, participation declarations and certifications
(/organisations/<slug>/...), and a cluster's declaration text (/programmes/<programme>/cluster/
declaration/)."""

from django.urls import path

from . import provider_views as views

urlpatterns = [
    path(
        "organisations/<slug:slug>/continuing-education/",
        views.provider_hub,
        name="provider_hub",
    ),
    path("organisations/<slug:slug>/declarations/", views.declarations, name="declarations"),
    path(
        "organisations/<slug:slug>/certifications/",
        views.certifications,
        name="certifications",
    ),
    path(
        "organisations/<slug:slug>/certifications/new/",
        views.certification_create,
        name="certification_create",
    ),
    path(
        "organisations/<slug:slug>/certifications/<int:pk>/",
        views.certification_edit,
        name="certification_edit",
    ),
    path(
        "organisations/<slug:slug>/certifications/<int:pk>/delete/",
        views.certification_delete,
        name="certification_delete",
    ),
    path(
        "organisations/<slug:slug>/certifications/<int:pk>/evidence/",
        views.certification_evidence,
        name="certification_evidence",
    ),
    path(
        "programmes/<slug:programme>/cluster/declaration/",
        views.declaration_text,
        name="declaration_text",
    ),
]
