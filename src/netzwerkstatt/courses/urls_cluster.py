"""The cluster's pages (its overview, quality standard and reviews) and a provider's
self-assessment in a cluster."""

from django.urls import path

from . import cluster_views, quality_views

urlpatterns = [
    path("programmes/<slug:programme>/cluster/", cluster_views.cluster, name="cluster"),
    path(
        "programmes/<slug:programme>/cluster/standard/",
        quality_views.standard,
        name="standard",
    ),
    path(
        "programmes/<slug:programme>/cluster/standard/draft/",
        quality_views.standard_draft,
        name="standard_draft",
    ),
    path(
        "programmes/<slug:programme>/cluster/standard/<int:number>/",
        quality_views.standard_version,
        name="standard_version",
    ),
    path(
        "programmes/<slug:programme>/cluster/reviews/",
        quality_views.reviews,
        name="reviews",
    ),
    path(
        "programmes/<slug:programme>/cluster/reviews/<int:pk>/",
        quality_views.review,
        name="review",
    ),
    path(
        "organisations/<slug:slug>/quality/<slug:programme>/",
        quality_views.self_assessment,
        name="self_assessment",
    ),
]
