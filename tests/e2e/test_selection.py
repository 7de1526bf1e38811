"""From a consortium to a selected network, as the people involved play it in the browser: the
Italian lead writes the joint application and submits it, the German partner reads it, the
coordinator has two committee members assigned, both review it, the coordinator selects it and
sends the decision, and the consortium is a network of the programme.

The story before (set-up, expressions, screening, matching to a consortium) is in
``test_calls``; this one starts from the consortium those steps leave behind."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from i18nfield.strings import LazyI18nString
from playwright.sync_api import BrowserContext, Page, expect

from netzwerkstatt.networks.models import Network
from netzwerkstatt.selection.models import Application, Review
from netzwerkstatt.vocabularies.models import Theme
from tests.e2e.test_calls import heading, link_in, sign_in_as
from tests.factories import (
    ActorGroupFactory,
    ApplicationRoundFactory,
    CallFactory,
    ConsortiumFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeRoleFactory,
    RubricCriterionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Lernortkooperation über die Alpen"
FEEDBACK = "Ein überzeugendes Arbeitsprogramm mit klaren Rollen."


class Story:
    def __init__(self, world):
        self.world = world
        self.call = CallFactory(
            programme=world.programme,
            title=LazyI18nString({"de": "Aufruf Modellnetzwerke", "it": "Avviso reti modello"}),
            opens_at=timezone.now() - datetime.timedelta(days=90),
            closes_at=timezone.now() - datetime.timedelta(days=30),
            score_min=0,
            score_max=5,
        )
        self.quality = RubricCriterionFactory(
            call=self.call,
            position=0,
            weight=2,
            title=LazyI18nString({"en": "Quality of the work programme"}),
        )
        self.fit = RubricCriterionFactory(
            call=self.call, position=1, weight=1, title=LazyI18nString({"en": "Fit of partners"})
        )
        istituto = OrganisationFactory(
            name="Istituto Tecnico Lombardo", country="IT", region="IT-25"
        )
        self.italian = MembershipFactory(organisation=istituto, role="admin").user
        self.consortium = ConsortiumFactory(
            call=self.call,
            left=ActorGroupFactory(
                call=self.call, name="Rete duale Lombardia", country="IT", lead=istituto
            ),
            right=ActorGroupFactory(
                call=self.call, name="Kasseler Verbund", country="DE", lead=world.organisation
            ),
        )
        self.consortium.left.themes.set([Theme.objects.get(code="digital-learning")])
        self.consortium.right.themes.set([Theme.objects.get(code="digital-learning")])
        ApplicationRoundFactory(call=self.call)
        self.chair = world.committee_member
        self.second = UserFactory(name="Paola Revisori", language="en")
        ProgrammeRoleFactory(programme=world.programme, user=self.second, role="committee_member")

    @property
    def workspace(self) -> str:
        return f"{self.call.get_absolute_url()}applications/{self.consortium.pk}/"


def the_consortium_writes_and_submits(page: Page, story: Story) -> None:
    page.goto(story.workspace)
    page.get_by_role("button", name="Start the joint application").click()
    tabs = page.get_by_role("navigation", name="Parts of the application")

    tabs.get_by_role("link", name="Summary").click()
    page.get_by_label("Title of the project").fill(TITLE)
    page.get_by_label("Summary").fill(
        "Berufsschulen und Betriebe aus der Lombardei und Nordhessen entwickeln gemeinsam "
        "digitale Lernmodule für Auszubildende."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("saved")

    tabs.get_by_role("link", name="Objectives").click()
    page.get_by_label("Objectives").fill("Zwei zweisprachige Lernmodule und ein Austausch.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("saved")

    tabs.get_by_role("link", name="Work programme").click()
    page.get_by_role("textbox", name="Activity", exact=True).fill("Gemeinsame Lernmodule")
    page.get_by_label("Responsible organisation").select_option(label="Istituto Tecnico Lombardo")
    page.get_by_label("Start month").fill("2")
    page.get_by_label("End month").fill("12")
    page.get_by_label("Expected outputs").fill("Zwei Module, online frei verfügbar.")
    page.get_by_role("button", name="Add the activity").click()
    expect(page.get_by_role("alert")).to_contain_text("The work programme was saved.")
    expect(page.get_by_role("table").first).to_contain_text("Gemeinsame Lernmodule")

    tabs.get_by_role("link", name="Partners' roles").click()
    page.get_by_label("Istituto Tecnico Lombardo").fill("Koordiniert das Netzwerk.")
    page.get_by_label(story.world.organisation.name).fill("Stellt Praktikumsplätze.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("The partners' roles were saved.")

    tabs.get_by_role("link", name="Overview").click()
    expect(page.get_by_text("Every required part is complete.")).to_be_visible()
    mail.outbox.clear()
    page.get_by_role("button", name="Submit the application").click()
    expect(page.get_by_role("alert")).to_contain_text("submitted")
    application = Application.objects.get(consortium=story.consortium)
    assert application.status == Application.Status.SUBMITTED
    assert application.title == TITLE
    # Both groups are told.
    assert {m.to[0] for m in mail.outbox} >= {story.italian.email, story.world.member.email}


def test_a_consortium_applies_is_reviewed_and_becomes_a_network(
    page: Page, context: BrowserContext, world, login
):
    page.on("dialog", lambda dialog: dialog.accept())
    story = Story(world)

    login(story.italian)
    the_consortium_writes_and_submits(page, story)

    # The German partner reads the submitted application; nothing can change any more.
    sign_in_as(context, login, world.member)
    page.goto(story.workspace)
    expect(heading(page)).to_have_text(TITLE)
    expect(page.get_by_text("Submitted", exact=True).first).to_be_visible()
    expect(page.get_by_role("button", name="Submit the application")).to_have_count(0)

    the_coordinator_assigns_two_reviewers(page, context, login, story)
    a_committee_member_reviews(page, context, login, story.chair, "4", "3", others=0)
    a_committee_member_reviews(page, context, login, story.second, "5", "5", others=1)
    assert Review.objects.filter(status=Review.Status.SUBMITTED).count() == 2
    the_coordinator_selects(page, context, login, story)


def the_coordinator_assigns_two_reviewers(page: Page, context, login, story: Story) -> None:
    sign_in_as(context, login, story.world.coordinator)
    page.goto(story.call.get_absolute_url())
    page.get_by_role("navigation", name="Running this call").get_by_role(
        "link", name="Committee review"
    ).click()
    expect(heading(page)).to_contain_text("Committee review")
    expect(page.get_by_label("Reviewers per application")).to_have_value("2")
    mail.outbox.clear()
    page.get_by_role("button", name="Assign automatically").click()
    expect(page.get_by_role("alert")).to_contain_text("2 assignments were made")
    progress = page.get_by_role("region", name="Progress per reviewer")
    expect(progress).to_contain_text(story.chair.display_name)
    expect(progress).to_contain_text(story.second.display_name)
    assert {m.to[0] for m in mail.outbox} == {story.chair.email, story.second.email}


def a_committee_member_reviews(
    page: Page, context, login, person, quality: str, fit: str, others: int
) -> None:
    letter = next(m for m in mail.outbox if m.to == [person.email])
    sign_in_as(context, login, person)
    page.goto(link_in(letter, "/reviews/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    expect(page.get_by_text("Zwei zweisprachige Lernmodule")).to_be_visible()
    # Nothing of the other reviews before submitting.
    expect(page.get_by_role("heading", name="The other reviews")).to_have_count(0)
    quality_group = page.get_by_role("group", name="Quality of the work programme")
    quality_group.get_by_label(quality, exact=True).check()
    quality_group.get_by_label("Comment").fill("Klare Meilensteine.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("alert")).to_contain_text("Your draft was saved.")
    # The draft kept the score; the second criterion is still missing, so submitting refuses.
    expect(quality_group.get_by_label(quality, exact=True)).to_be_checked()
    page.get_by_role("button", name="Submit review").click()
    expect(page.get_by_role("group", name="Fit of partners")).to_contain_text(
        "Give a score for this criterion before submitting."
    )
    fit_group = page.get_by_role("group", name="Fit of partners")
    fit_group.get_by_label(fit, exact=True).check()
    page.get_by_role("button", name="Submit review").click()
    expect(page.get_by_role("alert")).to_contain_text("Your review was submitted.")
    others_section = page.get_by_role("region", name="The other reviews")
    if others:
        expect(others_section).to_contain_text("Klare Meilensteine.")
    else:
        expect(others_section).to_contain_text("No other review has been submitted yet.")


def the_coordinator_selects(page: Page, context, login, story: Story) -> None:
    sign_in_as(context, login, story.world.coordinator)
    page.goto(story.call.get_absolute_url())
    page.get_by_role("navigation", name="Running this call").get_by_role(
        "link", name="Ranking"
    ).click()
    ranking = page.get_by_role("table").first
    # Quality weighs 2, fit 1: (2*4 + 3) / 3 = 3.67 and (2*5 + 5) / 3 = 5; the mean is 4.33.
    expect(ranking).to_contain_text("4.33")
    expect(ranking).to_contain_text("3.67 – 5.00")
    page.get_by_role("radio", name="Selected", exact=True).check()
    page.get_by_label("Feedback to the consortium").fill(FEEDBACK)
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_role("alert")).to_contain_text("Held – not sent yet.")
    assert not Network.objects.exists()

    mail.outbox.clear()
    page.get_by_role("link", name="Review and send the decisions").first.click()
    page.get_by_role("button", name="Send 1 decision").click()
    expect(page.get_by_role("alert").first).to_contain_text("decision was sent (3 e-mails)")
    expect(page.get_by_role("alert").last).to_contain_text(
        "1 selected application is now a network of the programme."
    )
    network = Network.objects.get()
    assert network.name == TITLE
    letters = {m.to[0]: m for m in mail.outbox}
    assert set(letters) >= {story.italian.email, story.world.member.email}
    assert FEEDBACK in letters[story.world.member.email].body

    # The German partner follows the link in the letter to the network's page.
    sign_in_as(context, login, story.world.member)
    page.goto(link_in(letters[story.world.member.email], "/networks/"))
    expect(heading(page)).to_have_text(TITLE)
    members = page.get_by_role("table")
    expect(members).to_contain_text("Istituto Tecnico Lombardo")
    expect(members).to_contain_text(story.world.organisation.name)
