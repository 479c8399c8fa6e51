"""How an API caller is recognised: a bearer token, the browser's session, or nobody (public reads)."""

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.throttling import BaseThrottle

from matchfair.api.domain.tokens import user_for_key
from matchfair.limits import over_limit, retry_after


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <key>`; a key that is wrong or revoked is refused outright."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_key(token)
        if user is None:
            # Falling through to the session would turn a bad token into a confusing 403.
            raise AuthenticationError(message="Invalid or revoked token.")
        return user


class SessionAuth(APIKeyCookie):
    """The logged-in browser, as on /api/docs; unsafe methods must carry the CSRF token."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return request.user if key and request.user.is_authenticated else None


def visitor(request: HttpRequest) -> Any:
    """Public reads are open to everyone, as the pages they mirror are."""
    if "Authorization" in request.headers:
        raise AuthenticationError(message="Use `Authorization: Bearer <token>`.")
    return AnonymousUser()


token_auth = TokenAuth()
session_auth = SessionAuth()
SIGNED_IN = [token_auth, session_auth]
ANYONE = [token_auth, session_auth, visitor]


class ApiLimit(BaseThrottle):
    """The API's rate limits (`matchfair.limits.RATES["api"]`): per caller, whether a token or
    the session names them, and per client address; an answer over them is a 429."""

    def allow_request(self, request: HttpRequest) -> bool:
        return not over_limit(request, "api", user=getattr(request, "auth", None))

    def wait(self) -> float:
        """Sent as the 429's Retry-After: when the caller is sure to be let through again."""
        return retry_after("api")
