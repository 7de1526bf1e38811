"""The quality pages: the standard, the draft editor, the self-assessment, the reviews."""

import datetime
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.courses import quality
from netzwerkstatt.courses.models import (
    Certification,
    CourseRun,
    QualityStandard,
    SelfAssessment,
)
from tests.courses.factories import CourseFactory, CourseRunFactory, ProviderFactory
from tests.courses.factories_quality import assessment, cluster, standard
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def url(name: str, scene, **kwargs) -> str:
    if name == "self_assessment":
        kwargs = {"slug": scene.provider.slug, **kwargs}
    return reverse(f"courses:{name}", kwargs={"programme": scene.programme.slug, **kwargs})


# The standard ----------------------------------------------------------------------------------


def test_the_standard_page_shows_the_current_version_the_draft_and_earlier_versions(client):
    scene = cluster()
    old = standard(scene.programme, criteria=(({"de": "Altes Kriterium"}, ""),))
    assessment(old, scene.provider, status="confirmed")
    standard(scene.programme, version=2)
    draft = standard(
        scene.programme, version=3, published=False, criteria=(({"de": "Entwurfskriterium"}, ""),)
    )
    client.force_login(scene.coordinator)

    page = client.get(url("standard", scene)).text

    assert "Current version 2" in page
    assert "Transparente Preise" in page and "Alle Kosten stehen im Angebot." in page
    assert "Evidence expected:" in page and "Preisliste" in page
    assert "Draft of version 3" in page and "Entwurfskriterium" in page
    assert "Publish version 3" in page
    assert url("standard_version", scene, number=1) in page
    assert "Altes Kriterium" not in page
    version_page = client.get(url("standard_version", scene, number=1)).text
    assert "Altes Kriterium" in version_page and "replaced by a newer version" in version_page
    # The draft's number opens the editor rather than a frozen page.
    response = client.get(url("standard_version", scene, number=draft.version))
    assert response.url == url("standard_draft", scene)


def test_a_coordinator_starts_edits_and_publishes_the_first_version(client):
    scene = cluster()
    client.force_login(scene.coordinator)
    assert "No quality standard yet" in client.get(url("standard", scene)).text

    response = client.post(url("standard", scene), {"action": "start"})
    assert response.url == url("standard_draft", scene)
    draft = QualityStandard.objects.get()
    editor = client.get(url("standard_draft", scene)).text
    assert 'data-draft="quality-standard-' in editor
    assert 'name="criteria-TOTAL_FORMS" value="3"' in editor

    response = client.post(
        url("standard_draft", scene),
        {
            "version": quality.draft_version(draft),
            "label_name_0": "Qualitätssiegel",
            "label_name_1": "Marchio di qualità",
            "introduction_0": "Einführung",
            "criteria-TOTAL_FORMS": "3",
            "criteria-INITIAL_FORMS": "0",
            "criteria-0-title_0": "Transparente Preise",
            "criteria-0-title_1": "Prezzi trasparenti",
            "criteria-0-evidence_hint_0": "Preisliste",
            "criteria-0-position": "2",
            "criteria-1-title_0": "Barrierefreiheit",
            "criteria-1-position": "1",
        },
    )
    assert response.url == url("standard_draft", scene)
    draft.refresh_from_db()
    assert [c.title.data for c in draft.criteria.all()] == [
        {"de": "Barrierefreiheit"},
        {"de": "Transparente Preise", "it": "Prezzi trasparenti"},
    ]

    client.post(url("standard", scene), {"action": "publish"})
    draft.refresh_from_db()
    assert draft.is_published
    page = client.get(url("standard", scene)).text
    assert "Current version 1" in page and "Start version 2" in page


def test_a_criterion_without_a_title_is_refused_next_to_it_and_removing_works(client):
    scene = cluster()
    draft = standard(scene.programme, published=False)
    first, second, third = draft.criteria.order_by("position")
    client.force_login(scene.coordinator)
    data = {
        "version": quality.draft_version(draft),
        "label_name_0": "Qualitätssiegel",
        "criteria-TOTAL_FORMS": "4",
        "criteria-INITIAL_FORMS": "3",
        "criteria-0-pk": first.pk,
        "criteria-0-title_0": "",
        "criteria-0-position": "1",
        "criteria-1-pk": second.pk,
        "criteria-1-title_0": "Qualifiziertes Personal",
        "criteria-1-position": "2",
        "criteria-1-DELETE": "on",
        "criteria-2-pk": third.pk,
        "criteria-2-title_0": "Rückmeldung",
        "criteria-2-position": "3",
    }

    response = client.post(url("standard_draft", scene), data)

    assert response.status_code == 200
    assert response.context["formset"].forms[0].errors == {"title": ["This field is required."]}
    assert 'id="id_criteria-0-title_error"' in response.text
    assert draft.criteria.count() == 3

    data["criteria-0-title_0"] = "Transparente Preise"
    response = client.post(url("standard_draft", scene), data)
    assert response.status_code == 302
    assert [c.title.data["de"] for c in draft.criteria.all()] == [
        "Transparente Preise",
        "Rückmeldung",
    ]


def test_a_stale_draft_form_is_refused_and_keeps_the_input(client):
    scene = cluster()
    draft = standard(scene.programme, published=False)
    opened_at = quality.draft_version(draft)
    rows = {
        "criteria-TOTAL_FORMS": "4",
        "criteria-INITIAL_FORMS": "3",
    }
    for number, criterion in enumerate(draft.criteria.all()):
        rows[f"criteria-{number}-pk"] = criterion.pk
        rows[f"criteria-{number}-title_0"] = criterion.title.data["de"]
        rows[f"criteria-{number}-position"] = number + 1
    draft.criteria.filter(position=3).delete()  # someone else removed a criterion meanwhile
    client.force_login(scene.coordinator)

    response = client.post(
        url("standard_draft", scene),
        {"version": opened_at, "label_name_0": "Mein neuer Name", **rows},
    )

    assert response.status_code == 200
    assert "someone else changed this draft" in response.text
    assert 'value="Mein neuer Name"' in response.text
    assert 'value="Rückmeldung der Teilnehmenden"' in response.text  # the input kept
    draft.refresh_from_db()
    assert draft.label_name.data["de"] == "Qualitätssiegel Westmecklenburg"
    assert draft.criteria.count() == 2


def test_a_new_version_is_started_and_a_draft_discarded_from_the_overview(client):
    scene = cluster()
    standard(scene.programme)
    client.force_login(scene.coordinator)

    client.post(url("standard", scene), {"action": "start"})
    assert list(QualityStandard.objects.values_list("version", "published_at")) == [
        (2, None),
        (1, QualityStandard.objects.get(version=1).published_at),
    ]
    response = client.post(url("standard", scene), {"action": "start"}, follow=True)
    assert "A draft version is already being prepared" in response.text

    client.post(url("standard", scene), {"action": "discard"})
    assert list(QualityStandard.objects.values_list("version", flat=True)) == [1]


def test_committee_members_and_providers_do_not_keep_the_standard(client):
    scene = cluster()
    standard(scene.programme, published=False)
    for person in (scene.committee_member, scene.provider_admin):
        client.force_login(person)
        assert client.get(url("standard", scene)).status_code == 403
        assert client.post(url("standard", scene), {"action": "publish"}).status_code == 403
        assert client.get(url("standard_draft", scene)).status_code == 403
    assert not QualityStandard.objects.filter(published_at__isnull=False).exists()


def test_the_standard_page_makes_the_same_queries_for_one_or_three_earlier_versions(client):
    scene = cluster()
    client.force_login(scene.coordinator)

    def queries(versions: int) -> int:
        SelfAssessment.objects.all().delete()
        QualityStandard.objects.all().delete()
        for number in range(1, versions + 2):
            assessment(standard(scene.programme, version=number), ProviderFactory())
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url("standard", scene)).text
        assert page.count("Version ") >= versions
        return len(captured)

    assert queries(1) == queries(3)


# Self-assessment -------------------------------------------------------------------------------


def answer_data(item, version, **by_position) -> dict:
    data = {"version": version}
    for answer in item.answers.select_related("criterion"):
        fulfilment, evidence = by_position.get(f"c{answer.criterion.position}", ("", ""))
        data[f"c{answer.criterion_id}-fulfilment"] = fulfilment
        data[f"c{answer.criterion_id}-evidence"] = evidence
    return data


def test_without_a_valid_declaration_the_page_explains_why_it_cannot_start(client):
    scene = cluster()
    standard(scene.programme)
    scene.provider.declarations.update(revoked_at=timezone.now())
    client.force_login(scene.provider_member)

    page = client.get(url("self_assessment", scene)).text

    assert "has no valid participation declaration in this cluster" in page
    assert 'value="start"' not in page
    client.post(url("self_assessment", scene), {"action": "start"})
    assert not SelfAssessment.objects.exists()


def test_a_provider_starts_saves_and_submits_with_errors_next_to_each_criterion(client):
    scene = cluster()
    standard(scene.programme)
    client.force_login(scene.provider_member)
    page = client.get(url("self_assessment", scene)).text
    assert "Apply for the label “Westmecklenburg quality label”" in page
    assert "Transparente Preise" in page

    client.post(url("self_assessment", scene), {"action": "start"})
    item = SelfAssessment.objects.get()
    page = client.get(url("self_assessment", scene)).text
    assert f'data-draft="self-assessment-{item.pk}"' in page
    assert 'name="version" value="1"' in page

    data = answer_data(item, 1, c1=("met", "Preise stehen online."), c2=("partly", ""))
    response = client.post(url("self_assessment", scene), {**data, "action": "submit"})

    assert response.status_code == 200
    first, second, third = item.answers.order_by("criterion__position")
    assert f'id="id_c{second.criterion_id}-evidence_error"' in response.text
    assert f'id="id_c{third.criterion_id}-fulfilment_error"' in response.text
    assert f'id="id_c{first.criterion_id}-fulfilment_error"' not in response.text
    assert "Describe how your organisation meets this criterion." in response.text
    assert "Your answers were saved but not submitted" in response.text
    item.refresh_from_db()
    assert (item.status, item.version) == ("draft", 2)
    assert 'name="version" value="2"' in response.text
    first.refresh_from_db()
    assert (first.fulfilment, first.evidence) == ("met", "Preise stehen online.")

    data = answer_data(
        item,
        2,
        c1=("met", "Preise stehen online."),
        c2=("partly", "Zwei von drei"),
        c3=("not_met", ""),
    )
    response = client.post(url("self_assessment", scene), {**data, "action": "submit"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "submitted"
    page = client.get(url("self_assessment", scene)).text
    assert "Submitted for review" in page and "Zwei von drei" in page
    assert 'name="action" value="submit"' not in page


def test_a_stale_answer_form_is_refused_keeping_the_input(client):
    scene = cluster()
    item = assessment(standard(scene.programme), scene.provider, answered=False)
    quality.save_answers(
        actor=scene.provider_admin,
        assessment=item,
        answers={item.answers.first().criterion_id: {"fulfilment": "met", "evidence": "Admin"}},
        expected_version=1,
    )
    client.force_login(scene.provider_member)

    response = client.post(
        url("self_assessment", scene),
        {**answer_data(item, 1, c1=("not_met", "Meine Eingabe")), "action": "save"},
    )

    assert response.status_code == 200
    assert "someone else changed these answers" in response.text
    assert "Meine Eingabe" in response.text
    assert "Saved meanwhile:" in response.text and "Admin" in response.text
    assert item.answers.first().evidence == "Admin"


def test_a_returned_self_assessment_shows_the_note_and_is_submitted_again(client):
    scene = cluster()
    item = assessment(
        standard(scene.programme),
        scene.provider,
        status="returned",
        review_note="Bitte die Preisliste ergänzen.",
    )
    client.force_login(scene.provider_member)

    page = client.get(url("self_assessment", scene)).text
    assert "Bitte die Preisliste ergänzen." in page
    assert "Submit again for review" in page

    client.post(
        url("self_assessment", scene),
        {
            **answer_data(item, 1, c1=("met", "Liste"), c2=("met", "x"), c3=("met", "y")),
            "action": "submit",
        },
    )
    item.refresh_from_db()
    assert item.status == "submitted"


def test_a_newer_version_is_offered_while_the_old_label_holds(client):
    scene = cluster()
    until = timezone.localdate() + datetime.timedelta(days=90)
    assessment(
        standard(scene.programme), scene.provider, status="confirmed", label_valid_until=until
    )
    standard(scene.programme, version=2)
    client.force_login(scene.provider_member)

    page = client.get(url("self_assessment", scene)).text

    assert "Version 2 of the standard is published" in page
    assert "Start the self-assessment against version 2" in page
    assert "Your current label stays valid until" in page
    assert "Westmecklenburg quality label" in page  # the label badge

    client.post(url("self_assessment", scene), {"action": "start"})
    assert list(SelfAssessment.objects.values_list("standard__version", "status")) == [
        (2, "draft"),
        (1, "confirmed"),
    ]


def test_the_self_assessment_is_for_the_providers_people_only(client):
    scene = cluster()
    standard(scene.programme)
    for person in (scene.coordinator, scene.committee_member):
        client.force_login(person)
        assert client.get(url("self_assessment", scene)).status_code == 403
    school = MembershipFactory(organisation__kind="vocational_school").user
    client.force_login(school)
    response = client.get(
        reverse(
            "courses:self_assessment",
            kwargs={"slug": school.organisations.get().slug, "programme": scene.programme.slug},
        )
    )
    assert response.status_code == 403


def test_the_self_assessment_page_makes_the_same_queries_for_one_or_three_criteria(client):
    scene = cluster()
    client.force_login(scene.provider_member)

    def queries(count: int) -> int:
        SelfAssessment.objects.all().delete()
        QualityStandard.objects.all().delete()
        criteria = [({"de": f"Kriterium {n}"}, "Bedeutung") for n in range(count)]
        first = standard(scene.programme, criteria=criteria)
        assessment(first, scene.provider, status="confirmed")
        assessment(standard(scene.programme, version=2, criteria=criteria), scene.provider)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url("self_assessment", scene)).text
        assert page.count('id="criterion-') == count
        return len(captured)

    assert queries(1) == queries(3)


# Review ----------------------------------------------------------------------------------------


def test_the_reviews_list_shows_waiting_and_decided_self_assessments(client):
    scene = cluster()
    current = standard(scene.programme)
    waiting = assessment(current, scene.provider, status="submitted", submitted_at=timezone.now())
    decided = assessment(
        current,
        ProviderFactory(name="Akademie Wismar"),
        status="confirmed",
        label_valid_until=datetime.date(2031, 1, 1),
    )
    assessment(current, ProviderFactory(name="Entwurf GmbH"))
    client.force_login(scene.committee_member)

    page = client.get(url("reviews", scene)).text
    assert url("review", scene, pk=waiting.pk) in page
    assert "Akademie Wismar" not in page and "Entwurf GmbH" not in page
    page = client.get(url("reviews", scene) + "?status=confirmed").text
    assert url("review", scene, pk=decided.pk) in page and "Bildungswerk Schwerin" not in page
    page = client.get(url("reviews", scene) + "?status=all").text
    assert "Akademie Wismar" in page and "Bildungswerk Schwerin" in page
    assert "Entwurf GmbH" not in page
    # A draft is the provider's alone.
    draft = SelfAssessment.objects.get(status="draft")
    assert client.get(url("review", scene, pk=draft.pk)).status_code == 404


def test_the_reviews_list_makes_the_same_queries_for_one_or_three_rows(client):
    scene = cluster()
    current = standard(scene.programme)
    client.force_login(scene.coordinator)

    def queries(count: int) -> int:
        SelfAssessment.objects.all().delete()
        for _n in range(count):
            assessment(current, ProviderFactory(), status="submitted", submitted_at=timezone.now())
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url("reviews", scene)).text
        assert len(re.findall(r"/cluster/reviews/\d+/", page)) == count
        return len(captured)

    assert queries(1) == queries(3)


def test_a_reviewer_confirms_and_the_label_reaches_the_search(
    client, django_capture_on_commit_callbacks
):
    scene = cluster()
    run = CourseRunFactory(course=CourseFactory(organisation=scene.provider))
    item = assessment(standard(scene.programme), scene.provider, status="submitted")
    certification = Certification.objects.create(
        organisation=scene.provider,
        kind="azav",
        issuer="DEKRA",
        valid_until=timezone.localdate() + datetime.timedelta(days=20),
        evidence="certifications/azav.pdf",
    )
    client.force_login(scene.committee_member)
    page = client.get(url("review", scene, pk=item.pk)).text
    assert "Nachweis zu" in page and "Confirm and give the label" in page
    assert "DEKRA" in page and "expiring" in page
    assert (
        reverse(
            "courses:certification_evidence",
            kwargs={"slug": scene.provider.slug, "pk": certification.pk},
        )
        in page
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("review", scene, pk=item.pk), {"action": "confirm", "note": "Gut belegt."}
        )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.review_note) == ("confirmed", "Gut belegt.")
    assert CourseRun.objects.get(pk=run.pk).label_until == item.label_valid_until
    assert [m.to for m in mail.outbox] == [[scene.provider_admin.email]]
    page = client.get(url("review", scene, pk=item.pk)).text
    assert "Quality label valid until" in page and 'value="confirm"' not in page


def test_returning_without_a_note_is_refused_next_to_the_note(client):
    scene = cluster()
    item = assessment(standard(scene.programme), scene.provider, status="submitted")
    client.force_login(scene.coordinator)

    response = client.post(url("review", scene, pk=item.pk), {"action": "return", "note": ""})

    assert response.status_code == 200
    assert 'id="id_note_error"' in response.text
    assert "Say what the provider should change." in response.text
    item.refresh_from_db()
    assert item.status == "submitted"


def test_a_reviewer_of_the_provider_sees_why_and_may_not_decide(client):
    scene = cluster()
    item = assessment(standard(scene.programme), scene.provider, status="submitted")
    MembershipFactory(organisation=scene.provider, user=scene.committee_member)
    client.force_login(scene.committee_member)

    page = client.get(url("review", scene, pk=item.pk)).text
    assert "You belong to this organisation" in page
    assert 'value="confirm"' not in page
    assert client.post(url("review", scene, pk=item.pk), {"action": "confirm"}).status_code == 403
    item.refresh_from_db()
    assert item.status == "submitted"
    listing = client.get(url("reviews", scene)).text
    assert "your organisation" in listing


def test_providers_and_outsiders_do_not_review(client):
    scene = cluster()
    item = assessment(standard(scene.programme), scene.provider, status="submitted")
    client.force_login(scene.provider_admin)
    assert client.get(url("reviews", scene)).status_code == 403
    assert client.post(url("review", scene, pk=item.pk), {"action": "confirm"}).status_code == 403
    item.refresh_from_db()
    assert item.status == "submitted"


def test_the_review_page_makes_the_same_queries_for_one_or_three_criteria(client):
    scene = cluster()
    client.force_login(scene.committee_member)

    def queries(count: int) -> int:
        criteria = [({"de": f"Kriterium {n}"}, "") for n in range(count)]
        item = assessment(
            standard(scene.programme, version=count, criteria=criteria),
            ProviderFactory(),
            status="submitted",
        )
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url("review", scene, pk=item.pk)).text
        assert page.count("Nachweis zu Kriterium") == count
        return len(captured)

    assert queries(1) == queries(3)
