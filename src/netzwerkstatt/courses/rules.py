"""Who may do what in the continuing-education database.

- The public sees published courses of listed providers (``index.public_courses``), provider pages
  of listed providers, the search and the comparison.
- The people of a training provider keep its courses, runs, imports, certifications and
  self-assessments (``courses.manage_provider``); its admins sign and revoke participation
  declarations (``courses.sign_declaration``).
- A cluster's coordinators keep its declaration text and quality standard, see its providers and
  import for them (``courses.manage_cluster``); its coordinators and committee members review
  self-assessments (``courses.review_quality``), never of their own organisation.
"""

from __future__ import annotations

import rules

from netzwerkstatt.core.rules import is_platform_admin
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.organisations.rules import is_organisation_admin, is_organisation_member
from netzwerkstatt.programmes.rules import is_committee_member, is_coordinator


@rules.predicate
def is_training_provider(user, organisation: Organisation | None) -> bool:
    return organisation is not None and organisation.kind == Organisation.Kind.TRAINING_PROVIDER


@rules.predicate
def reviews_the_cluster(user, programme) -> bool:
    return is_coordinator(user, programme) or is_committee_member(user, programme)


@rules.predicate
def reviews_a_cluster_of(user, organisation: Organisation | None) -> bool:
    """The person reviews quality in a cluster where the provider has signed a declaration."""
    if organisation is None or not user.is_authenticated:
        return False
    from netzwerkstatt.programmes.queries import programme_roles_of

    from .models import Declaration

    reviewed = [
        programme_id
        for programme_id, roles in programme_roles_of(user).items()
        if roles & {"coordinator", "committee_member"}
    ]
    return (
        bool(reviewed)
        and Declaration.objects.filter(
            organisation=organisation, programme_id__in=reviewed
        ).exists()
    )


runs_the_cluster = is_coordinator | is_platform_admin

rules.add_perm(
    "courses.manage_provider",
    is_training_provider & (is_organisation_member | is_platform_admin),
)
rules.add_perm(
    "courses.sign_declaration",
    is_training_provider & (is_organisation_admin | is_platform_admin),
)
# The evidence of a certification: the provider's people, and the reviewers of its clusters.
rules.add_perm(
    "courses.view_certification_evidence",
    is_training_provider & (is_organisation_member | reviews_a_cluster_of | is_platform_admin),
)
rules.add_perm("courses.manage_cluster", runs_the_cluster)
rules.add_perm("courses.review_quality", reviews_the_cluster | is_platform_admin)


@rules.predicate
def reviews_the_assessments_cluster(user, assessment) -> bool:
    return assessment is not None and reviews_the_cluster(user, assessment.standard.programme)


@rules.predicate
def belongs_to_the_assessed_provider(user, assessment) -> bool:
    return assessment is not None and is_organisation_member(user, assessment.organisation)


# Confirming or returning a self-assessment (object: SelfAssessment): the cluster's reviewers,
# never for their own organisation, platform admins included.
rules.add_perm(
    "courses.review_self_assessment",
    (reviews_the_assessments_cluster | is_platform_admin) & ~belongs_to_the_assessed_provider,
)


@rules.predicate
def coordinates_a_cluster_of(user, organisation: Organisation | None) -> bool:
    """The person coordinates a cluster in which the provider has signed a declaration that is
    not revoked."""
    if organisation is None or not user.is_authenticated:
        return False
    from netzwerkstatt.programmes.queries import programme_roles_of

    from .models import Declaration

    coordinated = [
        programme_id
        for programme_id, roles in programme_roles_of(user).items()
        if "coordinator" in roles
    ]
    return (
        bool(coordinated)
        and Declaration.objects.filter(
            organisation=organisation, programme_id__in=coordinated, revoked_at__isnull=True
        ).exists()
    )


# Reading a provider's course list and course pages, drafts included (object: Organisation):
# its people, and the coordinators of its clusters, who answer providers' questions and import
# for them; changing stays with the provider (``courses.manage_provider``).
rules.add_perm(
    "courses.view_provider_courses",
    is_training_provider & (is_organisation_member | coordinates_a_cluster_of | is_platform_admin),
)
