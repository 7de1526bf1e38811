"""Mounted at the site root: programme events, a network's events, the personal calendar."""

from django.urls import path

from . import views

app_name = "events"

P = "programmes/<slug:programme>/events/"

urlpatterns = [
    path(P, views.event_list, name="list"),
    path(f"{P}new/", views.create, name="create"),
    path(f"{P}<int:pk>/", views.detail, name="detail"),
    path(f"{P}<int:pk>/edit/", views.edit, name="edit"),
    path(f"{P}<int:pk>/cancel/", views.cancel, name="cancel"),
    path(f"{P}<int:pk>/event.ics", views.ics, name="ics"),
    path(f"{P}<int:pk>/register/", views.register, name="register"),
    path(f"{P}<int:pk>/unregister/", views.unregister, name="unregister"),
    path(f"{P}<int:pk>/attendance/", views.attendance, name="attendance"),
    path(f"{P}<int:pk>/minutes/", views.minutes, name="minutes"),
    path(f"{P}<int:pk>/tasks/<int:task_id>/done/", views.task_done, name="task_done"),
    path(f"{P}<int:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path(
        f"{P}<int:pk>/attachments/<int:attachment_id>/",
        views.attachment,
        name="attachment",
    ),
    path(f"{P}topics/", views.topics, name="topics"),
    path(f"{P}topics/<int:topic_id>/vote/", views.topic_vote, name="topic_vote"),
    path(f"{P}topics/<int:topic_id>/seminar/", views.topic_seminar, name="topic_seminar"),
    path(
        "programmes/<slug:programme>/networks/<int:pk>/events/",
        views.network_event_list,
        name="network_list",
    ),
    path(
        "programmes/<slug:programme>/networks/<int:pk>/events/new/",
        views.network_create,
        name="network_create",
    ),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
    path("accounts/calendar/", views.calendar_page, name="calendar"),
]
