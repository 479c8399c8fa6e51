"""How failures leave the API: domain ValidationError → 422 naming the field, PermissionDenied →
403, Throttled → 429 with Retry-After."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import Throttled


@contextmanager
def errors_on(field: str) -> Iterator[None]:
    """Pins a domain error that names no field on the input it is about."""
    try:
        yield
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            raise
        raise ValidationError({field: error.messages}) from error


def field_errors(error: ValidationError) -> list[dict]:
    if hasattr(error, "error_dict"):
        return [
            {"loc": ["body", name], "msg": message, "type": "domain"}
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return [
        {"loc": ["body", NON_FIELD_ERRORS], "msg": message, "type": "domain"}
        for message in error.messages
    ]


def install_handlers(api: NinjaAPI) -> None:
    def validation_error(request: HttpRequest, error: Any) -> HttpResponse:
        return api.create_response(request, {"detail": field_errors(error)}, status=422)

    def permission_denied(request: HttpRequest, error: Any) -> HttpResponse:
        message = str(error) or _("You are not allowed to do this.")
        return api.create_response(request, {"detail": message}, status=403)

    def throttled(request: HttpRequest, error: Any) -> HttpResponse:
        response = api.create_response(request, {"detail": _("Too many requests")}, status=429)
        if error.wait is not None:
            response["Retry-After"] = str(int(error.wait))
        return response

    api.add_exception_handler(ValidationError, validation_error)
    api.add_exception_handler(PermissionDenied, permission_denied)
    api.add_exception_handler(Throttled, throttled)
