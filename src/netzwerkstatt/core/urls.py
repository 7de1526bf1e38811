from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("pages/<slug:kind>/", views.site_page, name="page"),
    path("audit/", views.audit_log, name="audit_log"),
    path("language/", views.set_language, name="set_language"),
]
