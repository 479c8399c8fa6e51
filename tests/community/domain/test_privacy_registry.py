"""The privacy registry: every model that holds a person's data is registered for export or
erasure, and the community app's registry imports no other app, which register their own sections.

A *person* here is a row that stands for one human being:

- the user model: the account;
- `events.Registration`: a person taking part in an event;
- `visits.DelegationMember`: a person (their registration) in a delegation;
- `contacts.Contact`: a person as someone recorded them, whether a scanned participant or a
  business card of someone with no account.

`community.Organisation` is not a person: it is the company or body a person represents, and its
data is the organisation's. A model is personal when it is a person or has a foreign key,
one-to-one or many-to-many field to one.
"""

import ast
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model

from matchfair.community.domain import privacy
from matchfair.contacts.models import Contact
from matchfair.events.models import Registration
from matchfair.meetings.models import MeetingRequest
from matchfair.outbox.models import Message
from matchfair.visits.models import DelegationMember


def persons() -> set[type]:
    return {get_user_model(), Registration, DelegationMember, Contact}


def personal_models() -> list[type]:
    people = persons()
    return [
        model
        for model in apps.get_models()
        if model in people
        or any(
            field.related_model in people
            for field in [*model._meta.fields, *model._meta.many_to_many]
            if field.is_relation
        )
    ]


def unregistered(registered: set[type]) -> list[str]:
    return [model._meta.label for model in personal_models() if model not in registered]


def test_every_model_that_points_to_a_person_is_registered():
    assert unregistered(privacy.registered_models()) == []


def test_a_model_pointing_to_a_person_that_no_section_names_is_reported():
    """The check above can fail: a model with a foreign key to the user (the outbox's message)
    or to a registration (a meeting request), or a person itself (a contact), is reported once
    no section names it."""
    registered = privacy.registered_models()
    left_out = {Message, MeetingRequest, Contact}
    assert left_out <= registered
    assert sorted(unregistered(registered - left_out)) == [
        "contacts.Contact",
        "meetings.MeetingRequest",
        "outbox.Message",
    ]


def imported_modules(path: Path) -> list[str]:
    """Every module a file imports, `from a import b` counted as both `a` and `a.b`."""
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def test_the_registry_imports_no_other_app():
    # matchfair.permissions is no app and may be imported; it imports the events and meetings
    # models itself, which a layering check of the whole community app will have to settle.
    other_apps = {
        config.name
        for config in apps.get_app_configs()
        if config.name.startswith("matchfair.") and config.name != "matchfair.community"
    }
    imports = imported_modules(Path(privacy.__file__))
    assert [
        name
        for name in imports
        if any(name == app or name.startswith(f"{app}.") for app in other_apps)
    ] == []
