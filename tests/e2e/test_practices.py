"""A good practice from the first draft to its transfer, as the people involved play it in the
browser: a teacher of an Italian vocational school writes the practice in Italian and translates
it into German, then submits it; the coordinator has it assessed by two partners from France and
Spain (an Italian candidate is not offered), both score it, the school answers one assessment and
the coordinator publishes it, "ready for transfer"; a visitor finds it in the public catalogue by
a German word in another form than in the text, and a German training company adopts it and
plans the first step of the transfer."""

import re

import pytest
from django.core import mail
from playwright.sync_api import BrowserContext, Page, expect

from netzwerkstatt.outreach.models import Transfer
from netzwerkstatt.practices.models import Assessment, Practice
from netzwerkstatt.vocabularies.models import Theme
from tests.e2e.test_calls import heading, link_in, sign_in_as
from tests.factories import MembershipFactory, OrganisationFactory, ParticipationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE_IT = "Tutor d'impresa e scuola: il diario di apprendimento condiviso"
TITLE_DE = "Betriebliche Ausbilder und Schule: das gemeinsame Lerntagebuch"
SUMMARY_DE = (
    "Berufsschule und Ausbildungsbetrieb führen ein gemeinsames digitales Lerntagebuch, "
    "in dem die Auszubildenden jede Woche festhalten, was sie gelernt haben."
)
# The catalogue is searched for another form of the word the German text has ("Ausbildungsbetrieb").
SEARCH = "Ausbildungsbetrieben"
STEP = "Lerntagebuch in zwei Ausbildungsberufen erproben"
# The assessors' scores, criterion by criterion (the programme's default criteria, scale 1 to 5).
SCORES = {
    "Innovation": (4, 3),
    "Evidence of effectiveness": (4, 4),
    "Future viability": (5, 4),
    "Transferability": (5, 4),
    "Potential for institutional anchoring": (3, 4),
    "Sustainability": (4, 3),
}


def field(scope, label: str):
    """The form field labelled exactly ``label`` (a required field's label ends in "*")."""
    return scope.get_by_label(re.compile(rf"^{re.escape(label)}\s*\*?$"))


class Story:
    def __init__(self, world):
        self.world = world
        self.programme = world.programme
        self.school = OrganisationFactory(
            name="Istituto Professionale Galilei", country="IT", region="IT-25", city="Milano"
        )
        self.company = OrganisationFactory(
            name="Hoffmann Fahrzeugtechnik GmbH",
            kind="training_company",
            country="DE",
            region="DE-BY",
            city="Augsburg",
        )
        self.lycee = OrganisationFactory(
            name="Lycée professionnel Jean Monnet", country="FR", region="FR-ARA", city="Lyon"
        )
        self.centro = OrganisationFactory(
            name="Centro Integrado de FP Valencia", country="ES", region="ES-VC", city="Valencia"
        )
        self.other_italian = OrganisationFactory(
            name="Istituto Tecnico Volta", country="IT", region="IT-34", city="Padova"
        )
        for organisation in (
            self.school,
            self.company,
            self.lycee,
            self.centro,
            self.other_italian,
        ):
            ParticipationFactory(programme=self.programme, organisation=organisation)

        def person(organisation, name):
            return MembershipFactory(
                organisation=organisation, user__name=name, user__language="en"
            ).user

        self.teacher = person(self.school, "Giulia Rossi")
        self.trainer = person(self.company, "Markus Hoffmann")
        self.french = person(self.lycee, "Claire Dubois")
        self.spanish = person(self.centro, "Javier Martín")
        self.italian = person(self.other_italian, "Paolo Bianchi")
        self.coordinator = world.coordinator
        self.theme = Theme.objects.get(code="digital-learning")

    @property
    def practice(self) -> Practice:
        return Practice.objects.get(title=TITLE_IT)


# The Italian school writes the practice, translates it and submits it ----------------------------


def the_school_writes_the_practice(page: Page, story: Story) -> None:
    # The live server's first answer loads the URL patterns and compiles the templates: slow
    # on a busy machine.
    page.goto(f"/programmes/{story.programme.slug}/practices/", timeout=30_000)
    page.get_by_role("link", name="Document a practice").click()
    expect(heading(page)).to_have_text("Document a practice")
    expect(page.get_by_label("Owning organisation")).to_have_value(str(story.school.pk))
    field(page, "Title").fill(TITLE_IT)
    page.get_by_label("Original language").select_option("it")
    field(page, "Summary").fill(
        "La scuola e l'azienda tengono insieme un diario di apprendimento digitale in cui gli "
        "apprendisti annotano ogni settimana che cosa hanno imparato."
    )
    field(page, "Context and starting situation").fill(
        "Milano, 2023: scuola e aziende si parlavano solo alle riunioni di fine anno."
    )
    field(page, "Challenge").fill("Collegare ciò che si impara a scuola e in azienda.")
    field(page, "Approach").fill(
        "1. Un modello comune di diario\n2. **Revisione settimanale** con il tutor d'impresa"
    )
    field(page, "Results and evidence").fill("Il 90 % degli apprendisti compila il diario.")
    field(page, "Conditions for transfer").fill("Un tutor d'impresa con un'ora alla settimana.")
    page.get_by_label(str(story.theme.name.localize("en"))).check()
    expect(page.get_by_label("Countries where it is used")).to_have_values(["IT"])
    page.get_by_label("VET teachers").check()
    page.get_by_label("In-company trainers").check()
    page.get_by_role("button", name="Save as draft").click()
    expect(page.get_by_role("alert")).to_contain_text("The practice was saved as a draft.")
    practice = story.practice
    assert (practice.status, practice.language, practice.countries) == ("draft", "it", ["IT"])
    assert practice.created_by == story.teacher
    assert practice.organisation == story.school
    assert set(practice.target_groups) == {"vet_teachers", "in_company_trainers"}
    assert list(practice.themes.all()) == [story.theme]


def the_school_translates_and_submits(page: Page, story: Story) -> None:
    page.get_by_role("link", name="Translations").click()
    expect(page.get_by_text("No translations yet.")).to_be_visible()
    page.get_by_label("Language of the translation").select_option("de")
    field(page, "Title").fill(TITLE_DE)
    field(page, "Summary").fill(SUMMARY_DE)
    field(page, "Context and starting situation").fill(
        "Mailand, 2023: Schule und Betriebe sprachen nur bei den Jahresabschlusstreffen "
        "miteinander."
    )
    field(page, "Challenge").fill("Lernen in Schule und Betrieb verbinden.")
    field(page, "Approach").fill(
        "1. Eine gemeinsame Vorlage für das Lerntagebuch\n2. **Wöchentliche Durchsicht** mit "
        "dem betrieblichen Ausbilder"
    )
    field(page, "Results and evidence").fill("90 % der Auszubildenden führen das Lerntagebuch.")
    field(page, "Conditions for transfer").fill(
        "Ein betrieblicher Ausbilder mit einer Stunde pro Woche."
    )
    page.get_by_role("button", name="Save the translation").click()
    expect(page.get_by_role("alert")).to_contain_text("The translation into German was saved.")
    expect(page.get_by_role("listitem").filter(has_text=TITLE_DE)).to_contain_text(
        "translated by Giulia Rossi"
    )
    translation = story.practice.translations.get()
    assert (translation.language, translation.title) == ("de", TITLE_DE)

    page.get_by_role("link", name="Edit", exact=True).click()
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("The practice was submitted for assessment.")
    expect(heading(page)).to_have_text(TITLE_IT)
    assert story.practice.status == "in_assessment"


# The coordinator has it assessed by partners from other countries --------------------------------


def the_coordinator_assigns_two_assessors(page: Page, story: Story) -> dict:
    page.goto(story.practice.get_absolute_url())
    page.get_by_role("link", name="Joint assessment").first.click()
    expect(page.get_by_text("Nobody assesses the practice yet.")).to_be_visible()
    assessor = field(page, "Assessor")
    # People of organisations in Italy, the practice's country, are not offered at all.
    options = assessor.locator("option")
    expect(options.filter(has_text="Claire Dubois (FR)")).to_have_count(1)
    expect(options.filter(has_text="Javier Martín (ES)")).to_have_count(1)
    expect(options.filter(has_text=story.italian.display_name)).to_have_count(0)
    expect(options.filter(has_text=story.teacher.display_name)).to_have_count(0)

    mail.outbox.clear()
    for person, country in ((story.french, "FR"), (story.spanish, "ES")):
        field(page, "Assessor").select_option(label=f"{person.display_name} ({country})")
        page.get_by_role("button", name="Assign", exact=True).click()
        expect(page.get_by_role("alert")).to_contain_text(
            f"{person.display_name} was asked to assess the practice."
        )
    assessors = page.get_by_role("region", name="Assessors")
    expect(assessors).to_contain_text("Claire Dubois")
    expect(assessors).to_contain_text("Javier Martín")
    letters = {m.to[0]: m for m in mail.outbox}
    assert set(letters) == {story.french.email, story.spanish.email}
    assert TITLE_IT in letters[story.french.email].body
    return letters


def an_assessor_scores_the_practice(
    page: Page, context: BrowserContext, login, person, letter, column: int, comment: str
) -> None:
    sign_in_as(context, login, person)
    page.goto(link_in(letter, "/assessment/"))
    expect(heading(page)).to_contain_text("Your assessment")
    # The original is shown to the assessor, in Italian.
    expect(page.get_by_role("region", name="The practice")).to_contain_text("diario")
    for criterion, scores in SCORES.items():
        group = page.get_by_role("group", name=criterion, exact=True)
        group.get_by_label("Score").select_option(str(scores[column]))
        group.get_by_label("Comment").fill(f"{criterion}: {scores[column]} di 5.")
    page.get_by_label("Overall comment").fill(comment)
    page.get_by_role("button", name="Submit the assessment").click()
    expect(page.get_by_role("alert")).to_contain_text("Your assessment was submitted.")
    expect(page.get_by_role("region", name="Scores and comments")).to_contain_text(
        "Transferability: " + str(SCORES["Transferability"][column])
    )
    item = Assessment.objects.get(assessor=person)
    assert item.status == "submitted"
    assert {s.criterion.code: s.value for s in item.scores.select_related("criterion")}[
        "transferability"
    ] == SCORES["Transferability"][column]


def the_school_answers_an_assessment(page: Page, context, login, story: Story) -> None:
    sign_in_as(context, login, story.teacher)
    page.goto(story.practice.url("feedback"))
    french = page.get_by_role("region", name="Assessment by Claire Dubois")
    expect(french).to_contain_text("Molto trasferibile")
    french.get_by_label("Your answer").fill(
        "Grazie! Aggiungiamo il modello del diario come documento."
    )
    french.get_by_role("button", name="Save your answer").click()
    expect(page.get_by_role("alert")).to_contain_text("Your answer was saved.")
    assert Assessment.objects.get(assessor=story.french).owner_reply.startswith("Grazie!")


def the_coordinator_publishes(page: Page, context, login, story: Story) -> None:
    sign_in_as(context, login, story.coordinator)
    page.goto(story.practice.url("assessment"))
    expect(page.get_by_role("region", name="Assessors")).to_contain_text("answered by the owner")
    mail.outbox.clear()
    page.get_by_role("radio", name="Published").check()
    page.get_by_label("Note").fill("Pubblicata dopo la riunione di consenso del 12 maggio.")
    page.get_by_role("button", name="Record the conclusion").click()
    expect(page.get_by_role("alert")).to_contain_text("The practice was published.")
    expect(page.get_by_role("region", name="Conclusions")).to_contain_text("riunione di consenso")
    practice = story.practice
    assert practice.status == "published"
    # Transferability 5 and 4: a mean of 4.5 reaches the threshold of 4.
    assert str(practice.transferability_score) == "4.50"
    assert practice.ready_for_transfer
    assert story.teacher.email in {m.to[0] for m in mail.outbox}

    page.get_by_role("link", name="Practice", exact=True).click()
    expect(page.get_by_role("complementary")).to_contain_text("Ready for transfer")
    expect(page.get_by_role("complementary")).to_contain_text(
        "Assessors from other countries rated its transferability 4.50 on average."
    )


# A visitor finds it in the catalogue -------------------------------------------------------------


def a_visitor_finds_it_in_german(page: Page, context: BrowserContext, story: Story) -> None:
    context.clear_cookies()
    page.goto("/practices/")
    expect(heading(page)).to_have_text("Good practice")
    page.get_by_label("Search good practice").fill(SEARCH)
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name=re.compile(r"^1 practice"))).to_be_visible()
    results = page.locator("ol.catalogue-results > li")
    expect(results).to_have_count(1)
    # Found through its German translation (the Italian original has no such word); listed, as
    # the visitor reads English and there is no English translation, in its original language.
    expect(results).to_contain_text("Ready for transfer")
    expect(results).to_contain_text(str(story.theme.name.localize("en")))
    results.get_by_role("link", name=TITLE_IT).click()

    expect(heading(page)).to_have_text(TITLE_IT)
    page.get_by_role("navigation", name="Languages of this practice").get_by_role(
        "link", name="German"
    ).click()
    expect(heading(page)).to_have_text(TITLE_DE)
    expect(page.get_by_role("main")).to_contain_text("Translation. Translated from Italian.")
    expect(page.get_by_role("main")).to_contain_text("Ausbildungsbetrieb")
    expect(page.locator('script[type="application/ld+json"]')).to_have_count(1)
    expect(page.get_by_label("Address of this page")).to_have_value(
        re.compile(re.escape(story.practice.get_absolute_url()) + "$")
    )
    expect(page.get_by_role("link", name="E-mail")).to_have_attribute(
        "href", re.compile("^mailto:")
    )
    expect(page.get_by_role("link", name="LinkedIn")).to_have_attribute(
        "href", re.compile(r"^https://www\.linkedin\.com/")
    )
    transfers = page.get_by_role("region", name="Transfers")
    expect(transfers).to_contain_text("No organisation has adopted this practice yet.")
    expect(transfers.get_by_role("link", name="Adopt this practice")).to_have_count(0)


# A German training company adopts it -------------------------------------------------------------


def the_company_adopts_it(page: Page, context, login, story: Story) -> None:
    sign_in_as(context, login, story.trainer)
    page.goto(story.practice.get_absolute_url() + "?lang=de")
    page.get_by_role("region", name="Transfers").get_by_role(
        "link", name="Adopt this practice"
    ).click()
    expect(heading(page)).to_contain_text("Adopt this practice")
    expect(page.get_by_label("Adopting organisation")).to_have_value(str(story.company.pk))
    page.get_by_label("How you adapt the practice").fill(
        "Wir übernehmen das Lerntagebuch für Kfz-Mechatroniker und binden die Berufsschule ein."
    )
    page.get_by_role("button", name="Adopt the practice").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "The transfer was recorded. Plan its steps here."
    )
    expect(heading(page)).to_have_text(f"Transfer to {story.company.name}")
    transfer = Transfer.objects.get(practice=story.practice)
    assert transfer.organisation == story.company

    page.get_by_text("Add a step", exact=True).click()
    field(page, "What").fill(STEP)
    page.get_by_role("button", name="Add the step").click()
    expect(page.get_by_role("alert")).to_contain_text("The step was added.")
    expect(page.get_by_role("region", name="Adaptation steps")).to_contain_text(STEP)
    assert list(transfer.steps.values_list("what", flat=True)) == [STEP]

    page.goto(story.practice.get_absolute_url())
    transfers = page.get_by_role("region", name="Transfers")
    expect(transfers).to_contain_text(story.company.name)
    expect(transfers).to_contain_text("Planned")
    expect(transfers.get_by_role("link", name="Adopt this practice")).to_have_count(0)

    page.goto(story.company.get_absolute_url())
    adopted = page.get_by_role("region", name="Practices adopted")
    expect(adopted.get_by_role("link", name=TITLE_IT)).to_be_visible()
    expect(adopted).to_contain_text(story.school.name)


def test_a_practice_is_assessed_published_found_and_adopted(page: Page, context, world, login):
    page.on("dialog", lambda dialog: dialog.accept())
    story = Story(world)

    login(story.teacher)
    the_school_writes_the_practice(page, story)
    the_school_translates_and_submits(page, story)

    sign_in_as(context, login, story.coordinator)
    letters = the_coordinator_assigns_two_assessors(page, story)

    an_assessor_scores_the_practice(
        page,
        context,
        login,
        story.french,
        letters[story.french.email],
        0,
        "Molto trasferibile: lo proveremo con le nostre imprese.",
    )
    an_assessor_scores_the_practice(
        page,
        context,
        login,
        story.spanish,
        letters[story.spanish.email],
        1,
        "Una pratica semplice e ben documentata.",
    )

    the_school_answers_an_assessment(page, context, login, story)
    the_coordinator_publishes(page, context, login, story)
    a_visitor_finds_it_in_german(page, context, story)
    the_company_adopts_it(page, context, login, story)
