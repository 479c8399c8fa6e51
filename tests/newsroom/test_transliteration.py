import pytest

from matchfair.newsroom.transliteration import LETTERS, slug_of, transliterate


@pytest.mark.parametrize(
    ("bulgarian", "latin"),
    [
        ("щ", "sht"),
        ("ъ", "a"),
        ("ю", "yu"),
        ("я", "ya"),
        ("ж", "zh"),
        ("ц", "ts"),
        ("й", "y"),
        ("х", "h"),
        ("ь", "y"),
        ("ч", "ch"),
        ("ш", "sh"),
    ],
)
def test_transliterate_letter_by_the_streamlined_system(bulgarian, latin):
    assert transliterate(bulgarian) == latin


def test_transliterate_ia_at_the_end_of_a_word():
    assert transliterate("София и История") == "Sofia i Istoria"


def test_transliterate_ia_inside_a_word_stays_iya():
    assert transliterate("Ияна") == "Iyana"


def test_transliterate_not_by_russian_rules():
    assert transliterate("Щастие, Ъгъл, България") == "Shtastie, Agal, Balgaria"


def test_transliterate_capitals_of_a_word_in_capitals():
    assert transliterate("ЖИВОТ Жана") == "ZHIVOT Zhana"


def test_transliterate_leaves_latin_and_digits_alone():
    assert transliterate("Expo 2026 — Barcelona") == "Expo 2026 — Barcelona"


def test_transliterate_covers_the_bulgarian_alphabet():
    assert sorted(LETTERS) == sorted("абвгдежзийклмнопрстуфхцчшщъьюя")


def test_slug_of_a_bulgarian_title():
    assert slug_of("Клъстерът „София – град на знанието“ в Барселона") == (
        "klasterat-sofia-grad-na-znanieto-v-barselona"
    )


def test_slug_of_nothing_readable_is_article():
    assert slug_of("!!!") == "article"
