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


runs_the_cluster = is_coordinator | is_platform_admin

rules.add_perm(
    "courses.manage_provider",
    is_training_provider & (is_organisation_member | is_platform_admin),
)
rules.add_perm(
    "courses.sign_declaration",
    is_training_provider & (is_organisation_admin | is_platform_admin),
)
rules.add_perm("courses.manage_cluster", runs_the_cluster)
rules.add_perm("courses.review_quality", reviews_the_cluster | is_platform_admin)
