"""Every kind of page, visited by the person it is for. The ``page`` fixture checks each one with
axe-core and once at 360 px; the tests follow the links a person would follow and assert what
each page shows."""

import hashlib
import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from netzwerkstatt.accounts.models import ApiToken
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.organisations.models import Membership, Organisation
from netzwerkstatt.programmes.models import Programme
from tests.factories import PASSWORD, OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def test_a_visitor_reads_the_public_pages_and_asks_for_a_new_password(page: Page, world):
    page.goto("/")
    expect(heading(page)).to_have_text("Cooperation networks for vocational education and training")
    page.get_by_role("link", name="See the programmes").click()
    expect(heading(page)).to_have_text("Programmes")
    page.get_by_role("link", name="ConnActions").click()
    expect(heading(page)).to_have_text("ConnActions")
    expect(page.get_by_role("region", name="Participating organisations")).to_contain_text(
        "Berufliche Schulen Kassel"
    )
    expect(page.get_by_role("link", name="Edit")).to_have_count(0)

    page.get_by_role("link", name="Berufliche Schulen Kassel").click()
    expect(heading(page)).to_have_text("Berufliche Schulen Kassel")
    expect(page.get_by_role("link", name="Edit profile")).to_have_count(0)

    page.get_by_role("contentinfo").get_by_role("link", name="Imprint").click()
    expect(heading(page)).to_have_text("Imprint")
    page.get_by_role("contentinfo").get_by_role("link", name="Privacy").click()
    expect(heading(page)).to_have_text("Privacy notice")

    page.get_by_role("link", name="Sign in").click()
    expect(heading(page)).to_have_text("Sign In")
    page.get_by_role("link", name="Forgot your password?").click()
    expect(heading(page)).to_have_text("Password Reset")
    page.get_by_label("Email").fill(world.member.email)
    page.get_by_role("button", name="Reset My Password").click()
    expect(page.get_by_text("We have sent you an email.")).to_be_visible()
    assert [message.to for message in mail.outbox] == [[world.member.email]]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_a_coordinator_edits_the_programme_and_manages_people_and_organisations(
    page: Page, world, login
):
    OrganisationFactory(name="Camera di Commercio Milano", country="IT", region="IT-25")
    login(world.coordinator)
    page.goto("/dashboard/")
    page.get_by_role("link", name="ConnActions").click()
    expect(heading(page)).to_have_text("ConnActions")

    page.get_by_role("link", name="Edit", exact=True).click()
    expect(heading(page)).to_have_text("Edit programme")
    description = page.get_by_role("group", name="Description (Markdown)")
    expect(description.get_by_label("German")).to_have_attribute("lang", "de")
    description.get_by_label("English").fill("Matching **German and Italian** actor groups.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Your changes were saved.")
    expect(page.get_by_role("region", name="Description").locator("strong")).to_have_text(
        "German and Italian"
    )

    page.get_by_role("link", name="Coordinators and committee").click()
    expect(heading(page)).to_have_text("Coordinators and committee")
    expect(
        page.get_by_role("listitem").filter(has_text=world.committee_member.name)
    ).to_contain_text("Committee member")

    page.get_by_role("link", name="ConnActions").click()
    page.get_by_role("link", name="Organisations", exact=True).last.click()
    expect(heading(page)).to_have_text("Participating organisations")
    page.get_by_role("combobox", name="Organisation").select_option(
        label="Camera di Commercio Milano"
    )
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Camera di Commercio Milano now takes part.")
    expect(page.locator("main .list-group")).to_contain_text("Camera di Commercio Milano")

    page.get_by_role("link", name="ConnActions").click()
    page.get_by_role("link", name="Audit log").click()
    expect(heading(page)).to_have_text("Audit log: ConnActions")
    rows = page.get_by_role("table").get_by_role("row")
    expect(rows.filter(has_text="participation.added")).to_contain_text(
        "Camera di Commercio Milano"
    )
    expect(rows.filter(has_text="programme.updated")).to_contain_text(world.coordinator.name)
    page.get_by_label("Action begins with").fill("programme.")
    page.get_by_role("button", name="Filter").click()
    expect(rows.filter(has_text="participation.added")).to_have_count(0)
    expect(rows.filter(has_text="programme.updated")).to_have_count(1)


def test_a_person_keeps_the_account_and_creates_an_api_token(page: Page, world, login):
    person = world.outsider
    login(person)
    page.goto("/dashboard/")
    page.get_by_role("button", name=person.name, exact=True).click()
    page.get_by_role("link", name="Account", exact=True).click()
    expect(heading(page)).to_have_text("Profile")
    page.get_by_label("Name").fill("Marta Keller")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Your profile was saved.")
    person.refresh_from_db()
    assert person.name == "Marta Keller"

    account_nav = page.get_by_role("navigation", name="Account")
    account_nav.get_by_role("link", name="E-mail addresses").click()
    expect(page.get_by_label("Current email")).to_have_value(person.email)
    account_nav.get_by_role("link", name="Password").click()
    expect(heading(page)).to_have_text("Change Password")

    account_nav.get_by_role("link", name="Two-factor authentication").click()
    expect(heading(page)).to_have_text("Two-Factor Authentication")
    page.get_by_role("link", name="Activate").click()
    # allauth asks for the password again before security settings change.
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(heading(page)).to_have_text("Activate Authenticator App")
    expect(page.get_by_role("img")).to_be_visible()
    expect(page.get_by_label("Authenticator secret")).not_to_have_value("")

    account_nav.get_by_role("link", name="API tokens").click()
    expect(page.get_by_text("You have no token yet.")).to_be_visible()
    page.get_by_label("Name").fill("reporting script")
    page.get_by_role("button", name="Create token").click()
    expect(page.get_by_text("Copy it now: it is shown only once.")).to_be_visible()
    secret = page.get_by_label("New token").input_value()
    token = ApiToken.objects.get(user=person)
    assert token.name == "reporting script"
    assert secret.startswith(token.hint)
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in page.content().replace(f'value="{secret}"', "", 1)

    account_nav.get_by_role("link", name="API tokens").click()
    expect(page.get_by_label("New token")).to_have_count(0)
    expect(page.get_by_role("main")).not_to_contain_text(secret)
    expect(page.get_by_role("listitem").filter(has_text="reporting script")).to_contain_text(
        token.hint
    )

    account_nav.get_by_role("link", name="Your data").click()
    expect(heading(page)).to_have_text("Your data")
    expect(page.get_by_role("link", name="Download (JSON)")).to_be_visible()


def test_a_person_registers_an_organisation_and_becomes_its_admin(page: Page, world, login):
    login(world.outsider)
    page.goto("/dashboard/")
    page.get_by_role("link", name="Register an organisation").click()
    expect(heading(page)).to_have_text("Register an organisation")
    page.get_by_label("Name").fill("Bildungswerk Schwerin")
    page.get_by_label("Kind").select_option(label="Training provider")
    page.get_by_label("Public or private").select_option(label="Private")
    page.get_by_label("Country").select_option("DE")
    page.get_by_label("Region", exact=True).select_option("DE-MV")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("alert")).to_contain_text(
        "The organisation was created. You are its admin."
    )
    expect(heading(page)).to_have_text("Bildungswerk Schwerin")
    organisation = Organisation.objects.get(name="Bildungswerk Schwerin")
    assert organisation.region == "DE-MV"
    assert Membership.objects.get(organisation=organisation).user == world.outsider


def test_a_platform_admin_creates_a_programme_and_reads_the_audit_log(page: Page, world, login):
    login(world.platform_admin)
    page.goto("/programmes/")
    page.get_by_role("link", name="New programme").click()
    expect(heading(page)).to_have_text("New programme")
    page.get_by_label("Name").fill("Bildungsnetzwerk Westmecklenburg")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("alert")).to_contain_text(
        "The programme was created. Now invite its coordinators."
    )
    expect(heading(page)).to_have_text("Coordinators and committee")
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text(
        "Bildungsnetzwerk Westmecklenburg"
    )
    assert Programme.objects.filter(name="Bildungsnetzwerk Westmecklenburg").exists()

    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Audit log"
    ).click()
    expect(heading(page)).to_have_text("Audit log")
    expect(page.get_by_role("row").filter(has_text="programme.created")).to_contain_text(
        "Bildungsnetzwerk Westmecklenburg"
    )
    assert AuditEntry.objects.filter(action="programme.created").count() == 1


def test_on_a_phone_the_menu_opens_from_its_button(page: Page, world, login, check_page):
    login(world.member)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/programmes/")
    menu = page.get_by_role("navigation", name="Main navigation")
    expect(menu.get_by_role("link", name="Organisations")).to_be_hidden()

    menu.get_by_role("button", name="Show navigation").click()
    expect(page.locator("#main-nav")).to_have_class(re.compile(r"\bshow\b"))
    expect(menu.get_by_role("link", name="Organisations")).to_be_visible()
    expect(menu.get_by_role("button", name="DE – Deutsch")).to_be_visible()
    expect(menu.get_by_role("button", name="Show navigation")).to_have_attribute(
        "aria-expanded", "true"
    )
    check_page()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360

    menu.get_by_role("link", name="Organisations").click()
    expect(heading(page)).to_have_text("Organisations")
