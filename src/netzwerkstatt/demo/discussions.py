"""Discussions in the demo, written through ``discussions.services`` and then moved to their days.

Three of PonteDuale's model networks (those with the most people on both sides) talk in German
and Italian about their first exchange of apprentices, translating a learning module, the interim
report and the like; #LernortHessen.digital has two threads for the whole programme. Texts and
who writes them are in ``data_discussions``. People are mentioned with ``@[Name](user:ID)`` like
the form's person picker writes it, so the service records a ``Mention`` for each person who can
see the thread (and queues the e-mail to them, which the loader's dummy task backend drops). Two
posts are edited afterwards, so their history has two versions.

The services date everything "now"; afterwards the threads, posts, revisions, mentions and
subscriptions are moved to the days the data gives (counted back from the day of loading), as the
events are in ``meetings``. ``notified_until`` of the subscriptions stays at the moment of
loading: the daily digest does not mail the demo's old posts.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from django.utils import timezone

from netzwerkstatt.discussions import services as discussion_services
from netzwerkstatt.discussions.mentions import token
from netzwerkstatt.discussions.models import Mention, Post, PostRevision, Subscription, Thread
from netzwerkstatt.networks.models import Network
from netzwerkstatt.organisations.models import Organisation

from .data_discussions import NETWORK_THREADS, PROGRAMME_THREADS
from .data_hesse import LERNORT_HESSEN
from .data_ponteduale import PONTEDUALE
from .workprogrammes import _people

if TYPE_CHECKING:
    from .loader import _Loader

PLACEHOLDER = re.compile(r"(@?)\{(\w+)\}")
EDITED_AFTER = datetime.timedelta(hours=3, minutes=20)


def load_discussions(loader: _Loader) -> None:
    now = timezone.now()
    ponteduale = loader.programmes[PONTEDUALE.name]
    coordinators = [loader.user(person) for person in PONTEDUALE.coordinators]
    for network, threads in zip(chosen_networks(ponteduale), NETWORK_THREADS, strict=False):
        cast = _network_cast(network, coordinators)
        for title, posts in threads:
            _thread(ponteduale, network, title, posts, cast, now)
    hesse = loader.programmes[LERNORT_HESSEN.name]
    cast = _programme_cast(hesse, [loader.user(p) for p in LERNORT_HESSEN.coordinators])
    for title, posts in PROGRAMME_THREADS:
        _thread(hesse, None, title, posts, cast, now)


def chosen_networks(programme) -> list[Network]:
    """The model networks with the most people on the smaller side, then the most people
    overall (ties by age): the lively ones, where both sides have someone to write."""
    networks = Network.objects.filter(programme=programme, kind=Network.Kind.MODEL_NETWORK)
    ranked = []
    for network in networks.select_related("programme").order_by("pk"):
        people = _people(network)
        sides = [_side(people, "DE"), _side(people, "IT")]
        ranked.append((-min(map(len, sides)), -sum(map(len, sides)), network.pk, network))
    return [row[-1] for row in sorted(ranked, key=lambda row: row[:3])[: len(NETWORK_THREADS)]]


def _side(people, country: str) -> list:
    """The people of the network's organisations in ``country``, the leads' people first."""
    organisations = sorted(
        people.by_country.get(country, []), key=lambda o: (o not in people.leads, o.pk)
    )
    return [user for organisation in organisations for user in people.users[organisation.pk]]


def _network_cast(network: Network, coordinators) -> dict:
    people = _people(network)
    german, italian = _side(people, "DE"), _side(people, "IT")
    german, italian = german or italian, italian or german
    return {
        "coord": coordinators[0],
        "coord_it": coordinators[-1],
        "de": german[0],
        "de2": german[1 % len(german)],
        "it": italian[0],
        "it2": italian[1 % len(italian)],
    }


def _programme_cast(programme, coordinators) -> dict:
    cast = {"coord": coordinators[0], "coord2": coordinators[-1]}
    tandems = Network.objects.filter(programme=programme, kind=Network.Kind.TANDEM).order_by("pk")
    for number, network in enumerate(tandems[:3], start=1):
        people = _people(network)
        school, company = sorted(
            people.members, key=lambda m: m.organisation.kind != Organisation.Kind.VOCATIONAL_SCHOOL
        )
        cast[f"school{number}"] = people.person_of(school.organisation)
        cast[f"company{number}"] = people.person_of(company.organisation)
    return cast


def _text(text: str, cast: dict) -> str:
    def replace(match: re.Match) -> str:
        person = cast[match.group(2)]
        return token(person) if match.group(1) else person.display_name.split()[0]

    return PLACEHOLDER.sub(replace, text)


def _moment(now: datetime.datetime, days_ago: float, key: str) -> datetime.datetime:
    """``days_ago`` days before ``now``, at a working hour that differs from post to post."""
    day = (now - datetime.timedelta(days=days_ago)).date()
    hour = 8 + (ord(key) * 7 + int(days_ago)) % 10
    minute = (ord(key) * 13 + int(days_ago) * 7) % 60
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone()
    )


def _thread(programme, network, title: str, posts, cast: dict, now) -> Thread:
    (key, who, days_ago, _reply_to, text, *_edit) = posts[0]
    thread = discussion_services.start_thread(
        actor=cast[who], programme=programme, network=network, title=title, body=_text(text, cast)
    )
    written = {key: thread.posts.get()}
    moments = {written[key].pk: _moment(now, days_ago, key)}
    edits = []
    for key, who, days_ago, reply_to, text, *edit in posts[1:]:
        post = discussion_services.add_post(
            actor=cast[who],
            thread=thread,
            body=_text(text, cast),
            parent=written[reply_to] if reply_to else None,
        )
        written[key] = post
        moments[post.pk] = _moment(now, days_ago, key)
        if edit:
            edits.append((post, cast[who], _text(edit[0], cast)))
    added_by_edits = []
    for post, author, body in edits:
        before = set(post.mentions.values_list("pk", flat=True))
        discussion_services.edit_post(actor=author, post=post, body=body, expected_version=1)
        added_by_edits += [
            (pk, post) for pk in post.mentions.values_list("pk", flat=True) if pk not in before
        ]
    # Move everything to its day.
    for pk, moment in moments.items():
        Post.objects.filter(pk=pk).update(created=moment)
        PostRevision.objects.filter(post_id=pk, version=1).update(edited_at=moment)
        Mention.objects.filter(post_id=pk).update(created=moment)
    for post, _author, _body in edits:
        edited = moments[post.pk] + EDITED_AFTER
        Post.objects.filter(pk=post.pk).update(edited_at=edited)
        PostRevision.objects.filter(post=post, version=2).update(edited_at=edited)
    for pk, post in added_by_edits:
        Mention.objects.filter(pk=pk).update(created=moments[post.pk] + EDITED_AFTER)
    started = moments[written[posts[0][0]].pk]
    Thread.objects.filter(pk=thread.pk).update(created=started, last_post_at=max(moments.values()))
    # Each person has followed the thread since they first wrote in it or were mentioned.
    first: dict[int, datetime.datetime] = {}
    for post in written.values():
        first.setdefault(post.author_id, moments[post.pk])
    for user_id, moment in Mention.objects.filter(post__thread=thread).values_list(
        "user_id", "created"
    ):
        first[user_id] = min(first.get(user_id, moment), moment)
    for subscription in Subscription.objects.filter(thread=thread):
        Subscription.objects.filter(pk=subscription.pk).update(
            created=first.get(subscription.user_id, started)
        )
    return thread
