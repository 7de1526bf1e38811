"""The programme's stakeholder dialogue log and dissemination log.

Rules decided here: an entry is recorded for an organisation that takes part in the programme
(and that the person recording belongs to, checked by the views' rules); a network, when given,
is of the programme and has the organisation as a member; the estimated reach is a whole number
of at least 0; links are http(s) addresses; linked practices are of the programme.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from netzwerkstatt.organisations.models import Organisation

from ..models import DisseminationActivity, Level, StakeholderEngagement
from ._common import delete_versioned, raise_errors, save_versioned

ENGAGEMENT_FIELDS = (
    "network", "stakeholder", "group", "level", "date", "topic", "outcome", "follow_up",
    "follow_up_due",
)  # fmt: skip
ACTIVITY_FIELDS = (
    "network", "kind", "title", "date", "audience", "estimated_reach", "links",
)  # fmt: skip

_url = URLValidator(schemes=["http", "https"])


def _common_errors(entry) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not (
        entry.programme.participations.filter(organisation_id=entry.organisation_id).exists()
        or entry.programme.networks.filter(members__organisation_id=entry.organisation_id).exists()
    ):
        errors["organisation"] = [_("The organisation does not take part in the programme.")]
    if entry.network_id is not None and (
        entry.network.programme_id != entry.programme.pk
        or not entry.network.members.filter(organisation_id=entry.organisation_id).exists()
    ):
        errors["network"] = [_("Choose a network of the programme the organisation belongs to.")]
    if entry.date is None:
        errors["date"] = [_("Give the date.")]
    return errors


def _validate_engagement(entry: StakeholderEngagement, data) -> None:
    errors = _common_errors(entry)
    if not (entry.stakeholder or "").strip():
        errors["stakeholder"] = [_("Name the stakeholder.")]
    if entry.group not in StakeholderEngagement.Group.values:
        errors["group"] = [_("Choose a stakeholder group.")]
    if entry.level not in Level.values:
        errors["level"] = [_("Choose a level.")]
    if not (entry.topic or "").strip():
        errors["topic"] = [_("Give the topic.")]
    if entry.follow_up_due and entry.date and entry.follow_up_due < entry.date:
        errors["follow_up_due"] = [_("The follow-up cannot be due before the engagement.")]
    raise_errors(errors)


def clean_links(links) -> list[str]:
    """The links as a list, one per non-empty line; each one an http(s) address."""
    if isinstance(links, str):
        links = links.splitlines()
    result = [link.strip() for link in links or [] if link.strip()]
    for link in result:
        try:
            _url(link)
        except ValidationError:
            raise_errors(
                {"links": [_("“%(link)s” is not a web address (http or https).") % {"link": link}]}
            )
    return result


def _validate_activity(entry: DisseminationActivity, data) -> None:
    errors = _common_errors(entry)
    if entry.kind not in DisseminationActivity.Kind.values:
        errors["kind"] = [_("Choose a type.")]
    if not (entry.title or "").strip():
        errors["title"] = [_("Give the title.")]
    if entry.estimated_reach is None or entry.estimated_reach < 0:
        errors["estimated_reach"] = [_("Give a whole number of 0 or more.")]
    if any(p.programme_id != entry.programme.pk for p in data.get("practices") or []):
        errors["practices"] = [_("Choose practices of this programme.")]
    raise_errors(errors)
    entry.links = clean_links(entry.links)


@transaction.atomic
def record_engagement(
    *, actor, programme, organisation: Organisation, data: dict[str, Any]
) -> StakeholderEngagement:
    """Add an engagement with a stakeholder to the programme's log."""
    return save_versioned(
        actor=actor,
        model=StakeholderEngagement,
        item=None,
        new=lambda: StakeholderEngagement(
            programme=programme, organisation=organisation, created_by=actor
        ),
        fields=ENGAGEMENT_FIELDS,
        data=data,
        expected_version=None,
        validate=_validate_engagement,
        action="outreach.engagement",
        programme=programme,
        organisation=organisation,
    )


@transaction.atomic
def update_engagement(
    *,
    actor,
    engagement: StakeholderEngagement,
    data: dict[str, Any],
    expected_version: int | None,
) -> StakeholderEngagement:
    return save_versioned(
        actor=actor,
        model=StakeholderEngagement,
        item=engagement,
        new=lambda: None,
        fields=ENGAGEMENT_FIELDS,
        data=data,
        expected_version=expected_version,
        validate=_validate_engagement,
        action="outreach.engagement",
        programme=engagement.programme,
        organisation=engagement.organisation,
    )


@transaction.atomic
def delete_engagement(
    *, actor, engagement: StakeholderEngagement, expected_version: int | None
) -> None:
    delete_versioned(
        actor=actor,
        item=engagement,
        fields=ENGAGEMENT_FIELDS,
        expected_version=expected_version,
        action="outreach.engagement",
        programme=engagement.programme,
    )


@transaction.atomic
def record_dissemination(
    *, actor, programme, organisation: Organisation, data: dict[str, Any]
) -> DisseminationActivity:
    """Add a dissemination activity to the programme's log."""
    return save_versioned(
        actor=actor,
        model=DisseminationActivity,
        item=None,
        new=lambda: DisseminationActivity(
            programme=programme, organisation=organisation, created_by=actor
        ),
        fields=ACTIVITY_FIELDS,
        many=("practices",),
        data=data,
        expected_version=None,
        validate=_validate_activity,
        action="outreach.dissemination",
        programme=programme,
        organisation=organisation,
    )


@transaction.atomic
def update_dissemination(
    *,
    actor,
    activity: DisseminationActivity,
    data: dict[str, Any],
    expected_version: int | None,
) -> DisseminationActivity:
    return save_versioned(
        actor=actor,
        model=DisseminationActivity,
        item=activity,
        new=lambda: None,
        fields=ACTIVITY_FIELDS,
        many=("practices",),
        data=data,
        expected_version=expected_version,
        validate=_validate_activity,
        action="outreach.dissemination",
        programme=activity.programme,
        organisation=activity.organisation,
    )


@transaction.atomic
def delete_dissemination(
    *, actor, activity: DisseminationActivity, expected_version: int | None
) -> None:
    delete_versioned(
        actor=actor,
        item=activity,
        fields=(*ACTIVITY_FIELDS, "practices"),
        expected_version=expected_version,
        action="outreach.dissemination",
        programme=activity.programme,
    )
