from django.urls import path

from . import manage_views, project_views, views, workplan_views

app_name = "networks"

urlpatterns = [
    path("", views.network_list, name="list"),
    path("new/", manage_views.network_create, name="create"),
    path("projects/", project_views.projects_overview, name="projects_overview"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", manage_views.network_edit, name="edit"),
    path("<int:pk>/members/", manage_views.members, name="members"),
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
]
