from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "netzwerkstatt.courses"
    verbose_name = _("Continuing-education database")

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers the named permissions)
        from .search import register as register_search

        register_search()
