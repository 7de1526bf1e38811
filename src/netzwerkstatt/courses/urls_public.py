"""The public continuing-education database under /courses/: the search, the comparison, the
exports, provider pages and course pages. The two-part course address comes last, so that
"compare" and "providers" are never read as a provider's slug."""

from django.urls import path, register_converter

from . import public_views
from .exports import FORMATS


class ExportFormat:
    """csv, xlsx or jsonld: ``courses/export.<export_format:fmt>``."""

    regex = "|".join(FORMATS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ExportFormat, "export_format")

urlpatterns = [
    path("courses/", public_views.course_search, name="search"),
    path("courses/compare/", public_views.compare, name="compare"),
    path("courses/export.<export_format:fmt>", public_views.export, name="export"),
    path("courses/providers/<slug:slug>/", public_views.provider_detail, name="provider"),
    path(
        "courses/providers/<slug:slug>/export.<export_format:fmt>",
        public_views.provider_export,
        name="provider_export",
    ),
    path("courses/<slug:provider>/<slug:slug>/", public_views.course_detail, name="course"),
]
