from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    name = "netzwerkstatt.discussions"
    verbose_name = _("Discussions")

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers the named permissions)
