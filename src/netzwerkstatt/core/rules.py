"""Platform-wide predicates."""

import rules


@rules.predicate
def is_platform_admin(user) -> bool:
    return bool(user and user.is_active and user.is_superuser)


rules.add_perm("core.view_audit_log", is_platform_admin)
