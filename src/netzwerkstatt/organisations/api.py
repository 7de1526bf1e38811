"""Read API for organisations: the directory and each profile, with the page's permission checks."""

from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import paginate

from netzwerkstatt.vocabularies.models import Theme

from . import queries
from .models import Organisation
from .rules import get_organisation_for
from .schemas import DirectoryFilters, OrganisationDetailOut, OrganisationOut, Pagination

router = Router(tags=["organisations"])


@router.get("", response=list[OrganisationOut], summary="The organisation directory")
@paginate(Pagination)
def organisation_list(request: HttpRequest, filters: Query[DirectoryFilters]):
    theme = None
    if filters.theme:
        theme = Theme.objects.filter(code=filters.theme).first()
        if theme is None:
            return Organisation.objects.none()
    return queries.directory(
        q=filters.q,
        kind=filters.kind or "",
        country=filters.country.upper(),
        region=filters.region.upper(),
        theme=theme,
    )


@router.get("/{slug}", response=OrganisationDetailOut, summary="One organisation's profile")
def organisation_detail(request: HttpRequest, slug: str):
    organisation = get_organisation_for(request.user, slug, "organisations.view_organisation")
    contacts = organisation.contact_persons.all()
    if not request.user.has_perm("organisations.view_private_contacts", organisation):
        contacts = contacts.filter(is_public=True)
    return OrganisationDetailOut.of(
        organisation,
        contact_persons=contacts,
        programmes=organisation.programmes.filter(is_public=True),
    )
