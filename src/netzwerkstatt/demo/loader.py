"""Write the demo data through the domain services, in one transaction.

Everything a person would do by hand goes through the same service functions the views call, with
the person who would have done it as the actor: each organisation is registered by its first
contact person (who becomes its admin) and gets its contact persons and members from them; the
platform admin creates the programmes and appoints their coordinators; the first coordinator
appoints the committee and admits the participating organisations. The audit log therefore reads
like the history of a real platform.

Accounts are the exception: there is no service that creates an account without an invitation
e-mail, so people are written directly, with a verified primary e-mail address each (allauth's
mandatory verification would otherwise stop them at the login).

Last come the calls for expressions of interest (``calls``): a closed one in PonteDuale, screened
and decided, its groups matched into consortia (``matching``) whose joint applications the
steering committee reviewed, selecting six model networks (``review``); and an open one in
Practice in Motion with screening under way. Then the networks at work: the work programmes,
joint kick-off and next meetings of PonteDuale's model networks (``workprogrammes``), and the ten
tandems of #LernortHessen.digital with their development projects, network meetings and online
seminars (``tandems``); ``meetings`` writes and dates their events. Last, good practice
(``practices``): twelve partners' practices in Practice in Motion in every state of the joint
assessment, and two PonteDuale model networks' published practice. Then transfer and outreach
(``outreach``): transfers of published practices, capacity-building plans in a working group of
Practice in Motion's partners, and both programmes' stakeholder and dissemination logs. Last, the
continuing-education database of the Bildungsnetzwerk Elbe-Ostsee (``courses``): the cluster's
participation declaration and its signatures, certifications, the quality standard with the
providers' self-assessments, and about fifty courses with their runs.

The load is deterministic (a seeded ``random.Random`` picks the generated names and consent
dates; only the open call's dates, the events ahead and the state of the work follow the day of
loading) and runs once: when the platform
admin account or one of the demo programmes exists, it writes nothing and only reports the
logins again.

The services queue e-mails (partner invitations, submissions, screening decisions, matching
proposals, review assignments, selection decisions, event invitations, registrations and
follow-up tasks) as tasks in the database, for the background
worker that ``make demo`` starts and whose console mail backend would then print nearly five
hundred of them over the logins. While loading, tasks therefore go to Django's in-memory dummy
backend instead: every e-mail is rendered and queued as usual, and the queue is dropped when the
load ends. (Overriding the mail backend alone would not do: the worker sends later, with the
settings of its own process.)
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, get_hasher, make_password
from django.db import transaction
from django.db.models import QuerySet
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from netzwerkstatt.accounts.models import User
from netzwerkstatt.calls.models import ActorGroup, Call, ExpressionOfInterest
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.courses.models import (
    Certification,
    Course,
    CourseRun,
    Declaration,
    SelfAssessment,
)
from netzwerkstatt.discussions.models import Mention, Post, PostRevision, Thread
from netzwerkstatt.events.models import Event, Registration, SeminarTopic, Task, TopicVote
from netzwerkstatt.matching.models import Consortium
from netzwerkstatt.networks.models import (
    DevelopmentProject,
    Document,
    DocumentVersion,
    Goal,
    LogEntry,
    Milestone,
    Network,
    Step,
    WorkPackage,
)
from netzwerkstatt.organisations import services as organisation_services
from netzwerkstatt.organisations.models import ContactPerson, Membership, Organisation
from netzwerkstatt.outreach.models import (
    CapacityPlan,
    CapacityStep,
    DisseminationActivity,
    StakeholderEngagement,
    Transfer,
    TransferStep,
)
from netzwerkstatt.practices.models import Assessment, Practice, PracticeTranslation
from netzwerkstatt.programmes import services as programme_services
from netzwerkstatt.programmes.models import Participation, Programme, ProgrammeRole
from netzwerkstatt.selection.models import Application, Review
from netzwerkstatt.vocabularies.models import Theme

from . import people
from .audit_dates import move_audit_entries
from .calls import load_calls
from .courses import load_courses
from .data_calls import CALL_TO_ACTION, PILOT_SITES
from .data_erasmus import PRACTICE_IN_MOTION
from .data_hesse import LERNORT_HESSEN
from .data_mecklenburg import ELBE_OSTSEE
from .data_ponteduale import PONTEDUALE
from .discussions import load_discussions
from .documents import load_documents, remove_files
from .outreach import load_outreach
from .practices import load_practices
from .spec import CallSpec, Org, Person, ProgrammeSpec
from .tandems import load_tandems
from .workprogrammes import load_workprogrammes

PROGRAMMES: tuple[ProgrammeSpec, ...] = (
    PONTEDUALE,
    LERNORT_HESSEN,
    ELBE_OSTSEE,
    PRACTICE_IN_MOTION,
)
SEED = 2024
# Contact persons gave their consent on a day in this range.
CONSENT_FROM = datetime.date(2024, 1, 15)
CONSENT_DAYS = 600
DEMO_ITERATIONS = 20_000  # of PBKDF2 for the published demo password; see _demo_password_hash
INTERFACE_LANGUAGES = {code for code, _name in settings.LANGUAGES}
COUNTED = {
    "programmes": Programme,
    "organisations": Organisation,
    "people": User,
    "memberships": Membership,
    "contact persons": ContactPerson,
    "participations": Participation,
    "programme roles": ProgrammeRole,
    "calls": Call,
    "actor groups": ActorGroup,
    "expressions of interest": ExpressionOfInterest,
    "consortia": Consortium,
    "joint applications": Application,
    "reviews": Review,
    "networks": Network,
    "tandems": Network.objects.filter(kind=Network.Kind.TANDEM),
    "goals": Goal,
    "work packages": WorkPackage,
    "milestones": Milestone,
    "development projects": DevelopmentProject,
    "project steps": Step,
    "log entries": LogEntry,
    "events": Event,
    "registrations": Registration,
    "event tasks": Task,
    "seminar topics": SeminarTopic,
    "topic votes": TopicVote,
    "discussion threads": Thread,
    "posts": Post,
    "edited posts": PostRevision.objects.filter(version__gt=1),
    "mentions": Mention,
    "documents": Document,
    "document versions": DocumentVersion,
    "good practices": Practice,
    "published practices": Practice.objects.filter(status=Practice.Status.PUBLISHED),
    "practices ready for transfer": Practice.objects.filter(ready_for_transfer=True),
    "practice assessments": Assessment.objects.filter(status=Assessment.Status.SUBMITTED),
    "practice translations": PracticeTranslation,
    "transfers": Transfer,
    "transfer steps": TransferStep,
    "capacity-building plans": CapacityPlan,
    "capacity-building steps": CapacityStep,
    "stakeholder engagements": StakeholderEngagement,
    "dissemination activities": DisseminationActivity,
    "participation declarations": Declaration,
    "certifications": Certification,
    "quality labels": SelfAssessment.objects.filter(status=SelfAssessment.Status.CONFIRMED),
    "courses": Course,
    "published courses": Course.objects.filter(status=Course.Status.PUBLISHED),
    "course runs": CourseRun,
    "audit entries": AuditEntry,
}
# See the module's docstring: e-mail queued while loading stays in memory and is never sent.
QUIET_MAIL = {"TASKS": {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}}


@dataclass(frozen=True)
class Login:
    role: str
    name: str
    email: str
    password: str
    look_at: str


@dataclass
class LoadResult:
    created: bool
    found: str = ""  # what showed that the demo data is already there
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)  # rows written, by kind
    logins: list[Login] = field(default_factory=list)


def all_organisations() -> dict[str, Org]:
    organisations: dict[str, Org] = {}
    for programme in PROGRAMMES:
        for org in programme.organisations:
            if org.key in organisations:
                raise ValueError(f"The organisation {org.key} is defined twice.")
            organisations[org.key] = org
    return organisations


def programme_slugs() -> list[str]:
    """The addresses ``create_programme`` gives the demo programmes on an empty platform."""
    return [slugify(spec.name)[:70] for spec in PROGRAMMES]


def existing_load() -> str:
    """What shows the demo data is loaded already, or "" when nothing does."""
    if User.objects.filter(email__iexact=people.PLATFORM_ADMIN.email).exists():
        return f"the account {people.PLATFORM_ADMIN.email}"
    name = Programme.objects.filter(slug__in=programme_slugs()).values_list("name", flat=True)
    if name:
        return f"the programme {name[0]}"
    return ""


def load_demo() -> LoadResult:
    started = time.perf_counter()
    # The override encloses the commit, where the queued e-mails are handed to the tasks.
    with override_settings(**QUIET_MAIL), transaction.atomic():
        found = existing_load()
        if found:
            return LoadResult(created=False, found=found, logins=logins())
        before = {label: _count(rows) for label, rows in COUNTED.items()}
        loader = _Loader()
        since = timezone.now()
        try:
            loader.run()
            move_audit_entries(since)
        except BaseException:
            # The rows are rolled back; the files the document libraries stored go too.
            remove_files(loader.stored_files)
            raise
        counts = {label: _count(rows) - before[label] for label, rows in COUNTED.items()}
    return LoadResult(
        created=True,
        seconds=time.perf_counter() - started,
        counts=counts,
        logins=logins(),
    )


def _demo_password_hash() -> str:
    """One hash for everybody: the same password, and hashing once keeps the load fast. With
    PBKDF2 (the default hasher) it is also hashed with fewer iterations than a real password: the
    demo password is published anyway, and Django hashes it again with the full number at each
    person's first login (the iterations are stored in the hash)."""
    hasher = get_hasher("default")
    if isinstance(hasher, PBKDF2PasswordHasher):
        return hasher.encode(people.DEMO_PASSWORD, hasher.salt(), iterations=DEMO_ITERATIONS)
    return make_password(people.DEMO_PASSWORD)


def _count(rows) -> int:
    """Rows of a model, or of a query (copied, so no result is cached between counts)."""
    return rows.all().count() if isinstance(rows, QuerySet) else rows.objects.count()


def _language(org: Org) -> str:
    """The interface language of the organisation's people: its first one the platform speaks."""
    return next((code for code in org.language_list if code in INTERFACE_LANGUAGES), "en")


class _Loader:
    def __init__(self) -> None:
        self.random = random.Random(SEED)
        self.organisations = all_organisations()
        self.themes = {theme.code: theme for theme in Theme.objects.all()}
        self.users: dict[str, User] = {}
        self.created: dict[str, Organisation] = {}
        self.programme_specs = {spec.name: spec for spec in PROGRAMMES}
        self.programmes: dict[str, Programme] = {}
        self.stored_files: list[str] = []  # names in the private storage (``documents``)

    def run(self) -> None:
        extra_members = self._pick_extra_members()
        self._create_people(extra_members)
        for org in self.organisations.values():
            self._create_organisation(org)
        for key, persons in extra_members.items():
            for person in persons:
                self._add_member(key, person)
        for spec in PROGRAMMES:
            for person in (*spec.coordinators, *spec.committee):
                if person.organisation:
                    self._add_member(person.organisation, person)
        self._add_member(people.ORGANISATION_MEMBER.organisation, people.ORGANISATION_MEMBER)
        for spec in PROGRAMMES:
            self._create_programme(spec)
        load_calls(self)
        load_workprogrammes(self)
        load_tandems(self)
        load_discussions(self)
        load_documents(self)
        load_practices(self)
        load_outreach(self)
        load_courses(self)

    # People

    def _email(self, person: Person) -> str:
        if person.email:
            return person.email.lower()
        return self.organisations[person.organisation].email_of(person.name)

    def _first_admin(self, org: Org) -> Person:
        """The person who registers the organisation on the platform."""
        if org.admin_email:
            return next(p for _role, p in people.LOGINS if p.email == org.admin_email)
        return Person(name=org.contacts[0].name, language=_language(org), organisation=org.key)

    def _pick_extra_members(self) -> dict[str, list[Person]]:
        picked: dict[str, list[Person]] = {}
        taken = set()
        for org in self.organisations.values():
            first_names, last_names = people.NAMES.get(org.country, people.NAMES["DE"])
            language = _language(org)
            # No namesakes of the contact persons: they would look like relatives.
            contact_surnames = {contact.name.split()[-1] for contact in org.contacts}
            while len(picked.setdefault(org.key, [])) < org.extra_members:
                surname = self.random.choice(last_names)
                name = f"{self.random.choice(first_names)} {surname}"
                if name in taken or surname.split()[-1] in contact_surnames:
                    continue
                taken.add(name)
                picked[org.key].append(Person(name=name, language=language, organisation=org.key))
        return picked

    def _create_people(self, extra_members: dict[str, list[Person]]) -> None:
        everyone: list[Person] = [person for _role, person in people.LOGINS]
        everyone += [self._first_admin(org) for org in self.organisations.values()]
        for spec in PROGRAMMES:
            everyone += [*spec.coordinators, *spec.committee]
        for persons in extra_members.values():
            everyone += persons
        unique: dict[str, Person] = {}
        for person in everyone:
            unique.setdefault(self._email(person), person)
        password = _demo_password_hash()
        users = User.objects.bulk_create(
            User(
                email=email,
                name=person.name,
                language=person.language,
                password=password,
                is_staff=person.is_platform_admin,
                is_superuser=person.is_platform_admin,
            )
            for email, person in unique.items()
        )
        EmailAddress.objects.bulk_create(
            EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
        )
        self.users = {user.email: user for user in users}

    def user(self, person: Person) -> User:
        return self.users[self._email(person)]

    def member_of(self, key: str) -> User:
        """Who acts for the organisation: the demo login that belongs to it, else the person who
        registered it (so every demo organisation has someone)."""
        login = next((p for _role, p in people.LOGINS if p.organisation == key), None)
        return self.user(login or self._first_admin(self.organisations[key]))

    # Organisations

    def _create_organisation(self, org: Org) -> None:
        missing = set(org.themes) - set(self.themes)
        if missing:
            raise ValueError(f"{org.key}: unknown themes {sorted(missing)}; run migrate first.")
        admin = self.user(self._first_admin(org))
        organisation = organisation_services.create_organisation(
            actor=admin,
            data={
                "name": org.name,
                "kind": org.kind,
                "sector": org.sector,
                "country": org.country,
                "region": org.region,
                **org.address_parts(),
                "website": org.website,
                "languages": org.language_list,
                "description": org.description,
                "themes": [self.themes[code] for code in org.themes],
                "core_competencies": "\n".join(org.competencies),
            },
        )
        for contact in org.contacts:
            organisation_services.save_contact_person(
                actor=admin,
                organisation=organisation,
                contact=None,
                data={
                    "name": contact.name,
                    "function": contact.function,
                    "email": org.email_of(contact.name),
                    "phone": contact.phone,
                    "consent_date": CONSENT_FROM
                    + datetime.timedelta(days=self.random.randrange(CONSENT_DAYS)),
                    "is_public": contact.public,
                },
            )
        self.created[org.key] = organisation

    def _add_member(self, key: str, person: Person) -> None:
        organisation = self.created[key]
        organisation_services.add_member(
            actor=self.user(self._first_admin(self.organisations[key])),
            organisation=organisation,
            user=self.user(person),
            role=Membership.Role.MEMBER,
        )

    # Programmes

    def _create_programme(self, spec: ProgrammeSpec) -> None:
        admin = self.user(people.PLATFORM_ADMIN)
        programme = programme_services.create_programme(
            actor=admin,
            data={
                "name": spec.name,
                "tagline": spec.tagline,
                "description": spec.description,
                "funder": spec.funder,
                "funding_scheme": spec.funding_scheme,
                "starts_on": spec.starts_on,
                "ends_on": spec.ends_on,
                "countries": list(spec.countries),
                "working_languages": list(spec.working_languages),
                "website": spec.website,
                "is_public": True,
            },
        )
        self._grant(programme, spec.coordinators, ProgrammeRole.Role.COORDINATOR, actor=admin)
        coordinator = self.user(spec.coordinators[0])
        self._grant(
            programme, spec.committee, ProgrammeRole.Role.COMMITTEE_MEMBER, actor=coordinator
        )
        for key in spec.participants:
            programme_services.add_participant(
                actor=coordinator, programme=programme, organisation=self.created[key]
            )
        # add_participant has no date of its own; the demo organisations joined at the start.
        Participation.objects.filter(programme=programme).update(joined_on=spec.starts_on)
        self.programmes[spec.name] = programme

    def _grant(self, programme, persons: Iterable[Person], role: str, *, actor: User) -> None:
        for person in persons:
            programme_services.grant_role(
                actor=actor, programme=programme, user=self.user(person), role=role
            )


# What each login should look at first, read from the database so it is right on a second run.


def _url(name: str, **kwargs) -> str:
    return settings.SITE_URL + reverse(name, kwargs=kwargs or None)


def _call(spec: CallSpec) -> Call | None:
    return (
        Call.objects.filter(programme__slug=slugify(spec.programme)[:70], slug=spec.slug)
        .select_related("programme")
        .first()
    )


def _call_url(name: str, call: Call, **kwargs) -> str:
    return _url(name, programme=call.programme.slug, slug=call.slug, **kwargs)


def logins() -> list[Login]:
    users = {
        u.email: u for u in User.objects.filter(email__in=[p.email for _role, p in people.LOGINS])
    }
    coordinated = Programme.objects.filter(
        roles__user__email=people.COORDINATOR.email, roles__role=ProgrammeRole.Role.COORDINATOR
    ).first()
    reviewed = Programme.objects.filter(
        roles__user__email=people.COMMITTEE_MEMBER.email,
        roles__role=ProgrammeRole.Role.COMMITTEE_MEMBER,
    ).first()
    administered = Organisation.objects.filter(
        memberships__user__email=people.ORGANISATION_ADMIN.email,
        memberships__role=Membership.Role.ADMIN,
    ).first()
    closed_call, open_call = _call(CALL_TO_ACTION), _call(PILOT_SITES)
    own_group = (
        ActorGroup.objects.filter(call=closed_call, lead=administered).first()
        if closed_call and administered
        else None
    )
    coordinator_hint = (
        f"Participants: {_url('programmes:participants', slug=coordinated.slug)}"
        if coordinated
        else ""
    )
    if closed_call:
        coordinator_hint = f"Closed call's overview: {_call_url('calls:overview', closed_call)}"
    admin_hint = (
        f"Members: {_url('organisations:members', slug=administered.slug)}" if administered else ""
    )
    if own_group:
        admin_hint = (
            f"Your group in the closed call: "
            f"{_call_url('calls:group', closed_call, group_id=own_group.pk)}"
        )
    # A partner in the same programme: its private contact persons are visible.
    member_hint = (
        f"Partner's contacts: {_url('organisations:detail', slug=administered.slug)}"
        if administered
        else ""
    )
    if open_call:
        member_hint = f"Open call, start a group: {_call_url('calls:detail', open_call)}"
    committee_hint = (
        f"Programme: {_url('programmes:detail', slug=reviewed.slug)}" if reviewed else ""
    )
    if closed_call and reviewed and closed_call.programme_id == reviewed.pk:
        committee_hint = "Your reviews: " + _url(
            "selection:my_reviews", programme=reviewed.slug, call=closed_call.slug
        )
    look_at = {
        people.PLATFORM_ADMIN.email: f"Audit log: {_url('core:audit_log')}",
        people.COORDINATOR.email: coordinator_hint,
        people.COMMITTEE_MEMBER.email: committee_hint,
        people.ORGANISATION_ADMIN.email: admin_hint,
        people.ORGANISATION_MEMBER.email: member_hint,
        people.OUTSIDER.email: f"Public directory: {_url('organisations:directory')}",
    }
    return [
        Login(
            role=role,
            name=users[person.email].name if person.email in users else person.name,
            email=person.email,
            password=people.DEMO_PASSWORD,
            look_at=look_at[person.email],
        )
        for role, person in people.LOGINS
    ]
