"""Rate limits and the client's address: how much one person, and one address, may do.

Counts live in the cache (django-ratelimit), so with `MATCHFAIR_CACHE_URL` pointing at Redis
they hold across every web process; `docs/deploy.md` lists each limit. The client's address is
read through the trusted proxies (`MATCHFAIR_TRUSTED_PROXIES`): behind the shipped nginx every
request comes from 127.0.0.1, and only that proxy's X-Forwarded-For says who is asking.
"""

import ipaddress
from collections.abc import Callable
from functools import cache, wraps
from typing import Any

from django.conf import settings
from django.core import checks
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

# action: (per signed-in user, per client address), as django-ratelimit rates; None = no limit.
RATES: dict[str, tuple[str | None, str | None]] = {
    "signup": (None, "20/h"),
    "login": (None, "30/m"),
    "meeting_request": ("60/h", "120/h"),
    "password_check": ("5/15m", "20/15m"),
    "account_mail": (None, "10/h"),  # confirmation and password-reset links
    "api": ("600/m", "1200/m"),
}


# A request with no peer address (a test client, a broken server setup) is counted in one
# bucket with every other such request.
UNKNOWN = "0.0.0.0"


@cache
def _networks(
    entries: tuple[str, ...],
) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(
        ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()
    )


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request: HttpRequest) -> str:
    """The address of whoever sent the request.

    The peer (REMOTE_ADDR) unless it is a trusted proxy; then the right-most address of
    X-Forwarded-For that is not itself a trusted proxy, since each proxy appends the address it
    received the request from and only the part our own proxies wrote can be believed. A header
    sent by anyone else is ignored, so a client cannot choose its own address.
    """
    peer = request.META.get("REMOTE_ADDR", "") or UNKNOWN
    if not _is_trusted(peer):
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if not _is_trusted(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer  # garbage where an address belongs: count it against the proxy
    return peer


def _rate(action: str, which: int) -> Callable[[str, HttpRequest], str | None]:
    """The rate of `action` read when a request comes, so a changed RATES entry applies at once."""
    return lambda _group, _request: RATES[action][which]


_PERIOD_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def retry_after(action: str) -> int:
    """Seconds after which a caller over a limit of `action` is sure to be let through again:
    the longest period among its rates ("20/15m" counts over 900 s), since a count restarts at
    the latest when its period ends."""
    seconds = []
    for rate in RATES[action]:
        if rate:
            _count, period = rate.split("/")
            multiple, unit = period[:-1] or "1", period[-1]
            seconds.append(int(multiple) * _PERIOD_SECONDS[unit])
    return max(seconds, default=60)


def limited(action: str, *, method: str | tuple[str, ...] = "POST") -> Callable:
    """Decorate a view with the limits of `action`: per user and per address, for `method`.
    A refusal names its action on the request, so the 429 page can say when to try again."""

    def decorate(view: Callable) -> Callable:
        counted = ratelimit(
            group=f"{action}:address", key="ip", rate=_rate(action, 1), method=method, block=True
        )(view)
        counted = ratelimit(
            group=f"{action}:user",
            key="user_or_ip",
            rate=_rate(action, 0),
            method=method,
            block=True,
        )(counted)

        @wraps(view)
        def naming(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            try:
                return counted(request, *args, **kwargs)
            except Ratelimited:
                request.limited_action = action  # type: ignore[attr-defined]
                raise

        return naming

    return decorate


def over_limit(request: HttpRequest, action: str, *, user: Any = None) -> bool:
    """Count one use of `action` and say whether it went over a limit, for code that is not a
    plain view: the API, whose caller (`user`) a bearer token names rather than the session."""
    per_user, per_address = RATES[action]
    person = user if user is not None else getattr(request, "user", None)

    def whose(_group: str, request: HttpRequest) -> str:
        if person is not None and person.is_authenticated:
            return f"user:{person.pk}"
        return f"address:{client_ip(request)}"

    over = False
    if per_address:
        over |= is_ratelimited(
            request, group=f"{action}:address", key="ip", rate=per_address, increment=True
        )
    if per_user:
        over |= is_ratelimited(
            request, group=f"{action}:user", key=whose, rate=per_user, increment=True
        )
    return over


def too_many(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The answer to a request over its limit: 429, with when to try again."""
    response = render(request, "429.html", status=429)
    action = getattr(request, "limited_action", None)
    response["Retry-After"] = str(retry_after(action) if action in RATES else 60)
    return response


@checks.register(checks.Tags.security, deploy=True)
def shared_cache_check(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    """With production settings the limits need a cache every web process shares."""
    if settings.PRODUCTION and not settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        return [
            checks.Warning(
                "Rate limits and log-in throttling are counted per web process.",
                hint="Set MATCHFAIR_CACHE_URL to a Redis server that every web process shares.",
                id="matchfair.W001",
            )
        ]
    return []
