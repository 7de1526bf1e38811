"""Setting up a call, and the public call pages."""

from django.urls import path

from ..views import setup as views

urlpatterns = [
    path("", views.call_list, name="list"),
    path("new/", views.create, name="create"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/questions/", views.questions, name="questions"),
    path("<slug:slug>/questions/<int:question_id>/", views.question_edit, name="question_edit"),
    path(
        "<slug:slug>/questions/<int:question_id>/delete/",
        views.question_delete,
        name="question_delete",
    ),
    path("<slug:slug>/screening-criteria/", views.criteria, name="criteria"),
    path("<slug:slug>/rubric/", views.rubric, name="rubric"),
    path("<slug:slug>/preview/", views.preview, name="preview"),
    path("<slug:slug>/publish/", views.publish, name="publish"),
]
