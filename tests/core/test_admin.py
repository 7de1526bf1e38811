"""The Django admin for platform admins, where multilingual texts are edited per language."""

import pytest
from django.urls import reverse

from netzwerkstatt.core.models import AuditEntry, SitePage
from netzwerkstatt.vocabularies.models import Theme

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:core_sitepage_add",
        "admin:vocabularies_theme_add",
        "admin:vocabularies_iscedfield_add",
        "admin:vocabularies_eqflevel_add",
        "admin:programmes_programme_add",
    ],
)
def test_admin_forms_with_multilingual_fields_show_one_input_per_language(client, world, url_name):
    client.force_login(world.platform_admin)

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    content = response.content.decode()
    for language in ("de", "it", "en"):
        assert f'lang="{language}"' in content


def test_admin_saves_a_site_page_in_three_languages(client, world):
    page = SitePage.objects.get(kind="imprint")
    client.force_login(world.platform_admin)

    response = client.post(
        reverse("admin:core_sitepage_change", args=[page.pk]),
        {
            "kind": "imprint",
            "title_0": "Impressum",
            "title_1": "Note legali",
            "title_2": "Legal notice",
            "body_0": "Betreiber: Beispiel e. V.",
            "body_1": "Gestore: Esempio",
            "body_2": "Operator: Example",
        },
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title.localize("en") == "Legal notice"
    assert page.body.localize("it") == "Gestore: Esempio"


def test_admin_lists_themes(client, world):
    client.force_login(world.platform_admin)

    response = client.get(reverse("admin:vocabularies_theme_changelist"))

    assert response.status_code == 200
    assert Theme.objects.first().code in response.content.decode()


def test_audit_log_cannot_be_edited_in_the_admin(client, world):
    entry = AuditEntry.objects.create(action="x.y")
    client.force_login(world.platform_admin)

    assert client.get(reverse("admin:core_auditentry_add")).status_code == 403
    assert client.post(reverse("admin:core_auditentry_delete", args=[entry.pk])).status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
