"""API authentication: a personal token (Bearer), else the browser session, else a visitor.

Public data needs no token, so a request without credentials is let through as an anonymous visitor
and every endpoint checks permissions through the same rules as the pages. A token that is sent
but wrong is refused (401) rather than silently downgraded.
"""

from django.contrib.auth.models import AnonymousUser
from ninja.errors import AuthenticationError


class OptionalTokenOrSession:
    openapi_type = "http"
    openapi_scheme = "bearer"

    def __init__(self):
        self.openapi_security_schema = {"type": "http", "scheme": "bearer"}

    def __call__(self, request):
        from netzwerkstatt.accounts.models import ApiToken

        header = request.headers.get("Authorization", "")
        if header:
            scheme, _, key = header.partition(" ")
            if scheme.lower() != "bearer" or not key.strip():
                raise AuthenticationError()
            user = ApiToken.authenticate(key.strip())
            if user is None:
                raise AuthenticationError()
            request.user = user
            return user
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        request.user = AnonymousUser()
        return request.user
