"""What the API shows of an organisation: the directory entry, the profile and its contacts."""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from .models import Organisation


class Pagination(LimitOffsetPagination):
    """Limit and offset, 50 entries by default and at most 200 per request."""

    MAX_LIMIT = 200

    class Input(Schema):
        limit: int = Field(50, ge=1, le=200, description="Entries per page (1-200).")
        offset: int = Field(0, ge=0, description="Entries to skip.")

    def __init__(self, **kwargs):
        super().__init__(max_limit=self.MAX_LIMIT, **kwargs)


class DirectoryFilters(Schema):
    q: str = Field("", description="Words to find in name, city, description and competencies.")
    kind: Organisation.Kind | None = None
    country: str = Field("", description="ISO 3166-1 alpha-2 code, e.g. DE.")
    region: str = Field("", description="ISO 3166-2 code, e.g. DE-HE.")
    theme: str = Field("", description="A theme code from /vocabularies/themes.")


class OrganisationOut(Schema):
    slug: str
    name: str
    kind: Organisation.Kind
    sector: Organisation.Sector
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    region: str = Field(description="ISO 3166-2 code, or empty.")
    city: str
    website: str
    languages: list[str] = Field(description="ISO 639-1 codes.")
    themes: list[str] = Field(description="Theme codes.")
    url: str = Field(description="Path of the organisation's page.")

    @staticmethod
    def resolve_themes(organisation: Organisation) -> list[str]:
        # .all() so that a prefetched list of themes is used.
        return [theme.code for theme in organisation.themes.all()]

    @staticmethod
    def resolve_url(organisation: Organisation) -> str:
        return organisation.get_absolute_url()


class ContactPersonOut(Schema):
    name: str
    function: str
    email: str
    phone: str
    is_public: bool = Field(description="False: shown only to participants of a shared programme.")


class ProgrammeLinkOut(Schema):
    slug: str
    name: str


class OrganisationDetailOut(OrganisationOut):
    street: str
    postal_code: str
    description: str = Field(description="Markdown, as written by the organisation.")
    core_competencies: list[str]
    programmes: list[ProgrammeLinkOut] = Field(description="Public programmes it takes part in.")
    contact_persons: list[ContactPersonOut] = Field(
        description="Public contacts; all of them for participants of a shared programme."
    )

    @classmethod
    def of(cls, organisation: Organisation, *, contact_persons, programmes):
        """The profile with the contacts and programmes the caller has chosen to show."""
        return cls.model_validate(
            organisation, context={"contact_persons": contact_persons, "programmes": programmes}
        )

    @staticmethod
    def resolve_core_competencies(organisation: Organisation) -> list[str]:
        return organisation.competency_list

    @staticmethod
    def resolve_contact_persons(organisation: Organisation, context) -> list:
        return list(context["contact_persons"])

    @staticmethod
    def resolve_programmes(organisation: Organisation, context) -> list:
        return list(context["programmes"])
