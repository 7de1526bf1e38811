"""Mounted at the site root: a programme's discussions and a network's, with the same pages."""

from django.urls import path

from . import views

app_name = "discussions"

P = "programmes/<slug:programme>/discussions/"
N = "programmes/<slug:programme>/networks/<int:pk>/discussions/"

PAGES = [
    ("", views.thread_list, "list"),
    ("new/", views.thread_create, "create"),
    ("<int:thread_id>/", views.thread, "thread"),
    ("<int:thread_id>/follow/", views.subscription, "subscription"),
    ("<int:thread_id>/close/", views.close, "close"),
    ("<int:thread_id>/posts/<int:post_id>/reply/", views.reply, "reply"),
    ("<int:thread_id>/posts/<int:post_id>/edit/", views.edit, "edit"),
    ("<int:thread_id>/posts/<int:post_id>/history/", views.history, "history"),
    ("<int:thread_id>/posts/<int:post_id>/moderate/", views.moderate, "moderate"),
]

urlpatterns = [path(P + route, view, name=name) for route, view, name in PAGES] + [
    path(N + route, view, name=f"network_{name}") for route, view, name in PAGES
]
