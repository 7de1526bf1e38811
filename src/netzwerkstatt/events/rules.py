"""Who may do what with events.

- See an event: the people of its network's organisations (a network's own meeting); for a
  programme event, the programme's participants (whole programme) or the people of the invited
  networks; always the programme's coordinators and platform admins.
- Manage an event (edit, cancel, attendance, minutes, tasks, attachments): the programme's
  coordinators; for a network's own meeting also the admins of the network's lead
  organisation(s). Platform admins, as everywhere.
- Register: whoever sees a scheduled event that has not ended, when signed in.
- Seminar topics: the programme's participants propose and vote; coordinators turn a topic into
  an online seminar.
"""

from __future__ import annotations

import rules
from django.http import Http404
from django.shortcuts import get_object_or_404

from netzwerkstatt.core.rules import is_platform_admin
from netzwerkstatt.networks.models import Network
from netzwerkstatt.programmes.rules import get_programme_for, is_coordinator, is_participant

from .models import Event
from .queries import led_network_ids_of, network_ids_of


@rules.predicate
def coordinates_the_events_programme(user, event: Event | None) -> bool:
    return event is not None and is_coordinator(user, event.programme)


@rules.predicate
def is_in_the_audience(user, event: Event | None) -> bool:
    if event is None or not user.is_authenticated:
        return False
    if event.network_id is not None:
        return event.network_id in network_ids_of(user)
    if event.audience == Event.Audience.PROGRAMME:
        return is_participant(user, event.programme)
    networks = network_ids_of(user)
    return bool(networks) and event.invited_networks.filter(pk__in=networks).exists()


@rules.predicate
def leads_the_events_network(user, event: Event | None) -> bool:
    return (
        event is not None
        and event.network_id is not None
        and event.network_id in led_network_ids_of(user)
    )


@rules.predicate
def is_open_for_registration(user, event: Event | None) -> bool:
    return event is not None and not event.is_cancelled and not event.is_past


@rules.predicate
def is_signed_in(user) -> bool:
    return user.is_authenticated


@rules.predicate
def leads_the_network(user, network: Network | None) -> bool:
    return network is not None and network.pk in led_network_ids_of(user)


@rules.predicate
def coordinates_the_networks_programme(user, network: Network | None) -> bool:
    return network is not None and is_coordinator(user, network.programme)


manages_event = coordinates_the_events_programme | leads_the_events_network | is_platform_admin
sees_event = is_in_the_audience | manages_event

rules.add_perm("events.view_event", sees_event)
rules.add_perm("events.change_event", manages_event)
rules.add_perm("events.register", is_signed_in & sees_event & is_open_for_registration)
# With a programme: programme events and seminar topics.
rules.add_perm("events.add_event", is_coordinator | is_platform_admin)
rules.add_perm("events.convert_topic", is_coordinator | is_platform_admin)
rules.add_perm("events.propose_topic", is_participant | is_coordinator | is_platform_admin)
# With a network: the network's own meetings.
rules.add_perm(
    "events.add_network_event",
    coordinates_the_networks_programme | leads_the_network | is_platform_admin,
)


def get_event_for(user, programme_slug: str, pk: int, perm: str = "events.view_event") -> Event:
    """Fetch an event of the programme and check ``perm``; people who may not see it do not find
    it (404), people who see it but lack ``perm`` are refused (403)."""
    from django.core.exceptions import PermissionDenied

    programme = get_programme_for(user, programme_slug, "programmes.view_programme")
    event = get_object_or_404(Event.objects.select_related("network"), programme=programme, pk=pk)
    event.programme = programme
    if not user.has_perm("events.view_event", event):
        raise Http404
    if perm != "events.view_event" and not user.has_perm(perm, event):
        raise PermissionDenied
    return event
