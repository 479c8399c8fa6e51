"""Importing participants: parse, map, review every row, import in one transaction, invite."""

import io

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from matchfair.audit.models import AuditEntry
from matchfair.community.models import Organisation, User
from matchfair.console.domain import importing, tabular
from matchfair.console.models import ImportBatch
from matchfair.events.models import Registration
from tests import factories

HEADER = "E-mail;Name;Company;Type;Country;Position;Phone;Interests;Topics\n"
GOOD = (
    "lena@example.org;Lena Novak;Ljubljana Mobility Lab;startup;SI;CEO;+386 1 555;Shared bikes;"
    "mobility, energy\n"
    "marc@example.org;Marc Dubois;Ville de Lyon;City or public authority;France;Deputy mayor;;"
    "Smart lighting;Energy\n"
)


def csv_file(text: str, name: str = "people.csv", encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding))


def xlsx_file(rows: list[list]) -> SimpleUploadedFile:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("people.xlsx", buffer.getvalue())


def uploaded(event, by, upload, organiser=None):
    organiser = organiser or event.organisers.get(is_lead=True)
    batch = importing.create_batch(event=event, organiser=organiser, by=by, upload=upload)
    importing.set_mapping(batch=batch, by=by, mapping=tabular.guess_mapping(batch.headers))
    return batch


def problems(batch) -> set[tuple[int, str]]:
    return {
        (row.number, key) for row in importing.review(batch).rows for key, _message in row.errors
    }


def test_csv_happy_path_imports_validated_participants_and_invites_them(
    event, lead_staff, django_capture_on_commit_callbacks, mailoutbox
):
    batch = uploaded(event, lead_staff, csv_file(HEADER + GOOD))
    assert problems(batch) == set()
    with django_capture_on_commit_callbacks(execute=True):
        report = importing.import_batch(batch=batch, by=lead_staff)
    assert report == {"imported": 2, "skipped": [], "invited": 2, "asked": 0}
    lena = Registration.objects.get(event=event, user__email="lena@example.org")
    assert lena.status == Registration.Status.VALIDATED
    assert lena.organiser.is_lead
    assert lena.headline == "Shared bikes"
    assert sorted(lena.domains.values_list("slug", flat=True)) == ["energy", "mobility"]
    assert lena.user.organisation.name == "Ljubljana Mobility Lab"
    assert lena.user.organisation.kind == "startup"
    assert lena.user.job_title == "CEO"
    assert not lena.user.has_usable_password()
    marc = User.objects.get(email="marc@example.org")
    assert marc.organisation.country.code == "FR"
    assert marc.organisation.kind == "city"
    assert sorted(mail.to[0] for mail in mailoutbox) == ["lena@example.org", "marc@example.org"]
    assert "/console/welcome/" in mailoutbox[0].body
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.IMPORTED
    assert AuditEntry.objects.filter(action="registration.imported").count() == 2


def test_the_invitation_link_sets_the_password(
    client, event, lead_staff, django_capture_on_commit_callbacks, mailoutbox
):
    batch = uploaded(event, lead_staff, csv_file(HEADER + GOOD))
    with django_capture_on_commit_callbacks(execute=True):
        importing.import_batch(batch=batch, by=lead_staff)
    mail = next(item for item in mailoutbox if item.to == ["lena@example.org"])
    link = next(word for word in mail.body.split() if "/console/welcome/" in word)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, follow=True)
    assert response.status_code == 200
    assert response.context["validlink"]
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "a-long-new-secret-42", "new_password2": "a-long-new-secret-42"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="lena@example.org")
    assert user.check_password("a-long-new-secret-42")
    assert not default_token_generator.check_token(user, path.rstrip("/").rsplit("/", 1)[1])


def test_xlsx_happy_path(event, co_staff, django_capture_on_commit_callbacks, mailoutbox):
    co = co_staff.organiser_roles.get(event=event)
    upload = xlsx_file(
        [
            ["Email", "Full name", "Organisation", "Organisation type", "Country", "Phone"],
            [None, None, None, None, None, None],
            ["ola@example.org", "Ola Nordmann", "Oslo Energi", "company", "NO", 4722334455],
        ]
    )
    batch = uploaded(event, co_staff, upload, organiser=co)
    assert batch.rows[0]["number"] == 3  # row numbers as the spreadsheet shows them
    with django_capture_on_commit_callbacks(execute=True):
        report = importing.import_batch(batch=batch, by=co_staff)
    assert report["imported"] == 1
    ola = Registration.objects.get(user__email="ola@example.org")
    assert ola.organiser == co  # into the co-organiser's own tenant
    assert ola.user.phone == "4722334455"
    assert mailoutbox[0].to == ["ola@example.org"]


def test_cp1252_csv_with_commas(event, lead_staff):
    text = "email,full name,organisation,type,country\njose@example.org,José Müller,Café Ñ,company,ES\n"
    batch = uploaded(event, lead_staff, csv_file(text, encoding="cp1252"))
    assert batch.rows[0]["cells"][1] == "José Müller"
    assert problems(batch) == set()


BAD = (
    HEADER
    + ";No Email;Acme;company;DE;;;;\n"  # row 2: email missing
    + "not-an-address;Bad Mail;Acme;company;DE;;;;\n"  # 3: email invalid
    + "noname@example.org;;Acme;company;DE;;;;\n"  # 4: name missing
    + "c@example.org;Country Less;Brand New Co;company;;;;;\n"  # 5: country for new org
    + "t@example.org;Type Less;Another New Co;;DE;;;;\n"  # 6: type for new org
    + "k@example.org;Kind Bad;Acme;wizard;DE;;;;\n"  # 7: unknown type
    + "n@example.org;Nation Bad;Acme;company;Atlantis;;;;\n"  # 8: unknown country
    + "d@example.org;Domain Bad;Acme;company;DE;;;;mobility, basket weaving\n"  # 9: domain
    + f"l@example.org;{'L' * 151};Acme;company;DE;;;;\n"  # 10: too long
    + "p@example.org;Phone Long;Acme;company;DE;;"
    + "1" * 41
    + ";;\n"  # 11: phone too long
    + "ok@example.org;Fine Person;Acme;company;DE;;;;\n"  # 12: valid
)


def test_every_bad_row_is_named_with_row_and_field(event, lead_staff):
    batch = uploaded(event, lead_staff, csv_file(BAD))
    assert problems(batch) == {
        (2, "email"),
        (3, "email"),
        (4, "full_name"),
        (5, "country"),
        (6, "organisation_type"),
        (7, "organisation_type"),
        (8, "country"),
        (9, "domains"),
        (10, "full_name"),
        (11, "phone"),
    }
    result = importing.review(batch)
    assert [row.number for row in result.valid] == [12]
    row9 = next(row for row in result.rows if row.number == 9)
    assert "basket weaving" in row9.errors[0][1]


def test_nothing_is_imported_while_a_row_is_bad(event, lead_staff, mailoutbox):
    batch = uploaded(event, lead_staff, csv_file(BAD))
    before = User.objects.count()
    with pytest.raises(ValidationError, match="nothing was imported"):
        importing.import_batch(batch=batch, by=lead_staff)
    assert User.objects.count() == before
    assert not Organisation.objects.filter(name="Acme").exists()
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.UPLOADED
    assert mailoutbox == []


def test_only_the_valid_rows_when_the_organiser_chooses_so(event, lead_staff):
    batch = uploaded(event, lead_staff, csv_file(BAD))
    report = importing.import_batch(batch=batch, by=lead_staff, only_valid=True)
    assert report["imported"] == 1
    assert report["skipped"] == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert Registration.objects.filter(event=event, user__email="ok@example.org").exists()
    assert not User.objects.filter(email="d@example.org").exists()


def test_duplicates_inside_the_file(event, lead_staff):
    text = (
        HEADER
        + "same@example.org;First One;Acme;company;DE;;;;\n"
        + "SAME@example.org;Second One;Acme;company;DE;;;;\n"
        + "other@example.org;First  one;ACME;company;DE;;;;\n"
    )
    result = importing.review(uploaded(event, lead_staff, csv_file(text)))
    errors = {row.number: row.errors for row in result.rows}
    assert errors[2] == []
    assert errors[3][0][0] == "email" and "row 2" in errors[3][0][1]
    assert errors[4][0][0] == "full_name" and "row 2" in errors[4][0][1]


def test_duplicates_against_registrations_and_accounts(event, lead_staff, ana):
    acme = factories.OrganisationFactory(name="Acme", country="DE")
    factories.UserFactory(email="known@example.org", full_name="Known Person", organisation=acme)
    factories.UserFactory(email="else@example.org", full_name="Other Person", organisation=acme)
    factories.RegistrationFactory(
        event=event, user__full_name="Reg Istered", user__organisation=acme
    )
    text = (
        HEADER
        + f"{ana.user.email.upper()};Ana Petrova;;;;;;;\n"  # 2: registered, by e-mail
        + "new@example.org;Other Person;Acme;company;DE;;;;\n"  # 3: account, by org + name
        + "new2@example.org;Reg Istered;Acme;company;DE;;;;\n"  # 4: registered, by org + name
        + "known@example.org;Known Person;Acme;company;DE;;;;\n"  # 5: account without registration
    )
    batch = uploaded(event, lead_staff, csv_file(text))
    assert problems(batch) == {(2, "email"), (3, "full_name"), (4, "full_name")}
    report = importing.import_batch(batch=batch, by=lead_staff, only_valid=True)
    assert report == {"imported": 0, "skipped": [2, 3, 4], "invited": 0, "asked": 1}
    known = User.objects.get(email="known@example.org")
    # Finding 3: an import enrolled an existing account without telling its owner. Now the
    # owner is asked, and there is no registration until they confirm.
    assert (
        known.registrations.filter(event=event).exists(),
        known.pending_registrations.get().status,
        known.has_usable_password(),  # an existing account is not touched
    ) == (False, "asked", True)


def test_importing_the_same_file_again_adds_nobody(event, lead_staff):
    importing.import_batch(
        batch=uploaded(event, lead_staff, csv_file(HEADER + GOOD)), by=lead_staff
    )
    count = Registration.objects.filter(event=event).count()
    again = uploaded(event, lead_staff, csv_file(HEADER + GOOD))
    assert problems(again) == {(2, "email"), (3, "email")}
    with pytest.raises(ValidationError):
        importing.import_batch(batch=again, by=lead_staff)
    assert importing.import_batch(batch=again, by=lead_staff, only_valid=True)["imported"] == 0
    assert Registration.objects.filter(event=event).count() == count


def test_a_batch_is_imported_once(event, lead_staff):
    batch = uploaded(event, lead_staff, csv_file(HEADER + GOOD))
    importing.import_batch(batch=batch, by=lead_staff)
    with pytest.raises(ValidationError, match="finished"):
        importing.import_batch(batch=batch, by=lead_staff)
    assert Registration.objects.filter(event=event, user__email="lena@example.org").count() == 1


def test_the_mapping_needs_the_required_fields_once(event, lead_staff):
    batch = uploaded(event, lead_staff, csv_file(HEADER + GOOD))
    with pytest.raises(ValidationError, match="Full name"):
        importing.set_mapping(batch=batch, by=lead_staff, mapping={"email": 0})
    with pytest.raises(ValidationError, match="more than one field"):
        importing.set_mapping(batch=batch, by=lead_staff, mapping={"email": 0, "full_name": 0})


def test_a_co_organiser_imports_only_into_its_own_tenant(event, co_staff):
    lead = event.organisers.get(is_lead=True)
    with pytest.raises(PermissionDenied):
        importing.create_batch(
            event=event, organiser=lead, by=co_staff, upload=csv_file(HEADER + GOOD)
        )
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("people.pdf", b"%PDF-1.4"), "types"),
        (SimpleUploadedFile("people.xlsx", b"email\n"), "content"),
        (SimpleUploadedFile("people.csv", b"a" * (tabular.MAX_BYTES + 1)), "at most"),
        (SimpleUploadedFile("people.csv", b"email,name\n"), "no people"),
    ],
)
def test_bad_files_are_refused(event, lead_staff, upload, message):
    with pytest.raises(ValidationError, match=message):
        importing.create_batch(
            event=event, organiser=event.organisers.get(is_lead=True), by=lead_staff, upload=upload
        )
    assert not ImportBatch.objects.exists()


def test_an_xlsx_that_unpacks_to_too_much_is_refused(event, lead_staff):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", " " * (tabular.MAX_UNPACKED_BYTES + 1))
    upload = SimpleUploadedFile("bomb.xlsx", buffer.getvalue())
    with pytest.raises(ValidationError, match="unpacks to more"):
        importing.create_batch(
            event=event, organiser=event.organisers.get(is_lead=True), by=lead_staff, upload=upload
        )
    assert not ImportBatch.objects.exists()


def test_a_malformed_workbook_is_refused_with_a_message(event, lead_staff):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    upload = SimpleUploadedFile("broken.xlsx", buffer.getvalue())
    with pytest.raises(ValidationError, match="cannot be read"):
        importing.create_batch(
            event=event, organiser=event.organisers.get(is_lead=True), by=lead_staff, upload=upload
        )


def test_imported_people_take_part_at_once(event, lead_staff, ana):
    from matchfair.meetings.domain.requests import send_request

    importing.import_batch(
        batch=uploaded(event, lead_staff, csv_file(HEADER + GOOD)), by=lead_staff
    )
    lena = Registration.objects.get(event=event, user__email="lena@example.org")
    meeting_request = send_request(sender=ana, recipient=lena, message="Bikes?", by=ana.user)
    assert meeting_request.recipient == lena


TYPICAL = (
    "e-mail,name,company,country,role\n"
    "lena@example.org,Lena Novak,Ljubljana Mobility Lab,Slovenia,CEO\n"
    "ivo@example.org,Ivo Ivanov,Sofia Sensors,,CTO\n"
)


def test_a_typical_csv_without_an_organisation_type_is_refused_without_defaults(event, lead_staff):
    batch = uploaded(event, lead_staff, csv_file(TYPICAL))
    assert batch.mapping == {
        "email": 0,
        "full_name": 1,
        "organisation": 2,
        "country": 3,
        "job_title": 4,
    }
    assert problems(batch) == {(2, "organisation_type"), (3, "country"), (3, "organisation_type")}


def test_a_typical_csv_imports_with_values_for_its_missing_columns(
    event, lead_staff, django_capture_on_commit_callbacks
):
    batch = uploaded(event, lead_staff, csv_file(TYPICAL))
    importing.set_mapping(
        batch=batch,
        by=lead_staff,
        mapping=batch.mapping,
        defaults={"organisation_type": "company", "country": "BG"},
    )
    assert (problems(batch), importing.filled_in(batch)) == (
        set(),
        [("Organisation type", "Company"), ("Country", "Bulgaria")],
    )
    with django_capture_on_commit_callbacks(execute=True):
        report = importing.import_batch(batch=batch, by=lead_staff)
    assert report == {"imported": 2, "skipped": [], "invited": 2, "asked": 0}
    created = Organisation.objects.filter(name__in=["Ljubljana Mobility Lab", "Sofia Sensors"])
    # The file's own country wins over the value for missing cells.
    assert sorted((item.name, item.kind, str(item.country)) for item in created) == [
        ("Ljubljana Mobility Lab", "company", "SI"),
        ("Sofia Sensors", "company", "BG"),
    ]
    assert User.objects.get(email="ivo@example.org").job_title == "CTO"


def test_values_for_missing_columns_are_checked(event, lead_staff):
    batch = uploaded(event, lead_staff, csv_file(TYPICAL))
    with pytest.raises(ValidationError, match="Choose an organisation type"):
        importing.set_mapping(
            batch=batch, by=lead_staff, mapping=batch.mapping, defaults={"organisation_type": "x"}
        )
    with pytest.raises(ValidationError, match="Choose a country"):
        importing.set_mapping(
            batch=batch, by=lead_staff, mapping=batch.mapping, defaults={"country": "Atlantis"}
        )
    batch.refresh_from_db()
    assert batch.defaults == {}


def test_suggested_defaults_are_a_company_in_the_organisers_country(event, lead_staff):
    batch = uploaded(event, lead_staff, csv_file(TYPICAL))
    country = str(event.organisers.get(is_lead=True).cluster.organisation.country)
    assert importing.suggested_defaults(batch) == {
        "organisation_type": "company",
        "country": country,
    }
