"""Read API for joint applications and the committee's review. Mounted beside the calls router,
so the paths read /calls/{programme}/{slug}/applications and /calls/{programme}/{slug}/reviews.

Permissions are the pages' (``selection.rules``): the call's applications and all its reviews
are listed for the people who run the call; one application is read by them, by the members of
the consortium's organisations and by the committee members assigned to review it, as its page;
a committee member lists their own reviews. A call or an application the caller may not see is
404, a list they may not read is 403, always in JSON. What is held back (the decision before its
release, a reviewer's draft) is decided here and in ``schemas``.
"""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Value
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.pagination import paginate

from netzwerkstatt.calls.models import Call, RubricCriterion
from netzwerkstatt.calls.rules import get_call_for, may
from netzwerkstatt.calls.schemas import CallsErrorOut
from netzwerkstatt.core.api_auth import TokenOrSession
from netzwerkstatt.organisations.schemas import Pagination

from .models import Activity, Application, ConflictOfInterest, PartnerRole, Review
from .schemas import (
    ApplicationDetailOut,
    ApplicationFilters,
    ApplicationOut,
    ReviewFilters,
    ReviewOut,
)

router = Router(tags=["selection"], auth=TokenOrSession())

CALL = "/{programme}/{slug}"
ERRORS = {401: CallsErrorOut, 403: CallsErrorOut, 404: CallsErrorOut}


def applications_of(call: Call) -> QuerySet[Application]:
    """The call's applications with everything the schema shows, in a fixed number of queries."""
    return (
        Application.objects.filter(call=call)
        .select_related("call__programme", "consortium__left__lead", "consortium__right__lead")
        .prefetch_related(
            "themes",
            Prefetch(
                "activities",
                queryset=Activity.objects.select_related("owner").order_by("position", "pk"),
            ),
            Prefetch(
                "roles",
                queryset=PartnerRole.objects.select_related("organisation").order_by(
                    "organisation__name", "pk"
                ),
            ),
        )
        .order_by("title", "pk")
    )


def reviews_of(call: Call) -> QuerySet[Review]:
    """The call's reviews with their scores, the call's rubric (``rubric`` on the call) and
    whether the reviewer declared a conflict of interest, in a fixed number of queries."""
    return (
        Review.objects.filter(application__call=call)
        .select_related("reviewer", "application__call")
        .prefetch_related(
            "scores",
            Prefetch(
                "application__call__rubric_criteria",
                queryset=RubricCriterion.objects.order_by("position", "pk"),
                to_attr="rubric",
            ),
        )
        .annotate(
            conflict_declared=Exists(
                ConflictOfInterest.objects.filter(
                    application=OuterRef("application"), person=OuterRef("reviewer")
                )
            )
        )
        .order_by("application__title", "application_id", "reviewer__name", "pk")
    )


# Applications ---------------------------------------------------------------------------------


@router.get(
    CALL + "/applications",
    response={200: list[ApplicationOut], **ERRORS},
    summary="The call's joint applications (for the people who run it)",
    description=(
        "Every consortium's application with its work programme and the partners' roles, drafts "
        "included (as on the coordinators' list). A decision is shown under `held_decision` "
        "until it is released; then `status` and `feedback` carry it."
    ),
)
@paginate(Pagination)
def application_list(
    request: HttpRequest, programme: str, slug: str, filters: Query[ApplicationFilters]
):
    call = get_call_for(request.user, programme, slug, "selection.list_applications")
    applications = applications_of(call).annotate(
        show_held_decision=Value(True), show_feedback=Value(True)
    )
    if filters.status:
        applications = applications.filter(status=filters.status)
    return applications


@router.get(
    CALL + "/applications/{application_id}",
    response={200: ApplicationDetailOut, **ERRORS},
    summary="One joint application",
    description=(
        "For the people who run the call, the members of the consortium's organisations and "
        "the committee members assigned to review it; anyone else gets 404. The held decision "
        "is for the people who run the call only; the consortium reads the status and the "
        "feedback once the decision was released."
    ),
)
def application_detail(request: HttpRequest, programme: str, slug: str, application_id: int):
    call = get_call_for(request.user, programme, slug, "calls.view_call")
    application = get_object_or_404(
        applications_of(call).prefetch_related("attachments"), pk=application_id
    )
    consortium = application.consortium
    consortium.call = consortium.left.call = consortium.right.call = call
    if not may(request.user, "selection.view_application", consortium):
        raise Http404
    runs_the_call = request.user.has_perm("selection.manage_review", call)
    application.show_held_decision = runs_the_call
    application.show_feedback = runs_the_call or may(
        request.user, "selection.edit_application", consortium
    )
    return application


# Reviews --------------------------------------------------------------------------------------


@router.get(
    CALL + "/reviews",
    response={200: list[ReviewOut], **ERRORS},
    summary="The call's reviews (for the people who run it)",
    description=(
        "Every assignment, by application and reviewer. Scores and comments are shown once the "
        "review was submitted; until then the review is the reviewer's draft."
    ),
)
@paginate(Pagination)
def review_list(request: HttpRequest, programme: str, slug: str, filters: Query[ReviewFilters]):
    call = get_call_for(request.user, programme, slug, "selection.manage_review")
    reviews = reviews_of(call)
    if filters.application_id is not None:
        reviews = reviews.filter(application_id=filters.application_id)
    if filters.status:
        reviews = reviews.filter(status=filters.status)
    return reviews


@router.get(
    CALL + "/reviews/mine",
    response={200: list[ReviewOut], **ERRORS},
    summary="The caller's own reviews in the call (for its committee members)",
    description=(
        "The applications the caller was assigned to review, with their own scores, drafts "
        "included. Nobody reads another reviewer's review here."
    ),
)
@paginate(Pagination)
def my_reviews(request: HttpRequest, programme: str, slug: str, filters: Query[ReviewFilters]):
    call = get_call_for(request.user, programme, slug, "selection.take_part_in_review")
    reviews = reviews_of(call).filter(reviewer=request.user).annotate(show_draft=Value(True))
    if filters.application_id is not None:
        reviews = reviews.filter(application_id=filters.application_id)
    if filters.status:
        reviews = reviews.filter(status=filters.status)
    return reviews
