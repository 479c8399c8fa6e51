"""Reading the engines' JSON documents: every problem is collected with the JSON path it sits at.

Django-free, like the engines that share it (scheduling, routing).
"""

from collections.abc import Mapping, Sequence
from typing import Any


class PathErrors:
    """Collects `path: message` lines, so a whole document is checked before anything is refused."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, path: str, message: str) -> None:
        self.items.append(f"{path}: {message}")


def quote(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) else repr(value)


def as_object(value: object, path: str, errors: PathErrors) -> Mapping[str, Any] | None:
    if isinstance(value, Mapping):
        return value
    errors.add(path, "must be an object")
    return None


def as_list(value: object, path: str, errors: PathErrors) -> Sequence[Any]:
    if isinstance(value, list):
        return value
    errors.add(path, "must be a list")
    return []


def as_string(value: object, path: str, errors: PathErrors) -> str | None:
    if isinstance(value, str) and value:
        return value
    errors.add(path, "must be a non-empty string")
    return None


def as_int(
    value: object, path: str, errors: PathErrors, low: int, high: int | None = None
) -> int | None:
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and value >= low
        and (high is None or value <= high)
    ):
        return value
    if high is None:
        errors.add(path, f"must be an integer >= {low}")
    else:
        errors.add(path, f"must be an integer from {low} to {high}")
    return None


def unknown_keys(obj: Mapping[str, Any], allowed: set[str], path: str, errors: PathErrors) -> None:
    for key in obj:
        if key not in allowed:
            errors.add(f"{path}.{key}", "unknown field")
