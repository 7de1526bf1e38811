"""Expressions of interest from actor groups: starting, the group's pages, partners' answers."""

from django.urls import path

from ..views import expressions as views

GROUP = "<slug:slug>/groups/<int:group_id>/"

urlpatterns = [
    path("<slug:slug>/apply/", views.start, name="start"),
    path(GROUP, views.group, name="group"),
    path(GROUP + "profile/", views.profile, name="group_profile"),
    path(GROUP + "answers/", views.answers, name="group_answers"),
    path(GROUP + "autosave/", views.autosave, name="group_autosave"),
    path(GROUP + "partners/", views.partners, name="group_partners"),
    path(GROUP + "files/<int:file_id>/", views.group_file, name="group_file"),
    path(GROUP + "submit/", views.submit, name="group_submit"),
    path(GROUP + "withdraw/", views.withdraw, name="group_withdraw"),
    path("<slug:slug>/join/<str:token>/", views.partner_answer, name="partner_answer"),
    path(
        "<slug:slug>/invitations/<int:member_id>/",
        views.partner_invitation,
        name="partner_invitation",
    ),
]
