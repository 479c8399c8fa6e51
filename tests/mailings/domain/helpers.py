"""Helpers of the mailings domain tests."""

from matchfair.meetings.domain.requests import send_request


def ask(sender, recipient):
    return send_request(sender=sender, recipient=recipient, message="Hi", by=sender.user)
