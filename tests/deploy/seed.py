"""Seeds a small event into the database DATABASE_URL names; run by the integration test as
`python -m tests.deploy.seed`, in a process of its own, and prints what it made as JSON."""

import json
import os
import sys


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.settings")
    import django

    django.setup()

    from django.contrib.auth.hashers import make_password

    from matchfair.meetings.models import Meeting
    from tests import factories

    event = factories.b2b_event(tables=4, sessions=1)
    organiser = factories.UserFactory(
        email="olga@example.org", full_name="Olga Organiser", password=make_password("pw-olga-1")
    )
    event.organisers.get(is_lead=True).staff.add(organiser)
    people = [factories.RegistrationFactory(event=event) for _ in range(8)]
    meetings = 0
    for first in range(len(people)):
        for second in range(first + 1, len(people), 3):
            meeting = Meeting.objects.create(event=event)
            meeting.participants.set([people[first], people[second]])
            meetings += 1
    json.dump(
        {
            "slug": event.slug,
            "email": organiser.email,
            "password": "pw-olga-1",
            "meetings": meetings,
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
