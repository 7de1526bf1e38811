"""Practice in Motion: an Erasmus+ partnership for the exchange of good practice between VET
institutions of seven EU countries, modelled on seeds 000 and 002. Two German and two Italian
partners also take part in PonteDuale."""

import datetime

from .spec import Contact, Org, Person, ProgrammeSpec

LEAD_PARTNER = Org(
    key="ibt-bremen",
    name="Institut für Berufsbildungstransfer Bremen",
    kind="university",
    sector="public",
    region="DE-HB",
    address="Am Fallturm 1, 28359 Bremen",
    languages="de en",
    themes=("transnational-cooperation", "quality-assurance", "regional-development"),
    competencies=(
        "Koordination europäischer Berufsbildungsprojekte",
        "Peer Review von Good Practice nach EQAVET",
        "Transfer- und Verbreitungsstrategien",
    ),
    description=(
        "An-Institut der Hochschule Bremen, das seit 2008 europäische Projekte in der "
        "beruflichen Bildung koordiniert. Wir helfen Partnern, ihre **gute Praxis** so zu "
        "beschreiben und zu prüfen, dass andere sie übernehmen können."
    ),
    contacts=(
        Contact("Dr. Svenja Harms", "Projektkoordination", public=True),
        Contact("Ole Petersen", "Finanzen und Berichtswesen"),
    ),
    extra_members=1,
)

PARTNERS = (
    LEAD_PARTNER,
    Org(
        key="lbs-ennstal",
        name="Landesberufsschule Steyr-Ennstal",
        kind="vocational_school",
        sector="public",
        region="AT-4",
        address="Ennser Straße 22, 4400 Steyr",
        languages="de en",
        themes=("digital-learning", "apprentice-mobility", "learning-venue-cooperation"),
        competencies=(
            "Lehrberufe Metalltechnik, Mechatronik und Kraftfahrzeugtechnik",
            "Lehrgangsmäßiger Unterricht mit Internat",
            "Lehrlingsaustausch mit Partnerschulen in fünf Ländern",
        ),
        description=(
            "Berufsschule für 1.600 Lehrlinge aus Oberösterreich. Unsere Good Practice: ein "
            "**digitales Lehrlingsportfolio**, das Lehrbetrieb, Schule und Lehrling gemeinsam "
            "führen."
        ),
        contacts=(Contact("Ing. Wolfgang Hager", "Direktor", public=True),),
    ),
    Org(
        key="cifp-nervion",
        name="CIFP Nervión Lanbide Ikastegia",
        kind="vocational_school",
        sector="public",
        region="ES-PV",
        address="Calle Zamakola 150, 48003 Bilbao",
        languages="es eu en",
        themes=("ai-automation", "entrepreneurship", "regional-development"),
        competencies=(
            "Dual VET in advanced manufacturing and automation",
            "Challenge-based learning (ETHAZI model)",
            "Start-up incubator for VET graduates",
        ),
        description=(
            "Public integrated VET centre in Bilbao with 1,900 learners. Our good practice is "
            "**challenge-based learning**: teams of learners solve real problems set by local "
            "companies.\n\n*Centro integrado de formación profesional del Gobierno Vasco.*"
        ),
        contacts=(
            Contact("Itziar Etxeberria", "International relations", public=True),
            Contact("Jon Agirre", "Head of studies"),
        ),
    ),
    Org(
        key="ffe-levante",
        name="Fundación Formación y Empleo Levante",
        kind="association",
        sector="private",
        region="ES-VC",
        address="Avenida del Puerto 240, 46023 Valencia",
        languages="es ca en",
        themes=("skilled-labour-shortage", "inclusion-diversity", "smes"),
        competencies=(
            "Foundation of employers' and trade-union organisations",
            "Training for SMEs in logistics and tourism",
            "Employment programmes for young people",
        ),
        description=(
            "Joint foundation of the social partners in the Valencian Community. We bring the "
            "view of **employers and trade unions** to the partnership and test its good "
            "practice with small companies."
        ),
        contacts=(Contact("Marta Ferrer", "Project manager", public=True),),
    ),
    Org(
        key="zst-zawiszy",
        name="Zespół Szkół Technicznych im. Heleny Zawiszy",
        kind="vocational_school",
        sector="public",
        region="PL-12",
        address="ulica Kamieńskiego 49, 30-644 Kraków",
        languages="pl en de",
        themes=("green-skills", "teacher-trainer-training", "apprentice-mobility"),
        competencies=(
            "Technical schools for renewable energy and electrical engineering",
            "Workshops run with local energy companies",
            "Erasmus+ accredited for learner mobility",
        ),
        description=(
            "Technical upper-secondary school in Kraków. Our good practice: a **photovoltaics "
            "lab** built and run together with installation companies, where teachers and "
            "company trainers teach side by side."
        ),
        contacts=(Contact("Agnieszka Mazur", "Deputy head teacher", public=True),),
        extra_members=1,
    ),
    Org(
        key="roc-zuiderhaven",
        name="ROC Zuiderhaven",
        kind="vocational_school",
        sector="public",
        region="NL-ZH",
        address="Maasboulevard 100, 3011 TX Rotterdam",
        languages="nl en",
        themes=("learning-venue-cooperation", "career-guidance", "quality-assurance"),
        competencies=(
            "MBO college for port, logistics and process industry",
            "Hybrid learning environments with companies",
            "Learner-led quality reviews",
        ),
        description=(
            "Regional vocational college in Rotterdam. Our good practice: **hybrid learning "
            "environments**, classrooms inside companies in the port where teachers and "
            "practitioners share the timetable."
        ),
        contacts=(Contact("Sanne Vermeulen", "Programme manager international"),),
    ),
    Org(
        key="kaakko-college",
        name="Kaakko Vocational College",
        kind="vocational_school",
        sector="public",
        region="FI-02",
        address="Kauppakatu 20, 53100 Lappeenranta",
        languages="fi en sv",
        themes=("validation-non-formal-learning", "digital-learning", "continuing-education"),
        competencies=(
            "Competence-based qualifications for young people and adults",
            "Personal competence development plans",
            "Validation of prior learning",
        ),
        description=(
            "Vocational college in south-eastern Finland. Our good practice: **personal "
            "competence development plans** that recognise what learners already know and "
            "let them learn at work from day one."
        ),
        contacts=(Contact("Aino Lehtonen", "Development manager", public=True),),
    ),
)

DESCRIPTION_EN = """\
In **Practice in Motion**, VET institutions, universities and associations from seven EU \
countries present their good practice, review it together for future viability and \
transferability, and make it available to a wider audience across the EU.

## The partners

- work in **transnational thematic working groups** on models for transfer and institutional \
anchoring,
- talk to stakeholders locally, regionally, nationally and at EU level: companies, chambers, \
social partners, schools, universities and authorities,
- each plan concrete steps to build the capacity of their own institution,
- disseminate the results through publications, the media, conferences and fairs.
"""

DESCRIPTION_DE = """\
In **Practice in Motion** stellen Berufsbildungseinrichtungen, Hochschulen und Verbände aus \
sieben EU-Ländern ihre Good Practice vor, prüfen sie gemeinsam auf Zukunftsfähigkeit und \
Übertragbarkeit und machen sie EU-weit einem größeren Kreis zugänglich.

In thematischen Arbeitsgruppen entstehen Modelle für Transfer und institutionelle Verankerung; \
jeder Partner plant konkrete Schritte für den Kapazitätsaufbau der eigenen Einrichtung.
"""

DESCRIPTION_IT = """\
In **Practice in Motion** istituti di formazione professionale, università e associazioni di \
sette paesi dell'UE presentano le loro buone pratiche, ne valutano insieme la sostenibilità e \
la trasferibilità e le rendono disponibili in tutta l'Unione.
"""

PRACTICE_IN_MOTION = ProgrammeSpec(
    name="Practice in Motion",
    tagline="Good practice in vocational education, reviewed together and carried across Europe",
    description={"en": DESCRIPTION_EN, "de": DESCRIPTION_DE, "it": DESCRIPTION_IT},
    funder="European Commission – Erasmus+",
    funding_scheme="Erasmus+ KA220-VET – Cooperation partnership in vocational education",
    starts_on=datetime.date(2025, 11, 1),
    ends_on=datetime.date(2027, 10, 31),
    countries=("DE", "IT", "AT", "ES", "PL", "NL", "FI"),
    working_languages=("en",),
    website="https://practice-in-motion.example.org",
    coordinators=(Person(name="Dr. Svenja Harms", language="de", organisation="ibt-bremen"),),
    committee=(),
    participants=(
        *(o.key for o in PARTNERS),
        "gs-remstal",
        "cfp-orobico",
        "its-brenta",
    ),
    organisations=PARTNERS,
)
