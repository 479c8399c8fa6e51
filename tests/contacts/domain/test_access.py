"""The access log of contact details: one row per viewer, person and day, written cheaply."""

import datetime as dt

from django.contrib.auth.models import AnonymousUser
from django.db.models import F

from matchfair.contacts.domain.access import Where, record_views, views_of
from matchfair.contacts.models import ContactView
from tests import factories


def test_a_view_is_logged_once_a_day_at_the_first_place(event, ana, jonas):
    record_views(jonas.user, event, [ana.user_id], Where.PROFILE)
    record_views(jonas.user, event, [ana.user_id], Where.API)
    assert [(v.viewer, v.where) for v in views_of(ana.user)] == [(jonas.user, "profile")]
    # The same row, had it been yesterday's: today's view is a new one.
    ContactView.objects.update(day=F("day") - dt.timedelta(days=1))
    record_views(jonas.user, event, [ana.user_id], Where.API)
    assert sorted(v.where for v in views_of(ana.user)) == ["api", "profile"]


def test_ones_own_details_and_visitors_are_not_logged(event, ana):
    assert record_views(ana.user, event, [ana.user_id], Where.PROFILE) == 0
    assert record_views(AnonymousUser(), event, [ana.user_id], Where.API) == 0
    assert ContactView.objects.count() == 0


def test_a_whole_page_is_one_statement(event, jonas, django_assert_num_queries):
    people = [factories.RegistrationFactory(event=event).user_id for _ in range(30)]
    with django_assert_num_queries(1):
        assert record_views(jonas.user, event, people, Where.API) == 30
    with django_assert_num_queries(1):
        record_views(jonas.user, event, people, Where.API)
    assert ContactView.objects.filter(viewer=jonas.user).count() == 30
