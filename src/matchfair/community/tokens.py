"""The signed link that confirms an e-mail address: Django's token machinery, tied to the state
it changes, so the link works once.

The token signs the account's id, address and confirmed state with the site's secret and a
timestamp. Once the address is confirmed the state differs and the same link no longer checks;
after `settings.PASSWORD_RESET_TIMEOUT` seconds it has expired (Django's check), like a
password-reset link.
"""

import copy
from typing import Any

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class EmailConfirmationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "matchfair.community.tokens.EmailConfirmationTokenGenerator"

    def _make_hash_value(self, user: Any, timestamp: int) -> str:
        return f"{user.pk}{timestamp}{user.email}{user.email_verified}{user.is_active}"

    def was_used(self, user: Any, token: str) -> bool:
        """The token is genuine and was made for this account before its address was confirmed:
        the link worked once already."""
        if not user.email_verified:
            return False
        before = copy.copy(user)
        before.email_verified = False
        return self.check_token(before, token)


email_confirmation = EmailConfirmationTokenGenerator()
