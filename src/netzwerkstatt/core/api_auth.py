"""API authentication: a personal token (Bearer), else the browser session, else a visitor.

Public data needs no token, so a request without credentials is let through as an anonymous visitor
and every endpoint checks permissions through the same rules as the pages. A token that is sent
but wrong is refused (401) rather than silently downgraded.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from ninja.errors import AuthenticationError, HttpError
from ninja.utils import check_csrf


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
            _activate_saved_language(request, user)
            return user
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # The browser sends the session cookie on its own, so a cross-site form could use it:
            # writes by session need the CSRF token, as on the pages. (Tokens are not sent
            # automatically, so they need none.)
            if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
                raise HttpError(403, "CSRF check failed.")
            return user
        return self.visitor(request)

    def visitor(self, request):
        request.user = AnonymousUser()
        return request.user


class TokenOrSession(OptionalTokenOrSession):
    """The same, for endpoints about the caller themselves: visitors get 401."""

    def visitor(self, request):
        return None


def _activate_saved_language(request, user) -> None:
    # LocaleMiddleware ran before the token was read; as on the pages, the saved language wins.
    if user.language and user.language in dict(settings.LANGUAGES):
        translation.activate(user.language)
        request.LANGUAGE_CODE = user.language
