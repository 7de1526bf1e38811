from django.urls import path

from . import views

app_name = "programmes"
urlpatterns = [
    path("", views.programme_list, name="list"),
    path("new/", views.create, name="create"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/people/", views.people, name="people"),
    path("<slug:slug>/people/<int:role_id>/revoke/", views.revoke_role, name="revoke_role"),
    path(
        "<slug:slug>/invitations/<int:invitation_id>/revoke/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
    path("<slug:slug>/organisations/", views.participants, name="participants"),
    path(
        "<slug:slug>/organisations/<int:participation_id>/remove/",
        views.remove_participant,
        name="remove_participant",
    ),
    path("<slug:slug>/audit/", views.audit_log, name="audit_log"),
]
