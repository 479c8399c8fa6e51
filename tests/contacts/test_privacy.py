"""The access log of contact details in the personal-data export and on erasure."""

from matchfair.community.domain.privacy import erase_account, export_personal_data
from matchfair.contacts.domain.access import Where, record_views
from matchfair.contacts.models import ContactView
from tests import factories


def test_export_holds_who_viewed_my_details_and_whose_i_viewed(event, ana, jonas):
    record_views(jonas.user, event, [ana.user_id], Where.PROFILE)
    mine = export_personal_data(user=ana.user)["contact_views"]
    assert [(v["name"], v["where"], v["event"]) for v in mine["viewed_by"]] == [
        ("Jonas Berg", "profile", event.slug)
    ]
    assert mine["viewed"] == []
    theirs = export_personal_data(user=jonas.user)["contact_views"]
    assert [v["name"] for v in theirs["viewed"]] == ["Ana Petrova"]


def test_erasure_deletes_my_log_and_keeps_my_views_in_others_logs_without_my_name(
    event, ana, jonas
):
    record_views(jonas.user, event, [ana.user_id], Where.PROFILE)
    record_views(ana.user, event, [jonas.user_id], Where.API)
    erase_account(user=ana.user, by=ana.user, password=factories.PASSWORD)
    assert ContactView.objects.filter(person=ana.user).count() == 0
    kept = ContactView.objects.get(person=jonas.user)
    kept.viewer.refresh_from_db()
    assert (kept.viewer_id, kept.viewer.full_name) == (ana.user_id, "Erased account")
