from django.conf import settings
from django.urls import reverse


def navigation(request):
    """What the base layout needs on every page: the language switcher and the role-based menu."""
    user = getattr(request, "user", None)
    return {
        "available_languages": settings.LANGUAGES,
        "is_platform_admin": bool(user and user.is_authenticated and user.is_superuser),
        "current_path": request.get_full_path() if request else reverse("core:home"),
    }
