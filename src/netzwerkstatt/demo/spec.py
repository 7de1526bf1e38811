"""The shape of the demo data: plain frozen dataclasses, so the data modules read like a table and
the loader alone knows how they become rows.

Every address is fictional and lives under ``example.org`` (reserved for documentation, RFC 2606),
so no demo link or e-mail address can reach a real organisation.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

DOMAIN = "example.org"

_TRANSLITERATE = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "ł": "l",
        "ø": "o",
        "ı": "i",
        "æ": "ae",
        "'": "",
        "’": "",
    }
)


def email_local_part(name: str) -> str:
    """``"Dr. Jürgen D'Angelo"`` -> ``"juergen.dangelo"``: ASCII, dot between first and last name;
    titles (the words with a dot: Dr., Prof.ssa) are left out."""
    words = [w for w in name.lower().translate(_TRANSLITERATE).split() if "." not in w]
    ascii_words = [
        unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode() for w in words
    ]
    return f"{ascii_words[0]}.{''.join(ascii_words[1:])}"


# "Via Roma 12, 24125 Bergamo", "Maasboulevard 100, 3011 TX Rotterdam", "ulica X 49, 30-644 Kraków"
_ADDRESS = re.compile(r"^(?P<street>.+), (?P<postal_code>[\d-]+(?: [A-Z]{2})?) (?P<city>.+)$")


def host(key: str) -> str:
    return f"{key}.{DOMAIN}"


@dataclass(frozen=True)
class Contact:
    """A contact person shown on an organisation's page. The first contact of an organisation is
    also the person who registered it on the platform (its first admin)."""

    name: str
    function: str
    phone: str = ""
    public: bool = False


@dataclass(frozen=True, kw_only=True)
class Org:
    key: str  # stable identifier and host name of the fictional website
    name: str
    kind: str  # Organisation.Kind value
    sector: str  # "public" or "private"
    region: str  # ISO 3166-2 top-level subdivision; the country is its prefix
    address: str  # "street and number, postal code city"
    languages: str  # ISO 639-1 codes, space-separated
    themes: tuple[str, ...]  # vocabularies.Theme codes
    competencies: tuple[str, ...]
    description: str  # Markdown
    contacts: tuple[Contact, ...]
    extra_members: int = 0  # more (generated) members so member lists look alive
    admin_email: str = ""  # a login account registers the organisation instead of contacts[0]

    @property
    def country(self) -> str:
        return self.region.split("-")[0]

    @property
    def language_list(self) -> list[str]:
        return self.languages.split()

    def address_parts(self) -> dict[str, str]:
        """``{"street": ..., "postal_code": ..., "city": ...}``"""
        match = _ADDRESS.match(self.address)
        if match is None:
            raise ValueError(f"{self.key}: cannot read the address {self.address!r}")
        return match.groupdict()

    @property
    def website(self) -> str:
        return f"https://{host(self.key)}"

    def email_of(self, name: str) -> str:
        return f"{email_local_part(name)}@{host(self.key)}"


@dataclass(frozen=True, kw_only=True)
class Person:
    """Someone with an account. ``organisation`` (an ``Org.key``) makes them a member there."""

    name: str
    language: str
    email: str = ""
    organisation: str = ""
    is_platform_admin: bool = False


@dataclass(frozen=True, kw_only=True)
class ProgrammeSpec:
    name: str
    tagline: str
    description: dict[str, str]  # language -> Markdown
    funder: str
    funding_scheme: str
    starts_on: datetime.date
    ends_on: datetime.date
    countries: tuple[str, ...]
    working_languages: tuple[str, ...]
    website: str
    coordinators: tuple[Person, ...]
    committee: tuple[Person, ...]
    participants: tuple[str, ...]  # Org keys, also of organisations defined elsewhere
    organisations: tuple[Org, ...] = field(default=())  # defined here, participating or not


# Calls --------------------------------------------------------------------------------------------

Texts = dict[str, str]  # language -> text


@dataclass(frozen=True, kw_only=True)
class QuestionSpec:
    key: str  # how the groups' answers refer to the question
    kind: str  # Question.Kind value
    label: Texts
    help_text: Texts = field(default_factory=dict)
    required: bool = True
    choices: tuple[tuple[str, Texts], ...] = ()  # (value, label) of choice questions
    max_words: int | None = None
    min_value: int | None = None
    max_value: int | None = None
    file_types: tuple[str, ...] = ()
    # Answered by the loader from the group's organisations instead of from ``GroupSpec.answers``:
    # "descriptions" (their self-descriptions) or "kinds" (choices named after their kinds).
    derived_from: str = ""


@dataclass(frozen=True, kw_only=True)
class GroupSpec:
    """An actor group answering a call, and how far it has come.

    ``stage`` is "started" (a profile, no answers yet), "draft" or "submitted". A submitted group
    is screened unless ``screened`` is off: every checklist criterion is ticked except those in
    ``unmet`` (1-based), and ``decision`` is held or, when the call releases its decisions, sent.
    A ``reason`` makes the group not eligible."""

    lead: str  # Org key
    name: str
    answers: dict[str, object]  # by QuestionSpec.key; numbers as int, choices as values
    seeks: str
    offers: str = ""  # empty: the competencies of the group's organisations
    regions: tuple[str, ...] = ()  # preferred partner regions, in the other country
    partners: tuple[str, ...] = ()  # Org keys that confirmed
    invited: tuple[str, ...] = ()  # Org keys invited that have not answered yet
    stage: str = "submitted"
    screened: bool = True
    decision: str = "eligible"  # "eligible", "ineligible" or "" (none yet)
    reason: str = ""
    unmet: tuple[int, ...] = ()
    note: str = ""

    @property
    def organisations(self) -> tuple[str, ...]:
        return (self.lead, *self.partners)


@dataclass(frozen=True, kw_only=True)
class CallSpec:
    """A call with its form, checklist and rubric and the groups that answered it.

    A closed call has fixed dates (``opens_at``/``closes_at``); an open one is placed around
    the moment of loading (``opened_days_ago``/``closes_in_days``)."""

    programme: str  # ProgrammeSpec.name
    slug: str  # what create_call makes of the title; the logins table links to it
    author: Person  # a coordinator: creates, sets up and publishes the call
    screeners: dict[str, Person]  # by group country; "*" for the others, also decides and sends
    title: Texts
    text: Texts
    eligible_countries: tuple[str, ...]
    pairings: tuple[tuple[str, str], ...]
    themes: tuple[str, ...]
    questions: tuple[QuestionSpec, ...]
    criteria: tuple[Texts, ...]
    rubric: tuple[tuple[Texts, Texts, int], ...]  # (title, what reviewers look for, weight)
    groups: tuple[GroupSpec, ...]
    eligible_kinds: tuple[str, ...] = ()
    score_range: tuple[int, int] = (0, 5)
    coordinators: tuple[Person, ...] = ()  # granted the role first, by the programme's first one
    opens_at: datetime.datetime | None = None
    closes_at: datetime.datetime | None = None
    created_at: datetime.datetime | None = None
    released_at: datetime.datetime | None = None  # decisions sent; None: they are held
    opened_days_ago: int = 0
    closes_in_days: int = 0
