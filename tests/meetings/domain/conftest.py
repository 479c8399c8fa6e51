"""Fixtures of the meetings domain tests."""

import pytest

from tests.meetings.domain.helpers import meet


@pytest.fixture
def meeting(ana, jonas):
    return meet(ana, jonas)
