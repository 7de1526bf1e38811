"""The public catalogue of good practice, mounted at /practices/."""

from django.urls import path

from . import catalogue_views

app_name = "catalogue"

urlpatterns = [
    path("", catalogue_views.index, name="index"),
    path("catalogue.csv", catalogue_views.catalogue_csv, name="csv"),
    path("catalogue.json", catalogue_views.catalogue_json, name="json"),
    path("feed.atom", catalogue_views.feed, name="feed"),
]
