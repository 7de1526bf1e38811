"""Reads of good practice that the views share."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from netzwerkstatt.organisations.models import Membership

from .models import Practice, PracticeTranslation
from .rules import _organisation_roles


def visible_practices(user, programme, *, runs_programme: bool) -> QuerySet[Practice]:
    """The programme's practices this person may see: published ones, their organisations' own,
    the ones they assess; all for the people who run the programme."""
    practices = Practice.objects.filter(programme=programme)
    if not runs_programme:
        practices = practices.filter(
            Q(status=Practice.Status.PUBLISHED)
            | Q(organisation_id__in=list(_organisation_roles(user)))
            | Q(assessments__assessor=user)
        ).distinct()
    return practices.select_related("organisation", "programme").order_by("-updated", "-id")


def own_organisations(user, programme):
    """The person's organisations that take part in the programme (they may own practices)."""
    from netzwerkstatt.organisations.models import Organisation

    return Organisation.objects.filter(
        memberships__user=user, participations__programme=programme
    ).order_by("name")


def possible_assessors(practice: Practice) -> list:
    """People of the programme's other organisations whose organisations are all outside the
    practice's countries, with their organisations' countries in ``countries``."""
    countries = set(practice.countries or [practice.organisation.country])
    memberships = (
        Membership.objects.filter(user__is_active=True)
        .filter(user__memberships__organisation__participations__programme=practice.programme)
        .select_related("organisation")
        .values_list("user_id", "organisation__country", "organisation_id")
        .distinct()
    )
    by_user: dict[int, set[str]] = {}
    excluded: set[int] = set()
    for user_id, country, organisation_id in memberships:
        by_user.setdefault(user_id, set()).add(country)
        if country in countries or organisation_id == practice.organisation_id:
            excluded.add(user_id)
    assigned = set(practice.assessments.values_list("assessor_id", flat=True))
    ids = [pk for pk in by_user if pk not in excluded and pk not in assigned]
    people = list(get_user_model().objects.filter(pk__in=ids).order_by("name", "email"))
    for person in people:
        person.countries = sorted(by_user[person.pk])
    return people


def text_in(practice: Practice, language: str | None) -> PracticeTranslation | None:
    """The translation into ``language``, if there is one (None for the original language)."""
    if not language or language == practice.language:
        return None
    return next((t for t in practice.translations.all() if t.language == language), None)
