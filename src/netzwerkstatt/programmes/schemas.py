"""What the API shows of a programme."""

import datetime

from ninja import Field, Schema

from netzwerkstatt.vocabularies.schemas import translations

from .models import Programme


class ProgrammeOut(Schema):
    slug: str
    name: str
    tagline: str
    funder: str
    funding_scheme: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    countries: list[str] = Field(description="ISO 3166-1 alpha-2 codes.")
    working_languages: list[str] = Field(description="ISO 639-1 codes.")
    website: str
    is_public: bool = Field(description="False: only the programme's people can see it.")
    url: str = Field(description="Path of the programme's page.")

    @staticmethod
    def resolve_url(programme: Programme) -> str:
        return programme.get_absolute_url()


class ParticipantOut(Schema):
    slug: str
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    url: str = Field(description="Path of the organisation's page.")

    @staticmethod
    def resolve_url(organisation) -> str:
        return organisation.get_absolute_url()


class ProgrammeDetailOut(ProgrammeOut):
    description: dict[str, str] = Field(
        description="Markdown, by language code, in every language it was written in."
    )
    organisations: list[ParticipantOut] = Field(description="Participating organisations.")

    @staticmethod
    def resolve_description(programme: Programme) -> dict[str, str]:
        return translations(programme.description)

    @staticmethod
    def resolve_organisations(programme: Programme) -> list:
        return [
            participation.organisation
            for participation in programme.participations.select_related("organisation")
        ]
