"""Reads about programmes that several apps need."""

from django.db.models import Q, QuerySet

from .models import Programme, ProgrammeRole


def programme_ids_of(user) -> set[int]:
    """Programmes the person takes part in: by a role, or through a participating organisation.
    Cached on the user object for the length of a request."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_programme_ids", None)
    if cached is None:
        cached = set(
            Programme.objects.filter(
                Q(roles__user=user) | Q(participations__organisation__memberships__user=user)
            ).values_list("id", flat=True)
        )
        user._programme_ids = cached
    return cached


def programme_roles_of(user) -> dict[int, set[str]]:
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_programme_roles", None)
    if cached is None:
        cached = {}
        for programme_id, role in ProgrammeRole.objects.filter(user=user).values_list(
            "programme_id", "role"
        ):
            cached.setdefault(programme_id, set()).add(role)
        user._programme_roles = cached
    return cached


def visible_programmes(user) -> QuerySet[Programme]:
    if user.is_authenticated and user.is_superuser:
        return Programme.objects.all()
    return Programme.objects.filter(Q(is_public=True) | Q(id__in=programme_ids_of(user)))
