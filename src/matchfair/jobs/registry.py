"""The kinds of job: each app registers the long work it offers, from its `AppConfig.ready`.

    from matchfair.jobs import registry as jobs

    jobs.register(
        "reports.meetings_xlsx",
        run=run_meetings_xlsx,        # (job, progress) -> Output(content, filename, content_type)
        permission=may_start,         # (user, job) -> bool: may start it, see it, download it
        label=_("Meetings of the latest release (XLSX)"),
        downloaded=audit_download,    # (job, user): called on each download, e.g. an audit entry
        back=dashboard_url,           # (job) -> the URL of the page the job was started from
    )

`run` calls `progress(done, total)` as it goes (cheaply: the job writes it to the database at
most once a second) and returns the file. It runs in a worker, outside any transaction, in the
language of the request that asked for it.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol, TypeVar

from django.utils.functional import Promise

T = TypeVar("T")


class Output(NamedTuple):
    """What a job kind's `run` returns: the file's bytes, its name and its content type."""

    content: bytes
    filename: str
    content_type: str


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str | None = None) -> None: ...


@dataclass(frozen=True)
class JobKind:
    name: str
    run: Callable[[Any, Progress], Output | tuple[bytes, str, str]]
    permission: Callable[[Any, Any], bool]
    label: str | Promise = ""
    downloaded: Callable[[Any, Any], None] | None = None
    back: Callable[[Any], str] | None = None


_kinds: dict[str, JobKind] = {}


def register(
    name: str,
    *,
    run: Callable[[Any, Progress], Output | tuple[bytes, str, str]],
    permission: Callable[[Any, Any], bool],
    label: str | Promise = "",
    downloaded: Callable[[Any, Any], None] | None = None,
    back: Callable[[Any], str] | None = None,
) -> JobKind:
    """Add (or replace, so a second `ready()` is harmless) the job kind `name`."""
    kind = JobKind(
        name=name, run=run, permission=permission, label=label, downloaded=downloaded, back=back
    )
    _kinds[name] = kind
    return kind


def unregister(name: str) -> None:
    _kinds.pop(name, None)


def get(name: str) -> JobKind:
    """The registered kind `name`; a LookupError names a kind no app registered."""
    try:
        return _kinds[name]
    except KeyError:
        raise LookupError(f"no job kind {name!r} is registered") from None


def kinds() -> list[JobKind]:
    return list(_kinds.values())


def counted(
    items: Iterable[T],
    *,
    total: int,
    progress: Progress,
    every: int = 500,
    finishing: str | None = None,
) -> Iterator[T]:
    """`items` unchanged, reporting how many have gone by every `every` items; at the end the
    message `finishing` says what happens next (writing the file, say)."""
    done = 0
    for item in items:
        yield item
        done += 1
        if done % every == 0:
            progress(done, total)
    progress(done, total, finishing)
