"""The six model networks of PonteDuale at work: work programmes, the joint kick-off and each
network's next meeting, through the services of ``networks`` and ``events``.

Each network (created when the committee's decisions were released) gets two or three goals from
``data_workprogrammes.GOALS`` in its language (at least one that starts early), four to six work
packages serving them, owned by member organisations of both countries in turn, and the
programme's milestones and deliverables. The networks started in October 2025 and run two years;
status and progress follow from the day of loading: what ended is done (but one or two packages
per network are overdue, still in progress), what runs has progressed about as far as its time,
what lies ahead is planned. The interim report is overdue in one network.

All six met at the joint kick-off in Bolzano in October 2025 (attendance, bilingual minutes,
decisions and follow-up tasks, most of them done), and each has its next meeting ahead, run by
one of its lead organisations (see ``meetings`` for how events are dated).
"""

from __future__ import annotations

import datetime
import random
from typing import TYPE_CHECKING

from django.utils import timezone

from netzwerkstatt.accounts.models import User
from netzwerkstatt.events.models import Event
from netzwerkstatt.networks.models import Milestone, Network, NetworkMember, WorkPackage
from netzwerkstatt.networks.services import workplan as workplan_services
from netzwerkstatt.organisations.models import Membership

from . import meetings
from .data_ponteduale import PONTEDUALE
from .data_workprogrammes import (
    EARLY_GOALS,
    GOALS,
    KICK_OFF,
    KICK_OFF_AGENDA,
    KICK_OFF_DECISIONS,
    KICK_OFF_MINUTES,
    KICK_OFF_TASKS,
    MILESTONES,
    NEXT_MEETING,
    NEXT_MEETING_DAYS,
)

if TYPE_CHECKING:
    from .loader import _Loader

SEED = 2026
MIN_PACKAGES, MAX_PACKAGES = 4, 6
# The network whose interim report is late (by position, in the order of creation).
LATE_REPORT = 4


def load_workprogrammes(loader: _Loader) -> None:
    programme = loader.programmes[PONTEDUALE.name]
    networks = list(
        Network.objects.filter(programme=programme, kind=Network.Kind.MODEL_NETWORK)
        .select_related("programme")
        .order_by("pk")
    )
    if not networks:
        return
    people = {network.pk: _people(network) for network in networks}
    for position, network in enumerate(networks):
        _work_programme(network, people[network.pk], late_report=position == LATE_REPORT)
    coordinators = [loader.user(person) for person in PONTEDUALE.coordinators]
    _kick_off(programme, networks, people, coordinators)
    for position, network in enumerate(networks):
        _next_meeting(network, people[network.pk], NEXT_MEETING_DAYS[position % 6], position)


def language_of(network: Network) -> str:
    """The language the network wrote its application in (and works in): German or Italian."""
    return "de" if network.description.startswith("Das ") else "it"


class _People:
    """The member organisations of a network and their people, by country."""

    def __init__(self, members: list[NetworkMember], users: dict[int, list[User]]) -> None:
        self.members = members
        self.users = users  # organisation id -> its people, admins first
        self.by_country: dict[str, list] = {}
        for member in members:
            self.by_country.setdefault(member.organisation.country, []).append(member.organisation)
        self.leads = [m.organisation for m in members if m.role == NetworkMember.Role.LEAD]

    def person_of(self, organisation) -> User:
        return self.users[organisation.pk][0]

    def everyone(self) -> list[User]:
        return [user for member in self.members for user in self.users[member.organisation_id]]


def _people(network: Network) -> _People:
    members = list(network.members.select_related("organisation").order_by("pk"))
    users: dict[int, list[User]] = {m.organisation_id: [] for m in members}
    memberships = (
        Membership.objects.filter(organisation__in=users)
        .select_related("user")
        .order_by("organisation", "role", "user__name")  # "admin" before "member"
    )
    for membership in memberships:
        users[membership.organisation_id].append(membership.user)
    return _People(members, users)


def _month(number: int) -> datetime.date:
    """The first day of month ``number`` of the networks (0 is October 2025)."""
    months = 9 + number
    return datetime.date(2025 + months // 12, months % 12 + 1, 1)


def _choose_goals(language: str, choice: random.Random, today: datetime.date):
    """Two or three goals, the first one that starts early, with four to six work packages,
    at least two of which have ended by ``today``."""
    goals = GOALS[language]
    while True:
        first = choice.choice(EARLY_GOALS)
        others = [i for i in range(len(goals)) if i != first]
        picked = [first, *choice.sample(others, choice.choice((1, 2)))]
        packages = [[*goals[i][2]] for i in picked]
        while sum(map(len, packages)) > MAX_PACKAGES:
            longest = max(range(len(packages)), key=lambda i: (len(packages[i]), i))
            packages[longest].pop()
        if sum(map(len, packages)) < MIN_PACKAGES:
            continue
        ended = [p for group in packages for p in group if _month(p[2] + p[3]) <= today]
        if len(ended) >= 2:
            return [(goals[i][0], goals[i][1], packages[n]) for n, i in enumerate(picked)]


def _work_programme(network: Network, people: _People, *, late_report: bool) -> None:
    choice = random.Random(f"{SEED}-{network.name}")
    language = language_of(network)
    today = timezone.localdate()
    writer = people.person_of(people.leads[0])
    goals = _choose_goals(language, choice, today)
    # Owners from both countries in turn, starting with the network's own language.
    first = "DE" if language == "de" else "IT"
    countries = [first, "IT" if first == "DE" else "DE"]
    planned = []  # (goal, title, description, owner, starts, ends)
    for title, description, packages in goals:
        goal = workplan_services.save_goal(
            actor=writer, network=network, data={"title": title, "description": description}
        )
        for package, text, start, months in packages:
            country = countries[len(planned) % 2]
            owners = people.by_country.get(country) or people.by_country[first]
            owner = owners[len(planned) // 2 % len(owners)]
            starts = _month(start) + datetime.timedelta(days=choice.randint(0, 12))
            ends = _month(start + months) - datetime.timedelta(days=1 + choice.randint(0, 10))
            planned.append((goal, package, text, owner, starts, max(starts, ends)))
    ended = [index for index, row in enumerate(planned) if row[5] < today]
    overdue = set(choice.sample(ended, 2 if len(ended) >= 4 and choice.random() < 0.4 else 1))
    agreed = meetings.at(datetime.date(2025, 12, choice.randint(8, 12)), "15:00")
    for index, (goal, title, text, owner, starts, ends) in enumerate(planned):
        status, progress = _status(starts, ends, today, index in overdue, choice)
        package = workplan_services.save_work_package(
            actor=people.person_of(owner),
            network=network,
            data={
                "goal": goal,
                "title": title,
                "description": text,
                "owner": owner,
                "starts_on": starts,
                "ends_on": ends,
                "status": status,
                "progress": progress,
            },
        )
        WorkPackage.objects.filter(pk=package.pk).update(
            updated=_last_change(status, starts, ends, today, agreed, choice)
        )
    _milestones(network, writer, language, today, late_report, choice)


def _status(starts, ends, today, overdue: bool, choice: random.Random) -> tuple[str, int]:
    Status = WorkPackage.Status
    if ends < today:
        if overdue:
            return Status.IN_PROGRESS, choice.choice((60, 70, 75, 80, 90))
        return Status.DONE, 100
    if starts <= today:
        elapsed = (today - starts).days / max(1, (ends - starts).days)
        progress = round((elapsed * 100 + choice.randint(-15, 10)) / 5) * 5
        return Status.IN_PROGRESS, min(95, max(5, progress))
    return Status.PLANNED, 0


def _last_change(status, starts, ends, today, agreed, choice) -> datetime.datetime:
    Status = WorkPackage.Status
    if status == Status.DONE:
        day = ends + datetime.timedelta(days=choice.randint(1, 9))
    elif status == Status.IN_PROGRESS:
        day = max(starts, today - datetime.timedelta(days=choice.randint(4, 45)))
    else:
        return agreed
    day = min(day, today - datetime.timedelta(days=1))
    return meetings.at(day, f"{choice.randint(8, 17)}:{choice.randrange(60):02d}")


def _milestones(network, writer, language, today, late_report: bool, choice) -> None:
    final = MILESTONES[-1]
    chosen = [*MILESTONES[:-1], *([final] if choice.random() < 0.6 else [])]
    for index, (titles, kind, due) in enumerate(chosen):
        done_on = None
        if due < today and not (late_report and index == 2):
            done_on = due - datetime.timedelta(days=choice.randint(0, 6)) if index else due
        milestone = workplan_services.save_milestone(
            actor=writer,
            network=network,
            data={"title": titles[language], "kind": kind, "due_on": due, "done_on": done_on},
        )
        changed = done_on or datetime.date(2025, 12, choice.randint(8, 12))
        Milestone.objects.filter(pk=milestone.pk).update(
            updated=meetings.at(changed, f"{choice.randint(9, 17)}:{choice.randrange(60):02d}")
        )


# Events ---------------------------------------------------------------------------------------


def _kick_off(programme, networks, people: dict[int, _People], coordinators) -> None:
    choice = random.Random(f"{SEED}-kick-off")
    coordinator, italian_coordinator = coordinators[0], coordinators[-1]
    first, second = KICK_OFF["days"]
    zone = KICK_OFF["timezone"]
    agenda = [
        {
            "starts_at": datetime.time(*map(int, clock.split(":"))),
            "title": title,
            "speaker": f"{coordinator.name}, {italian_coordinator.name}" if speaker else "",
        }
        for clock, title, speaker in KICK_OFF_AGENDA
    ]
    registrants = list(coordinators)
    for network in networks:
        team = people[network.pk].everyone()
        # Nearly everyone comes; a few of the larger teams send only some of their people.
        keep = len(team) if len(team) <= 3 else len(team) - choice.randint(0, 1)
        registrants += [user for user in choice.sample(team, keep) if user not in registrants]
    german_lead = next(
        people[n.pk].person_of(o) for n in networks for o in people[n.pk].leads if o.country == "DE"
    )
    italian_lead = next(
        people[n.pk].person_of(o) for n in networks for o in people[n.pk].leads if o.country == "IT"
    )
    assignees = {
        "coordinator": coordinator,
        "italian coordinator": italian_coordinator,
        "german lead": german_lead,
        "italian lead": italian_lead,
    }
    meetings.write_event(
        actor=coordinator,
        programme=programme,
        plan=meetings.EventPlan(
            data={
                "kind": Event.Kind.KICK_OFF,
                "title": KICK_OFF["title"],
                "description": KICK_OFF["description"],
                "location": KICK_OFF["location"],
                "timezone": zone,
                "audience": Event.Audience.NETWORKS,
            },
            starts_at=meetings.at(first, "10:00", zone),
            ends_at=meetings.at(second, "13:00", zone),
            agenda=agenda,
            invited_networks=networks,
            registrants=registrants,
            absent=3,
            minutes=KICK_OFF_MINUTES,
            decisions=list(KICK_OFF_DECISIONS),
            tasks=[
                meetings.TaskPlan(title, assignees[who], due, done)
                for title, who, due, done in KICK_OFF_TASKS
            ],
        ),
        choice=choice,
    )


def _next_meeting(network, people: _People, planned: datetime.date, position: int) -> None:
    choice = random.Random(f"{SEED}-meeting-{network.name}")
    language = language_of(network)
    texts = NEXT_MEETING[language]
    # Hosted by a lead organisation, in turn from one country and the other.
    host = people.leads[position % len(people.leads)]
    zone = "Europe/Rome" if host.country == "IT" else "Europe/Berlin"
    day = meetings.future_day(planned, weeks_from_now=3 + position)
    team = people.everyone()
    meetings.write_event(
        actor=people.person_of(people.leads[0]),
        programme=network.programme,
        plan=meetings.EventPlan(
            data={
                "kind": Event.Kind.NETWORK_MEETING,
                "title": texts["title"],
                "description": texts["description"],
                "location": f"{host.name}, {host.street}, {host.postal_code} {host.city}",
                "timezone": zone,
            },
            starts_at=meetings.at(day, "09:30", zone),
            ends_at=meetings.at(day, "16:00", zone),
            agenda=[
                {"starts_at": datetime.time(*map(int, clock.split(":"))), "title": title}
                for clock, title in texts["agenda"]
            ],
            network=network,
            registrants=choice.sample(team, max(1, len(team) - choice.randint(0, 2))),
        ),
        choice=choice,
    )
