from django.utils import translation

from matchfair.visits.templatetags.visits_words import priority_words


def test_priority_words_say_the_priority_as_people_do():
    with translation.override("en"):
        assert [priority_words(n) for n in (3, 2, 1)] == [
            "must see",
            "important",
            "if there is time",
        ]
    with translation.override("bg"):
        assert priority_words(3) == "задължително"
