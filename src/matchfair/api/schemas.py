"""The shapes the API reads and writes (ninja Schemas); they are also the OpenAPI components."""

import datetime as dt
from typing import Annotated, Any

from ninja import Schema
from pydantic import Field, StringConstraints

# NUL cannot be stored in PostgreSQL text; refuse it at the door rather than fail in the database.
Text = Annotated[str, StringConstraints(max_length=2000, pattern=r"^[^\x00]*$")]


class Error(Schema):
    detail: str


class FieldError(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrors(Schema):
    detail: list[FieldError]


class Me(Schema):
    id: int
    email: str
    full_name: str
    registrations: list["MyRegistration"]


class MyRegistration(Schema):
    id: int
    event: str
    status: str


class EventOut(Schema):
    id: int
    slug: str
    name: str
    description: str
    venue: str
    city: str
    time_zone: str
    starts_on: dt.date
    ends_on: dt.date
    registration_open: bool
    booking_open: bool


class SlotOut(Schema):
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime


class SessionOut(Schema):
    id: int
    name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    slot_minutes: int
    is_b2b: bool
    slots: list[SlotOut]


class OrganisationOut(Schema):
    name: str
    kind: str
    country: str
    city: str
    website: str


class Contact(Schema):
    email: str
    phone: str


class OpportunityBrief(Schema):
    id: int
    kind: str
    title: str


class ParticipantOut(Schema):
    id: int
    name: str
    job_title: str
    organisation: OrganisationOut | None
    headline: str
    description: str
    status: str
    domains: list[str]
    opportunities: list[OpportunityBrief]
    contact: Contact | None = Field(
        description="Shown only after an accepted meeting, with consent, or to their organisers."
    )


class ParticipantBrief(Schema):
    id: int
    name: str
    organisation: str | None


class OpportunityOut(Schema):
    id: int
    kind: str
    title: str
    description: str
    domains: list[str]
    participant: ParticipantBrief


class RequestIn(Schema):
    recipient: int = Field(ge=1, le=2**63 - 1, description="The participant (registration) id.")
    message: Text


class AnswerIn(Schema):
    reply: Text = ""


class RequestOut(Schema):
    id: int
    status: str
    direction: str = Field(description="`incoming` or `outgoing`, seen from the caller.")
    sender: ParticipantBrief
    recipient: ParticipantBrief
    message: str
    reply: str
    created: dt.datetime
    answered: dt.datetime | None
    meeting: int | None = Field(None, description="The meeting an accepted request became.")


class TableOut(Schema):
    id: int
    name: str
    location: str


class AgendaItemOut(Schema):
    meeting: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    session: str
    table: TableOut
    participants: list[ParticipantBrief]


class AgendaOut(Schema):
    release: int | None = Field(description="The released plan's version, or null before one.")
    time_zone: str
    items: list[AgendaItemOut]


class SolveIn(Schema):
    time_limit: float | None = Field(
        None, ge=1, le=3600, allow_inf_nan=False, description="Seconds; the site default if empty."
    )
    seed: int = Field(0, ge=0, le=2**31 - 1)


class SolverRunOut(Schema):
    id: int
    status: str
    time_limit: float
    seed: int
    progress: dict[str, Any]
    error: str
    plan: int | None
    created: dt.datetime
    started: dt.datetime | None
    finished: dt.datetime | None


class Page(Schema):
    count: int
    page: int
    page_size: int


class EventPage(Page):
    items: list[EventOut]


class ParticipantPage(Page):
    items: list[ParticipantOut]


class OpportunityPage(Page):
    items: list[OpportunityOut]


class RequestPage(Page):
    items: list[RequestOut]


class SolverRunPage(Page):
    items: list[SolverRunOut]


Me.model_rebuild()
