import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, resolve

from matchfair.community.models import User
from tests import factories
from tests.community.domain.test_pictures import jpeg_with_gps, png
from tests.responses import close_quietly


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_uploading_a_photo_shows_it_on_the_account_and_serves_it(client, db):
    user = factories.UserFactory()
    client.force_login(user)
    response = client.post(
        "/accounts/me/photo/",
        {"picture": SimpleUploadedFile("me.jpg", jpeg_with_gps())},
        follow=True,
    )
    user.refresh_from_db()
    served = client.get(f"/media/{user.photo}")
    close_quietly(served)
    assert (messages_of(response), f'src="/media/{user.photo}"' in response.content.decode()) == (
        ["Your photo is saved."],
        True,
    )
    assert (served.status_code, served["Content-Type"]) == (200, "image/jpeg")


def test_a_disguised_photo_is_refused_with_the_reason(client, db):
    user = factories.UserFactory()
    client.force_login(user)
    response = client.post(
        "/accounts/me/photo/",
        {"picture": SimpleUploadedFile("me.jpg", png(mode="RGB"))},
        follow=True,
    )
    assert (messages_of(response), User.objects.get(pk=user.pk).photo) == (
        ["The file is called .jpg but its content is not a jpg file."],
        "",
    )


def test_posting_no_photo_says_what_is_missing(client, db):
    client.force_login(factories.UserFactory())
    response = client.post("/accounts/me/photo/", {}, follow=True)
    assert messages_of(response) == ["Picture: Choose a picture to upload."]


def test_the_admin_uploads_the_organisations_logo(client, db):
    admin = factories.UserFactory()
    admin.organisation.admins.add(admin)
    client.force_login(admin)
    client.post(
        f"/accounts/organisations/{admin.organisation.pk}/logo/",
        {"picture": SimpleUploadedFile("logo.png", png())},
    )
    admin.organisation.refresh_from_db()
    assert admin.organisation.logo.startswith("organisations/logos/")


@pytest.mark.parametrize(
    "path",
    ["people/photos/../../imports/people.csv", "newsroom/images/../../imports/people.csv"],
)
def test_media_urls_do_not_reach_outside_the_picture_folders(path):
    # No URL matches: before, serve() normalised the ".." and sent any file under MEDIA_ROOT.
    with pytest.raises(Resolver404):
        resolve(f"/media/{path}")
