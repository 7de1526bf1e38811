"""A provider's courses and runs (manage_views.py)."""

from django.urls import path

from . import manage_views as views

COURSE = "organisations/<slug:slug>/courses/<slug:course_slug>/"
RUN = COURSE + "runs/<int:run_id>/"

urlpatterns = [
    path("organisations/<slug:slug>/courses/", views.manage_courses, name="manage_courses"),
    path("organisations/<slug:slug>/courses/new/", views.course_create, name="course_create"),
    path(COURSE + "manage/", views.course_manage, name="course_manage"),
    path(COURSE + "edit/", views.course_edit, name="course_edit"),
    path(COURSE + "publish/", views.course_publish, name="course_publish"),
    path(COURSE + "unpublish/", views.course_unpublish, name="course_unpublish"),
    path(COURSE + "delete/", views.course_delete, name="course_delete"),
    path(COURSE + "runs/new/", views.run_create, name="run_create"),
    path(RUN + "edit/", views.run_edit, name="run_edit"),
    path(RUN + "duplicate/", views.run_duplicate, name="run_duplicate"),
    path(RUN + "delete/", views.run_delete, name="run_delete"),
]
