"""PonteDuale: a German-Italian dual-VET programme modelled on seed 001 (a call to action, actor
groups from 12 Italian regions and 7 German states, matching, six model networks). Its Italian
participants are in ``data_ponteduale_it``."""

import datetime

from .data_ponteduale_it import ITALIAN_ORGANISATIONS
from .people import COMMITTEE_MEMBER, COORDINATOR
from .spec import Contact, Org, Person, ProgrammeSpec

COORDINATION_OFFICE = Org(
    key="brueckenwerk",
    name="Brückenwerk – Agentur für deutsch-italienische Berufsbildung gGmbH",
    kind="other",
    sector="private",
    region="DE-BE",
    address="Chausseestraße 86, 10115 Berlin",
    languages="de it en",
    themes=("transnational-cooperation", "work-based-learning", "languages-intercultural"),
    competencies=(
        "Koordination bilateraler Berufsbildungsprogramme",
        "Matching von Akteursgruppen über Ländergrenzen hinweg",
        "Zweisprachige Moderation und Übersetzung",
    ),
    description=(
        "Das **Brückenwerk** koordiniert seit 2012 deutsch-italienische Kooperationen in der "
        "beruflichen Bildung, mit Büros in Berlin und Rom. Wir bringen Schulen, Betriebe, "
        "Kammern und Sozialpartner beider Länder zusammen, begleiten sie vom ersten Kontakt bis "
        "zum gemeinsamen Arbeitsprogramm und sorgen dafür, dass Sprache keine Hürde ist."
    ),
    contacts=(
        Contact("Thomas Rieger", "Geschäftsführer", phone="+49 30 23125 101", public=True),
        Contact("Sabine Hartmann", "Programmkoordination PonteDuale", phone="+49 30 23125 114"),
    ),
    extra_members=2,
)

GERMAN_ORGANISATIONS = (
    # Bayern
    Org(
        key="bs-kiesling",
        name="Staatliche Berufsschule Hedwig Kiesling",
        kind="vocational_school",
        sector="public",
        region="DE-BY",
        address="Plato-Wild-Straße 14, 93053 Regensburg",
        languages="de en it",
        themes=("learning-venue-cooperation", "apprentice-mobility", "digital-learning"),
        competencies=(
            "Fachklassen für Mechatronik, Elektronik und Industriemechanik",
            "Auslandspraktika für Auszubildende mit Erasmus+",
            "Lernfeldunterricht mit digitalen Zwillingen",
        ),
        description=(
            "Wir unterrichten rund 2.300 Auszubildende aus Ostbayern in Metall- und "
            "Elektroberufen. Seit 2019 schicken wir jedes Jahr Auszubildende für drei Wochen "
            "zu Partnerbetrieben ins Ausland.\n\n"
            "Im Netzwerk möchten wir gemeinsam mit italienischen Schulen **Lernsituationen "
            "zur Instandhaltung** entwickeln und Lehrkräfte austauschen."
        ),
        contacts=(
            Contact("Dr. Thomas Brunner", "Schulleiter", public=True),
            Contact("Andrea Seidl", "Koordinatorin internationale Projekte"),
        ),
        extra_members=2,
    ),
    Org(
        key="altmuehl-kunststoff",
        name="Kunststofftechnik Altmühl GmbH",
        kind="training_company",
        sector="private",
        region="DE-BY",
        address="Industriestraße 7, 85072 Eichstätt",
        languages="de en",
        themes=("work-based-learning", "green-skills", "smes"),
        competencies=(
            "Spritzguss technischer Kunststoffteile",
            "Ausbildung Verfahrensmechaniker/in Kunststoff- und Kautschuktechnik",
            "Kreislaufwirtschaft und Rezyklat-Einsatz",
        ),
        description=(
            "Mittelständischer Zulieferer mit 180 Beschäftigten und zwölf Auszubildenden. "
            "Wir wollen zeigen, wie ein kleiner Betrieb **Nachhaltigkeit** in die Ausbildung "
            "bringt, und suchen einen italienischen Partnerbetrieb für Azubi-Austausche."
        ),
        contacts=(Contact("Christine Wittmann", "Ausbildungsleiterin", public=True),),
    ),
    Org(
        key="hwk-obermain",
        name="Handwerkskammer Obermain-Fichtelgebirge",
        kind="chamber",
        sector="public",
        region="DE-BY",
        address="Kerschensteinerstraße 7, 95448 Bayreuth",
        languages="de",
        themes=("continuing-education", "smes", "recognition-of-qualifications"),
        competencies=(
            "Gesellen- und Meisterprüfungen in 40 Gewerken",
            "Ausbildungsberatung für Handwerksbetriebe",
            "Anerkennung ausländischer Berufsabschlüsse",
        ),
        description=(
            "Die Kammer vertritt 11.000 Handwerksbetriebe in Nordostbayern. Wir bringen "
            "unsere Erfahrung mit **Prüfungswesen und Meisterausbildung** in das Netzwerk ein "
            "und interessieren uns für die italienischen Wege zum maestro artigiano."
        ),
        contacts=(Contact("Bernd Schödel", "Leiter Berufsbildung"),),
    ),
    # Baden-Württemberg
    Org(
        key="gs-remstal",
        name="Gewerbliche Schule Remstal",
        kind="vocational_school",
        sector="public",
        region="DE-BW",
        address="Burgstraße 40, 73614 Schorndorf",
        languages="de en",
        themes=("learning-venue-cooperation", "teacher-trainer-training", "ai-automation"),
        competencies=(
            "Berufsschule, Berufsfachschule und Technikerschule",
            "Lernfabrik 4.0 mit Partnerbetrieben",
            "Fortbildungen für betriebliches Ausbildungspersonal",
        ),
        description=(
            "Berufliches Schulzentrum mit 1.800 Schülerinnen und Schülern. In unserer "
            "**Lernfabrik 4.0** lernen Auszubildende und Technikerschüler an denselben "
            "Anlagen wie in den Betrieben der Region."
        ),
        contacts=(Contact("Ulrike Haas", "Abteilungsleiterin Duale Ausbildung", public=True),),
        extra_members=1,
    ),
    Org(
        key="praezisionswerk-neckar",
        name="Präzisionswerk Neckar GmbH",
        kind="training_company",
        sector="private",
        region="DE-BW",
        address="Fabrikstraße 21, 73728 Esslingen am Neckar",
        languages="de en it",
        themes=("work-based-learning", "ai-automation", "apprentice-mobility"),
        competencies=(
            "Feinwerktechnik für Medizin- und Messtechnik",
            "Ausbildungswerkstatt mit 45 Auszubildenden",
            "Standort in Norditalien mit Ausbildung nach deutschem Vorbild",
        ),
        description=(
            "Familienunternehmen mit Werken in Esslingen und in der Lombardei. Unsere "
            "**Ausbildungswerkstatt** bildet auch für den italienischen Standort aus; wir "
            "wissen, wo sich die beiden Systeme reiben."
        ),
        contacts=(
            Contact("Markus Eberle", "Ausbildungsleiter"),
            Contact("Valentina Greco", "Personalreferentin Italien"),
        ),
    ),
    Org(
        key="hs-oberneckar",
        name="Hochschule Oberneckar – Institut für Berufspädagogik",
        kind="university",
        sector="public",
        region="DE-BW",
        address="Hochbrücktorstraße 20, 78628 Rottweil",
        languages="de en",
        themes=("dual-study", "teacher-trainer-training", "quality-assurance"),
        competencies=(
            "Ausbildung von Berufsschullehrkräften (Kooperationsmodell)",
            "Begleitforschung zu Lernortkooperationen",
            "Duale Studiengänge Maschinenbau und Mechatronik",
        ),
        description=(
            "Das Institut bildet Lehrkräfte für berufliche Schulen aus und forscht zur "
            "Qualität dualer Ausbildung. Für PonteDuale übernehmen wir die **wissenschaftliche "
            "Begleitung** der Modell-Netzwerke."
        ),
        contacts=(Contact("Prof. Dr. Regina Kessler", "Institutsleiterin", public=True),),
    ),
    # Nordrhein-Westfalen
    Org(
        key="bz-ruhr-lippe",
        name="Bildungszentrum Ruhr-Lippe gGmbH",
        kind="training_provider",
        sector="private",
        region="DE-NW",
        address="Ostenallee 55, 59071 Hamm",
        languages="de en tr",
        themes=("inclusion-diversity", "early-leaving-prevention", "continuing-education"),
        competencies=(
            "Assistierte Ausbildung und ausbildungsbegleitende Hilfen",
            "Berufsvorbereitung für Zugewanderte",
            "Umschulungen in Lager, Logistik und Metall",
        ),
        description=(
            "Gemeinnütziger Bildungsträger mit vier Standorten zwischen Ruhr und Lippe. Wir "
            "begleiten junge Menschen, die es auf dem Ausbildungsmarkt schwer haben, bis zum "
            "Abschluss und beraten Betriebe zur **Assistierten Ausbildung**."
        ),
        contacts=(
            Contact("Serkan Yıldız", "Bereichsleiter Ausbildung", public=True),
            Contact("Nicole Brinkmann", "Sozialpädagogin"),
        ),
        extra_members=1,
    ),
    Org(
        key="ihk-lenne-ruhr",
        name="Industrie- und Handelskammer Lenne-Ruhr",
        kind="chamber",
        sector="public",
        region="DE-NW",
        address="Theodor-Heuss-Ring 2, 58636 Iserlohn",
        languages="de en",
        themes=("quality-assurance", "skilled-labour-shortage", "recognition-of-qualifications"),
        competencies=(
            "Zuständige Stelle für 6.000 Ausbildungsverhältnisse",
            "Prüfungsausschüsse mit 900 Ehrenamtlichen",
            "Ausbildungsmarketing an Schulen",
        ),
        description=(
            "Als zuständige Stelle registrieren wir Ausbildungsverträge, organisieren die "
            "Prüfungen und beraten Betriebe. Im Netzwerk teilen wir unsere Erfahrung mit "
            "**ehrenamtlichen Prüfungsausschüssen**, die es in Italien so nicht gibt."
        ),
        contacts=(Contact("Dr. Jan Vollmer", "Geschäftsführer Aus- und Weiterbildung"),),
    ),
    Org(
        key="emscher-logistik",
        name="Emscher Logistik Service GmbH",
        kind="training_company",
        sector="private",
        region="DE-NW",
        address="Speicherstraße 33, 44147 Dortmund",
        languages="de en pl",
        themes=("skilled-labour-shortage", "digital-learning", "inclusion-diversity"),
        competencies=(
            "Kontraktlogistik und Lagerautomatisierung",
            "Ausbildung Fachkraft für Lagerlogistik und Kaufleute für Spedition",
            "Lernvideos von Azubis für Azubis",
        ),
        description=(
            "Logistikdienstleister mit 650 Beschäftigten aus 30 Nationen. Unsere Azubis "
            "drehen **Lernvideos** für neue Kolleginnen und Kollegen; das Konzept möchten wir "
            "mit italienischen Partnern weiterentwickeln."
        ),
        contacts=(Contact("Kerstin Adamczyk", "Ausbildungsleitung", public=True),),
    ),
    # Hessen
    Org(
        key="uv-fulda-werra",
        name="Unternehmerverband Fulda-Werra e. V.",
        kind="association",
        sector="private",
        region="DE-HE",
        address="Heinrichstraße 8, 36037 Fulda",
        languages="de",
        themes=("smes", "regional-development", "career-guidance"),
        competencies=(
            "Arbeitgeberverband für 420 Mitgliedsunternehmen",
            "Tarifpartner in der Metall- und Elektroindustrie",
            "Berufsorientierungsmessen in Osthessen",
        ),
        description=(
            "Als Sozialpartner vertreten wir die Arbeitgeber Osthessens. Wir organisieren "
            "**Berufsorientierung** an Schulen und bringen die Sicht der Tarifpartner auf die "
            "duale Ausbildung in das Netzwerk ein."
        ),
        contacts=(Contact("Holger Möller", "Hauptgeschäftsführer", public=True),),
    ),
    Org(
        key="mathilde-berger-schule",
        name="Mathilde-Berger-Schule – Berufliche Schule des Wetteraukreises",
        kind="vocational_school",
        sector="public",
        region="DE-HE",
        address="Am Seebach 6, 61169 Friedberg (Hessen)",
        languages="de en it",
        themes=("languages-intercultural", "apprentice-mobility", "work-based-learning"),
        competencies=(
            "Kaufmännische Berufsschule und Höhere Berufsfachschule",
            "Italienisch als Wahlfach",
            "Europaschule mit Austauschprogrammen",
        ),
        description=(
            "Kaufmännische Schule mit 1.500 Lernenden und dem Titel **Europaschule**. Wir "
            "pflegen seit zehn Jahren einen Austausch mit einer Schule in Rom und wollen ihn "
            "zu einer Lernortkooperation mit Betrieben ausbauen."
        ),
        contacts=(Contact("Ingrid Baumann", "Schulleiterin"),),
    ),
    # Sachsen
    Org(
        key="bsz-elbtal",
        name="BSZ Elbtal für Technik und Gestaltung",
        kind="vocational_school",
        sector="public",
        region="DE-SN",
        address="Seminarstraße 3, 01796 Pirna",
        languages="de en",
        themes=("early-leaving-prevention", "digital-learning", "regional-development"),
        competencies=(
            "Berufsschule für Bau, Holz, Farbe und Gestaltung",
            "Digitale Berichtshefte",
            "Frühwarnsystem gegen Ausbildungsabbrüche",
        ),
        description=(
            "Berufliches Schulzentrum in der Sächsischen Schweiz. Mit einem **Frühwarnsystem** "
            "erkennen wir gemeinsam mit den Betrieben, wenn eine Ausbildung zu scheitern droht."
        ),
        contacts=(Contact("Frank Lorenz", "Schulleiter", public=True),),
    ),
    Org(
        key="vogtland-textil",
        name="Vogtland Textilmaschinen GmbH",
        kind="training_company",
        sector="private",
        region="DE-SN",
        address="Hammerstraße 64, 08523 Plauen",
        languages="de en",
        themes=("skilled-labour-shortage", "smes", "ai-automation"),
        competencies=(
            "Sondermaschinenbau für die Textilindustrie",
            "Ausbildung Mechatroniker/in und Industriemechaniker/in",
            "Kooperationen mit italienischen Textilbetrieben",
        ),
        description=(
            "Wir bauen Stickmaschinen, die auch in Como und Prato laufen. Weil uns "
            "**Fachkräfte** fehlen, bilden wir doppelt so viele Azubis aus wie vor fünf Jahren."
        ),
        contacts=(Contact("Anja Tröger", "Personalleiterin"),),
    ),
    # Berlin
    Org(
        key="osz-spreeufer",
        name="OSZ Spreeufer – Oberstufenzentrum Gastgewerbe",
        kind="vocational_school",
        sector="public",
        region="DE-BE",
        address="Wallstraße 32, 10179 Berlin",
        languages="de en it",
        themes=("apprentice-mobility", "inclusion-diversity", "work-based-learning"),
        competencies=(
            "Ausbildung Köchin/Koch, Hotelfachleute und Fachkräfte Restaurant",
            "Lehrküche und Lehrrestaurant",
            "Auslandspraktika in Italien und Spanien",
        ),
        description=(
            "Berlins Berufsschule für Hotellerie und Gastronomie. Unsere Azubis verbringen "
            "Praktika in Partnerhotels am Gardasee; wir suchen Partner, um diese Mobilität zu "
            "einer **gemeinsamen Zusatzqualifikation** auszubauen."
        ),
        contacts=(
            Contact("Petra Lindner", "Schulleiterin", phone="+49 30 23125 230", public=True),
            Contact("Kemal Aydın", "Fachbereichsleiter Küche", phone="+49 30 23125 236"),
        ),
        extra_members=1,
    ),
    Org(
        key="htb-adlershof",
        name="Hochschule für Technik und Berufsbildung Adlershof",
        kind="university",
        sector="public",
        region="DE-BE",
        address="Rudower Chaussee 25, 12489 Berlin",
        languages="de en",
        themes=("dual-study", "ai-automation", "transnational-cooperation"),
        competencies=(
            "Duale Bachelorstudiengänge in Informatik und Elektrotechnik",
            "Forschung zu KI in der Ausbildung",
            "Doppelabschlüsse mit italienischen Hochschulen",
        ),
        description=(
            "Fachhochschule mit 7.000 Studierenden, davon ein Drittel im **dualen Studium**. "
            "Wir erforschen, wie KI-Werkzeuge Ausbildung und Studium verändern."
        ),
        contacts=(Contact("Prof. Dr. Daniel Krause", "Vizepräsident Studium und Lehre"),),
    ),
    # Niedersachsen
    Org(
        key="khs-hunte-weser",
        name="Kreishandwerkerschaft Hunte-Weser",
        kind="chamber",
        sector="public",
        region="DE-NI",
        address="Theaterwall 32, 26122 Oldenburg",
        languages="de",
        themes=("smes", "work-based-learning", "career-guidance"),
        competencies=(
            "Dachverband von 22 Handwerksinnungen",
            "Überbetriebliche Lehrlingsunterweisung",
            "Nachwuchswerbung im Handwerk",
        ),
        description=(
            "Die Kreishandwerkerschaft bündelt die Innungen im Oldenburger Land. In unseren "
            "Werkstätten findet die **überbetriebliche Lehrlingsunterweisung** statt, die "
            "kleine Betriebe allein nicht leisten können."
        ),
        contacts=(Contact("Hendrik Janssen", "Geschäftsführer", public=True),),
    ),
    Org(
        key="nlbk",
        name="Niedersächsische Landesstelle für Berufsbildungskooperation",
        kind="public_authority",
        sector="public",
        region="DE-NI",
        address="Schiffgraben 12, 30159 Hannover",
        languages="de en",
        themes=("transnational-cooperation", "quality-assurance", "regional-development"),
        competencies=(
            "Internationale Berufsbildungszusammenarbeit des Landes",
            "Förderung von Ausbildungsverbünden",
            "Monitoring regionaler Fachkräftebedarfe",
        ),
        description=(
            "Landesbehörde für die internationale Zusammenarbeit in der beruflichen Bildung. "
            "Wir sorgen dafür, dass gute Ideen aus den Netzwerken **institutionell verankert** "
            "werden und über die Projektlaufzeit hinaus wirken."
        ),
        contacts=(Contact("Dr. Maren Ostendorf", "Referatsleiterin"),),
    ),
)

DESCRIPTION_DE = """\
**PonteDuale** bringt Akteure der dualen Berufsbildung aus Italien und Deutschland zusammen: \
berufliche Schulen, Ausbildungsbetriebe, Kammern, Sozialpartner, Hochschulen und Behörden. \
Gemeinsam erproben sie bilaterale Partnerschaften zwischen öffentlichen und privaten Akteuren, \
die über die Projektlaufzeit hinaus tragen.

## So läuft das Programm

1. **Call to Action**: Akteursgruppen bekunden ihr Interesse. Bewerbungen kamen aus \
12 italienischen Regionen und 7 deutschen Bundesländern.
2. **Profilierung und Screening**: Wir prüfen, ob eine Gruppe die Voraussetzungen für ein \
bilaterales Modell-Netzwerk mitbringt.
3. **Matching**: Gruppen werden mit passenden Gruppen aus dem anderen Land zusammengebracht.
4. **Gemeinsame Bewerbung**: 14 deutsch-italienische Gruppen legen dem Begleitgremium ein \
Arbeitsprogramm vor.
5. **Auswahl**: Das Begleitgremium wählt sechs Modell-Netzwerke aus, die seit Oktober 2025 \
ihre Arbeitsprogramme umsetzen.
"""

DESCRIPTION_IT = """\
**PonteDuale** mette in rete gli attori italiani e tedeschi della formazione duale: scuole e \
centri di formazione professionale, imprese formatrici, camere di commercio, parti sociali, \
università e amministrazioni. Insieme sperimentano partenariati pubblico-privati bilaterali \
destinati a durare oltre il progetto.

## Le fasi del programma

1. **Call to action**: i gruppi di attori manifestano il loro interesse. Sono arrivate \
candidature da 12 regioni italiane e 7 Länder tedeschi.
2. **Profilazione e screening**: verifichiamo se un gruppo ha i requisiti per diventare una \
rete modello bilaterale.
3. **Matching**: ogni gruppo viene abbinato a un gruppo dell'altro paese.
4. **Candidatura congiunta**: 14 gruppi italo-tedeschi presentano un programma di lavoro al \
comitato di accompagnamento.
5. **Selezione**: il comitato sceglie sei reti modello, operative da ottobre 2025.
"""

DESCRIPTION_EN = """\
**PonteDuale** connects Italian and German actors in dual vocational education and training: \
vocational schools, training companies, chambers, social partners, universities and \
authorities. Together they try out bilateral public-private partnerships that last beyond the \
project.

## How the programme works

1. **Call to action**: actor groups express their interest. Applications came from \
12 Italian regions and 7 German states.
2. **Profiling and screening**: we check whether a group can become a bilateral model network.
3. **Matching**: each group is matched with a group from the other country.
4. **Joint application**: 14 German-Italian groups submit a work programme to the steering \
committee.
5. **Selection**: the committee chooses six model networks, at work since October 2025.
"""

# An independent expert of the committee; declares a conflict of interest in the review.
ULRICH_BRANDT = Person(name="Dr. Ulrich Brandt", language="de", email="ulrich.brandt@example.net")

PONTEDUALE = ProgrammeSpec(
    name="PonteDuale",
    tagline=(
        "Deutsch-italienische Netzwerke der dualen Berufsbildung · "
        "Reti italo-tedesche per la formazione duale"
    ),
    description={"de": DESCRIPTION_DE, "it": DESCRIPTION_IT, "en": DESCRIPTION_EN},
    funder="Bundesministerium für Bildung und Forschung (BMBF)",
    funding_scheme="Bilaterale Berufsbildungskooperation Deutschland–Italien",
    starts_on=datetime.date(2024, 3, 1),
    ends_on=datetime.date(2027, 6, 30),
    countries=("DE", "IT"),
    working_languages=("de", "it", "en"),
    website="https://ponteduale.example.org",
    coordinators=(
        COORDINATOR,
        Person(name="Lorenzo Gatti", language="it", organisation="brueckenwerk"),
    ),
    committee=(
        COMMITTEE_MEMBER,
        ULRICH_BRANDT,
        Person(name="Francesca Orlando", language="it", email="francesca.orlando@example.net"),
        Person(name="Dr. Katrin Neumann", language="de", email="katrin.neumann@example.net"),
        # Members from PonteDuale's own organisations: they do not review their consortia.
        Person(name="Dr. Claudia Wendt", language="de", organisation="ihk-lenne-ruhr"),
        Person(name="Martin Oltmanns", language="de", organisation="nlbk"),
        Person(name="Marta Giordanengo", language="it", organisation="cciaa-alpi-langhe"),
        Person(name="Roberto Sartori", language="it", organisation="artigiani-sile-piave"),
        Person(name="Prof.ssa Elena Ferretti", language="en", organisation="uesa-modena"),
    ),
    participants=tuple(o.key for o in ITALIAN_ORGANISATIONS + GERMAN_ORGANISATIONS),
    organisations=(COORDINATION_OFFICE, *GERMAN_ORGANISATIONS, *ITALIAN_ORGANISATIONS),
)
