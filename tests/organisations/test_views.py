"""The organisation pages: directory, profile, editing, members and contact persons."""

import io
import random
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

import netzwerkstatt
from netzwerkstatt.accounts import services as account_services
from netzwerkstatt.accounts.models import Invitation
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.organisations import services
from netzwerkstatt.organisations.models import ContactPerson, Membership, Organisation
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import (
    ContactPersonFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeRoleFactory,
)

pytestmark = pytest.mark.django_db

needs_catalogues = pytest.mark.skipif(
    not (Path(netzwerkstatt.__file__).parent / "locale/de/LC_MESSAGES/django.mo").exists(),
    reason="the interface catalogues are not compiled (make messages)",
)


def png(size=(8, 8), name="logo.png", noise=False) -> SimpleUploadedFile:
    image = Image.new("RGB", size, "#1f6f8b")
    if noise:  # random pixels do not compress, so the file is about 3 bytes per pixel
        image = Image.frombytes("RGB", size, random.Random(0).randbytes(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def profile_post(organisation=None, **overrides):
    data = {
        "name": "Istituto Tecnico Galilei",
        "kind": "vocational_school",
        "sector": "public",
        "country": "IT",
        "region": "IT-25",
        "street": "Via Roma 1",
        "postal_code": "20100",
        "city": "Milano",
        "website": "https://galilei.example.org",
        "languages": ["it", "en"],
        "description": "Meccatronica e **automazione**",
        "core_competencies": "Mechatronics\nRobotics",
    }
    if organisation is not None:
        data["version"] = organisation.version
    data.update(overrides)
    return data


# Directory ------------------------------------------------------------------------------------


@pytest.fixture
def directory_orgs(db):
    digital, green = Theme.objects.all()[:2]
    school = OrganisationFactory(
        name="Berufsschule Kassel", kind="vocational_school", country="DE", region="DE-HE"
    )
    school.themes.set([digital])
    company = OrganisationFactory(
        name="Bosch Ausbildung",
        kind="training_company",
        country="DE",
        region="DE-BW",
        city="Stuttgart",
        description="Duale Ausbildung in der Mechatronik",
    )
    company.themes.set([green])
    chamber = OrganisationFactory(
        name="Camera di Commercio", kind="chamber", country="IT", region="IT-25", city="Milano"
    )
    return {"school": school, "company": company, "chamber": chamber, "themes": (digital, green)}


def _names(response) -> list[str]:
    return [o.name for o in response.context["page"].object_list]


def test_directory_lists_everyone_alphabetically(client, directory_orgs):
    response = client.get(reverse("organisations:directory"))

    assert _names(response) == ["Berufsschule Kassel", "Bosch Ausbildung", "Camera di Commercio"]
    assert "3 organisations" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "chamber"}, ["Camera di Commercio"]),
        ({"country": "DE"}, ["Berufsschule Kassel", "Bosch Ausbildung"]),
        ({"region": "DE-BW"}, ["Bosch Ausbildung"]),
        ({"q": "mechatronik"}, ["Bosch Ausbildung"]),
        ({"q": "milano camera"}, ["Camera di Commercio"]),
        ({"q": "stuttgart", "kind": "chamber"}, []),
    ],
)
def test_directory_filters(client, directory_orgs, query, expected):
    response = client.get(reverse("organisations:directory"), query)

    assert _names(response) == expected


def test_directory_filters_by_theme_code(client, directory_orgs):
    green = directory_orgs["themes"][1]

    response = client.get(reverse("organisations:directory"), {"theme": green.code})

    assert _names(response) == ["Bosch Ausbildung"]


def test_directory_says_so_when_nothing_matches(client, directory_orgs):
    response = client.get(reverse("organisations:directory"), {"q": "zzzz"})

    assert _names(response) == []
    assert "No organisation matches these filters" in response.content.decode()


def test_directory_answers_htmx_with_the_results_partial_only(client, directory_orgs):
    response = client.get(
        reverse("organisations:directory"), {"country": "IT"}, HTTP_HX_REQUEST="true"
    )

    content = response.content.decode()
    assert response.templates[0].name == "organisations/_results.html"
    assert "base.html" not in [t.name for t in response.templates]
    assert "<html" not in content
    assert 'class="filter-form"' not in content
    assert "Camera di Commercio" in content
    assert "Bosch Ausbildung" not in content


def test_directory_restored_from_htmx_history_is_the_full_page(client, directory_orgs):
    response = client.get(
        reverse("organisations:directory"),
        {"country": "IT"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    )

    content = response.content.decode()
    assert "<html" in content
    assert 'class="filter-form"' in content
    assert "Camera di Commercio" in content


def test_directory_tells_caches_that_htmx_gets_another_body(client, directory_orgs):
    response = client.get(reverse("organisations:directory"), HTTP_HX_REQUEST="true")

    assert "HX-Request" in response["Vary"]


def test_directory_page_without_htmx_is_the_full_page(client, directory_orgs):
    response = client.get(reverse("organisations:directory"), {"country": "IT"})

    content = response.content.decode()
    assert "<html" in content
    assert 'class="filter-form"' in content


def _query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_directory_query_count_does_not_grow_with_organisations(client):
    themes = list(Theme.objects.all()[:2])
    url = reverse("organisations:directory")
    OrganisationFactory().themes.set(themes)
    client.get(url)
    one = _query_count(client, url)
    for _ in range(2):
        OrganisationFactory().themes.set(themes)

    assert _query_count(client, url) == one


# Detail ---------------------------------------------------------------------------------------


@pytest.fixture
def contacts(world):
    ContactPersonFactory(organisation=world.organisation, name="Petra Public", is_public=True)
    ContactPersonFactory(
        organisation=world.organisation,
        name="Peter Private",
        email="peter@example.org",
        is_public=False,
    )
    return world


def _detail(client, world, user=None):
    if user is not None:
        client.force_login(user)
    return client.get(reverse("organisations:detail", kwargs={"slug": world.organisation.slug}))


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_detail_hides_private_contacts_from_visitors_and_outsiders(client, contacts, role):
    user = None if role == "anonymous" else contacts.outsider

    response = _detail(client, contacts, user)

    content = response.content.decode()
    assert [c.name for c in response.context["contacts"]] == ["Petra Public"]
    assert "Peter Private" not in content
    assert "peter@example.org" not in content
    assert "1 more contact is shown to participants of a shared programme" in content


@pytest.mark.parametrize(
    "role", ["member", "org_admin", "coordinator", "committee_member", "platform_admin"]
)
def test_detail_shows_private_contacts_to_members_and_programme_people(client, contacts, role):
    response = _detail(client, contacts, getattr(contacts, role))

    content = response.content.decode()
    assert [c.name for c in response.context["contacts"]] == ["Peter Private", "Petra Public"]
    assert "peter@example.org" in content
    assert "participants only" in content
    assert "more contact" not in content


def test_detail_shows_private_contacts_to_members_of_a_partner_in_a_shared_programme(
    client, contacts
):
    partner = OrganisationFactory(name="Partner")
    ParticipationFactory(programme=contacts.programme, organisation=partner)
    partner_member = MembershipFactory(organisation=partner).user

    response = _detail(client, contacts, partner_member)

    assert "peter@example.org" in response.content.decode()


def test_detail_hides_private_contacts_from_members_of_an_unrelated_programme(client, contacts):
    other = OrganisationFactory()
    ParticipationFactory(organisation=other)
    stranger = MembershipFactory(organisation=other).user

    response = _detail(client, contacts, stranger)

    assert "peter@example.org" not in response.content.decode()


def test_detail_renders_the_profile(client, world):
    organisation = world.organisation
    organisation.description = "## Wer wir sind\n\nWir bilden **Mechatroniker** aus."
    organisation.core_competencies = "Mechatronik\n\nRobotik\n"
    organisation.languages = ["de", "it"]
    organisation.save()
    theme = Theme.objects.first()
    organisation.themes.add(theme)

    response = _detail(client, world)

    content = response.content.decode()
    assert '<h1 class="h3 mb-1">Berufliche Schulen Kassel</h1>' in content
    assert "<h3>Wer wir sind</h3>" in content
    assert "<strong>Mechatroniker</strong>" in content
    assert "<li>Mechatronik</li><li>Robotik</li>" in content
    assert "Hessen, Germany" in content
    assert "German, Italian" in content
    assert f"?theme={theme.code}" in content
    assert world.programme.name in content
    assert "Edit profile" not in content


def test_detail_sanitises_markdown_in_the_description(client, world):
    world.organisation.description = (
        "<script>alert('x')</script>\n\n"
        "[click](javascript:alert(1))\n\n"
        '<img src="x" onerror="alert(1)">\n\n'
        "# Heading"
    )
    world.organisation.save()

    content = _detail(client, world).content.decode()
    about = content.split('id="about-heading"')[1].split("</section>")[0]

    assert "<script" not in about
    assert 'href="javascript:' not in about
    assert "<img" not in about
    assert "<h2>Heading</h2>" in about


def test_detail_offers_editing_to_admins(client, world):
    content = _detail(client, world, world.org_admin).content.decode()

    assert reverse("organisations:edit", kwargs={"slug": world.organisation.slug}) in content
    assert reverse("organisations:members", kwargs={"slug": world.organisation.slug}) in content


def test_detail_query_count_does_not_grow_with_contacts_themes_and_programmes(client, world):
    client.force_login(world.member)
    url = world.organisation.get_absolute_url()
    themes = list(Theme.objects.all()[:3])

    def add(n):
        ContactPersonFactory(organisation=world.organisation, is_public=bool(n % 2))
        world.organisation.themes.add(themes[n])
        ParticipationFactory(organisation=world.organisation)

    add(0)
    client.get(url)
    one = _query_count(client, url)
    add(1)
    add(2)

    assert _query_count(client, url) == one


def test_detail_of_an_unknown_organisation_is_404(client, db):
    response = client.get(reverse("organisations:detail", kwargs={"slug": "nobody"}))

    assert response.status_code == 404


# Create and edit ------------------------------------------------------------------------------


def test_create_organisation_with_a_logo_makes_the_creator_admin(client, world):
    client.force_login(world.outsider)
    theme = Theme.objects.first()

    response = client.post(
        reverse("organisations:create"), profile_post(themes=[theme.pk], logo=png())
    )

    organisation = Organisation.objects.get(name="Istituto Tecnico Galilei")
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert organisation.logo.name.startswith("logos/")
    with Image.open(organisation.logo.path) as stored:
        assert stored.format == "PNG"
    assert list(organisation.themes.all()) == [theme]
    assert organisation.languages == ["it", "en"]
    assert Membership.objects.get(organisation=organisation).user == world.outsider
    assert AuditEntry.objects.get(action="organisation.created").changes["logo"]["new"] == (
        organisation.logo.name
    )
    detail = client.get(response["Location"])
    assert f'src="{organisation.logo.url}"' in detail.content.decode()
    assert "The organisation was created. You are its admin." in detail.content.decode()


def test_create_organisation_requires_sign_in(client, db):
    response = client.post(reverse("organisations:create"), profile_post())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Organisation.objects.exists()


def test_create_organisation_refuses_a_text_file_named_png(client, world):
    client.force_login(world.outsider)
    fake = SimpleUploadedFile("logo.png", b"just some text, not an image", "image/png")

    response = client.post(reverse("organisations:create"), profile_post(logo=fake))

    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    error = re.search(r'id="id_logo_error">(.*?)</div>', response.content.decode()).group(1)
    assert error == ("This file is not an image we can read. Upload a PNG, JPEG, WebP or GIF file.")
    assert not Organisation.objects.filter(name="Istituto Tecnico Galilei").exists()


def test_create_organisation_refuses_an_oversized_image_next_to_the_field(client, world, settings):
    settings.LOGO_MAX_BYTES = 200
    client.force_login(world.outsider)

    response = client.post(
        reverse("organisations:create"), profile_post(logo=png((64, 64), noise=True))
    )

    assert response.status_code == 200
    error = re.search(r'id="id_logo_error">(.*?)</div>', response.content.decode()).group(1)
    assert "the largest accepted is 200\xa0bytes" in error
    assert not Organisation.objects.filter(name="Istituto Tecnico Galilei").exists()


@needs_catalogues
def test_oversized_image_message_is_translated(client, world, settings):
    settings.LOGO_MAX_BYTES = 200
    world.outsider.language = "de"
    world.outsider.save()
    client.force_login(world.outsider)

    response = client.post(
        reverse("organisations:create"), profile_post(logo=png((64, 64), noise=True))
    )

    error = re.search(r'id="id_logo_error">(.*?)</div>', response.content.decode()).group(1)
    assert error.startswith("Das Bild ist ")
    assert "erlaubt sind höchstens 200\xa0Bytes." in error


def test_create_organisation_refuses_an_image_in_another_format(client, world):
    client.force_login(world.outsider)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, format="BMP")
    bmp = SimpleUploadedFile("logo.png", buffer.getvalue(), "image/png")

    response = client.post(reverse("organisations:create"), profile_post(logo=bmp))

    assert response.context["form"].errors["logo"] == ["Upload a PNG, JPEG, WebP or GIF file."]
    assert not Organisation.objects.filter(name="Istituto Tecnico Galilei").exists()


def test_region_of_another_country_is_an_error_on_the_region_field(client, world):
    client.force_login(world.outsider)

    response = client.post(
        reverse("organisations:create"), profile_post(country="DE", region="IT-25")
    )

    form = response.context["form"]
    assert form.errors["region"] == ["Lombardia is not a region of Germany."]
    assert "country" not in form.errors
    error = re.search(r'id="id_region_error">(.*?)</div>', response.content.decode()).group(1)
    assert error == "Lombardia is not a region of Germany."
    assert not Organisation.objects.filter(name="Istituto Tecnico Galilei").exists()


def test_edit_saves_changes_and_records_them(client, world):
    organisation = world.organisation
    client.force_login(world.org_admin)

    response = client.post(
        reverse("organisations:edit", kwargs={"slug": organisation.slug}),
        profile_post(organisation, name=organisation.name, country="DE", region="DE-HE"),
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.city, organisation.version) == ("Milano", 2)
    entry = AuditEntry.objects.get(action="organisation.updated")
    assert entry.actor == world.org_admin
    assert entry.changes["city"] == {"old": "Kassel", "new": "Milano"}
    assert "name" not in entry.changes


def test_edit_replaces_and_clears_the_logo(client, world):
    organisation = world.organisation
    client.force_login(world.org_admin)
    url = reverse("organisations:edit", kwargs={"slug": organisation.slug})
    client.post(url, profile_post(organisation, logo=png()))
    organisation.refresh_from_db()
    assert organisation.logo.name.startswith("logos/")
    stored = organisation.logo.name

    response = client.post(url, profile_post(organisation, **{"logo-clear": "on"}))

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.logo.name == ""
    assert not organisation.logo
    entry = AuditEntry.objects.filter(action="organisation.updated").first()
    assert entry.changes["logo"] == {"old": stored, "new": ""}
    assert "<img" not in client.get(organisation.get_absolute_url()).content.decode()


def test_edit_without_a_new_logo_keeps_the_old_one(client, world):
    organisation = world.organisation
    client.force_login(world.org_admin)
    url = reverse("organisations:edit", kwargs={"slug": organisation.slug})
    client.post(url, profile_post(organisation, logo=png()))
    organisation.refresh_from_db()
    stored = organisation.logo.name

    client.post(url, profile_post(organisation, city="Bergamo"))

    organisation.refresh_from_db()
    assert (organisation.city, organisation.logo.name) == ("Bergamo", stored)


def test_concurrent_edit_shows_the_message_and_keeps_the_typed_data(client, world):
    organisation = world.organisation
    client.force_login(world.org_admin)
    url = reverse("organisations:edit", kwargs={"slug": organisation.slug})
    form_page = client.get(url)
    opened_at = form_page.context["form"]["version"].value()
    services.update_organisation(
        actor=world.platform_admin,
        organisation=organisation,
        data={"city": "Fulda"},
        expected_version=organisation.version,
    )

    response = client.post(url, profile_post(version=opened_at, city="Marburg"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Someone else changed this in the meantime. Nothing was saved" in content
    assert 'value="Marburg"' in content
    organisation.refresh_from_db()
    assert (organisation.city, organisation.version) == ("Fulda", 2)
    assert AuditEntry.objects.filter(action="organisation.updated").count() == 1


def test_edit_form_carries_the_current_version(client, world):
    organisation = world.organisation
    services.update_organisation(
        actor=None, organisation=organisation, data={"city": "Fulda"}, expected_version=1
    )
    client.force_login(world.org_admin)

    response = client.get(reverse("organisations:edit", kwargs={"slug": organisation.slug}))

    assert '<input type="hidden" name="version" value="2"' in response.content.decode()


@pytest.mark.parametrize("role", ["outsider", "member", "coordinator", "committee_member"])
def test_only_admins_can_edit_the_organisation(client, world, role):
    client.force_login(getattr(world, role))

    response = client.post(
        reverse("organisations:edit", kwargs={"slug": world.organisation.slug}),
        profile_post(world.organisation, city="Gehackt"),
    )

    assert response.status_code == 403
    world.organisation.refresh_from_db()
    assert world.organisation.city == "Kassel"


def test_platform_admin_can_edit_any_organisation(client, world):
    client.force_login(world.platform_admin)

    client.post(
        reverse("organisations:edit", kwargs={"slug": world.organisation.slug}),
        profile_post(world.organisation, country="DE", region="DE-HE", city="Fulda"),
    )

    world.organisation.refresh_from_db()
    assert world.organisation.city == "Fulda"


# Members --------------------------------------------------------------------------------------


def _members_url(world):
    return reverse("organisations:members", kwargs={"slug": world.organisation.slug})


def test_members_page_lists_members_and_open_invitations(client, world):
    Invitation.objects.all().delete()
    client.force_login(world.org_admin)
    client.post(_members_url(world), {"email": "neu@example.org", "role": "organisation_member"})

    response = client.get(_members_url(world))

    content = response.content.decode()
    assert world.member.email in content
    assert world.org_admin.email in content
    assert "neu@example.org · Organisation member" in content


def test_invite_from_the_members_page_sends_the_mail(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.org_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _members_url(world), {"email": "neu@example.org", "role": "organisation_admin"}
        )

    assert response.status_code == 302
    invitation = Invitation.objects.get(email="neu@example.org")
    assert (invitation.organisation, invitation.role) == (world.organisation, "organisation_admin")
    assert invitation.invited_by == world.org_admin
    assert [m.to for m in mail.outbox] == [["neu@example.org"]]
    assert "Invitation sent to neu@example.org." in client.get(_members_url(world)).content.decode()


def test_invite_refuses_a_programme_role_on_the_members_page(client, world):
    client.force_login(world.org_admin)

    response = client.post(_members_url(world), {"email": "neu@example.org", "role": "coordinator"})

    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_withdrawing_an_invitation(client, world):
    client.force_login(world.org_admin)
    client.post(_members_url(world), {"email": "neu@example.org", "role": "organisation_member"})
    invitation = Invitation.objects.get()

    response = client.post(
        reverse(
            "organisations:revoke_invitation",
            kwargs={"slug": world.organisation.slug, "invitation_id": invitation.pk},
        ),
        follow=True,
    )

    invitation.refresh_from_db()
    assert invitation.status == "revoked"
    assert "The invitation was withdrawn." in response.content.decode()
    assert list(response.context["invitations"]) == []


def test_withdrawing_an_accepted_invitation_is_refused_with_a_message(client, world):
    client.force_login(world.org_admin)
    client.post(_members_url(world), {"email": "neu@example.org", "role": "organisation_member"})
    invitation = Invitation.objects.get()
    account_services.accept_invitation(invitation=invitation, user=world.outsider)

    response = client.post(
        reverse(
            "organisations:revoke_invitation",
            kwargs={"slug": world.organisation.slug, "invitation_id": invitation.pk},
        ),
        follow=True,
    )

    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    assert "This invitation is no longer open." in response.content.decode()


def test_admin_changes_a_members_role(client, world):
    membership = Membership.objects.get(user=world.member)
    client.force_login(world.org_admin)

    response = client.post(
        reverse(
            "organisations:change_role",
            kwargs={"slug": world.organisation.slug, "membership_id": membership.pk},
        ),
        {"role": "admin"},
        follow=True,
    )

    membership.refresh_from_db()
    assert membership.role == "admin"
    assert "The role was changed." in response.content.decode()
    assert AuditEntry.objects.get(action="membership.role_changed").actor == world.org_admin


def test_the_last_admin_cannot_demote_themselves(client, world):
    membership = Membership.objects.get(user=world.org_admin)
    client.force_login(world.org_admin)

    response = client.post(
        reverse(
            "organisations:change_role",
            kwargs={"slug": world.organisation.slug, "membership_id": membership.pk},
        ),
        {"role": "member"},
        follow=True,
    )

    membership.refresh_from_db()
    assert membership.role == "admin"
    assert "An organisation needs at least one admin." in response.content.decode()


def test_admin_removes_a_member(client, world):
    membership = Membership.objects.get(user=world.member)
    client.force_login(world.org_admin)

    response = client.post(
        reverse(
            "organisations:remove_member",
            kwargs={"slug": world.organisation.slug, "membership_id": membership.pk},
        ),
        follow=True,
    )

    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert f"{world.member.display_name} was removed." in response.content.decode()


def test_the_last_admin_cannot_be_removed_from_the_members_page(client, world):
    membership = Membership.objects.get(user=world.org_admin)
    client.force_login(world.org_admin)

    response = client.post(
        reverse(
            "organisations:remove_member",
            kwargs={"slug": world.organisation.slug, "membership_id": membership.pk},
        ),
        follow=True,
    )

    assert Membership.objects.filter(pk=membership.pk).exists()
    assert "An organisation needs at least one admin." in response.content.decode()


def test_a_member_cannot_remove_anyone(client, world):
    membership = Membership.objects.get(user=world.org_admin)
    client.force_login(world.member)

    response = client.post(
        reverse(
            "organisations:remove_member",
            kwargs={"slug": world.organisation.slug, "membership_id": membership.pk},
        )
    )

    assert response.status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_memberships_of_another_organisation_cannot_be_reached(client, world):
    foreign = MembershipFactory(role="member")
    client.force_login(world.org_admin)

    response = client.post(
        reverse(
            "organisations:remove_member",
            kwargs={"slug": world.organisation.slug, "membership_id": foreign.pk},
        )
    )

    assert response.status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_members_page_query_count_does_not_grow_with_members(client, world):
    client.force_login(world.org_admin)
    url = _members_url(world)
    client.post(url, {"email": "a@example.org", "role": "organisation_member"})
    client.get(url)
    one = _query_count(client, url)
    for n in range(2):
        MembershipFactory(organisation=world.organisation)
        client.post(url, {"email": f"b{n}@example.org", "role": "organisation_member"})

    assert _query_count(client, url) == one


# Contact persons ------------------------------------------------------------------------------


def _contact_post(**overrides):
    data = {
        "name": "Maria Rossi",
        "function": "Koordination",
        "email": "rossi@example.org",
        "phone": "",
        "consent_date": "2025-03-01",
    }
    data.update(overrides)
    return data


def test_admin_adds_a_contact_person(client, world):
    client.force_login(world.org_admin)

    response = client.post(
        reverse("organisations:contact_create", kwargs={"slug": world.organisation.slug}),
        _contact_post(is_public="on"),
    )

    assert response.status_code == 302
    contact = ContactPerson.objects.get()
    assert (contact.organisation, contact.is_public) == (world.organisation, True)
    entry = AuditEntry.objects.get(action="contact_person.added")
    assert entry.changes["name"] == {"old": None, "new": "Maria Rossi"}


def test_contact_person_without_consent_date_is_refused(client, world):
    client.force_login(world.org_admin)

    response = client.post(
        reverse("organisations:contact_create", kwargs={"slug": world.organisation.slug}),
        _contact_post(consent_date=""),
    )

    assert "consent_date" in response.context["form"].errors
    assert not ContactPerson.objects.exists()


def test_editing_a_contact_person_records_the_previous_values(client, world):
    contact = ContactPersonFactory(organisation=world.organisation, name="Maria Rossi", phone="")
    client.force_login(world.org_admin)

    client.post(
        reverse(
            "organisations:contact_edit",
            kwargs={"slug": world.organisation.slug, "contact_id": contact.pk},
        ),
        _contact_post(phone="+39 02 123", consent_date=contact.consent_date.isoformat()),
    )

    contact.refresh_from_db()
    assert contact.phone == "+39 02 123"
    entry = AuditEntry.objects.get(action="contact_person.saved")
    assert entry.changes["phone"] == {"old": "", "new": "+39 02 123"}


def test_deleting_a_contact_person(client, world):
    contact = ContactPersonFactory(organisation=world.organisation, name="Maria Rossi")
    client.force_login(world.org_admin)

    response = client.post(
        reverse(
            "organisations:contact_delete",
            kwargs={"slug": world.organisation.slug, "contact_id": contact.pk},
        ),
        follow=True,
    )

    assert not ContactPerson.objects.exists()
    assert "The contact person was removed." in response.content.decode()
    assert AuditEntry.objects.get(action="contact_person.deleted").changes["name"] == {
        "old": "Maria Rossi",
        "new": None,
    }


def test_a_member_cannot_add_contact_persons(client, world):
    client.force_login(world.member)

    response = client.post(
        reverse("organisations:contact_create", kwargs={"slug": world.organisation.slug}),
        _contact_post(),
    )

    assert response.status_code == 403
    assert not ContactPerson.objects.exists()


def test_coordinator_of_a_shared_programme_is_no_admin_of_the_organisation(client, world):
    assert world.coordinator.has_perm("organisations.view_private_contacts", world.organisation)
    assert not world.coordinator.has_perm("organisations.change_organisation", world.organisation)


def test_unrelated_programme_role_gives_no_view_of_private_contacts(world):
    other_coordinator = ProgrammeRoleFactory(role="coordinator").user

    assert not other_coordinator.has_perm("organisations.view_private_contacts", world.organisation)
