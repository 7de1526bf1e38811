"""An organisation's admin keeps its profile, contacts and members; visitors search the
directory."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.organisations.models import ContactPerson, Membership
from tests.factories import PASSWORD, OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DRAFT_RESTORED = "Unsaved changes from your last visit were restored. Save to keep them."


def visible_region_groups(page: Page) -> list[str]:
    return page.locator("select[name=region] optgroup:not([disabled])").evaluate_all(
        "groups => groups.map(g => g.label)"
    )


def test_the_admin_edits_the_profile_and_sees_it_rendered(page: Page, world, login):
    organisation = world.organisation
    login(world.org_admin)
    page.goto(organisation.get_absolute_url())
    page.get_by_role("link", name="Edit profile").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Edit profile")
    page.get_by_label("Description").fill(
        "We train **apprentices** in mechatronics.\n\n- dual VET\n- mobility"
    )
    page.get_by_label("Digital learning").check()
    page.get_by_label("Apprentice mobility").check()
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(re.compile(rf"{organisation.get_absolute_url()}$"))
    expect(page.get_by_role("alert")).to_contain_text("Your changes were saved.")
    about = page.get_by_role("region", name="About")
    expect(about.locator("strong")).to_have_text("apprentices")
    expect(about.get_by_role("listitem")).to_have_text(["dual VET", "mobility"])
    themes = page.get_by_role("region", name="Themes")
    expect(themes.get_by_role("link")).to_have_text(["Digital learning", "Apprentice mobility"])

    organisation.refresh_from_db()
    assert organisation.description.startswith("We train **apprentices**")
    assert sorted(organisation.themes.values_list("code", flat=True)) == [
        "apprentice-mobility",
        "digital-learning",
    ]
    entry = AuditEntry.objects.get(action="organisation.updated", organisation=organisation)
    assert entry.actor == world.org_admin
    assert entry.changes["description"]["old"] == ""


def test_the_region_list_follows_the_country_and_a_draft_survives_a_reload(
    page: Page, world, login
):
    login(world.org_admin)
    page.goto(f"{world.organisation.get_absolute_url()}edit/")
    expect(page.get_by_label("Region", exact=True)).to_have_value("DE-HE")
    assert visible_region_groups(page) == ["Germany"]

    page.get_by_label("Country").select_option("IT")
    assert visible_region_groups(page) == ["Italy"]
    # Hesse is no region of Italy, so the choice is cleared rather than kept invisibly.
    expect(page.get_by_label("Region", exact=True)).to_have_value("")
    page.get_by_label("Region", exact=True).select_option("IT-25")

    page.get_by_label("Description").fill("A first sentence, not saved yet.")
    page.wait_for_function(
        "() => Object.keys(localStorage).some((key) => key.startsWith('netzwerkstatt-draft:'))"
    )
    page.reload()

    expect(page.get_by_role("status")).to_have_text(DRAFT_RESTORED)
    expect(page.get_by_label("Description")).to_have_value("A first sentence, not saved yet.")
    world.organisation.refresh_from_db()
    assert world.organisation.description == ""


def test_the_directory_filters_without_reloading_the_page(page: Page, world, check_page):
    OrganisationFactory(name="Istituto Tecnico Lombardo", country="IT", region="IT-25")
    page.goto("/organisations/")
    results = page.locator("#results")
    expect(results).to_contain_text("2 organisations")

    page.evaluate("() => { window.beforeFilter = true; }")
    page.get_by_label("Country").select_option("IT")

    expect(results).to_contain_text("1 organisation")
    expect(results.get_by_role("heading")).to_have_text(["Istituto Tecnico Lombardo"])
    expect(page).to_have_url(re.compile(r"country=IT"))
    assert page.evaluate("() => window.beforeFilter"), "the filter reloaded the whole page"
    assert visible_region_groups(page) == ["Italy"]
    check_page()

    results.get_by_role("link", name="Istituto Tecnico Lombardo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Istituto Tecnico Lombardo")
    expect(page.get_by_text("Vocational school · Public · Lombardia, Italy")).to_be_visible()


def test_the_admin_adds_a_contact_person(page: Page, world, login):
    login(world.org_admin)
    page.goto(world.organisation.get_absolute_url())
    page.get_by_role("region", name="Contact persons").get_by_role("link", name="Add").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Add a contact person")
    page.get_by_label("Name").fill("Petra Vogel")
    page.get_by_label("Function").fill("Internationalisation")
    page.get_by_label("E-mail address").fill("vogel@example.org")
    page.get_by_label("Consent given on").fill("2026-03-02")
    page.get_by_label("Visible to everyone").check()
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("alert")).to_contain_text("The contact person was saved.")
    contacts = page.get_by_role("region", name="Contact persons")
    expect(contacts).to_contain_text("Petra Vogel")
    expect(contacts.get_by_role("link", name="vogel@example.org")).to_be_visible()
    contact = ContactPerson.objects.get(organisation=world.organisation)
    assert (contact.name, contact.is_public, str(contact.consent_date)) == (
        "Petra Vogel",
        True,
        "2026-03-02",
    )


def test_an_invited_colleague_creates_an_account_and_joins(page: Page, world, login):
    organisation = world.organisation
    login(world.org_admin)
    page.goto(organisation.get_absolute_url())
    page.get_by_role("link", name="Members").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Members")
    expect(page.get_by_role("listitem").filter(has_text=world.member.email)).to_be_visible()
    invite = page.get_by_role("region", name="Invite a colleague")
    invite.get_by_label("E-mail address").fill("luca.rossi@example.org")
    invite.get_by_label("Role").select_option(label="Organisation member")
    invite.get_by_role("button", name="Send invitation").click()

    expect(page.get_by_role("alert")).to_contain_text("Invitation sent to luca.rossi@example.org.")
    expect(page.get_by_text("luca.rossi@example.org · Organisation member")).to_be_visible()
    assert [message.to for message in mail.outbox] == [["luca.rossi@example.org"]]
    link = re.search(r"https?://\S+/accounts/invitation/\S+/", mail.outbox[0].body).group(0)

    page.get_by_role("button", name=world.org_admin.name, exact=True).click()
    page.get_by_role("link", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign Out")
    page.get_by_role("button", name="Sign Out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()

    page.goto(urlsplit(link).path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Invitation")
    page.get_by_label("Your name").fill("Luca Rossi")
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create account and accept").click()

    expect(page).to_have_url(re.compile(rf"{organisation.get_absolute_url()}$"))
    expect(page.get_by_role("alert")).to_contain_text("Welcome to Netzwerkstatt!")
    membership = Membership.objects.get(
        organisation=organisation, user__email="luca.rossi@example.org"
    )
    assert (membership.user.name, membership.role) == ("Luca Rossi", "member")
