from django.urls import path

from . import (
    activity_views,
    dashboard_views,
    document_views,
    manage_views,
    project_views,
    views,
    workplan_views,
)

app_name = "networks"

urlpatterns = [
    path("", views.network_list, name="list"),
    path("new/", manage_views.network_create, name="create"),
    path("projects/", project_views.projects_overview, name="projects_overview"),
    # The coordinators' dashboard of the programme's networks
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path("dashboard/export.xlsx", dashboard_views.dashboard_xlsx, name="dashboard_xlsx"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", manage_views.network_edit, name="edit"),
    path("<int:pk>/members/", manage_views.members, name="members"),
    path("<int:pk>/activity/", activity_views.network_activity, name="activity"),
    # The work programme
    path("<int:pk>/work/", workplan_views.work_programme, name="work_programme"),
    path("<int:pk>/work/goals/new/", workplan_views.goal, name="goal_new"),
    path("<int:pk>/work/goals/<int:item_id>/", workplan_views.goal, name="goal"),
    path("<int:pk>/work/packages/new/", workplan_views.work_package, name="work_package_new"),
    path("<int:pk>/work/packages/<int:item_id>/", workplan_views.work_package, name="work_package"),
    path("<int:pk>/work/milestones/new/", workplan_views.milestone, name="milestone_new"),
    path("<int:pk>/work/milestones/<int:item_id>/", workplan_views.milestone, name="milestone"),
    # The development projects of a tandem
    path("<int:pk>/projects/", project_views.projects, name="projects"),
    path("<int:pk>/projects/<int:project_id>/", project_views.project, name="project"),
    path(
        "<int:pk>/projects/<int:project_id>/edit/", project_views.project_edit, name="project_edit"
    ),
    path(
        "<int:pk>/projects/<int:project_id>/files/<int:attachment_id>/",
        project_views.log_attachment,
        name="log_attachment",
    ),
    # The document library
    path("<int:pk>/documents/", document_views.library, name="documents"),
    path(
        "<int:pk>/documents/folders/<int:folder_id>/",
        document_views.folder,
        name="document_folder",
    ),
    path("<int:pk>/documents/upload/", document_views.upload, name="document_upload"),
    path("<int:pk>/documents/<int:document_id>/", document_views.document, name="document"),
    path(
        "<int:pk>/documents/<int:document_id>/v<int:number>/",
        document_views.download,
        name="document_download",
    ),
    path(
        "<int:pk>/documents/<int:document_id>/v<int:number>/inline/",
        document_views.inline_pdf,
        name="document_inline",
    ),
    path(
        "<int:pk>/documents/<int:document_id>/v<int:number>/preview/",
        document_views.thumbnail,
        name="document_thumbnail",
    ),
]
