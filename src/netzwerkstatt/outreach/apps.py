from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "netzwerkstatt.outreach"
    verbose_name = _("Transfer and outreach")

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers the named permissions)
