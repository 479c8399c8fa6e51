"""Signals the community app sends; other apps listen without the community app knowing them."""

from django.dispatch import Signal

# Sent with `user` inside the erasure's transaction, once the account is anonymised; the audit
# app records `account.erased` on it (community sits below the audit log and cannot import it).
account_erased = Signal()
