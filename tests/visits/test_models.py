"""What the database itself refuses in the visits models."""

import pytest

from matchfair.visits.models import Stand


def test_database_refuses_a_stand_closing_before_it_opens(event, halls):
    import datetime as dt

    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Stand.objects.create(
            event=event,
            hall=halls[0],
            code="Z",
            exhibitor="Z",
            opens=dt.time(12),
            closes=dt.time(10),
        )
