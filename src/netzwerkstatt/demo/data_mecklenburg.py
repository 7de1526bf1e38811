"""Bildungsnetzwerk Elbe-Ostsee: a cluster of eight continuing-education providers in Western
Mecklenburg, modelled on seed 004 (participation declarations, a cooperation model, quality
standards and the providers' core competencies in a regional database)."""

import datetime

from .spec import Contact, Org, Person, ProgrammeSpec

_REGION = "DE-MV"

PROJECT_OFFICE = Org(
    key="rab-westmecklenburg",
    name="Regionalverein Arbeit und Bildung Westmecklenburg e. V.",
    kind="association",
    sector="private",
    region=_REGION,
    address="Wismarsche Straße 132, 19053 Schwerin",
    languages="de",
    themes=("regional-development", "continuing-education", "quality-assurance"),
    competencies=(
        "Projektleitung regionaler Weiterbildungscluster",
        "Marktanalysen der Weiterbildungslandschaft",
        "Moderation von Kooperationsvereinbarungen",
    ),
    description=(
        "Der Verein entwickelt mit Bildungsdienstleistern, Kammern und Kommunen die "
        "**Weiterbildungsregion Westmecklenburg**. Er leitet das Projekt Bildungsnetzwerk "
        "Elbe-Ostsee und ist Ansprechpartner für alle Fragen zur Zusammenarbeit."
    ),
    contacts=(Contact("Peter Kaminski", "Projektleitung", public=True),),
)

PROVIDERS = (
    Org(
        key="schweriner-akademie",
        name="Schweriner Akademie für Beruf und Weiterbildung GmbH",
        kind="training_provider",
        sector="private",
        region=_REGION,
        address="Lübecker Straße 210, 19059 Schwerin",
        languages="de en",
        themes=("continuing-education", "digital-learning", "recognition-of-qualifications"),
        competencies=(
            "Aufstiegsfortbildungen Fachwirt/in und Betriebswirt/in (IHK)",
            "Umschulungen im kaufmännischen Bereich",
            "Zertifiziert nach AZAV und ISO 9001",
        ),
        description=(
            "Größter privater Weiterbildungsanbieter der Landeshauptstadt mit 40 Lehrkräften. "
            "Wir bieten **berufsbegleitende Aufstiegsfortbildungen** in Präsenz und online an."
        ),
        contacts=(
            Contact("Kristin Behrens", "Geschäftsführerin", public=True),
            Contact("Matthias Rieck", "Qualitätsmanagement"),
        ),
        extra_members=1,
    ),
    Org(
        key="hanse-bildungszentrum",
        name="Hanse-Bildungszentrum Wismar GmbH",
        kind="training_provider",
        sector="private",
        region=_REGION,
        address="Am Alten Hafen 8, 23966 Wismar",
        languages="de en pl",
        themes=("continuing-education", "skilled-labour-shortage", "green-skills"),
        competencies=(
            "Schweißlehrgänge nach DIN EN ISO 9606",
            "Maritime Technik und Offshore-Windenergie",
            "Sprachkurse Deutsch für den Beruf",
        ),
        description=(
            "Technisches Bildungszentrum am Wismarer Hafen. Wir qualifizieren Fachkräfte für "
            "**Werften, Zulieferer und die Offshore-Windbranche** – vom Schweißkurs bis zur "
            "Anpassungsqualifizierung für Zugewanderte."
        ),
        contacts=(Contact("Jens Stübe", "Leiter Schweißtechnik", public=True),),
    ),
    Org(
        key="lernwerkstatt-hagenow",
        name="Lernwerkstatt Hagenow e. V.",
        kind="training_provider",
        sector="private",
        region=_REGION,
        address="Lange Straße 61, 19230 Hagenow",
        languages="de",
        themes=("validation-non-formal-learning", "inclusion-diversity", "continuing-education"),
        competencies=(
            "Grundbildung und Alphabetisierung für Erwachsene",
            "Kompetenzfeststellung und Teilqualifikationen",
            "Aufsuchende Bildungsberatung im ländlichen Raum",
        ),
        description=(
            "Gemeinnütziger Verein für **Grundbildung** und den Wiedereinstieg in Arbeit. "
            "Mit Teilqualifikationen machen wir Erfahrung sichtbar, die Menschen ohne "
            "Berufsabschluss mitbringen."
        ),
        contacts=(Contact("Sandra Wulff", "Vorsitzende", public=True),),
    ),
    Org(
        key="bildungswerk-ludwigslust",
        name="Bildungswerk Ludwigsluster Land gGmbH",
        kind="training_provider",
        sector="private",
        region=_REGION,
        address="Schweriner Straße 27, 19288 Ludwigslust",
        languages="de",
        themes=("continuing-education", "skilled-labour-shortage", "quality-assurance"),
        competencies=(
            "Pflegeassistenz und Betreuungskräfte nach § 53b SGB XI",
            "Praxisanleiter-Weiterbildung",
            "Kooperation mit 25 Pflegeeinrichtungen",
        ),
        description=(
            "Bildungsträger für **Gesundheits- und Pflegeberufe** im Südwesten des Landes. "
            "Unsere Kurse entstehen gemeinsam mit den Pflegeeinrichtungen der Region."
        ),
        contacts=(Contact("Anke Pries", "Bildungsmanagerin"),),
        extra_members=1,
    ),
    Org(
        key="weiterbildung-kluetzer-winkel",
        name="Weiterbildung Klützer Winkel GmbH",
        kind="training_provider",
        sector="private",
        region=_REGION,
        address="August-Bebel-Straße 15, 23936 Grevesmühlen",
        languages="de en",
        themes=("continuing-education", "smes", "regional-development"),
        competencies=(
            "Weiterbildung für Hotellerie und Gastronomie an der Ostseeküste",
            "Inhouse-Schulungen für kleine Betriebe",
            "Ausbildung der Ausbilder (AEVO)",
        ),
        description=(
            "Wir schulen Beschäftigte in **Tourismus und Gastgewerbe** zwischen Boltenhagen und "
            "Grevesmühlen, oft direkt im Betrieb und außerhalb der Saison."
        ),
        contacts=(Contact("Björn Evers", "Geschäftsführer", public=True),),
    ),
    Org(
        key="agrarbildung-gadebusch",
        name="Agrarbildungszentrum Gadebusch e. V.",
        kind="training_provider",
        sector="private",
        region=_REGION,
        address="Mühlenstraße 4, 19205 Gadebusch",
        languages="de",
        themes=("green-skills", "continuing-education", "regional-development"),
        competencies=(
            "Lehrgänge für Landmaschinen und Agrartechnik",
            "Sachkundenachweis Pflanzenschutz",
            "Überbetriebliche Ausbildung Landwirt/in",
        ),
        description=(
            "Bildungsstätte der Landwirtschaft in Nordwestmecklenburg mit Lehrwerkstatt und "
            "Versuchsfeldern. Schwerpunkt ist die **Präzisionslandwirtschaft**."
        ),
        contacts=(Contact("Heiko Brandt", "Leiter der Bildungsstätte"),),
    ),
    Org(
        key="jugend-beruf-parchim",
        name="Förderverein Jugend und Beruf Parchim-Lübz e. V.",
        # A non-profit association by its legal form, a training provider by what it does: it
        # signed the cluster's declaration like the others (seed 004).
        kind="training_provider",
        sector="private",
        region=_REGION,
        address="Lindenstraße 12, 19370 Parchim",
        languages="de",
        themes=("early-leaving-prevention", "career-guidance", "inclusion-diversity"),
        competencies=(
            "Berufsvorbereitende Bildungsmaßnahmen",
            "Coaching für Ausbildungsabbrecher",
            "Produktionsschule mit Holz- und Metallwerkstatt",
        ),
        description=(
            "Der Verein begleitet junge Menschen im Landkreis Ludwigslust-Parchim in Ausbildung "
            "und Arbeit. In unserer **Produktionsschule** lernen sie an echten Aufträgen."
        ),
        contacts=(
            Contact("Martina Lüdtke", "Geschäftsführerin", public=True),
            Contact("René Voß", "Sozialpädagoge"),
        ),
    ),
    Org(
        key="elbe-bildungsdienste",
        name="Elbe-Bildungsdienste Boizenburg GmbH",
        kind="training_provider",
        sector="private",
        region=_REGION,
        address="Hafenstraße 5, 19258 Boizenburg/Elbe",
        languages="de en",
        themes=("continuing-education", "digital-learning", "smes"),
        competencies=(
            "Staplerschein und Ladungssicherung",
            "IT-Grundlagen und digitale Büroarbeit",
            "Blended Learning für Schichtarbeitende",
        ),
        description=(
            "Kleiner Anbieter im Elbtal mit Kursen für **Logistik und digitale Büroarbeit**. "
            "Unsere Blended-Learning-Angebote passen in Schichtpläne."
        ),
        contacts=(Contact("Carsten Möller", "Inhaber", public=True),),
    ),
)

# Registered on the platform, not yet a partner: no declaration signed, so the public
# continuing-education database leaves its courses out (see data_courses).
NEW_PROVIDER = Org(
    key="bildungsforum-crivitz",
    name="Bildungsforum Crivitz GmbH",
    kind="training_provider",
    sector="private",
    region=_REGION,
    address="Amtsstraße 3, 19089 Crivitz",
    languages="de",
    themes=("continuing-education", "digital-learning"),
    competencies=(
        "Berufsbegleitende Weiterbildung für Kommunalverwaltungen",
        "Datenschutz und digitale Verwaltung",
    ),
    description=(
        "Neuer Weiterbildungsanbieter im Amt Crivitz, gegründet 2026. Wir qualifizieren "
        "Beschäftigte in **Ämtern und Gemeinden** – abends, samstags und online."
    ),
    contacts=(Contact("Nadine Kruse", "Geschäftsführerin", public=True),),
)

DESCRIPTION_DE = """\
Im **Bildungsnetzwerk Elbe-Ostsee** haben sich acht Weiterbildungsanbieter aus Westmecklenburg \
zusammengeschlossen, um die berufliche Bildung in der Region gemeinsam und nachhaltig – \
ökonomisch, ökologisch und sozial – weiterzuentwickeln.

Nach einer Marktanalyse im ersten Projektjahr haben alle acht Anbieter **Beteiligungserklärungen** \
unterschrieben und sich auf ein gemeinsames Zusammenarbeitsmodell verständigt. In der zweiten \
Phase

- erproben sie das Modell in der Praxis,
- erarbeiten gemeinsame **Qualitätsstandards**, damit Angebote für Kundinnen und Kunden \
vergleichbar werden,
- erfassen ihre **Kernkompetenzen** in der regionalen Weiterbildungsdatenbank.
"""

DESCRIPTION_EN = """\
In the **Bildungsnetzwerk Elbe-Ostsee**, eight continuing-education providers in Western \
Mecklenburg work together to develop vocational training in the region sustainably.

After a market analysis in the first year, all eight providers signed **participation \
declarations** and agreed on a cooperation model. In the second phase they try the model out, \
agree common **quality standards** so that offers become comparable, and record their core \
competencies in the regional continuing-education database.
"""

ELBE_OSTSEE = ProgrammeSpec(
    name="Bildungsnetzwerk Elbe-Ostsee",
    tagline="Acht Weiterbildungsanbieter gestalten gemeinsam die Weiterbildungsregion "
    "Westmecklenburg",
    description={"de": DESCRIPTION_DE, "en": DESCRIPTION_EN},
    funder="Landesamt für Gesundheit und Soziales Mecklenburg-Vorpommern",
    funding_scheme="ESF Plus Programm 2021–2027 Mecklenburg-Vorpommern",
    starts_on=datetime.date(2025, 9, 1),
    ends_on=datetime.date(2027, 8, 31),
    countries=("DE",),
    working_languages=("de",),
    website="https://bildungsnetzwerk-elbe-ostsee.example.org",
    coordinators=(
        Person(name="Peter Kaminski", language="de", organisation="rab-westmecklenburg"),
    ),
    committee=(
        Person(name="Dr. Birgit Thiele", language="de", email="birgit.thiele@example.net"),
        Person(name="Volker Reimers", language="de", email="volker.reimers@example.net"),
    ),
    participants=tuple(o.key for o in PROVIDERS),
    organisations=(PROJECT_OFFICE, *PROVIDERS, NEW_PROVIDER),
)
