from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "netzwerkstatt.networks"
    verbose_name = _("Networks")

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers the named permissions)
