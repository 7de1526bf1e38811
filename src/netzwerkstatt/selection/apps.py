from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    name = "netzwerkstatt.selection"
    verbose_name = _("Selection")

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers the named permissions)
