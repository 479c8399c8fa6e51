from matchfair.community.domain.privacy import erase_account, export_personal_data
from matchfair.newsroom.domain.newsletter import subscribe
from matchfair.newsroom.models import Article, DigestSubscription, Editor
from tests import factories


def test_export_lists_the_articles_written_and_the_editor_role(draft, member, editor):
    written = export_personal_data(user=member)["newsroom"]["written"]
    edits = export_personal_data(user=editor)["newsroom"]["editor_of"]
    assert ([item["titles"] for item in written], edits) == (
        [{"en": "Smart lighting in Sofia", "bg": "Интелигентно осветление в София"}],
        [str(draft.cluster)],
    )


def test_erasure_keeps_the_articles_and_drops_the_editor_role(draft, editor):
    editor.set_password("secret-words-7")
    editor.save()
    erase_account(user=editor, by=editor, password="secret-words-7")
    assert (Article.objects.filter(pk=draft.pk).exists(), Editor.objects.count()) == (True, 0)


def test_digest_subscription_is_exported_and_erased(db):
    person = factories.UserFactory()
    person.set_password("secret-words-7")
    person.save()
    subscribe(user=person, kinds=["news", "blog"], language="bg")
    exported = export_personal_data(user=person)["newsroom"]["digest"]
    erase_account(user=person, by=person, password="secret-words-7")
    assert (
        [(row["kinds"], row["language"]) for row in exported],
        DigestSubscription.objects.count(),
    ) == (
        [(["news", "blog"], "bg")],
        0,
    )
