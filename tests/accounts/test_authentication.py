"""Signing up, signing in and resetting a password, through django-allauth as configured here."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from netzwerkstatt.accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _links(message) -> list[str]:
    return re.findall(r"http://testserver(/\S+)", message.body)


def _sign_up(client, email="neu@example.org"):
    return client.post(
        reverse("account_signup"),
        {"name": "Nadia Neu", "email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_sign_up_sends_a_confirmation_link_and_saves_the_name(client):
    response = _sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="neu@example.org")
    assert user.name == "Nadia Neu"
    assert user.emailaddress_set.get().verified is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["neu@example.org"]
    assert mail.outbox[0].subject.startswith("[Netzwerkstatt] ")
    confirm = [link for link in _links(mail.outbox[0]) if "/confirm-email/" in link]
    assert len(confirm) == 1


def test_sign_up_remembers_the_interface_language(client):
    client.cookies["netzwerkstatt_language"] = "it"

    _sign_up(client)

    assert User.objects.get(email="neu@example.org").language == "it"


def test_sign_up_requires_a_name(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "neu@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert "name" in response.context["form"].errors
    assert not User.objects.filter(email="neu@example.org").exists()
    assert mail.outbox == []


def test_signing_in_before_confirming_gives_no_access_to_the_dashboard(client):
    _sign_up(client)
    client.logout()

    response = client.post(
        reverse("account_login"), {"login": "neu@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    dashboard = client.get(reverse("core:dashboard"))
    assert dashboard.status_code == 302
    assert dashboard["Location"].startswith(reverse("account_login"))


def test_confirming_the_address_verifies_it_and_opens_the_dashboard(client):
    _sign_up(client)
    confirm = next(link for link in _links(mail.outbox[0]) if "/confirm-email/" in link)

    page = client.get(confirm)
    assert "neu@example.org" in page.content.decode()
    response = client.post(confirm)

    assert response.status_code == 302
    assert User.objects.get(email="neu@example.org").emailaddress_set.get().verified is True
    dashboard = client.get(reverse("core:dashboard"))
    assert dashboard.status_code == 200
    assert "Hello, Nadia Neu" in dashboard.content.decode()


def test_a_verified_person_signs_in_with_email_and_password(client):
    user = UserFactory(email="anna@example.org", name="Anna")

    response = client.post(
        reverse("account_login"), {"login": "ANNA@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("core:dashboard")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_is_refused_with_a_message(client):
    UserFactory(email="anna@example.org")

    response = client.post(
        reverse("account_login"), {"login": "anna@example.org", "password": "wrong password"}
    )

    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_five_failed_logins_lock_the_account_even_for_the_right_password(client):
    UserFactory(email="anna@example.org")
    for _attempt in range(5):
        response = client.post(
            reverse("account_login"), {"login": "anna@example.org", "password": "guess"}
        )
        assert "Too many failed login attempts" not in response.content.decode()

    response = client.post(
        reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_address_so_other_people_can_still_sign_in(client):
    UserFactory(email="anna@example.org")
    other = UserFactory(email="berta@example.org")
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": "anna@example.org", "password": "guess"})

    response = client.post(
        reverse("account_login"), {"login": "berta@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


def test_password_reset_sends_a_link_that_sets_a_new_password(client):
    user = UserFactory(email="anna@example.org")

    response = client.post(reverse("account_reset_password"), {"email": "anna@example.org"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@example.org"]
    link = next(link for link in _links(mail.outbox[0]) if "/password/reset/key/" in link)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_password_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    response = client.post(
        set_password_url,
        {"password1": "a new long passphrase 42", "password2": "a new long passphrase 42"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a new long passphrase 42")


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    # allauth tells the unknown address that no account exists, and nobody else.
    assert [m.to for m in mail.outbox] in ([], [["nobody@example.org"]])


def test_signing_in_greets_the_person_in_their_saved_language(client):
    user = UserFactory(language="de", name="Sabine")

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True
    )

    assert response.context["user"] == user
    assert [str(m) for m in response.context["messages"]] == ["Erfolgreich als Sabine angemeldet."]


def test_password_reset_mail_is_written_in_the_recipients_language(client):
    user = UserFactory(language="it")

    client.post(reverse("account_reset_password"), {"email": user.email})

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert mail.outbox[0].subject == "[Netzwerkstatt] Email per reimpostare la password"


def test_sign_up_and_confirmation_are_recorded_in_the_audit_log(client):
    from netzwerkstatt.core.models import AuditEntry

    _sign_up(client)
    user = User.objects.get(email="neu@example.org")
    confirm = next(link for link in _links(mail.outbox[0]) if "/confirm-email/" in link)
    client.post(confirm)

    actions = list(AuditEntry.objects.filter(actor=user).values_list("action", flat=True))
    assert sorted(actions) == ["person.email_confirmed", "person.signed_up"]
