from django.urls import path

from . import assessment_views, criteria_views, views

app_name = "practices"

urlpatterns = [
    path("", views.practice_list, name="list"),
    path("new/", views.practice_create, name="create"),
    path("criteria/", criteria_views.criteria, name="criteria"),
    path("<slug:slug>/", views.practice_detail, name="detail"),
    path("<slug:slug>/edit/", views.practice_edit, name="edit"),
    path("<slug:slug>/submit/", views.practice_submit, name="submit"),
    path("<slug:slug>/files/<int:attachment_id>/", views.attachment, name="attachment"),
    path("<slug:slug>/translations/", views.translations, name="translations"),
    path(
        "<slug:slug>/translations/<str:language>/",
        views.translation_edit,
        name="translation_edit",
    ),
    # The joint assessment
    path("<slug:slug>/assessment/", assessment_views.assessment_overview, name="assessment"),
    path("<slug:slug>/assessment/<int:assessment_id>/", assessment_views.assess, name="assess"),
    path("<slug:slug>/feedback/", assessment_views.feedback, name="feedback"),
]
