from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from .api import api

urlpatterns = [
    path("", include("netzwerkstatt.core.urls")),
    path("accounts/", include("netzwerkstatt.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("organisations/", include("netzwerkstatt.organisations.urls")),
    path("programmes/", include("netzwerkstatt.programmes.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
