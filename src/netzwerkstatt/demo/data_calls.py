"""The demo's two calls for expressions of interest.

- PonteDuale's **Call to Action 2024** (seed 001), closed: 39 actor groups from 12 Italian regions
  and 7 German states submitted, were screened, and the decisions were sent (the groups are in
  ``data_calls_groups``).
- Practice in Motion's **Pilot sites 2027**, open for three more weeks (``data_calls_pilot``).
"""

import datetime
import zoneinfo

from .data_calls_groups import PONTEDUALE_GROUPS
from .data_calls_pilot import PILOT_SITES
from .data_ponteduale import PONTEDUALE
from .people import COORDINATOR
from .spec import CallSpec, QuestionSpec

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
LORENZO_GATTI = PONTEDUALE.coordinators[1]


def _at(year: int, month: int, day: int, hour: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=BERLIN)


# PonteDuale: Call to Action 2024 ------------------------------------------------------------------

CALL_TO_ACTION_TEXT = {
    "de": """\
**Teilhaben und vernetzen, um zusammen zu wachsen.** Mit diesem Aufruf suchen wir Gruppen von \
Akteuren der dualen Berufsbildung in Deutschland und Italien, die mit Partnern aus dem anderen \
Land ein bilaterales Modell-Netzwerk aufbauen wollen.

## Wer kann sich bewerben?

Gruppen aus einer oder mehreren Organisationen eines Landes: berufliche Schulen und \
Bildungsträger, Ausbildungsbetriebe, Kammern, Verbände und Sozialpartner, Hochschulen und \
Verwaltungen. Öffentliche und private Akteure sind gleichermaßen willkommen, am besten gemeinsam.

## Wie es weitergeht

1. **Profilierung und Screening:** Wir prüfen, ob Ihre Gruppe das Potenzial für ein \
Modell-Netzwerk hat, und melden uns im Januar 2025.
2. **Matching** mit einer passenden Gruppe aus dem anderen Land, begleitet von einem \
Profilierungsworkshop und zwei Matching-Treffen (Januar bis Juni 2025).
3. **Gemeinsame Bewerbung** als Modell-Netzwerk mit einem Arbeitsprogramm; das Begleitgremium \
wählt sechs Netzwerke aus, die im Oktober 2025 starten.

Interessensbekundungen sind auf Deutsch, Italienisch oder Englisch möglich.
""",
    "it": """\
**Partecipare e fare rete per crescere insieme.** Con questa call cerchiamo gruppi di attori \
della formazione duale in Italia e in Germania che vogliano costruire una rete modello \
bilaterale con partner dell'altro paese.

## Chi può partecipare?

Gruppi di una o più organizzazioni dello stesso paese: scuole e centri di formazione \
professionale, imprese formatrici, camere di commercio, associazioni e parti sociali, università \
e amministrazioni. Attori pubblici e privati sono ugualmente benvenuti, meglio se insieme.

## Le fasi successive

1. **Profilazione e screening:** verifichiamo se il vostro gruppo ha il potenziale per \
diventare una rete modello e vi rispondiamo a gennaio 2025.
2. **Matching** con un gruppo adatto dell'altro paese, accompagnato da un workshop di \
profilazione e da due incontri di matching (da gennaio a giugno 2025).
3. **Candidatura congiunta** come rete modello con un programma di lavoro; il comitato di \
accompagnamento sceglie sei reti, che partono a ottobre 2025.

Le manifestazioni d'interesse possono essere scritte in italiano, tedesco o inglese.
""",
    "en": """\
**Take part and connect to grow together.** With this call we are looking for groups of actors \
in dual vocational education and training in Germany and Italy who want to build a bilateral \
model network with partners from the other country.

## Who can apply?

Groups of one or more organisations from one country: vocational schools and training \
providers, training companies, chambers, associations and social partners, universities and \
authorities. Public and private actors are equally welcome, ideally together.

## What happens next

1. **Profiling and screening:** we check whether your group has the potential to become a model \
network and get back to you in January 2025.
2. **Matching** with a suitable group from the other country, supported by a profiling workshop \
and two matching meetings (January to June 2025).
3. **Joint application** as a model network with a work programme; the steering committee \
chooses six networks, which start in October 2025.

Expressions of interest may be written in German, Italian or English.
""",
}

FOCUS_CHOICES = (
    ("learning-venues", {"de": "Lernortkooperation Schule–Betrieb",
                         "it": "Cooperazione tra scuola e impresa",
                         "en": "Cooperation between school and company"}),
    ("mobility", {"de": "Mobilität von Auszubildenden und Ausbildungspersonal",
                  "it": "Mobilità di apprendisti e formatori",
                  "en": "Mobility of apprentices and trainers"}),
    ("trainers", {"de": "Rolle und Qualifizierung des Ausbildungspersonals",
                  "it": "Ruolo e formazione dei tutor aziendali",
                  "en": "Role and training of in-company trainers"}),
    ("green", {"de": "Nachhaltigkeit und grüne Kompetenzen",
               "it": "Sostenibilità e competenze verdi",
               "en": "Sustainability and green skills"}),
    ("digital", {"de": "Digitales Lehren und Lernen",
                 "it": "Didattica e apprendimento digitale",
                 "en": "Digital teaching and learning"}),
    ("smes", {"de": "Duale Ausbildung in kleinen Betrieben und im Handwerk",
              "it": "Formazione duale nelle piccole imprese e nell'artigianato",
              "en": "Dual training in small firms and crafts"}),
    ("inclusion", {"de": "Inklusion und Vermeidung von Ausbildungsabbrüchen",
                   "it": "Inclusione e prevenzione dell'abbandono",
                   "en": "Inclusion and preventing drop-out"}),
    ("governance", {"de": "Prüfungen, Anerkennung und Qualitätssicherung",
                    "it": "Esami, riconoscimento e qualità",
                    "en": "Examinations, recognition and quality"}),
)  # fmt: skip

# The "actors" answer: the kinds of the group's organisations (Organisation.Kind values).
ACTOR_CHOICES = (
    ("vocational_school", {"de": "Berufliche Schule", "it": "Scuola professionale o tecnica",
                           "en": "Vocational school"}),
    ("training_provider", {"de": "Bildungsträger", "it": "Centro o ente di formazione",
                           "en": "Training provider"}),
    ("training_company", {"de": "Ausbildungsbetrieb", "it": "Impresa formatrice",
                          "en": "Training company"}),
    ("chamber", {"de": "Kammer", "it": "Camera di commercio o dell'artigianato",
                 "en": "Chamber"}),
    ("association", {"de": "Verband oder Sozialpartner", "it": "Associazione o parte sociale",
                     "en": "Association or social partner"}),
    ("university", {"de": "Hochschule", "it": "Università", "en": "University"}),
    ("public_authority", {"de": "Verwaltung", "it": "Amministrazione pubblica",
                          "en": "Public authority"}),
)  # fmt: skip

CALL_TO_ACTION_QUESTIONS = (
    QuestionSpec(
        key="motivation",
        kind="long_text",
        label={
            "de": "Warum möchte Ihre Gruppe ein deutsch-italienisches Modell-Netzwerk aufbauen?",
            "it": "Perché il vostro gruppo vuole costruire una rete modello italo-tedesca?",
            "en": "Why does your group want to build a German-Italian model network?",
        },
        help_text={
            "de": "Was möchten Sie gemeinsam erreichen, und was soll danach bleiben?",
            "it": "Che cosa volete ottenere insieme, e che cosa deve restare dopo il progetto?",
            "en": "What do you want to achieve together, and what should remain afterwards?",
        },
        max_words=150,
    ),
    QuestionSpec(
        key="group",
        kind="long_text",
        label={
            "de": "Stellen Sie die Organisationen Ihrer Gruppe vor.",
            "it": "Presentate le organizzazioni del vostro gruppo.",
            "en": "Introduce the organisations in your group.",
        },
        help_text={
            "de": "Wer sind Sie, wen bilden Sie aus, welche Erfahrung bringen Sie mit?",
            "it": "Chi siete, chi formate, quale esperienza portate?",
            "en": "Who are you, whom do you train, what experience do you bring?",
        },
        max_words=250,
        derived_from="descriptions",
    ),
    QuestionSpec(
        key="focus",
        kind="single_choice",
        label={
            "de": "Welcher Schwerpunkt passt am besten zu Ihrer Gruppe?",
            "it": "Quale tema descrive meglio il vostro gruppo?",
            "en": "Which focus fits your group best?",
        },
        choices=FOCUS_CHOICES,
    ),
    QuestionSpec(
        key="actors",
        kind="multiple_choice",
        label={
            "de": "Welche Akteure gehören zu Ihrer Gruppe?",
            "it": "Quali attori fanno parte del vostro gruppo?",
            "en": "Which kinds of actors are in your group?",
        },
        choices=ACTOR_CHOICES,
        derived_from="kinds",
    ),
    QuestionSpec(
        key="learners",
        kind="number",
        label={
            "de": "Wie viele Auszubildende und Lernende erreicht Ihre Gruppe im Jahr?",
            "it": "Quanti apprendisti e allievi raggiunge ogni anno il vostro gruppo?",
            "en": "How many apprentices and learners does your group reach each year?",
        },
        help_text={
            "de": "Eine Schätzung genügt.",
            "it": "Basta una stima.",
            "en": "An estimate is enough.",
        },
        min_value=1,
        max_value=100000,
    ),
    QuestionSpec(
        key="letter",
        kind="file",
        label={
            "de": "Absichtserklärung der Leitung (freiwillig)",
            "it": "Lettera d'intenti della direzione (facoltativa)",
            "en": "Letter of intent from your management (optional)",
        },
        required=False,
        file_types=("pdf",),
    ),
)

CALL_TO_ACTION_CRITERIA = (
    {
        "de": "Die Gruppe ist in der dualen Berufsbildung aktiv: Sie bildet aus, kooperiert mit "
        "anderen Lernorten oder gestaltet die Ausbildung mit.",
        "it": "Il gruppo è attivo nella formazione duale: forma, collabora con altri luoghi di "
        "apprendimento o contribuisce a governarla.",
        "en": "The group is active in dual VET: it trains, cooperates with other learning "
        "venues or helps to govern training.",
    },
    {
        "de": "Die Gruppe strebt eine langfristige Zusammenarbeit in der Praxis an, keine "
        "einmalige Aktivität.",
        "it": "Il gruppo punta a una collaborazione pratica di lungo periodo, non a un'attività "
        "una tantum.",
        "en": "The group aims at a long-term cooperation in practice, not at a one-off activity.",
    },
    {
        "de": "Das Vorhaben passt zu den Themen von PonteDuale.",
        "it": "Il progetto rientra nei temi di PonteDuale.",
        "en": "The plans fit PonteDuale's themes.",
    },
    {
        "de": "Die Gruppe kann am Begleitprozess teilnehmen (Januar bis Juni 2025).",
        "it": "Il gruppo può partecipare al percorso di accompagnamento (gennaio–giugno 2025).",
        "en": "The group can take part in the accompanying process (January to June 2025).",
    },
)

CALL_TO_ACTION_RUBRIC = (
    (
        {"de": "Relevanz für die duale Berufsbildung", "it": "Rilevanza per la formazione duale",
         "en": "Relevance to dual VET"},
        {"de": "Greift das Arbeitsprogramm einen echten Bedarf von Schulen und Betrieben in "
               "beiden Ländern auf?",
         "it": "Il programma di lavoro risponde a un bisogno reale di scuole e imprese nei due "
               "paesi?",
         "en": "Does the work programme address a real need of schools and companies in both "
               "countries?"},
        3,
    ),
    (
        {"de": "Qualität des Arbeitsprogramms", "it": "Qualità del programma di lavoro",
         "en": "Quality of the work programme"},
        {"de": "Klare Ziele, realistische Aktivitäten und ein Zeitplan, den beide Gruppen teilen.",
         "it": "Obiettivi chiari, attività realistiche e un calendario condiviso dai due gruppi.",
         "en": "Clear goals, realistic activities and a timetable both groups share."},
        3,
    ),
    (
        {"de": "Öffentlich-private Partnerschaft", "it": "Partenariato pubblico-privato",
         "en": "Public-private partnership"},
        {"de": "Öffentliche und private Akteure beider Länder wirken aktiv mit.",
         "it": "Attori pubblici e privati dei due paesi partecipano attivamente.",
         "en": "Public and private actors from both countries play an active part."},
        2,
    ),
    (
        {"de": "Nachhaltigkeit", "it": "Sostenibilità nel tempo", "en": "Sustainability"},
        {"de": "Die Zusammenarbeit ist in den Organisationen verankert und geht nach dem "
               "Projekt weiter.",
         "it": "La collaborazione è radicata nelle organizzazioni e continua dopo il progetto.",
         "en": "The cooperation is anchored in the organisations and continues after the "
               "project."},
        2,
    ),
)  # fmt: skip

CALL_TO_ACTION = CallSpec(
    programme=PONTEDUALE.name,
    slug="call-to-action-2024",
    author=COORDINATOR,
    screeners={"IT": LORENZO_GATTI, "*": COORDINATOR},
    title={
        "de": "Call to Action 2024",
        "it": "Call to Action 2024",
        "en": "Call to Action 2024",
    },
    text=CALL_TO_ACTION_TEXT,
    eligible_countries=("DE", "IT"),
    pairings=(("IT", "DE"),),
    themes=(
        "work-based-learning",
        "learning-venue-cooperation",
        "apprentice-mobility",
        "transnational-cooperation",
    ),
    questions=CALL_TO_ACTION_QUESTIONS,
    criteria=CALL_TO_ACTION_CRITERIA,
    rubric=CALL_TO_ACTION_RUBRIC,
    score_range=(1, 5),
    groups=PONTEDUALE_GROUPS,
    created_at=_at(2024, 9, 2, 10),
    opens_at=_at(2024, 9, 16, 9),
    closes_at=_at(2024, 11, 29, 18),
    released_at=_at(2025, 1, 20, 10),
)

CALLS = (CALL_TO_ACTION, PILOT_SITES)
