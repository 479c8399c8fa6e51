"""Setting an assembly up: its sessions with their documents (PDFs or links) and the elections
held at them. The agenda and who attends for each member are in `sessions.py`."""

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.assembly.models import Election, Session, SessionDocument
from matchfair.audit.domain import record
from matchfair.community.models import Network
from matchfair.uploads import check_upload

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
SESSION_FIELDS = ("title", "date", "starts_at", "place", "online_url", "event")


def _require_secretariat(network: Network, by: Any) -> None:
    if not permissions.is_secretariat(by, network):
        raise PermissionDenied(_("Only the partnership's secretariat runs the assembly."))


def _check_session(fields: dict[str, Any]) -> None:
    errors = {}
    if not str(fields.get("title", "")).strip():
        errors["title"] = _("A session needs a title.")
    if not isinstance(fields.get("date"), dt.date):
        errors["date"] = _("A session needs a date.")
    if not str(fields.get("place", "")).strip() and not str(fields.get("online_url", "")).strip():
        errors["place"] = _("Give a place, an online meeting link, or both.")
    if errors:
        raise ValidationError(errors)


def create_session(network: Network, *, by: Any, **fields: Any) -> Session:
    """A new session of `network`'s assembly; `fields` are `SESSION_FIELDS`."""
    _require_secretariat(network, by)
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise TypeError(f"not a session field: {sorted(unknown)}")
    _check_session(fields)
    cleaned = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    with transaction.atomic():
        session = Session.objects.create(network=network, **cleaned)
        record(action="assembly.session_created", actor=by, subject=session)
    return session


def change_session(session: Session, *, by: Any, **fields: Any) -> Session:
    """Change any of `SESSION_FIELDS`; the others stay."""
    _require_secretariat(session.network, by)
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise TypeError(f"not a session field: {sorted(unknown)}")
    with transaction.atomic():
        locked = Session.objects.select_for_update().select_related("network").get(pk=session.pk)
        for name, value in fields.items():
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        _check_session({name: getattr(locked, name) for name in SESSION_FIELDS})
        locked.save()
        record(action="assembly.session_changed", actor=by, subject=locked, fields=sorted(fields))
    return locked


def add_document(
    session: Session, *, title: str, upload: Any = None, url: str = "", by: Any
) -> SessionDocument:
    """A PDF for the session's members (checked by `uploads.check_upload`: size, name and real
    content) or a link to one; exactly one of the two. The file is removed again when the
    database refuses the row: nothing is half-saved."""
    _require_secretariat(session.network, by)
    if not title.strip():
        raise ValidationError({"title": _("A document needs a title.")})
    if (upload is None) == (not url.strip()):
        raise ValidationError(_("Upload a PDF or give a link: one of the two."))
    if upload is None:
        try:
            URLValidator(schemes=["https", "http"])(url.strip())
        except ValidationError as error:
            raise ValidationError({"url": _("Enter a valid web address.")}) from error
        with transaction.atomic():
            document = SessionDocument.objects.create(
                session=session, title=title.strip(), url=url.strip()
            )
            record(action="assembly.document_added", actor=by, subject=session, link=url.strip())
        return document
    check_upload(upload, max_bytes=MAX_DOCUMENT_BYTES, kinds=("pdf",))
    upload.seek(0)
    content = upload.read()
    with transaction.atomic():
        document = SessionDocument(session=session, title=title.strip(), size=len(content))
        document.file.save(f"{uuid.uuid4().hex}.pdf", ContentFile(content), save=False)
        try:
            document.save()
            record(
                action="assembly.document_added",
                actor=by,
                subject=session,
                size=filesizeformat(len(content)),
            )
        except BaseException:
            document.file.delete(save=False)
            raise
    return document


def remove_document(document: SessionDocument, *, by: Any) -> None:
    _require_secretariat(document.session.network, by)
    with transaction.atomic():
        record(
            action="assembly.document_removed",
            actor=by,
            subject=document.session,
            title=document.title,
        )
        document.delete()
        if document.file:
            # After the commit, so a rolled-back removal still has its file.
            transaction.on_commit(lambda: document.file.delete(save=False))


def create_election(
    session: Session, *, position: str, seats: int, method: str, seed: int | None, by: Any
) -> Election:
    """An election to a position at `session`, open for nominations. A chair and a vice-chair
    have one seat; the seed for drawing lots, when not given, is drawn when voting opens."""
    _require_secretariat(session.network, by)
    errors = {}
    if position not in Election.Position.values:
        errors["position"] = _("Choose chair, vice-chair or board.")
    if method not in Election.BALLOT_METHODS:
        errors["method"] = _("Choose one of the counting methods: %(methods)s.") % {
            "methods": ", ".join(Election.BALLOT_METHODS)
        }
    if seats < 1:
        errors["seats"] = _("An election fills at least one seat.")
    elif position != Election.Position.BOARD and seats != 1:
        errors["seats"] = _("A chair and a vice-chair are elected to one seat.")
    if seed is not None and not 1 <= seed < 2**31:
        errors["seed"] = _("The seed is a whole number from 1 to 2147483647.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            election = Election.objects.create(
                session=session, position=position, seats=seats, method=method, seed=seed or 0
            )
            record(action="assembly.election_created", actor=by, subject=election)
    except IntegrityError as error:
        raise ValidationError(
            {
                "position": _("This session already has an election for the %(position)s.")
                % {"position": Election.Position(position).label}
            }
        ) from error
    return election
