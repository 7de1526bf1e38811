"""#LernortHessen.digital: ten school-company tandems in Hesse, modelled on seed 003 (two years of
development projects, six network meetings, online seminars, an advisory board)."""

import datetime

from .spec import Contact, Org, Person, ProgrammeSpec

_THEMES = ("learning-venue-cooperation", "digital-learning")


def _school(*, key, name, address, themes, competencies, description, contacts, **extra) -> Org:
    return Org(
        key=key,
        name=name,
        kind="vocational_school",
        sector="public",
        region="DE-HE",
        address=address,
        languages="de en",
        themes=_THEMES + themes,
        competencies=competencies,
        description=description,
        contacts=contacts,
        **extra,
    )


def _company(*, key, name, address, themes, competencies, description, contacts, **extra) -> Org:
    return Org(
        key=key,
        name=name,
        kind="training_company",
        sector="private",
        region="DE-HE",
        address=address,
        languages="de en",
        themes=_THEMES + themes,
        competencies=competencies,
        description=description,
        contacts=contacts,
        **extra,
    )


FOUNDATION = Org(
    key="lernorte-der-zukunft",
    name="Stiftung Lernorte der Zukunft",
    kind="other",
    sector="private",
    region="DE-HE",
    address="Mainzer Landstraße 50, 60325 Frankfurt am Main",
    languages="de en",
    themes=("learning-venue-cooperation", "digital-learning", "teacher-trainer-training"),
    competencies=(
        "Netzwerkprogramme für berufliche Schulen und Betriebe",
        "Moderation von Entwicklungsvorhaben",
        "Transfer von Praxiswissen",
    ),
    description=(
        "Gemeinnützige Stiftung, die berufliche Schulen und Ausbildungsbetriebe bei der "
        "digitalen Weiterentwicklung der **Lernortkooperation** begleitet. Wir organisieren "
        "Netzwerktreffen, Online-Seminare und den Transfer der Ergebnisse."
    ),
    contacts=(
        Contact("Anja Roth", "Programmleitung", phone="+49 69 90009 310", public=True),
        Contact("Tobias Engel", "Referent Netzwerke", phone="+49 69 90009 312"),
    ),
    extra_members=1,
)

SCHOOLS = (
    _school(
        key="johanna-vogt-schule",
        name="Johanna-Vogt-Schule – Berufliche Schule Kassel",
        address="Weserstraße 41, 34125 Kassel",
        themes=("ai-automation",),
        competencies=("Mechatronik und Elektrotechnik", "Lernvideos im Unterricht"),
        description=(
            "Berufsschule für Metall- und Elektroberufe in Nordhessen. **Tandem mit der "
            "Nordhessischen Antriebstechnik GmbH:** Auszubildende drehen Lernvideos zur "
            "Fehlersuche an Antrieben, die Schule und Betrieb gemeinsam nutzen."
        ),
        contacts=(Contact("Stefanie Krug", "Lehrerin, Tandemleitung", public=True),),
        extra_members=1,
    ),
    _school(
        key="bs-aschenberg",
        name="Berufliche Schule am Aschenberg",
        address="Leipziger Straße 105, 36037 Fulda",
        themes=("early-leaving-prevention",),
        competencies=("Papier- und Verpackungstechnik", "Digitales Berichtsheft"),
        description=(
            "Gewerblich-technische Schule in Osthessen. **Tandem mit der Rhön Verpackungen "
            "GmbH & Co. KG:** Wir führen ein gemeinsames digitales Berichtsheft ein, das "
            "Lehrkräfte und Ausbilder gleichzeitig einsehen."
        ),
        contacts=(Contact("Michael Hohmann", "Abteilungsleiter", public=True),),
    ),
    _school(
        key="kaethe-rehm-schule",
        name="Käthe-Rehm-Schule Marburg",
        address="Leopold-Lucas-Straße 20, 35037 Marburg",
        themes=("teacher-trainer-training",),
        competencies=("Biologie- und Chemielaborberufe", "Kooperationsplattform für Lernorte"),
        description=(
            "Berufliche Schule für Labor- und Gesundheitsberufe. **Tandem mit der Lahnpharm "
            "Biotech GmbH:** Eine gemeinsame Kooperationsplattform bündelt Laborpläne, "
            "Sicherheitsunterweisungen und Absprachen zwischen Schule und Betrieb."
        ),
        contacts=(Contact("Dr. Helga Sauer", "Fachbereichsleiterin Labor"),),
    ),
    _school(
        key="gustav-reinhardt-schule",
        name="Gustav-Reinhardt-Schule Gießen",
        address="Ringallee 41, 35390 Gießen",
        themes=("ai-automation",),
        competencies=("Feinoptik und Mikrotechnologie", "Virtuelle Realität im Unterricht"),
        description=(
            "Berufsschule für Optik und Mikrotechnik in Mittelhessen. **Tandem mit den "
            "Mittelhessischen Optikwerken:** Wir entwickeln eine VR-Übung zur Justage optischer "
            "Baugruppen, bevor Azubis an echte Geräte gehen."
        ),
        contacts=(Contact("Kai Wagner", "Lehrer für Optik", public=True),),
    ),
    _school(
        key="hedwig-daum-schule",
        name="Hedwig-Daum-Schule Darmstadt",
        address="Alsfelder Straße 23, 64289 Darmstadt",
        themes=("green-skills",),
        competencies=("Chemikantinnen und Chemikanten", "Prozessleittechnik-Simulation"),
        description=(
            "Berufsschule für Chemie- und Pharmaberufe. **Tandem mit der Odenwald "
            "Spezialchemie GmbH:** Gemeinsame Lernsituationen am simulierten Prozessleitsystem "
            "verbinden Unterricht und Anlagenpraxis."
        ),
        contacts=(Contact("Sandra Petri", "Stellvertretende Schulleiterin", public=True),),
        extra_members=1,
    ),
    _school(
        key="bs-mainbogen",
        name="Berufliche Schule am Mainbogen",
        address="Buchhügelallee 86, 63071 Offenbach am Main",
        themes=("inclusion-diversity",),
        competencies=("Farb- und Lacktechnik", "Tablets in der Werkstatt"),
        description=(
            "Berufsschule mit Lernenden aus über 40 Herkunftsländern. **Tandem mit der "
            "Rhein-Main Lacke GmbH:** Tablets und eine mehrsprachige Farbmisch-App erleichtern "
            "den Einstieg in die Lacklaborantenausbildung."
        ),
        contacts=(Contact("Jörg Albers", "Lehrer, Tandemleitung"),),
    ),
    _school(
        key="leopold-hellmann-schule",
        name="Leopold-Hellmann-Schule Hanau",
        address="Eugen-Kaiser-Straße 21, 63450 Hanau",
        themes=("green-skills",),
        competencies=("Metalltechnik und Werkstoffprüfung", "Lernplattform Moodle"),
        description=(
            "Gewerbliche Berufsschule im Main-Kinzig-Kreis. **Tandem mit der Hanauer "
            "Edelmetall-Recycling GmbH:** Schule und Betrieb betreiben einen gemeinsamen "
            "Moodle-Kurs zur Werkstoffprüfung und Kreislaufwirtschaft."
        ),
        contacts=(Contact("Thorsten Keller", "Schulleiter", public=True),),
    ),
    _school(
        key="hanna-koerner-schule",
        name="Hanna-Körner-Schule Wiesbaden",
        address="Rheingaustraße 97, 65203 Wiesbaden",
        themes=("quality-assurance",),
        competencies=("Glas- und Keramikberufe", "E-Portfolios"),
        description=(
            "Berufsschule für Glasapparatebau und Verfahrenstechnik. **Tandem mit der "
            "Rheingau Spezialglas GmbH:** Azubis dokumentieren ihre Lernfortschritte in einem "
            "E-Portfolio, das beide Lernorte bewerten."
        ),
        contacts=(Contact("Melanie Schuster", "Lehrerin, Tandemleitung"),),
    ),
    _school(
        key="agnes-pockels-schule",
        name="Agnes-Pockels-Schule Frankfurt-Höchst",
        address="Gotenstraße 75, 65929 Frankfurt am Main",
        themes=("teacher-trainer-training",),
        competencies=("Pharmakanten und Produktionsfachkräfte Chemie", "Podcasts im Unterricht"),
        description=(
            "Berufsschule am Chemie- und Pharmastandort Höchst. **Tandem mit der Mainchem "
            "Pharma Services GmbH:** Azubis produzieren einen Podcast zu GMP-Regeln, den "
            "Lehrkräfte und Ausbilder gemeinsam betreuen."
        ),
        contacts=(
            Contact("Christian Ebert", "Abteilungsleiter", phone="+49 69 90009 541", public=True),
        ),
        extra_members=1,
    ),
    _school(
        key="bs-fuldatal",
        name="Berufliche Schule Fuldatal Bad Hersfeld",
        address="Am Obersberg 11, 36251 Bad Hersfeld",
        themes=("skilled-labour-shortage",),
        competencies=("Lager- und Logistikberufe", "Lernapp für die Prüfungsvorbereitung"),
        description=(
            "Berufsschule im Logistikzentrum Osthessens. **Tandem mit dem Hersfelder "
            "Logistikzentrum:** Eine gemeinsam entwickelte Lernapp bereitet Azubis auf die "
            "Abschlussprüfung vor und zeigt Lehrkräften, wo Lücken sind."
        ),
        contacts=(Contact("Sabrina Diegel", "Lehrerin für Logistik"),),
    ),
)

COMPANIES = (
    _company(
        key="nordhessische-antriebstechnik",
        name="Nordhessische Antriebstechnik GmbH",
        address="Dennhäuser Straße 156, 34134 Kassel",
        themes=("ai-automation",),
        competencies=("Elektrische Antriebe für Nutzfahrzeuge", "35 Auszubildende"),
        description=(
            "Hersteller elektrischer Antriebe. Im Tandem mit der Johanna-Vogt-Schule "
            "entstehen **Lernvideos** zur Fehlersuche, gedreht von unseren Auszubildenden."
        ),
        contacts=(Contact("Ralf Siebert", "Ausbildungsleiter", public=True),),
        extra_members=1,
    ),
    _company(
        key="rhoen-verpackungen",
        name="Rhön Verpackungen GmbH & Co. KG",
        address="Industriestraße 12, 36041 Fulda",
        themes=("green-skills",),
        competencies=("Wellpappe und nachhaltige Verpackungen", "Packmitteltechnologie"),
        description=(
            "Familienbetrieb mit 260 Beschäftigten. Mit der Beruflichen Schule am Aschenberg "
            "führen wir das **digitale Berichtsheft** ein."
        ),
        contacts=(Contact("Monika Vogel", "Ausbilderin"),),
    ),
    _company(
        key="lahnpharm",
        name="Lahnpharm Biotech GmbH",
        address="Emil-von-Behring-Straße 76, 35041 Marburg",
        themes=("dual-study",),
        competencies=("Impfstoffe und Biologika", "Ausbildung Biologielaborant/in"),
        description=(
            "Biotech-Unternehmen mit eigenem Ausbildungslabor. Gemeinsam mit der "
            "Käthe-Rehm-Schule bauen wir eine **Kooperationsplattform** für Lernortabsprachen auf."
        ),
        contacts=(Contact("Dr. Frank Heinemann", "Leiter Ausbildungslabor", public=True),),
    ),
    _company(
        key="mittelhessische-optikwerke",
        name="Mittelhessische Optikwerke GmbH",
        address="Hermannsteiner Straße 30, 35576 Wetzlar",
        themes=("smes",),
        competencies=("Präzisionsoptik für Medizin und Industrie", "Ausbildung Feinoptiker/in"),
        description=(
            "Optikhersteller in Wetzlar. Im Tandem mit der Gustav-Reinhardt-Schule entsteht "
            "eine **VR-Übung** zur Justage optischer Baugruppen."
        ),
        contacts=(Contact("Lisa Kraft", "Ausbilderin Feinoptik"),),
    ),
    _company(
        key="odenwald-spezialchemie",
        name="Odenwald Spezialchemie GmbH",
        address="Frankfurter Straße 250, 64293 Darmstadt",
        themes=("green-skills",),
        competencies=("Spezialchemikalien und Pigmente", "Ausbildung Chemikant/in"),
        description=(
            "Chemieunternehmen mit 900 Beschäftigten. Mit der Hedwig-Daum-Schule verbinden "
            "wir **Prozessleitsystem-Simulation** und Anlagenpraxis."
        ),
        contacts=(Contact("Oliver Schmitt", "Leiter Ausbildung", public=True),),
        extra_members=1,
    ),
    _company(
        key="rhein-main-lacke",
        name="Rhein-Main Lacke GmbH",
        address="Sprendlinger Landstraße 140, 63069 Offenbach am Main",
        themes=("inclusion-diversity",),
        competencies=("Industrielacke", "Ausbildung Lacklaborant/in"),
        description=(
            "Lackhersteller mit internationaler Belegschaft. Gemeinsam mit der Beruflichen "
            "Schule am Mainbogen entwickeln wir eine **mehrsprachige Farbmisch-App**."
        ),
        contacts=(Contact("Aylin Demir", "Ausbilderin"),),
    ),
    _company(
        key="hanauer-edelmetall",
        name="Hanauer Edelmetall-Recycling GmbH",
        address="Rodenbacher Chaussee 4, 63457 Hanau",
        themes=("green-skills",),
        competencies=("Rückgewinnung von Edelmetallen", "Werkstoffprüfung"),
        description=(
            "Recyclingbetrieb für Edelmetalle. Im Tandem mit der Leopold-Hellmann-Schule "
            "betreiben wir einen **gemeinsamen Moodle-Kurs**."
        ),
        contacts=(Contact("Dirk Schäfer", "Ausbilder Werkstoffprüfung", public=True),),
    ),
    _company(
        key="rheingau-spezialglas",
        name="Rheingau Spezialglas GmbH",
        address="Rheingaustraße 190, 65203 Wiesbaden",
        themes=("quality-assurance",),
        competencies=("Laborglas und technische Gläser", "Ausbildung Glasapparatebauer/in"),
        description=(
            "Traditionsbetrieb für technisches Glas. Mit der Hanna-Körner-Schule führen wir "
            "**E-Portfolios** für unsere Auszubildenden ein."
        ),
        contacts=(Contact("Ute Reinhardt", "Personalleiterin"),),
    ),
    _company(
        key="mainchem",
        name="Mainchem Pharma Services GmbH",
        address="Brüningstraße 50, 65929 Frankfurt am Main",
        themes=("quality-assurance",),
        competencies=("Auftragsfertigung für Arzneimittel", "Ausbildung Pharmakant/in"),
        description=(
            "Pharmadienstleister im Industriepark. Unsere Azubis produzieren mit der "
            "Agnes-Pockels-Schule einen **Podcast zu GMP-Regeln**."
        ),
        contacts=(
            Contact("Nina Hofmann", "Ausbildungsleiterin", phone="+49 69 90009 620", public=True),
        ),
    ),
    _company(
        key="hersfelder-logistik",
        name="Hersfelder Logistikzentrum GmbH",
        address="Im Vorderen Lappen 3, 36251 Bad Hersfeld",
        themes=("skilled-labour-shortage",),
        competencies=("E-Commerce-Logistik", "Ausbildung Fachkraft für Lagerlogistik"),
        description=(
            "Logistikdienstleister mit 1.200 Beschäftigten. Gemeinsam mit der Beruflichen "
            "Schule Fuldatal entwickeln wir eine **Lernapp** zur Prüfungsvorbereitung."
        ),
        contacts=(Contact("Patrick Wenzel", "Ausbildungskoordinator"),),
        extra_members=1,
    ),
)

DESCRIPTION_DE = """\
Zehn **Tandems** aus je einer hessischen Berufsschule und einem Ausbildungsbetrieb arbeiten zwei \
Jahre lang an individuellen Entwicklungsvorhaben: Sie wollen die Lernortkooperation in der \
dualen Ausbildung verbessern und Konzepte digital gestützten Lehrens und Lernens entwickeln.

## Was das Netzwerk bietet

- sechs Netzwerktreffen mit Werkstattarbeit und Impulsvorträgen,
- fünf bedarfsbezogene Online-Seminare, etwa zu Veränderungsprozessen und zum Umgang mit \
Widerständen,
- eine Online-Plattform für Austausch und Zusammenarbeit,
- einen Beirat mit Vertretungen von Kultus- und Wirtschaftsministerium und Sozialpartnern.

Die Ergebnisse stehen anderen Schulen und Betrieben als Praxiswissen zur Verfügung.
"""

DESCRIPTION_EN = """\
Ten **tandems**, each a vocational school and a training company in Hesse, spend two years on \
their own development projects: better cooperation between the two learning venues and \
digitally supported teaching and learning.

## What the network offers

- six network meetings with workshops and keynotes,
- five online seminars on demand, for example on change processes and handling resistance,
- an online platform for exchange and collaboration,
- an advisory board with the ministries of education and economy and the social partners.

The results are shared as practical knowledge with other schools and companies.
"""

LERNORT_HESSEN = ProgrammeSpec(
    name="#LernortHessen.digital",
    tagline="Zehn Tandems aus Berufsschule und Betrieb gestalten die digitale Lernortkooperation",
    description={"de": DESCRIPTION_DE, "en": DESCRIPTION_EN},
    funder="Stiftung Lernorte der Zukunft mit dem Arbeitgeberverband Chemie Rhein-Main",
    funding_scheme="Regionales Netzwerkprogramm (Stiftungsförderung)",
    starts_on=datetime.date(2025, 9, 1),
    ends_on=datetime.date(2027, 8, 31),
    countries=("DE",),
    working_languages=("de",),
    website="https://lernort-hessen.example.org",
    coordinators=(
        Person(name="Anja Roth", language="de", organisation="lernorte-der-zukunft"),
        Person(name="Tobias Engel", language="de", organisation="lernorte-der-zukunft"),
    ),
    committee=(
        Person(name="Dr. Ralf Sommer", language="de", email="ralf.sommer@example.net"),
        Person(name="Claudia Weiß", language="de", email="claudia.weiss@example.net"),
        Person(name="Günter Hahn", language="de", email="guenter.hahn@example.net"),
    ),
    participants=tuple(o.key for o in SCHOOLS + COMPANIES),
    organisations=(FOUNDATION, *SCHOOLS, *COMPANIES),
)
