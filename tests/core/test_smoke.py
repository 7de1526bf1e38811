from django.urls import reverse


def test_home_page_shows_public_programmes_and_counts(client, world):
    response = client.get(reverse("core:home"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "ConnActions" in content
    assert response.context["organisation_count"] == 1
