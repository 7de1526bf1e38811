"""Courses of the first four providers of the Bildungsnetzwerk Elbe-Ostsee: the Schweriner
Akademie (upgrading training, retraining, business English), the Hanse-Bildungszentrum Wismar
(welding, offshore wind, German for work), the Lernwerkstatt Hagenow (basic skills, partial
qualifications) and the Bildungswerk Ludwigsluster Land (care). Run dates are days relative to the
day of loading; runs that started up to two weeks ago are already out of the public search."""

from __future__ import annotations

from .data_courses import CourseSpec, RunSpec

R = RunSpec

SCHWERINER_AKADEMIE = (
    CourseSpec(
        organisation="schweriner-akademie",
        number="SA-WFW",
        title="Geprüfte/r Wirtschaftsfachwirt/in (IHK)",
        description=(
            "Die **Aufstiegsfortbildung** für kaufmännische Fachkräfte mit Berufserfahrung: Sie "
            "lernen, Projekte, Personal und Budgets zu verantworten. Der Unterricht findet "
            "abends online und an zwölf Samstagen in Schwerin statt. Am Ende steht die Prüfung "
            "vor der IHK zu Schwerin."
        ),
        outcomes=(
            "Betriebliche Abläufe wirtschaftlich planen und steuern",
            "Mitarbeitende führen und ausbilden",
            "Investitionen und Finanzierungen beurteilen",
            "Marketing- und Vertriebsmaßnahmen entwickeln",
        ),
        field="0413",
        eqf=6,
        target_group="Kaufleute mit abgeschlossener Ausbildung und Berufserfahrung",
        prerequisites=(
            "Kaufmännischer Berufsabschluss und ein Jahr Berufspraxis oder vier Jahre "
            "Berufspraxis (§ 2 der Prüfungsverordnung)"
        ),
        certificate="chamber",
        certificate_name="Geprüfte/r Wirtschaftsfachwirt/in (IHK), DQR-Niveau 6",
        language="de",
        format="blended",
        days=560,
        schedule="evenings",
        times="Di und Do 18:00–21:15 online, zwölf Samstage 8:30–15:30 in Schwerin",
        hours=640,
        weekday=1,
        venue="schwerin",
        price="4290.00",
        price_note="zzgl. IHK-Prüfungsgebühr; in 18 Monatsraten zahlbar",
        seats=22,
        funding=("upgrading_grant", "educational_leave"),
        created=-330,
        runs=(R(start=-12), R(start=150), R(start=325)),
    ),
    CourseSpec(
        organisation="schweriner-akademie",
        number="SA-BW",
        title="Geprüfte/r Betriebswirt/in (IHK)",
        description=(
            "Der höchste kaufmännische Abschluss der IHK-Weiterbildung, gleichwertig einem "
            "Master auf DQR-Niveau 7. Sie vertiefen Unternehmensführung, Controlling und "
            "Personalstrategie an Fallstudien aus Betrieben der Region. Der Kurs läuft "
            "berufsbegleitend über zwei Jahre."
        ),
        outcomes=(
            "Unternehmensstrategien entwickeln und umsetzen",
            "Controlling-Instrumente auswählen und auswerten",
            "Veränderungsprozesse im Unternehmen leiten",
        ),
        field="0413",
        eqf=7,
        target_group="Fachwirtinnen, Fachwirte, Meisterinnen und Meister mit Führungsaufgaben",
        prerequisites="Abschluss als Fachwirt/in, Fachkaufmann/-frau oder Meister/in",
        certificate="chamber",
        certificate_name="Geprüfte/r Betriebswirt/in (IHK), DQR-Niveau 7",
        language="de",
        format="blended",
        days=700,
        schedule="weekends",
        times="Freitag 16:00–20:00 online, Samstag 8:30–15:30 in Schwerin, 14-täglich",
        hours=720,
        weekday=4,
        venue="schwerin",
        price="5650.00",
        price_note="zzgl. IHK-Prüfungsgebühr",
        seats=18,
        funding=("upgrading_grant",),
        created=-320,
        runs=(R(start=68), R(start=400)),
    ),
    CourseSpec(
        organisation="schweriner-akademie",
        number="SA-UBM",
        title="Umschulung Kaufmann/Kauffrau für Büromanagement (IHK)",
        description=(
            "In 24 Monaten zum anerkannten Berufsabschluss: Sie lernen Büroorganisation, "
            "Kundenkommunikation, Rechnungswesen und Personalsachbearbeitung. Ein "
            "sechsmonatiges Praktikum in einem Betrieb der Region gehört dazu. Die Umschulung "
            "wird mit einem **Bildungsgutschein** der Agentur für Arbeit oder des Jobcenters "
            "vollständig gefördert."
        ),
        outcomes=(
            "Büro- und Geschäftsprozesse organisieren",
            "Aufträge kaufmännisch bearbeiten und abrechnen",
            "Mit Kundinnen und Kunden professionell kommunizieren",
        ),
        field="0415",
        eqf=4,
        target_group="Erwachsene, die einen neuen Beruf erlernen möchten",
        prerequisites="Hauptschulabschluss, Deutsch mindestens auf Niveau B2, Beratungsgespräch",
        certificate="chamber",
        certificate_name="Kaufmann/Kauffrau für Büromanagement (IHK-Abschlussprüfung)",
        language="de",
        format="in_person",
        days=730,
        schedule="full_time",
        times="Mo–Fr 8:00–15:15",
        hours=3520,
        venue="schwerin",
        price="0.00",
        price_note="Förderung mit Bildungsgutschein (AZAV-zugelassen)",
        seats=16,
        funding=("voucher",),
        created=-300,
        runs=(R(start=-5), R(start=100), R(start=282)),
    ),
    CourseSpec(
        organisation="schweriner-akademie",
        number="SA-BE",
        title="Business English for the Workplace (B2)",
        description=(
            "An online course for people who use English at work: meetings, phone calls, "
            "e-mails and presentations. Small groups of up to ten, with a native-speaker "
            "trainer and real tasks from your job. Recognised for educational leave in "
            "Mecklenburg-Vorpommern."
        ),
        outcomes=(
            "Lead and take part in meetings and video calls in English",
            "Write clear business e-mails and short reports",
            "Present your company and its products",
        ),
        field="0231",
        eqf=None,
        target_group="Employees and job seekers with English at level B1",
        prerequisites="English at level B1 (free placement test before enrolment)",
        certificate="provider",
        certificate_name="Certificate of the Schweriner Akademie, CEFR level B2",
        language="en",
        format="online",
        days=84,
        schedule="evenings",
        times="Mon and Wed 18:00–19:30",
        hours=48,
        online=True,
        price="690.00",
        seats=10,
        funding=("educational_leave", "employer"),
        created=-150,
        runs=(R(start=-9), R(start=44), R(start=135), R(start=240)),
    ),
    CourseSpec(
        organisation="schweriner-akademie",
        number="SA-FIBU",
        title="Finanzbuchhaltung und Lohnabrechnung am PC",
        description=(
            "Praxisnah von der Buchung bis zur Lohnabrechnung: Sie arbeiten mit einer gängigen "
            "Buchhaltungssoftware an den Belegen eines Musterbetriebs. Der Kurs eignet sich für "
            "den Wiedereinstieg und für Beschäftigte in kleinen Betrieben."
        ),
        outcomes=(
            "Geschäftsvorfälle nach SKR 03 buchen",
            "Umsatzsteuer-Voranmeldung und Monatsabschluss vorbereiten",
            "Löhne und Gehälter abrechnen",
        ),
        field="0411",
        eqf=None,
        target_group="Büro- und Verwaltungskräfte, Wiedereinsteigerinnen und Wiedereinsteiger",
        prerequisites="Kaufmännische Grundkenntnisse",
        certificate="provider",
        certificate_name="Zertifikat Finanzbuchhaltung mit Abschlusstest",
        language="de",
        format="blended",
        days=75,
        schedule="part_time",
        times="Mo–Do 8:30–12:30, davon dienstags online",
        hours=160,
        venue="schwerin-a",
        price="1490.00",
        seats=14,
        funding=("voucher",),
        created=-260,
        runs=(R(start=23), R(start=121), R(start=212)),
    ),
    CourseSpec(
        organisation="schweriner-akademie",
        number="SA-PM",
        title="Projektmanagement kompakt",
        description=(
            "Projekte planen, steuern und abschließen – klassisch und agil. Drei Online-Tage "
            "mit Übungen am eigenen Projekt."
        ),
        outcomes=(
            "Projektauftrag und Projektplan erstellen",
            "Risiken erkennen und steuern",
            "Agile Methoden passend einsetzen",
        ),
        field="0413",
        eqf=None,
        target_group="Beschäftigte, die Projekte leiten oder darin mitarbeiten",
        prerequisites="",
        certificate="attendance",
        certificate_name="Teilnahmebescheinigung",
        language="de",
        format="online",
        days=2,
        schedule="full_time",
        times="9:00–16:00",
        hours=21,
        online=True,
        price="590.00",
        seats=12,
        funding=("educational_leave",),
        status="draft",
        created=-6,
        runs=(R(start=96), R(start=187)),
    ),
)

HANSE_BILDUNGSZENTRUM = (
    CourseSpec(
        organisation="hanse-bildungszentrum",
        number="HBZ-MAG",
        title="Schweißkurs MAG (135) nach DIN EN ISO 9606-1",
        description=(
            "Unsere Schweißkurse bereiten auf die **Schweißerprüfung nach DIN EN ISO 9606-1** "
            "vor, die Werften und Stahlbaubetriebe verlangen. Sie schweißen Kehl- und "
            "Stumpfnähte an Blech in allen Positionen, in der Werkstatthalle am Alten Hafen. "
            "Die Prüfung nimmt eine anerkannte Prüfstelle im Haus ab."
        ),
        outcomes=(
            "Metall-Aktivgas-Schweißen an Blech in allen Positionen",
            "Nahtvorbereitung und Sichtprüfung",
            "Arbeitsschutz beim Schweißen",
        ),
        field="0715",
        eqf=None,
        target_group="Metallbauer, Schlosser und angelernte Fachkräfte aus Werft und Stahlbau",
        prerequisites="Handwerkliches Geschick, arbeitsmedizinische Untersuchung (G 39)",
        certificate="vendor",
        certificate_name="Schweißerprüfungsbescheinigung nach DIN EN ISO 9606-1",
        language="de",
        format="in_person",
        days=25,
        schedule="full_time",
        times="Mo–Fr 7:00–14:30",
        hours=160,
        venue="wismar",
        price="3150.00",
        price_note="inklusive Prüfungsgebühr und Material",
        seats=8,
        funding=("voucher", "employer"),
        created=-290,
        runs=(R(start=-14), R(start=36), R(start=99), R(start=190)),
    ),
    CourseSpec(
        organisation="hanse-bildungszentrum",
        number="HBZ-WIG",
        title="Schweißkurs WIG (141) – Rohrschweißen für Fortgeschrittene",
        description=(
            "Für Schweißerinnen und Schweißer mit Erfahrung, die Rohrleitungen aus Stahl und "
            "Edelstahl schweißen wollen. Sie üben die Positionen PH und H-L045 bis zur "
            "Prüfungsreife. Besonders gefragt im Anlagenbau und bei Offshore-Zulieferern."
        ),
        outcomes=(
            "Wolfram-Inertgas-Schweißen an Rohren",
            "Edelstahl mit Formiergas schweißen",
            "Fehler erkennen und vermeiden",
        ),
        field="0715",
        eqf=None,
        target_group="Schweißerinnen und Schweißer mit gültiger Prüfung in einem Verfahren",
        prerequisites="Erfahrung im Schweißen, arbeitsmedizinische Untersuchung (G 39)",
        certificate="vendor",
        certificate_name="Schweißerprüfungsbescheinigung nach DIN EN ISO 9606-1 (141)",
        language="de",
        format="in_person",
        days=18,
        schedule="full_time",
        times="Mo–Fr 7:00–14:30",
        hours=120,
        venue="wismar",
        price="2780.00",
        price_note="inklusive Prüfungsgebühr und Material",
        seats=6,
        funding=("voucher", "employer"),
        created=-280,
        runs=(R(start=64), R(start=162), R(start=274)),
    ),
    CourseSpec(
        organisation="hanse-bildungszentrum",
        number="HBZ-GWO",
        title="GWO Basic Safety Training (Offshore-Wind)",
        description=(
            "Das von der Windbranche verlangte Sicherheitstraining nach dem Standard der "
            "Global Wind Organisation: Erste Hilfe, Brandschutz, Arbeiten in der Höhe, "
            "manuelle Handhabung und Überleben auf See. Die Übungen im Wasser finden im "
            "Trainingsbecken statt. Die Teilnahme wird in der Datenbank der GWO registriert."
        ),
        outcomes=(
            "Sicher an Windenergieanlagen in der Höhe arbeiten und retten",
            "Brände erkennen und bekämpfen",
            "Im Notfall auf See überleben",
        ),
        field="1022",
        eqf=None,
        target_group="Servicetechnikerinnen und -techniker der Windenergie",
        prerequisites="Offshore-Tauglichkeit (ärztliches Zeugnis), Schwimmfähigkeit",
        certificate="vendor",
        certificate_name="GWO Basic Safety Training (alle fünf Module)",
        language="de",
        format="in_person",
        days=4,
        schedule="full_time",
        times="8:00–17:00",
        hours=40,
        venue="wismar-training",
        price="1850.00",
        seats=12,
        funding=("employer",),
        created=-240,
        runs=(R(start=-2), R(start=19), R(start=54), R(start=117)),
    ),
    CourseSpec(
        organisation="hanse-bildungszentrum",
        number="HBZ-IMM",
        title="Geprüfte/r Industriemeister/in Metall (IHK)",
        description=(
            "Der Weg von der Facharbeit in die Führung: Sie lernen, Fertigung und Montage zu "
            "organisieren, Personal zu führen und Kosten zu planen. Teilzeit neben dem Beruf, "
            "mit Praxisprojekten aus Werften und Zulieferbetrieben."
        ),
        outcomes=(
            "Fertigungsprozesse planen und optimieren",
            "Mitarbeitende führen und Auszubildende anleiten",
            "Qualitäts- und Arbeitsschutzmanagement umsetzen",
        ),
        field="0715",
        eqf=6,
        target_group="Facharbeiterinnen und Facharbeiter der Metallberufe",
        prerequisites="Abschluss in einem Metallberuf und ein Jahr Berufspraxis",
        certificate="chamber",
        certificate_name="Geprüfte/r Industriemeister/in Fachrichtung Metall (IHK), DQR 6",
        language="de",
        format="blended",
        days=640,
        schedule="part_time",
        times="Fr 15:00–20:00 und Sa 7:30–14:30, dazu zwei Abende online",
        hours=1000,
        weekday=4,
        venue="wismar",
        price="5900.00",
        price_note="zzgl. Prüfungsgebühren der IHK zu Schwerin",
        seats=20,
        funding=("upgrading_grant",),
        created=-310,
        runs=(R(start=112), R(start=416)),
    ),
    CourseSpec(
        organisation="hanse-bildungszentrum",
        number="HBZ-DEU",
        title="Deutsch für den Beruf B1/B2 (Berufssprachkurs)",
        description=(
            "Berufsbezogenes Deutsch für Zugewanderte: Sie üben Gespräche mit Kolleginnen und "
            "Kunden, das Lesen von Arbeitsanweisungen und das Schreiben von E-Mails. Der Kurs "
            "endet mit dem Deutsch-Test für den Beruf. Mit Berechtigung ist er kostenfrei."
        ),
        outcomes=(
            "Sich in Gesprächen am Arbeitsplatz sicher verständigen",
            "Arbeitsanweisungen und Sicherheitshinweise verstehen",
            "Berufliche E-Mails und Berichte schreiben",
        ),
        field="0231",
        eqf=None,
        target_group="Zugewanderte mit Deutschkenntnissen auf Niveau B1",
        prerequisites="Deutsch auf Niveau B1, Berechtigung durch Jobcenter oder Agentur für Arbeit",
        certificate="state",
        certificate_name="Deutsch-Test für den Beruf (DTB) B2",
        language="de",
        format="in_person",
        days=109,
        schedule="full_time",
        times="Mo–Fr 8:30–13:00",
        hours=400,
        venue="wismar-sprache",
        price="0.00",
        price_note="Kostenfrei mit Berechtigung; Selbstzahlende auf Anfrage",
        seats=20,
        created=-220,
        runs=(R(start=-7), R(start=85), R(start=204)),
    ),
    CourseSpec(
        organisation="hanse-bildungszentrum",
        number="HBZ-ASB",
        title="Anpassungsqualifizierung Schiffbau für Fachkräfte aus dem Ausland",
        description=(
            "Für Fachkräfte mit ausländischem Berufsabschluss im Metallbereich, die die volle "
            "Anerkennung als Konstruktionsmechaniker/in anstreben. Theorie in Wismar, Praxis in "
            "einer Werft."
        ),
        outcomes=(
            "Fehlende Inhalte für die volle Gleichwertigkeit nachholen",
            "Schiffbauliche Fertigung kennenlernen",
        ),
        field="0716",
        eqf=4,
        target_group="Fachkräfte mit teilweise anerkanntem Berufsabschluss",
        prerequisites="Bescheid über die teilweise Gleichwertigkeit, Deutsch B1",
        certificate="provider",
        certificate_name="Bescheinigung für das Anerkennungsverfahren",
        language="de",
        format="in_person",
        days=180,
        schedule="full_time",
        times="Mo–Fr 7:00–14:30",
        hours=900,
        venue="wismar",
        price="0.00",
        price_note="Gefördert im Förderprogramm Integration durch Qualifizierung",
        seats=10,
        funding=("voucher",),
        status="unpublished",
        created=-400,
        runs=(R(start=26),),
    ),
)

LERNWERKSTATT_HAGENOW = (
    CourseSpec(
        organisation="lernwerkstatt-hagenow",
        number="LWH-LS",
        title="Lesen und Schreiben im Alltag und Beruf",
        description=(
            "Ein Grundbildungskurs für Erwachsene, die sicherer lesen und schreiben möchten – "
            "für Formulare, Arbeitszettel und Nachrichten. Wir lernen in kleinen Gruppen, ohne "
            "Noten und ohne Prüfungsdruck. Der Kurs ist kostenfrei."
        ),
        outcomes=(
            "Kurze Texte aus dem Alltag lesen und verstehen",
            "Formulare ausfüllen und kurze Nachrichten schreiben",
        ),
        field="0021",
        eqf=None,
        target_group="Erwachsene mit Schwierigkeiten beim Lesen und Schreiben",
        prerequisites="Keine",
        certificate="attendance",
        certificate_name="Teilnahmebescheinigung",
        language="de",
        format="in_person",
        days=150,
        schedule="part_time",
        times="Di und Do 9:00–12:00",
        hours=120,
        weekday=1,
        venue="hagenow",
        price="0.00",
        price_note="Kostenfrei, gefördert vom Land Mecklenburg-Vorpommern",
        seats=8,
        contact=True,
        created=-260,
        runs=(
            R(start=22),
            R(start=170),
            R(start=29, weekday=0, venue="wittenburg", times="Mo 14:00–17:00"),
        ),
    ),
    CourseSpec(
        organisation="lernwerkstatt-hagenow",
        number="LWH-RE",
        title="Rechnen für den Beruf",
        description=(
            "Prozente, Maße, Mengen und Zeiten: Wir üben das Rechnen, das im Lager, in der "
            "Küche und auf dem Bau gebraucht wird. In Einfacher Sprache und mit vielen "
            "Beispielen aus der Praxis."
        ),
        outcomes=(
            "Mit Prozenten und Mengen im Arbeitsalltag rechnen",
            "Maße umrechnen und Stundenzettel prüfen",
        ),
        field="0021",
        eqf=None,
        target_group="Erwachsene, die ihre Rechenkenntnisse auffrischen möchten",
        prerequisites="Keine",
        certificate="attendance",
        certificate_name="Teilnahmebescheinigung",
        language="de",
        format="in_person",
        days=70,
        schedule="evenings",
        times="Mi 17:00–19:30",
        hours=30,
        weekday=2,
        venue="hagenow",
        price="0.00",
        price_note="Kostenfrei",
        seats=8,
        contact=True,
        created=-240,
        runs=(R(start=47), R(start=131)),
    ),
    CourseSpec(
        organisation="lernwerkstatt-hagenow",
        number="LWH-TQL",
        title="Teilqualifikation Fachkraft für Lagerlogistik – TQ 1: Waren annehmen und lagern",
        description=(
            "Der erste von fünf Bausteinen zum Berufsabschluss: Sie lernen, Waren anzunehmen, "
            "zu prüfen und einzulagern, im Kurs und im Lager eines Partnerbetriebs. Am Ende "
            "bestätigt eine **Kompetenzfeststellung der IHK** das Gelernte. Gefördert mit "
            "Bildungsgutschein."
        ),
        outcomes=(
            "Waren annehmen, prüfen und dokumentieren",
            "Güter sachgerecht lagern",
            "Flurförderzeuge sicher einsetzen",
        ),
        field="1041",
        eqf=None,
        target_group="Erwachsene ohne Berufsabschluss mit Erfahrung im Lager",
        prerequisites="Deutsch auf Niveau A2, Beratungsgespräch",
        certificate="chamber",
        certificate_name="Kompetenzfeststellung der IHK zu Schwerin (TQ 1)",
        language="de",
        format="in_person",
        days=81,
        schedule="full_time",
        times="Mo–Fr 8:00–14:30",
        hours=440,
        venue="hagenow",
        price="0.00",
        price_note="Förderung mit Bildungsgutschein",
        seats=10,
        funding=("voucher",),
        created=-230,
        runs=(R(start=57), R(start=197)),
    ),
    CourseSpec(
        organisation="lernwerkstatt-hagenow",
        number="LWH-TQV",
        title="Teilqualifikation Verkäufer/in – Kasse und Warenpräsentation",
        description=(
            "Ein Baustein auf dem Weg zum Abschluss im Einzelhandel: Kassieren, Kundengespräch "
            "und Präsentation der Ware. Teilzeit, damit er sich mit Familie vereinbaren lässt."
        ),
        outcomes=(
            "Kassenvorgänge sicher abwickeln",
            "Kundinnen und Kunden freundlich beraten",
            "Waren ansprechend präsentieren",
        ),
        field="0416",
        eqf=None,
        target_group="Erwachsene ohne Berufsabschluss, auch in Teilzeit",
        prerequisites="Beratungsgespräch",
        certificate="chamber",
        certificate_name="Kompetenzfeststellung der IHK zu Schwerin",
        language="de",
        format="in_person",
        days=120,
        schedule="part_time",
        times="Mo–Do 8:30–12:30",
        hours=320,
        venue="hagenow",
        price="0.00",
        price_note="Förderung mit Bildungsgutschein",
        seats=10,
        funding=("voucher",),
        created=-215,
        runs=(R(start=78), R(start=260)),
    ),
    CourseSpec(
        organisation="lernwerkstatt-hagenow",
        number="LWH-DIG",
        title="Digital im Alltag: Smartphone, Online-Banking und Bewerbung",
        description=(
            "Schritt für Schritt in die digitale Welt: Wir richten das Smartphone ein, nutzen "
            "Online-Banking sicher und schreiben eine Bewerbung am Computer. Leihgeräte sind "
            "vorhanden."
        ),
        outcomes=(
            "Das Smartphone sicher nutzen",
            "Bankgeschäfte und Behördengänge online erledigen",
            "Eine Bewerbung am Computer schreiben und versenden",
        ),
        field="0611",
        eqf=None,
        target_group="Erwachsene mit wenig Erfahrung mit Computer und Internet",
        prerequisites="Keine",
        certificate="attendance",
        certificate_name="Teilnahmebescheinigung",
        language="de",
        format="in_person",
        days=35,
        schedule="part_time",
        times="Mo und Mi 9:00–11:30",
        hours=25,
        venue="hagenow",
        price="0.00",
        price_note="Kostenfrei",
        seats=8,
        contact=True,
        created=-180,
        runs=(R(start=-3), R(start=40, venue="wittenburg"), R(start=110)),
    ),
    CourseSpec(
        organisation="lernwerkstatt-hagenow",
        number="LWH-KOMP",
        title="Was ich kann: Kompetenzen sichtbar machen",
        description=(
            "In vier Treffen schauen wir, was Sie in Arbeit, Familie und Ehrenamt gelernt haben, "
            "und halten es in einem Kompetenzpass fest. Das hilft bei Bewerbungen und bei der "
            "Wahl einer Teilqualifikation."
        ),
        outcomes=(
            "Eigene Stärken und Erfahrungen benennen",
            "Einen Kompetenzpass für Bewerbungen nutzen",
        ),
        field="0031",
        eqf=None,
        target_group="Erwachsene ohne Berufsabschluss und Wiedereinsteigende",
        prerequisites="Keine",
        certificate="provider",
        certificate_name="Kompetenzpass",
        language="de",
        format="in_person",
        days=21,
        schedule="part_time",
        times="Fr 9:00–13:00",
        hours=16,
        weekday=4,
        venue="hagenow",
        price="0.00",
        price_note="Kostenfrei",
        seats=6,
        contact=True,
        created=-170,
        runs=(R(start=33), R(start=124)),
    ),
)

BILDUNGSWERK_LUDWIGSLUST = (
    CourseSpec(
        organisation="bildungswerk-ludwigslust",
        number="BWL-BK",
        title="Zusätzliche Betreuungskraft nach § 53b SGB XI",
        description=(
            "Die Qualifizierung für die Betreuung von Menschen mit Demenz in Pflegeheimen und "
            "Tagespflegen: 160 Stunden Unterricht und zwei Wochen Praktikum in einer unserer "
            "Partnereinrichtungen. Viele Teilnehmende werden direkt übernommen."
        ),
        outcomes=(
            "Menschen mit Demenz im Alltag begleiten und aktivieren",
            "Beschäftigungsangebote planen und durchführen",
            "Im Team der Pflegeeinrichtung mitarbeiten",
        ),
        field="0921",
        eqf=None,
        target_group="Quereinsteigerinnen und Quereinsteiger in die Pflege",
        prerequisites="Orientierungspraktikum (40 Stunden), Deutsch B1",
        certificate="provider",
        certificate_name="Zertifikat Zusätzliche Betreuungskraft nach §§ 43b, 53b SGB XI",
        language="de",
        format="in_person",
        days=60,
        schedule="full_time",
        times="Mo–Fr 8:00–14:00",
        hours=240,
        venue="ludwigslust",
        price="0.00",
        price_note="Förderung mit Bildungsgutschein",
        seats=16,
        funding=("voucher",),
        created=-300,
        runs=(R(start=-10), R(start=71), R(start=162, venue="parchim-pflege")),
    ),
    CourseSpec(
        organisation="bildungswerk-ludwigslust",
        number="BWL-PH",
        title="Pflegefachhelfer/in mit staatlicher Prüfung",
        description=(
            "Die einjährige Ausbildung zur Pflegefachhelferin und zum Pflegefachhelfer, als "
            "Umschulung mit Bildungsgutschein. Der Unterricht findet in Ludwigslust statt, die "
            "Praxis in Pflegeheimen und ambulanten Diensten der Region. Danach ist der Einstieg "
            "in die verkürzte Ausbildung zur Pflegefachkraft möglich."
        ),
        outcomes=(
            "Pflegebedürftige Menschen in der Grundpflege versorgen",
            "Pflegemaßnahmen dokumentieren",
            "In Notfällen richtig handeln",
        ),
        field="0913",
        eqf=3,
        target_group="Erwachsene, die in die Pflege wechseln möchten",
        prerequisites="Hauptschulabschluss, gesundheitliche Eignung",
        certificate="state",
        certificate_name="Staatlich geprüfte/r Pflegefachhelfer/in",
        language="de",
        format="in_person",
        days=365,
        schedule="full_time",
        times="Mo–Fr 7:30–14:30, Praxis im Schichtdienst",
        hours=1600,
        venue="ludwigslust",
        price="0.00",
        price_note="Förderung mit Bildungsgutschein",
        seats=20,
        funding=("voucher",),
        created=-290,
        runs=(R(start=101), R(start=282)),
    ),
    CourseSpec(
        organisation="bildungswerk-ludwigslust",
        number="BWL-PA",
        title="Praxisanleiter/in in der Pflege (300 Stunden)",
        description=(
            "Die berufspädagogische Weiterbildung, die Pflegefachkräfte für die Anleitung von "
            "Auszubildenden nach dem Pflegeberufegesetz brauchen. Berufsbegleitend in Blöcken, "
            "damit die Dienstpläne weiterlaufen."
        ),
        outcomes=(
            "Auszubildende planvoll anleiten und beurteilen",
            "Anleitungssituationen vorbereiten und auswerten",
            "Mit Pflegeschule und Einrichtung zusammenarbeiten",
        ),
        field="0913",
        eqf=None,
        target_group="Pflegefachkräfte mit mindestens einem Jahr Berufserfahrung",
        prerequisites="Examen als Pflegefachkraft, ein Jahr Berufserfahrung",
        certificate="provider",
        certificate_name="Zertifikat Praxisanleitung nach § 4 PflAPrV",
        language="de",
        format="blended",
        days=200,
        schedule="part_time",
        times="Einwöchige Blöcke, Mo–Fr 8:00–15:00, dazu Online-Lernphasen",
        hours=300,
        venue="ludwigslust",
        price="2150.00",
        seats=18,
        funding=("employer", "educational_leave"),
        created=-280,
        runs=(R(start=50), R(start=232)),
    ),
    CourseSpec(
        organisation="bildungswerk-ludwigslust",
        number="BWL-PAF",
        title="Jährliche Fortbildung für Praxisanleitende (24 Stunden)",
        description=(
            "Die vorgeschriebene jährliche Fortbildung für Praxisanleiterinnen und "
            "Praxisanleiter: dieses Jahr mit den Schwerpunkten Beurteilen und Feedback. Drei "
            "Tage online, wahlweise mit einem Präsenztag."
        ),
        outcomes=(
            "Leistungen von Auszubildenden fair beurteilen",
            "Feedbackgespräche führen",
        ),
        field="0913",
        eqf=None,
        target_group="Praxisanleiterinnen und Praxisanleiter",
        prerequisites="Weiterbildung Praxisanleitung",
        certificate="attendance",
        certificate_name="Fortbildungsnachweis (24 Stunden)",
        language="de",
        format="online",
        days=14,
        schedule="part_time",
        times="Drei Tage, jeweils 8:30–15:30",
        hours=24,
        online=True,
        price="285.00",
        seats=24,
        funding=("employer",),
        created=-200,
        runs=(R(start=15), R(start=78), R(start=148), R(start=212)),
    ),
    CourseSpec(
        organisation="bildungswerk-ludwigslust",
        number="BWL-EH",
        title="Erste Hilfe – Grundkurs für Betriebe und Führerschein",
        description=(
            "Der Erste-Hilfe-Kurs mit 9 Unterrichtseinheiten, anerkannt für betriebliche "
            "Ersthelfer und für den Führerschein. Für betriebliche Ersthelfer rechnen wir direkt "
            "mit der Berufsgenossenschaft ab."
        ),
        outcomes=(
            "Notfälle erkennen und den Notruf absetzen",
            "Wiederbelebung und stabile Seitenlage anwenden",
            "Wunden versorgen",
        ),
        field="1022",
        eqf=None,
        target_group="Beschäftigte, Führerscheinbewerberinnen und -bewerber",
        prerequisites="Keine",
        certificate="attendance",
        certificate_name="Bescheinigung Erste Hilfe (9 UE)",
        language="de",
        format="in_person",
        days=0,
        schedule="weekends",
        times="Samstag 8:00–16:00",
        hours=9,
        weekday=5,
        venue="ludwigslust",
        price="60.00",
        price_note="Für betriebliche Ersthelfer Abrechnung mit der Berufsgenossenschaft",
        seats=20,
        funding=("employer",),
        created=-250,
        runs=(
            R(start=-8),
            R(start=13),
            R(start=41, venue="parchim-pflege"),
            R(start=69),
            R(start=97, venue="parchim-pflege"),
        ),
    ),
    CourseSpec(
        organisation="bildungswerk-ludwigslust",
        number="BWL-DEM",
        title="Demenz verstehen – herausforderndes Verhalten begleiten",
        description=(
            "Ein Abendkurs für Pflege- und Betreuungskräfte und für Angehörige: Warum Menschen "
            "mit Demenz unruhig oder abwehrend reagieren und was in solchen Situationen hilft. "
            "Mit Fallbesprechungen aus dem Alltag der Teilnehmenden."
        ),
        outcomes=(
            "Ursachen herausfordernden Verhaltens erkennen",
            "Deeskalierend kommunizieren",
        ),
        field="0921",
        eqf=None,
        target_group="Pflege- und Betreuungskräfte, pflegende Angehörige",
        prerequisites="Keine",
        certificate="attendance",
        certificate_name="Teilnahmebescheinigung (16 Stunden)",
        language="de",
        format="online",
        days=28,
        schedule="evenings",
        times="Di 18:00–21:00",
        hours=16,
        weekday=1,
        online=True,
        price="190.00",
        seats=16,
        funding=("educational_leave",),
        created=-160,
        runs=(R(start=26), R(start=117)),
    ),
)

OFFERS = (
    *SCHWERINER_AKADEMIE,
    *HANSE_BILDUNGSZENTRUM,
    *LERNWERKSTATT_HAGENOW,
    *BILDUNGSWERK_LUDWIGSLUST,
)
