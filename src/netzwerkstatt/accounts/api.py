"""Read API for the signed-in person: who they are and which roles they hold."""

from typing import Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema

from netzwerkstatt.core.api_auth import TokenOrSession
from netzwerkstatt.organisations.models import Membership
from netzwerkstatt.programmes.models import ProgrammeRole

router = Router(auth=TokenOrSession(), tags=["accounts"])


class OrganisationRoleOut(Schema):
    slug: str
    name: str
    role: Literal[tuple(Membership.Role.values)]

    @staticmethod
    def resolve_slug(membership: Membership) -> str:
        return membership.organisation.slug

    @staticmethod
    def resolve_name(membership: Membership) -> str:
        return membership.organisation.name


class ProgrammeRoleOut(Schema):
    slug: str
    name: str
    role: Literal[tuple(ProgrammeRole.Role.values)]

    @staticmethod
    def resolve_slug(programme_role: ProgrammeRole) -> str:
        return programme_role.programme.slug

    @staticmethod
    def resolve_name(programme_role: ProgrammeRole) -> str:
        return programme_role.programme.name


class MeOut(Schema):
    email: str
    name: str
    language: str = Field(description="Saved interface language (de, it, en), or empty.")
    organisations: list[OrganisationRoleOut]
    programme_roles: list[ProgrammeRoleOut]

    @staticmethod
    def resolve_organisations(user) -> list[Membership]:
        return list(user.memberships.select_related("organisation"))

    @staticmethod
    def resolve_programme_roles(user) -> list[ProgrammeRole]:
        return list(user.programme_roles.select_related("programme"))


class ErrorOut(Schema):
    detail: str


@router.get("", response={200: MeOut, 401: ErrorOut}, summary="The signed-in person")
def me(request: HttpRequest):
    return request.user
