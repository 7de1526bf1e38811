from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class ConcurrentEdit(ValidationError):
    """Someone else saved the object after this form was opened; nothing was written."""

    def __init__(self):
        super().__init__(
            _(
                "Someone else changed this in the meantime. Nothing was saved: reload the page to "
                "see their version, then make your change again."
            ),
            code="concurrent_edit",
        )


def forget_cached_roles(user) -> None:
    """Drop the per-request role caches the rules keep on a user object after roles change."""
    for attr in ("_membership_roles", "_programme_ids", "_programme_roles"):
        user.__dict__.pop(attr, None)
