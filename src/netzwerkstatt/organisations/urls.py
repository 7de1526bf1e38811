from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("new/", views.create, name="create"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/members/", views.members, name="members"),
    path("<slug:slug>/members/<int:membership_id>/role/", views.change_role, name="change_role"),
    path(
        "<slug:slug>/members/<int:membership_id>/remove/", views.remove_member, name="remove_member"
    ),
    path(
        "<slug:slug>/invitations/<int:invitation_id>/revoke/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
    path("<slug:slug>/contacts/new/", views.contact_form, name="contact_create"),
    path("<slug:slug>/contacts/<int:contact_id>/", views.contact_form, name="contact_edit"),
    path(
        "<slug:slug>/contacts/<int:contact_id>/delete/", views.contact_delete, name="contact_delete"
    ),
]
