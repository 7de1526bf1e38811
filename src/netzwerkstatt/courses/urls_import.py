"""The course import: a provider's (/organisations/<slug>/courses/import/) and a cluster's
(/programmes/<programme>/cluster/import/) upload pages and jobs; the column documentation and the
template files (/course-import/..., public: they hold no data)."""

from django.urls import path

from . import import_views as views

PROVIDER = "organisations/<slug:slug>/courses/import/"
CLUSTER = "programmes/<slug:programme>/cluster/import/"

urlpatterns = [
    path(PROVIDER, views.import_provider, name="import_provider"),
    path(PROVIDER + "<int:pk>/", views.import_job, name="import_job"),
    path(CLUSTER, views.import_cluster, name="import_cluster"),
    path(CLUSTER + "<int:pk>/", views.import_cluster_job, name="import_cluster_job"),
    path("course-import/columns/", views.import_help, name="import_help"),
    path("course-import/template/", views.import_template, name="import_template"),
]
