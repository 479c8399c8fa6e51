from django.utils import translation

from matchfair.outbox.templatetags.outbox_words import mail_kind


def test_mail_kind_names_a_known_kind_in_words():
    with translation.override("en"):
        assert mail_kind("request_reminder") == "Reminder of requests waiting"
    with translation.override("bg"):
        assert mail_kind("request_reminder") == "Напомняне за чакащи заявки"


def test_mail_kind_of_an_unknown_kind_loses_its_punctuation():
    assert mail_kind("console.confirm_registration") == "Console: confirm registration"
