"""Practice in Motion's call **Pilot sites 2027**, open for three more weeks when the demo is
loaded: four submissions with screening under way (two decisions held, one checklist half done,
one not looked at yet) and three drafts, one waiting for its partner to answer the invitation.
The demo logins' organisations (CFP Orobico, Berufsschule Hedwig Kiesling) have no group in it,
so they can start one live. The groups write in English, the partnership's working language.
"""

from .data_erasmus import PRACTICE_IN_MOTION
from .people import COORDINATOR
from .spec import CallSpec, GroupSpec, QuestionSpec

SVENJA_HARMS = PRACTICE_IN_MOTION.coordinators[0]

PILOT_SITES_TEXT = {
    "en": """\
**Practice in Motion** has reviewed five good practices from vocational education across Europe. \
Now we are looking for **pilot sites**: VET organisations that want to try one of them at home \
in the school year 2027/28.

## What pilot sites get

- a peer visit to the organisation that developed the practice,
- a two-day workshop for teachers and trainers,
- online coaching during the pilot, and the materials in their language.

Pilot sites work in cross-border pairs (Germany–Italy, Austria–Poland, Spain–Netherlands, \
Finland–Germany), so that two organisations try the same practice at the same time and learn \
from each other.

## Who can apply?

Vocational schools, training providers, training companies, chambers and associations from the \
seven partner countries, alone or with partners from their own country.
""",
    "de": """\
**Practice in Motion** hat fünf Beispiele guter Praxis aus der europäischen Berufsbildung \
geprüft. Jetzt suchen wir **Pilotstandorte**: Berufsbildungseinrichtungen, die eines davon im \
Schuljahr 2027/28 bei sich erproben wollen.

Pilotstandorte erhalten einen Peer-Besuch, einen Workshop für Lehrkräfte und Ausbildende und \
ein Online-Coaching. Sie arbeiten in grenzüberschreitenden Paaren. Bewerben können sich \
berufliche Schulen, Bildungsträger, Ausbildungsbetriebe, Kammern und Verbände aus den sieben \
Partnerländern.
""",
    "it": """\
**Practice in Motion** ha esaminato cinque buone pratiche della formazione professionale \
europea. Ora cerchiamo **sedi pilota**: organizzazioni che vogliano sperimentarne una \
nell'anno formativo 2027/28.

Le sedi pilota ricevono una visita di studio, un workshop per docenti e formatori e un \
coaching online, e lavorano in coppie transfrontaliere. Possono candidarsi scuole, enti di \
formazione, imprese formatrici, camere e associazioni dei sette paesi partner.
""",
}

PRACTICE_CHOICES = (
    ("portfolio", {"en": "Digital apprentice portfolio (Steyr, Austria)",
                   "de": "Digitales Lehrlingsportfolio (Steyr, Österreich)",
                   "it": "Portfolio digitale dell'apprendista (Steyr, Austria)"}),
    ("challenge", {"en": "Challenge-based learning with local companies (Bilbao, Spain)",
                   "de": "Challenge-basiertes Lernen mit Betrieben der Region (Bilbao, Spanien)",
                   "it": "Apprendimento basato su sfide con le imprese locali (Bilbao, Spagna)"}),
    ("pv-lab", {"en": "Photovoltaics lab run with installers (Kraków, Poland)",
                "de": "Photovoltaik-Labor mit Installationsbetrieben (Krakau, Polen)",
                "it": "Laboratorio fotovoltaico gestito con gli installatori (Cracovia, Polonia)"}),
    ("hybrid", {"en": "Hybrid learning environments in companies (Rotterdam, Netherlands)",
                "de": "Hybride Lernumgebungen im Betrieb (Rotterdam, Niederlande)",
                "it": "Ambienti di apprendimento ibridi in azienda (Rotterdam, Paesi Bassi)"}),
    ("competence-plans", {"en": "Personal competence development plans (Lappeenranta, Finland)",
                          "de": "Persönliche Kompetenzentwicklungspläne (Lappeenranta, Finnland)",
                          "it": "Piani personali di sviluppo delle competenze (Lappeenranta, "
                                "Finlandia)"}),
)  # fmt: skip

SUPPORT_CHOICES = (
    ("peer-visit", {"en": "Peer visit to the practice's home organisation",
                    "de": "Peer-Besuch bei der Herkunftseinrichtung der Praxis",
                    "it": "Visita di studio presso l'organizzazione d'origine"}),
    ("workshop", {"en": "Workshop for teachers and trainers",
                  "de": "Workshop für Lehrkräfte und Ausbildende",
                  "it": "Workshop per docenti e formatori"}),
    ("coaching", {"en": "Online coaching during the pilot",
                  "de": "Online-Coaching während der Erprobung",
                  "it": "Coaching online durante la sperimentazione"}),
    ("translation", {"en": "Materials in our language",
                     "de": "Materialien in unserer Sprache",
                     "it": "Materiali nella nostra lingua"}),
)  # fmt: skip

PILOT_SITES_QUESTIONS = (
    QuestionSpec(
        key="practice",
        kind="single_choice",
        label={
            "en": "Which good practice would you like to pilot?",
            "de": "Welche gute Praxis möchten Sie erproben?",
            "it": "Quale buona pratica volete sperimentare?",
        },
        choices=PRACTICE_CHOICES,
    ),
    QuestionSpec(
        key="plan",
        kind="long_text",
        label={
            "en": "How would you pilot the practice at your organisation?",
            "de": "Wie würden Sie die Praxis bei sich erproben?",
            "it": "Come sperimentereste la pratica nella vostra organizzazione?",
        },
        help_text={
            "en": "Who takes part, with which learners and companies, and when?",
            "de": "Wer macht mit, mit welchen Lernenden und Betrieben, und wann?",
            "it": "Chi partecipa, con quali allievi e imprese, e quando?",
        },
        max_words=120,
    ),
    QuestionSpec(
        key="learners",
        kind="number",
        label={
            "en": "How many learners would take part in the pilot?",
            "de": "Wie viele Lernende würden an der Erprobung teilnehmen?",
            "it": "Quanti allievi parteciperebbero alla sperimentazione?",
        },
        min_value=1,
        max_value=500,
    ),
    QuestionSpec(
        key="support",
        kind="multiple_choice",
        label={
            "en": "Which support would you need?",
            "de": "Welche Unterstützung bräuchten Sie?",
            "it": "Di quale supporto avreste bisogno?",
        },
        choices=SUPPORT_CHOICES,
    ),
    QuestionSpec(
        key="letter",
        kind="file",
        label={
            "en": "Letter of support from your management (optional)",
            "de": "Unterstützungsschreiben der Leitung (freiwillig)",
            "it": "Lettera di sostegno della direzione (facoltativa)",
        },
        required=False,
        file_types=("pdf",),
    ),
)

PILOT_SITES_CRITERIA = (
    {
        "en": "The organisation trains learners itself or together with companies.",
        "de": "Die Organisation bildet selbst oder gemeinsam mit Betrieben aus.",
        "it": "L'organizzazione forma direttamente o insieme alle imprese.",
    },
    {
        "en": "The plan names who carries out the pilot, with which learners and when.",
        "de": "Der Plan nennt, wer die Erprobung mit welchen Lernenden und wann durchführt.",
        "it": "Il piano indica chi realizza la sperimentazione, con quali allievi e quando.",
    },
    {
        "en": "The pilot can start in the school year 2027/28.",
        "de": "Die Erprobung kann im Schuljahr 2027/28 beginnen.",
        "it": "La sperimentazione può iniziare nell'anno formativo 2027/28.",
    },
)

PILOT_SITES_RUBRIC = (
    (
        {"en": "Fit of the practice", "de": "Passung der Praxis",
         "it": "Adeguatezza della pratica"},
        {"en": "The practice answers a need the organisation describes.",
         "de": "Die Praxis antwortet auf einen Bedarf, den die Einrichtung beschreibt.",
         "it": "La pratica risponde a un bisogno descritto dall'organizzazione."},
        2,
    ),
    (
        {"en": "Feasibility", "de": "Machbarkeit", "it": "Fattibilità"},
        {"en": "People, learners, companies and dates are named and realistic.",
         "de": "Personen, Lernende, Betriebe und Termine sind benannt und realistisch.",
         "it": "Persone, allievi, imprese e date sono indicati e realistici."},
        2,
    ),
    (
        {"en": "Potential for transfer", "de": "Transferpotenzial",
         "it": "Potenziale di trasferimento"},
        {"en": "Other organisations in the region could follow.",
         "de": "Weitere Einrichtungen der Region könnten folgen.",
         "it": "Altre organizzazioni del territorio potrebbero seguire."},
        1,
    ),
)  # fmt: skip

PILOT_SITES_GROUPS = (
    GroupSpec(
        lead="iis-valperga",
        partners=("cciaa-alpi-langhe",),
        name="Turin–Langhe apprentice portfolio",
        answers={
            "practice": "portfolio",
            "plan": "Two mechatronics classes (48 learners) and their 20 host companies would "
            "keep a digital portfolio from September 2027. The chamber helps the companies to "
            "fill it in and certifies the skills at the end of the year. Three teachers visit "
            "Steyr in spring 2027 to see how school, company and apprentice share the portfolio.",
            "learners": 48,
            "support": ["peer-visit", "workshop"],
        },
        offers="A school with 90 partner companies in the automotive district and a chamber "
        "that certifies skills learnt at work.",
        seeks="A German pilot site trying the same portfolio, ideally in metal or electrical "
        "trades.",
        regions=("DE-BY", "DE-HE"),
        note="Strong plan; the chamber adds the certification step.",
    ),
    GroupSpec(
        lead="hanse-bildungszentrum",
        name="Wismar harbour learning lab",
        answers={
            "practice": "hybrid",
            "plan": "From January 2028 we would move parts of our welding and offshore courses "
            "into two shipyard suppliers in the port of Wismar: our trainers and the companies' "
            "staff share the timetable, and learners work on real components. Two courses with "
            "30 learners take part.",
            "learners": 30,
            "support": ["peer-visit", "coaching"],
        },
        offers="Welding and offshore wind courses, and close ties with the shipyards in the "
        "port of Wismar.",
        seeks="A pilot site in Italy or Finland with maritime or energy trades.",
        regions=("IT-72", "FI-02"),
    ),
    GroupSpec(
        lead="ffe-levante",
        name="Valencia SMEs learn by challenge",
        answers={
            "practice": "challenge",
            "plan": "We would bring challenge-based learning to small logistics and tourism "
            "companies: ten SMEs set real problems, which teams of learners from two training "
            "centres solve in six-week sprints.",
            "learners": 60,
            "support": ["workshop", "coaching", "translation"],
        },
        offers="Access to small companies in logistics and tourism through the social "
        "partners of the Valencian Community.",
        seeks="A pilot site in the Netherlands that works with small companies.",
        regions=("NL-ZH",),
        unmet=(2,),
        decision="",
        note="Which two training centres, and when do the sprints start? Asked Marta Ferrer "
        "before deciding.",
    ),
    GroupSpec(
        lead="agnes-pockels-schule",
        name="Frankfurt-Höchst competence plans",
        answers={
            "practice": "competence-plans",
            "plan": "First-year pharmaceutical technicians (two classes, 44 learners) would each "
            "agree a personal competence plan with their teacher and their trainer at Mainchem "
            "or one of two other companies in the industrial park, starting in September 2027.",
            "learners": 44,
            "support": ["peer-visit", "workshop"],
        },
        offers="A school at the Höchst chemical and pharmaceutical site, working in a tandem "
        "with Mainchem Pharma Services.",
        seeks="A pilot site in Italy with chemical or pharmaceutical trades.",
        regions=("IT-34", "IT-25"),
        screened=False,
        decision="",
    ),
    GroupSpec(
        lead="itis-partenope",
        name="Naples photovoltaics lab",
        answers={
            "practice": "pv-lab",
            "plan": "We would build a small photovoltaics lab with two installers from the "
            "eastern district of Naples, where",
        },
        offers="A technical school in eastern Naples with labs for electronics and a project "
        "against early school leaving.",
        seeks="A pilot site in Germany that teaches renewable energy with companies.",
        stage="draft",
        decision="",
    ),
    GroupSpec(
        lead="elbe-bildungsdienste",
        invited=("jugend-beruf-parchim",),
        name="Elbe valley hybrid learning",
        answers={"practice": "hybrid", "learners": 16},
        offers="Blended-learning courses in logistics that fit shift work.",
        seeks="A pilot site in Italy or Finland with logistics companies.",
        stage="draft",
        decision="",
    ),
    GroupSpec(
        lead="ipsseoa-tiburtino",
        name="Rome hospitality portfolio",
        answers={},
        offers="A hotel school in Rome with apprenticeships in 30 hotels.",
        seeks="A pilot site in Germany with hospitality trades.",
        regions=("DE-BE",),
        stage="started",
        decision="",
    ),
)

PILOT_SITES = CallSpec(
    programme=PRACTICE_IN_MOTION.name,
    slug="pilot-sites-2027",
    author=SVENJA_HARMS,
    # The Brückenwerk screens for the partnership: its coordinator is given the role first.
    coordinators=(COORDINATOR,),
    screeners={"ES": SVENJA_HARMS, "*": COORDINATOR},
    title={"en": "Pilot sites 2027", "de": "Pilotstandorte 2027", "it": "Sedi pilota 2027"},
    text=PILOT_SITES_TEXT,
    eligible_countries=("DE", "IT", "AT", "ES", "PL", "NL", "FI"),
    eligible_kinds=(
        "vocational_school",
        "training_provider",
        "training_company",
        "chamber",
        "association",
    ),
    pairings=(("DE", "IT"), ("AT", "PL"), ("ES", "NL"), ("FI", "DE")),
    themes=("transnational-cooperation", "quality-assurance", "learning-venue-cooperation"),
    questions=PILOT_SITES_QUESTIONS,
    criteria=PILOT_SITES_CRITERIA,
    rubric=PILOT_SITES_RUBRIC,
    groups=PILOT_SITES_GROUPS,
    opened_days_ago=24,
    closes_in_days=21,
)
