import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from .api import api

urlpatterns = [
    path("", include("netzwerkstatt.core.urls")),
    path("accounts/", include("netzwerkstatt.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("organisations/", include("netzwerkstatt.organisations.urls")),
    path("programmes/", include("netzwerkstatt.programmes.urls")),
    path("programmes/<slug:programme>/calls/", include("netzwerkstatt.calls.urls")),
    path(
        "programmes/<slug:programme>/calls/<slug:call>/matching/",
        include("netzwerkstatt.matching.urls"),
    ),
    path(
        "programmes/<slug:programme>/calls/<slug:call>/applications/",
        include("netzwerkstatt.selection.urls"),
    ),
    path("programmes/<slug:programme>/networks/", include("netzwerkstatt.networks.urls")),
    path("programmes/<slug:programme>/practices/", include("netzwerkstatt.practices.urls")),
    path("practices/", include("netzwerkstatt.practices.catalogue_urls")),
    path("", include("netzwerkstatt.events.urls")),
    path("", include("netzwerkstatt.discussions.urls")),
    path("", include("netzwerkstatt.outreach.urls")),
    path("programmes/<slug:programme>/report/", include("netzwerkstatt.outreach.report_urls")),
    path("", include("netzwerkstatt.courses.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
            name="media",
        )
    )
