from django.urls import path

from . import review_views, views

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
    # The committee's review and the decision.
    path("review/", review_views.review_overview, name="review_overview"),
    path("review/settings/", review_views.review_settings, name="review_settings"),
    path("review/auto-assign/", review_views.auto_assign, name="auto_assign"),
    path("<int:consortium_id>/reviewers/", review_views.reviewers, name="reviewers"),
    path(
        "review/assignments/<int:review_id>/remove/",
        review_views.unassign,
        name="unassign",
    ),
    path("reviews/", review_views.my_reviews, name="my_reviews"),
    path("reviews/<int:review_id>/", review_views.review, name="review"),
    path("reviews/<int:review_id>/submit/", review_views.submit_review, name="submit_review"),
    path("<int:consortium_id>/conflict/", review_views.conflict, name="conflict"),
    path("ranking/", review_views.ranking, name="ranking"),
    path("ranking.csv", review_views.ranking_csv, name="ranking_csv"),
    path("<int:consortium_id>/decision/", review_views.decision, name="decision"),
    path("decisions/release/", review_views.release, name="release"),
]
