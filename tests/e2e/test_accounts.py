"""Signing up, confirming the e-mail address, signing in and choosing the interface language, as a
person does it in the browser."""

import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.utils import translation
from playwright.sync_api import Page, expect

from netzwerkstatt.accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

GERMAN_CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "de" / "LC_MESSAGES" / "django.mo"


def link_in(message, path_part: str) -> str:
    match = re.search(rf"https?://\S+{re.escape(path_part)}\S*", message.body)
    assert match, f"No link containing {path_part} in:\n{message.body}"
    return match.group(0)


def test_sign_up_verify_the_address_and_arrive_signed_in_on_the_dashboard(page: Page):
    page.goto("/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Your name").fill("Giulia Bianchi")
    page.get_by_label("Email").fill("giulia@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["giulia@example.org"]
    user = User.objects.get(email="giulia@example.org")
    assert user.name == "Giulia Bianchi"
    assert not EmailAddress.objects.get(user=user).verified

    page.goto(link_in(mail.outbox[0], "/accounts/confirm-email/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm Email Address")
    page.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Giulia Bianchi")
    expect(page.get_by_text("You do not belong to an organisation yet.")).to_be_visible()
    expect(page.get_by_text("You take part in no programme yet.")).to_be_visible()
    expect(page.get_by_role("link", name="Register an organisation")).to_be_visible()
    assert EmailAddress.objects.get(user=user).verified


def test_sign_in_with_e_mail_and_password_lands_on_the_dashboard(page: Page):
    person = UserFactory(name="Anna Schmidt")
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()

    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Anna Schmidt")


def test_a_wrong_password_is_refused_with_an_error_in_the_form(page: Page):
    person = UserFactory()
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign In").click()

    form = page.locator("main form")
    expect(form.get_by_role("alert")).to_have_text(
        "The email address and/or password you specified are not correct."
    )
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_label("Email")).to_have_value(person.email)


def german(text: str) -> str:
    with translation.override("de"):
        return translation.gettext(text)


def expect_language(page: Page, code: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(page.locator(f'.language-switcher button[value="{code}"]')).to_have_attribute(
        "aria-current", "true"
    )


def test_switching_to_german_is_remembered_on_the_next_page(page: Page):
    page.goto("/accounts/login/")
    expect_language(page, "en")
    page.get_by_role("button", name="DE – Deutsch").click()

    expect_language(page, "de")
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    # allauth ships German, so this holds before our own catalogue is compiled.
    expect(page.get_by_role("heading", level=1)).to_have_text(german("Sign In"))
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Sign In")
    if GERMAN_CATALOGUE.exists():
        assert german("Organisations") != "Organisations"
        expect(page.locator("#main-nav")).to_contain_text(german("Organisations"))

    page.locator('#main-nav a[href="/organisations/"]').click()
    expect(page).to_have_url(re.compile(r"/organisations/$"))
    expect_language(page, "de")


def test_a_signed_in_person_s_language_is_saved_on_the_account(page: Page, login):
    person = UserFactory(language="")
    login(person)
    page.goto("/dashboard/")
    page.get_by_role("button", name="IT – Italiano").click()

    expect_language(page, "it")
    person.refresh_from_db()
    assert person.language == "it"

    page.locator('#main-nav a[href="/programmes/"]').click()
    expect(page).to_have_url(re.compile(r"/programmes/$"))
    expect_language(page, "it")
