from django.urls import path

from . import views

app_name = "selection"

urlpatterns = [
    path("", views.application_list, name="list"),
    path("<int:consortium_id>/", views.workspace, name="workspace"),
    path("<int:consortium_id>/parts/<slug:part>/", views.part, name="part"),
    path("<int:consortium_id>/work-programme/", views.work_programme, name="work_programme"),
    path("<int:consortium_id>/roles/", views.roles, name="roles"),
    path("<int:consortium_id>/attachments/", views.attachments, name="attachments"),
    path(
        "<int:consortium_id>/attachments/<int:attachment_id>/",
        views.attachment,
        name="attachment",
    ),
    path("<int:consortium_id>/submit/", views.submit, name="submit"),
    path("<int:consortium_id>/application.pdf", views.pdf, name="pdf"),
]
