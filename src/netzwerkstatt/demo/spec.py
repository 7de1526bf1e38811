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
