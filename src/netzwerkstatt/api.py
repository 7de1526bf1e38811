"""The API root: /api/v1/ with OpenAPI docs at /api/v1/docs. Each app contributes a router."""

from django.core.exceptions import PermissionDenied
from ninja import NinjaAPI

from netzwerkstatt.core.api_auth import OptionalTokenOrSession

api = NinjaAPI(
    title="Netzwerkstatt API",
    version="1",
    description=(
        "Organisations, programmes, vocabularies, calls with their expressions of interest, "
        "matching, joint applications and their reviews; an actor group's members save answers "
        "and submit. Send a personal API token (created under Account → API tokens) as "
        "`Authorization: Bearer <token>`; without one you see what a visitor sees."
    ),
    auth=OptionalTokenOrSession(),
    urls_namespace="api",
)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    # The rules helpers raise PermissionDenied; answer in JSON rather than with the HTML 403 page.
    return api.create_response(request, {"detail": "Forbidden"}, status=403)


from netzwerkstatt.accounts.api import router as accounts_router  # noqa: E402
from netzwerkstatt.calls.api import router as calls_router  # noqa: E402
from netzwerkstatt.matching.api import router as matching_router  # noqa: E402
from netzwerkstatt.organisations.api import router as organisations_router  # noqa: E402
from netzwerkstatt.programmes.api import router as programmes_router  # noqa: E402
from netzwerkstatt.selection.api import router as selection_router  # noqa: E402
from netzwerkstatt.vocabularies.api import router as vocabularies_router  # noqa: E402

api.add_router("/me", accounts_router)
api.add_router("/organisations", organisations_router)
api.add_router("/programmes", programmes_router)
api.add_router("/vocabularies", vocabularies_router)
api.add_router("/calls", calls_router)
api.add_router("/calls", matching_router)
api.add_router("/calls", selection_router)
api.add_router("/programmes", "netzwerkstatt.events.api.router")
api.add_router("/programmes", "netzwerkstatt.networks.api.router")
api.add_router("/practices", "netzwerkstatt.practices.api.router")
api.add_router("/courses", "netzwerkstatt.courses.api_search.router")
api.add_router("/courses", "netzwerkstatt.courses.api_push.router")
