"""The ten tandems of #LernortHessen.digital and the programme's events, through the services of
``networks`` and ``events`` (texts in ``data_tandems``).

The first coordinator creates each tandem (school and company, both leading it) when the
programme starts in September 2025. The school's contact person writes the development project
and its steps; both sides keep the progress log, from October 2025 up to the days before loading,
with entries of several kinds, reflections on resistance and change among them. Steps are done,
in progress or still open as the data says.

The network meets six times ("n of 6"): four meetings lie in the past, with attendance, minutes,
decisions and follow-up tasks, two ahead, with registrations; the fifth meeting's venue is small,
so some people wait for a place. Members proposed topics for the needs-based online seminars and
voted for them; five became seminars (three past, with attendance, two ahead), two are still open
for votes. See ``meetings`` for how events are dated.
"""

from __future__ import annotations

import datetime
import random
from typing import TYPE_CHECKING

from django.utils import timezone

from netzwerkstatt.events.models import Event
from netzwerkstatt.networks import services as network_services
from netzwerkstatt.networks.models import (
    DevelopmentProject,
    LogEntry,
    Network,
    NetworkMember,
)
from netzwerkstatt.networks.services import projects as project_services
from netzwerkstatt.organisations.models import Membership

from . import meetings
from .data_hesse import LERNORT_HESSEN
from .data_tandems import (
    COMMON_ENTRIES,
    MEETING_DECISIONS,
    MEETING_MINUTES,
    MEETING_SERIES,
    MEETING_SUMMARIES,
    MEETING_TASKS,
    OPEN_TOPICS,
    SEMINARS,
    SMALL_VENUE,
    SMALL_VENUE_PLACES,
    TANDEMS,
)

if TYPE_CHECKING:
    from .loader import _Loader

SEED = 2027
THEMES = ("learning-venue-cooperation", "digital-learning")
FIRST_ENTRY = datetime.date(2025, 10, 1)
MONTHS = (
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
)
EXPERTS = (
    "Dr. Miriam Kessler, Datenschutzberaterin",
    "Prof. Dr. Jan Holtkamp, Organisationsentwicklung",
    "Sina Brandl, Medienpädagogin",
    "Dr. Yusuf Aksoy, Digitale Bildung",
    "Lea Zimmer, Büro für Leichte Sprache",
)


def german_date(day: datetime.date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def load_tandems(loader: _Loader) -> None:
    _Tandems(loader).run()


class _Tandems:
    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.programme = loader.programmes[LERNORT_HESSEN.name]
        self.coordinator = loader.user(LERNORT_HESSEN.coordinators[0])
        self.assistant = loader.user(LERNORT_HESSEN.coordinators[-1])
        self.choice = random.Random(SEED)
        self.today = timezone.localdate()
        # Tandem name -> (school person, company person, log entries as (date, text))
        self.tandems: dict[str, tuple] = {}
        memberships = (
            Membership.objects.filter(organisation__participations__programme=self.programme)
            .select_related("user")
            .order_by("organisation__name", "role", "user__name")
        )
        self.people_of: dict[int, list] = {}
        for membership in memberships:
            self.people_of.setdefault(membership.organisation_id, []).append(membership.user)

    def run(self) -> None:
        for row in TANDEMS:
            self._tandem(*row)
        self._meetings()
        self._seminars()

    # Tandems and their projects -----------------------------------------------------------

    def _tandem(self, school_key, company_key, name, topic, title, objective, situation,
                steps, entries) -> None:  # fmt: skip
        choice = self.choice
        school = self.loader.created[school_key]
        company = self.loader.created[company_key]
        network = network_services.create_network(
            actor=self.coordinator,
            programme=self.programme,
            name=name,
            kind=Network.Kind.TANDEM,
            description=f"{school.name} und {company.name}: {title}.",
            themes=[self.loader.themes[code] for code in THEMES],
        )
        for organisation in (school, company):
            network_services.add_member(
                actor=self.coordinator,
                network=network,
                organisation=organisation,
                role=NetworkMember.Role.LEAD,
            )
        school_person = self.loader.member_of(school_key)
        company_person = self.loader.member_of(company_key)
        project = project_services.create_project(
            actor=school_person,
            network=network,
            title=title,
            objective=objective,
            starting_situation=situation,
        )
        written_steps = []
        for step_title, status in steps:
            step = project_services.add_step(actor=school_person, project=project, title=step_title)
            if status != "open":
                step = project_services.set_step_status(
                    actor=choice.choice((school_person, company_person)), step=step, status=status
                )
            written_steps.append(step)
        log = [(day, kind, text, written_steps[index]) for day, kind, text, index in entries]
        last_day = self.today - datetime.timedelta(days=3)
        span = (last_day - FIRST_ENTRY).days
        started = [s for s in written_steps if s.status != "open"]
        for kind, text in choice.sample(COMMON_ENTRIES, choice.randint(0, 5)):
            day = FIRST_ENTRY + datetime.timedelta(days=choice.randrange(span))
            step = choice.choice([*started, None])
            log.append((day, kind, text.format(topic=topic), step))
        log.sort(key=lambda row: row[0])
        for day, kind, text, step in log:
            author = choice.choice((school_person, company_person))
            entry = project_services.add_log_entry(
                actor=author, project=project, date=day, kind=kind, text=text, step=step
            )
            LogEntry.objects.filter(pk=entry.pk).update(
                created=meetings.at(day, f"{choice.randint(8, 19)}:{choice.randrange(60):02d}")
            )
        opened = meetings.at(LERNORT_HESSEN.starts_on + datetime.timedelta(days=2), "11:00")
        Network.objects.filter(pk=network.pk).update(created=opened)
        NetworkMember.objects.filter(network=network).update(joined_on=LERNORT_HESSEN.starts_on)
        DevelopmentProject.objects.filter(pk=project.pk).update(
            created=meetings.at(datetime.date(2025, 10, choice.randint(13, 24)), "14:00")
        )
        self.tandems[name] = (school_person, company_person, [(d, t) for d, _k, t, _s in log])

    # Events --------------------------------------------------------------------------------

    def _everyone(self) -> list:
        return [user for people in self.people_of.values() for user in people]

    def _one_per_organisation(self, choice: random.Random) -> list:
        """One person from most organisations, two from a few, in a shuffled order."""
        people = []
        for members in self.people_of.values():
            if choice.random() < 0.15:
                continue
            people += choice.sample(members, min(len(members), 1 + (choice.random() < 0.1)))
        choice.shuffle(people)
        return people

    def _meetings(self) -> None:
        total = len(MEETING_SERIES)
        days = [
            day if number < 4 else meetings.future_day(day, weeks_from_now=6 + 20 * (number - 4))
            for number, (day, *_rest) in enumerate(MEETING_SERIES)
        ]
        for number, (_day, place, focus, agenda) in enumerate(MEETING_SERIES):
            choice = random.Random(f"{SEED}-meeting-{number}")
            day = days[number]
            past = number < 4
            registrants = [self.coordinator, self.assistant, *self._one_per_organisation(choice)]
            if number == SMALL_VENUE:
                # More want to come than the venue seats: a few wait for a place.
                others = [u for u in self._everyone() if u not in registrants]
                missing = SMALL_VENUE_PLACES + 4 - len(registrants)
                registrants += choice.sample(others, max(0, missing))
            elif not past:
                # Registration is still open: most have not registered yet.
                registrants = registrants[: len(registrants) - 10]
            plan = meetings.EventPlan(
                data={
                    "kind": Event.Kind.NETWORK_MEETING,
                    "title": f"{number + 1}. Netzwerktreffen: {focus}",
                    "series_number": number + 1,
                    "series_total": total,
                    "description": (
                        f"Das {number + 1}. von {total} Netzwerktreffen von "
                        f"{LERNORT_HESSEN.name}. Schwerpunkt: {focus}.\n\n"
                        "Bitte meldet je Tandem mindestens eine Person aus Schule und Betrieb an."
                    ),
                    "location": place,
                    "capacity": SMALL_VENUE_PLACES if number == SMALL_VENUE else None,
                    "audience": Event.Audience.PROGRAMME,
                },
                starts_at=meetings.at(day, "10:00"),
                ends_at=meetings.at(day, "16:00"),
                agenda=[
                    {
                        "starts_at": datetime.time(*map(int, clock.split(":"))),
                        "title": title,
                        "speaker": self.coordinator.name if speaker == "coordinator" else speaker,
                    }
                    for clock, title, speaker in agenda
                ],
                registrants=registrants,
                absent=choice.randint(2, 4) if past else 0,
                cancels=1 if number == SMALL_VENUE else 0,
            )
            if past:
                plan.minutes = self._minutes(number, focus, days, choice)
                plan.decisions = list(MEETING_DECISIONS[number])
                plan.tasks = self._tasks(number, day, choice)
            meetings.write_event(
                actor=self.coordinator, programme=self.programme, plan=plan, choice=choice
            )

    def _minutes(self, number, focus, days, choice) -> str:
        day = days[number]
        lines = []
        for name in choice.sample(sorted(self.tandems), 3):
            done = [text for entry_day, text in self.tandems[name][2] if entry_day < day]
            if done:
                lines.append(f"- **{name}:** {done[-1]}")
        guests = (
            "ein Gast der Generaldirektion Beschäftigung der EU-Kommission"
            if number == 2
            else "zwei Mitglieder des Beirats"
        )
        return MEETING_MINUTES.format(
            tandems=10 - choice.randint(0, 1),
            guests=guests,
            focus=focus,
            summary=MEETING_SUMMARIES[number],
            highlights="\n".join(lines) or "- Die Tandems haben mit der Arbeit begonnen.",
            next=number + 2,
            next_day=german_date(days[number + 1]),
        )

    def _tasks(self, number, day, choice) -> list[meetings.TaskPlan]:
        tandems = list(self.tandems.values())
        assignees = {
            "coordinator": self.coordinator,
            "assistant": self.assistant,
            "school": tandems[0][0],
            "company": choice.choice(tandems)[1],
        }
        plans = []
        for meeting, title, who, due_days, done_days in MEETING_TASKS:
            if meeting != number:
                continue
            done = day + datetime.timedelta(days=done_days) if done_days is not None else None
            if done is not None and done >= self.today:
                done = None
            due = day + datetime.timedelta(days=due_days)
            plans.append(meetings.TaskPlan(title, assignees[who], due, done))
        return plans

    def _seminars(self) -> None:
        everyone = self._everyone()
        now = timezone.now()
        for number, (title, description, day, clock, votes) in enumerate(SEMINARS):
            choice = random.Random(f"{SEED}-seminar-{number}")
            past = number < 3
            if not past:
                day = meetings.future_day(day, weeks_from_now=3 + 6 * (number - 3))
            starts = meetings.at(day, clock)
            proposed_at = min(
                starts - datetime.timedelta(days=60), now - datetime.timedelta(days=58)
            )
            voters = choice.sample(everyone, votes)
            topic = meetings.propose(
                proposer=voters[0],
                voters=voters[1:],
                programme=self.programme,
                title=title,
                description=description,
                proposed_at=proposed_at,
            )
            expert = EXPERTS[number]
            registrants = [self.assistant, *choice.sample(everyone, choice.randint(6, 11))]
            plan = meetings.EventPlan(
                data={
                    "title": f"Online-Seminar: {title}",
                    "description": (
                        f"{description}\n\nImpuls: {expert}. Danach Austausch in Kleingruppen "
                        "und Fragen aus den Tandems."
                    ),
                    "online_url": f"https://meet.example.org/lernort-hessen-{number + 1}",
                },
                starts_at=starts,
                ends_at=starts + datetime.timedelta(minutes=90),
                agenda=[
                    {"starts_at": starts.time(), "title": "Impuls", "speaker": expert},
                    {
                        "starts_at": (starts + datetime.timedelta(minutes=35)).time(),
                        "title": "Austausch in Kleingruppen",
                    },
                    {
                        "starts_at": (starts + datetime.timedelta(minutes=70)).time(),
                        "title": "Fragen und Ausblick",
                        "speaker": self.assistant.name,
                    },
                ],
                topic=topic,
                registrants=registrants,
                absent=choice.randint(1, 2) if past else 0,
            )
            if past:
                plan.minutes = (
                    f"Impuls von {expert}, danach Austausch in Kleingruppen. Die Fragen aus dem "
                    "Chat sind gesammelt und werden beim nächsten Netzwerktreffen aufgegriffen."
                )
            meetings.write_event(
                actor=self.coordinator, programme=self.programme, plan=plan, choice=choice
            )
        for number, (title, description, votes) in enumerate(OPEN_TOPICS):
            choice = random.Random(f"{SEED}-topic-{number}")
            voters = choice.sample(everyone, votes)
            meetings.propose(
                proposer=voters[0],
                voters=voters[1:],
                programme=self.programme,
                title=title,
                description=description,
                proposed_at=now - datetime.timedelta(days=40 - 25 * number),
            )
