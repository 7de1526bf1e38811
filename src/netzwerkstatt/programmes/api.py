"""Read API for programmes: only those the caller may see, as on the pages."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Router

from .queries import visible_programmes
from .rules import get_programme_for
from .schemas import ProgrammeDetailOut, ProgrammeOut

router = Router(tags=["programmes"])


@router.get("", response=list[ProgrammeOut], summary="Programmes the caller may see")
def programme_list(request: HttpRequest):
    return visible_programmes(request.user)


@router.get("/{slug}", response=ProgrammeDetailOut, summary="One programme")
def programme_detail(request: HttpRequest, slug: str):
    try:
        return get_programme_for(request.user, slug, "programmes.view_programme")
    except PermissionDenied:
        # Unlike the page (403), the API does not tell whether a hidden programme exists.
        raise Http404 from None
