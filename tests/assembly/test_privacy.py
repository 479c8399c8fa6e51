import pytest

from matchfair.assembly.domain.motions import propose_motion
from matchfair.assembly.domain.proxies import give_proxy
from matchfair.assembly.domain.sessions import add_agenda_item
from matchfair.assembly.models import Attendee, Motion, Proxy
from matchfair.assembly.privacy import collect, erase
from tests.assembly.conftest import attend

pytestmark = pytest.mark.django_db


def test_motions_and_proxies_are_exported_and_stay_on_the_record_without_the_person(
    session, members, secretary, aarhus_delegate
):
    lea = attend(session, members[1], "Léa", "delegate", by=secretary)
    item = add_agenda_item(session, title="Plan", minutes=5, by=secretary)
    propose_motion(session, agenda_item=item, title="Adopt", text="Adopted.", by=lea)
    give_proxy(
        session, cluster=members[1], holder=Attendee.objects.get(user=aarhus_delegate), by=lea
    )
    data = collect(lea)
    assert (data["motions_proposed"][0]["title"], data["proxies_handed_over"][0]["member"]) == (
        "Adopt",
        "Lyon Urban Lab",
    )
    erase(lea)
    assert (Motion.objects.get().proposed_by, Proxy.objects.get().given_by) == (None, None)
