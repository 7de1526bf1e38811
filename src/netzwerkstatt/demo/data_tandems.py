"""The ten tandems of #LernortHessen.digital at work (seed 003): their development projects with
steps and progress logs, the six network meetings and the needs-based online seminars, in German.

Each tandem pairs the school and the company that name each other in ``data_hesse`` (the same
position in ``SCHOOLS`` and ``COMPANIES``). A project's log has its own entries (``entries``:
date, kind, text, the step it belongs to) and a few more from ``COMMON_ENTRIES``, which fit any
tandem (``{topic}`` is the project's subject).
"""

import datetime

D = datetime.date
TOOL, MATERIAL, TRAINING, PROCESS, REFLECTION, OTHER = (
    "tool_introduced", "material_created", "training_held", "process_changed", "reflection",
    "other",
)  # fmt: skip
OPEN, RUNNING, DONE = "open", "in_progress", "done"

# school key, company key, tandem name, topic, project title, objective, starting situation,
# steps ((title, status), ...), entries ((date, kind, text, step index or None), ...)
TANDEMS = (
    (
        "johanna-vogt-schule",
        "nordhessische-antriebstechnik",
        "Tandem Kassel: Lernvideos zur Fehlersuche",
        "Lernvideos zur Fehlersuche",
        "Azubis erklären Fehlersuche an Antrieben im Video",
        "Auszubildende der Elektro- und Mechatronikberufe drehen kurze Lernvideos zur "
        "systematischen Fehlersuche an elektrischen Antrieben, die Berufsschule und Betrieb "
        "gemeinsam einsetzen. Bis Sommer 2027 entstehen zwölf Videos mit Arbeitsblättern.",
        "Fehlersuche wird in der Schule am Modell, im Betrieb an der Serienanlage geübt; beide "
        "Seiten wissen wenig voneinander. Videos gab es nur vereinzelt, ohne Absprache und auf "
        "privaten Handys.",
        (
            ("Drehbuchvorlage und Einwilligungen klären", DONE),
            ("Pilotvideos mit dem ersten Lehrjahr drehen", DONE),
            ("Videos in Unterricht und Ausbildung einbinden", RUNNING),
            ("Videoreihe auf zwölf Folgen ausbauen", OPEN),
        ),
        (
            (
                D(2025, 11, 12),
                TOOL,
                "Zwei Tablets mit Gimbal und Schnittsoftware angeschafft; die Videos liegen ab "
                "jetzt auf dem Schulserver statt auf privaten Handys.",
                0,
            ),
            (
                D(2026, 2, 20),
                MATERIAL,
                "Die ersten drei Lernvideos sind fertig: Motorschutzschalter prüfen, "
                "Frequenzumrichter auslesen, Drehrichtung kontrollieren – je vier bis sechs "
                "Minuten, mit Arbeitsblatt.",
                1,
            ),
            (
                D(2026, 6, 18),
                REFLECTION,
                "Die Ausbilder waren skeptisch, ob Azubis vor der Kamera fachlich sauber "
                "erklären. Nach gemeinsamer Sichtung haben wir die Videos freigegeben; einen "
                "Fehler im Video haben wir bewusst als Lernanlass drin gelassen.",
                2,
            ),
        ),
    ),
    (
        "bs-aschenberg",
        "rhoen-verpackungen",
        "Tandem Fulda: Digitales Berichtsheft",
        "Digitales Berichtsheft",
        "Ein Berichtsheft für zwei Lernorte",
        "Der Ausbildungsnachweis wird digital geführt; Lehrkräfte und Ausbildende sehen die "
        "Einträge gleichzeitig und geben Rückmeldung. Ab dem Ausbildungsjahr 2026/27 führen "
        "alle Azubis der Packmitteltechnologie ihr Berichtsheft digital.",
        "Papierberichtshefte werden oft erst kurz vor der Prüfung unterschrieben; die Schule "
        "sieht sie nie. Rückmeldungen zu Lerninhalten kommen zu spät oder gar nicht.",
        (
            ("Anbieter vergleichen und Datenschutz klären", DONE),
            ("Pilot mit einer Klasse", DONE),
            ("Rückmeldungen der Lehrkräfte im Heft verankern", RUNNING),
            ("Auf alle Auszubildenden ausrollen", RUNNING),
            ("Erfahrungen für andere Betriebe aufschreiben", OPEN),
        ),
        (
            (
                D(2025, 12, 3),
                TOOL,
                "Entscheidung für ein webbasiertes Berichtsheft mit Rollen für Azubi, "
                "Ausbilderin und Lehrkraft; Auftragsverarbeitungsvertrag ist unterschrieben.",
                0,
            ),
            (
                D(2026, 3, 9),
                PROCESS,
                "Wochenberichte werden jetzt jeden Freitag eingereicht und innerhalb einer "
                "Woche abgezeichnet – früher lagen zwischen Eintrag und Unterschrift Monate.",
                1,
            ),
            (
                D(2026, 9, 14),
                TRAINING,
                "Einführung für den neuen Jahrgang: 14 Azubis haben ihr Konto eingerichtet und "
                "den ersten Bericht gemeinsam geschrieben.",
                3,
            ),
        ),
    ),
    (
        "kaethe-rehm-schule",
        "lahnpharm",
        "Tandem Marburg: Kooperationsplattform Labor",
        "Kooperationsplattform Labor",
        "Kooperationsplattform für Laborpläne und Unterweisungen",
        "Schule und Betrieb bündeln Laborpläne, Sicherheitsunterweisungen und Absprachen auf "
        "einer gemeinsamen Plattform, damit Azubis an beiden Lernorten mit denselben "
        "Unterlagen arbeiten.",
        "Unterweisungen werden doppelt gehalten, Versuchsvorschriften unterscheiden sich im "
        "Detail, Absprachen laufen über E-Mail-Ketten, die niemand wiederfindet.",
        (
            ("Plattformen eruieren und testen", DONE),
            ("Gemeinsame Struktur für Laborpläne festlegen", DONE),
            ("Sicherheitsunterweisungen zusammenführen", RUNNING),
        ),
        (
            (
                D(2025, 10, 28),
                OTHER,
                "Drei Plattformen im Test: Schul-Moodle, das Intranet des Betriebs und eine "
                "Cloud-Lösung. Das Intranet scheidet aus, weil die Schule keinen Zugang bekommt.",
                0,
            ),
            (
                D(2026, 1, 22),
                TOOL,
                "Gemeinsamer Kursraum im Schul-Moodle eingerichtet; Ausbilder des Betriebs haben "
                "Gastzugänge mit Bearbeitungsrechten.",
                0,
            ),
            (
                D(2026, 5, 6),
                MATERIAL,
                "Vorlage für Laborpläne mit Lernziel, Gefährdungen und Bezug zum Rahmenlehrplan "
                "erstellt; die ersten acht Versuche sind übertragen.",
                1,
            ),
        ),
    ),
    (
        "gustav-reinhardt-schule",
        "mittelhessische-optikwerke",
        "Tandem Wetzlar: VR-Übung Justage",
        "VR-Übung zur Justage",
        "Justieren lernen in der virtuellen Werkstatt",
        "Eine VR-Übung bereitet Azubis der Feinoptik auf die Justage optischer Baugruppen vor, "
        "bevor sie an teure Geräte gehen. Schule und Betrieb setzen sie im ersten Lehrjahr ein.",
        "Justage wird bisher nur im Betrieb gelernt, an echten Baugruppen und mit viel "
        "Betreuung. In der Schule fehlt jede praktische Übung dazu.",
        (
            ("Lernszenario und Fehlerbilder beschreiben", DONE),
            ("VR-Prototyp mit Hochschule entwickeln", RUNNING),
            ("Erprobung mit zwei Klassen", OPEN),
            ("Auswertung und Übergabe an andere Schulen", OPEN),
        ),
        (
            (
                D(2025, 12, 10),
                MATERIAL,
                "Lernszenario mit sechs typischen Justagefehlern beschrieben, jeweils mit "
                "Foto vom echten Gerät.",
                0,
            ),
            (
                D(2026, 4, 15),
                REFLECTION,
                "Der Prototyp verzögert sich: Die Hochschule hat das Projekt erst im zweiten "
                "Semester eingeplant. Wir nutzen die Zeit für eine Papierversion der Übung.",
                1,
            ),
            (
                D(2026, 10, 7),
                TOOL,
                "Erste VR-Brillen im Test; zwei Azubis bekommen nach zehn Minuten "
                "Schwindelgefühle – Sitzungen werden auf acht Minuten begrenzt.",
                1,
            ),
        ),
    ),
    (
        "hedwig-daum-schule",
        "odenwald-spezialchemie",
        "Tandem Darmstadt: Prozessleitsystem",
        "Simulation am Prozessleitsystem",
        "Lernsituationen am simulierten Prozessleitsystem",
        "Gemeinsame Lernsituationen verbinden den Unterricht am simulierten Prozessleitsystem "
        "mit der Arbeit an der realen Anlage: dieselben Störfälle, erst simuliert, dann "
        "begleitet an der Anlage.",
        "Die Schule hat eine Simulationssoftware, die kaum genutzt wird; der Betrieb schult an "
        "der Anlage, ohne zu wissen, was im Unterricht schon geübt wurde.",
        (
            ("Störfallszenarien gemeinsam auswählen", DONE),
            ("Lernsituationen schreiben", DONE),
            ("Lehrkräfte an der Anlage hospitieren lassen", DONE),
            ("Erprobung im zweiten Lehrjahr", RUNNING),
        ),
        (
            (
                D(2025, 11, 19),
                PROCESS,
                "Vereinbart: Vor jedem Betriebsblock schickt die Schule eine Übersicht der "
                "simulierten Störfälle, der Betrieb knüpft daran an.",
                0,
            ),
            (
                D(2026, 3, 4),
                MATERIAL,
                "Vier Lernsituationen fertig: Pumpenausfall, Druckanstieg im Reaktor, "
                "Fehldosierung, Kühlwasserstörung.",
                1,
            ),
            (
                D(2026, 6, 10),
                TRAINING,
                "Drei Lehrkräfte haben je einen Tag in der Messwarte hospitiert; ein "
                "Schichtmeister hat im Gegenzug eine Unterrichtsstunde mitgestaltet.",
                2,
            ),
        ),
    ),
    (
        "bs-mainbogen",
        "rhein-main-lacke",
        "Tandem Offenbach: Farbmisch-App",
        "mehrsprachige Farbmisch-App",
        "Mehrsprachige Farbmisch-App für den Ausbildungsstart",
        "Tablets und eine mehrsprachige Farbmisch-App erleichtern Azubis mit wenig "
        "Deutschkenntnissen den Einstieg in die Lacklaborantenausbildung.",
        "Viele Azubis sprechen zu Hause eine andere Sprache; Fachbegriffe und Rezepturen "
        "verstehen sie oft erst nach Monaten. Die Werkstatt arbeitet mit Papierrezepturen.",
        (
            ("Fachwortschatz in fünf Sprachen sammeln", DONE),
            ("App-Prototyp mit Rezepturen", RUNNING),
            ("Tablets in der Werkstatt einführen", DONE),
        ),
        (
            (
                D(2025, 12, 1),
                MATERIAL,
                "Glossar mit 180 Fachbegriffen in Deutsch, Türkisch, Arabisch, Rumänisch und "
                "Englisch, erstellt von Azubis beider Lernorte.",
                0,
            ),
            (
                D(2026, 2, 11),
                TOOL,
                "Acht Tablets in der Schulwerkstatt, geschützt in Hüllen gegen Lösemittel; "
                "Rezepturen werden jetzt vom Tablet abgelesen.",
                2,
            ),
            (
                D(2026, 7, 2),
                REFLECTION,
                "Einige Lehrkräfte fürchteten, die Übersetzungen hielten Azubis vom Deutschlernen "
                "ab. Wir zeigen Begriffe jetzt immer zuerst auf Deutsch – das hat die Debatte "
                "beruhigt.",
                1,
            ),
        ),
    ),
    (
        "leopold-hellmann-schule",
        "hanauer-edelmetall",
        "Tandem Hanau: Moodle-Kurs Werkstoffprüfung",
        "Moodle-Kurs Werkstoffprüfung",
        "Gemeinsamer Moodle-Kurs Werkstoffprüfung und Kreislaufwirtschaft",
        "Ein Moodle-Kurs, den Schule und Betrieb gemeinsam betreiben, verbindet "
        "Werkstoffprüfung im Unterricht mit der Rückgewinnung von Edelmetallen im Betrieb.",
        "Der Betrieb hat eigene Schulungsunterlagen, die Schule eigene Arbeitsblätter; Azubis "
        "sehen keinen Zusammenhang zwischen Prüfverfahren und Recyclingprozess.",
        (
            ("Kursstruktur abstimmen", DONE),
            ("Betriebsrundgang als 360-Grad-Tour", DONE),
            ("Prüfaufgaben mit echten Proben", RUNNING),
            ("Kurs für andere Schulen öffnen", OPEN),
        ),
        (
            (
                D(2025, 11, 5),
                PROCESS,
                "Kursstruktur steht: sechs Themen, je ein Teil Schule, ein Teil Betrieb; die "
                "Verantwortung wechselt pro Thema.",
                0,
            ),
            (
                D(2026, 4, 23),
                MATERIAL,
                "360-Grad-Rundgang durch die Scheideanlage online, mit Stationen zu Probenahme "
                "und Röntgenfluoreszenzanalyse.",
                1,
            ),
            (
                D(2026, 9, 30),
                TRAINING,
                "Kollegium der Metallabteilung in den Kurs eingeführt; acht Lehrkräfte nutzen "
                "ihn jetzt im Unterricht.",
                2,
            ),
        ),
    ),
    (
        "hanna-koerner-schule",
        "rheingau-spezialglas",
        "Tandem Wiesbaden: E-Portfolio",
        "E-Portfolio",
        "E-Portfolio für Glasapparatebauerinnen und -bauer",
        "Azubis dokumentieren ihre Werkstücke und Lernfortschritte in einem E-Portfolio, das "
        "Schule und Betrieb gemeinsam bewerten; es ersetzt die getrennten Beurteilungsbögen.",
        "Werkstücke werden im Betrieb bewertet, Lernfelder in der Schule – ein Gesamtbild der "
        "Entwicklung hat niemand, auch die Azubis selbst nicht.",
        (
            ("Portfolio-Vorlage und Bewertungsraster", DONE),
            ("Fotodokumentation in der Werkstatt", RUNNING),
            ("Gemeinsame Bewertungsgespräche", RUNNING),
        ),
        (
            (
                D(2026, 1, 15),
                TOOL,
                "E-Portfolio in Mahara eingerichtet, mit Vorlagen für Werkstück, Reflexion und "
                "Feedback beider Lernorte.",
                0,
            ),
            (
                D(2026, 5, 27),
                PROCESS,
                "Beurteilungsbögen von Schule und Betrieb zusammengeführt: ein Raster, zwei "
                "Perspektiven, einmal im Halbjahr ein gemeinsames Gespräch mit dem Azubi.",
                2,
            ),
            (
                D(2026, 10, 21),
                REFLECTION,
                "Die Azubis fotografieren gern, schreiben aber ungern Reflexionen. "
                "Sprachnachrichten als Alternative werden ausprobiert.",
                1,
            ),
        ),
    ),
    (
        "agnes-pockels-schule",
        "mainchem",
        "Tandem Frankfurt-Höchst: GMP-Podcast",
        "GMP-Podcast",
        "Azubi-Podcast zu GMP-Regeln",
        "Azubis produzieren einen Podcast zu den Regeln guter Herstellungspraxis (GMP), den "
        "Lehrkräfte und Ausbildende gemeinsam betreuen und im Unterricht und in der "
        "Einarbeitung nutzen.",
        "GMP wird in Schule und Betrieb als trockener Pflichtstoff erlebt; Schulungen sind "
        "Folienvorträge, deren Inhalte nach kurzer Zeit vergessen sind.",
        (
            ("Themenplan und Redaktionsteam", DONE),
            ("Aufnahmetechnik und Schnitt lernen", DONE),
            ("Erste Staffel mit sechs Folgen", RUNNING),
            ("Einsatz in der Einarbeitung neuer Azubis", OPEN),
        ),
        (
            (
                D(2025, 10, 30),
                OTHER,
                "Redaktionsteam aus fünf Azubis gegründet; Themen für die erste Staffel "
                "gesammelt, von Hygieneschleuse bis Abweichungsbericht.",
                0,
            ),
            (
                D(2026, 1, 28),
                TRAINING,
                "Workshop mit einer Radiojournalistin: Interviewtechnik, Mikrofone, Schnitt "
                "mit Audacity.",
                1,
            ),
            (
                D(2026, 5, 13),
                MATERIAL,
                "Folge 1 „Warum wir alles dokumentieren“ veröffentlicht; 23 Minuten, mit "
                "Quizfragen im Kurs.",
                2,
            ),
        ),
    ),
    (
        "bs-fuldatal",
        "hersfelder-logistik",
        "Tandem Bad Hersfeld: Lernapp Prüfung",
        "Lernapp zur Prüfungsvorbereitung",
        "Lernapp zur Prüfungsvorbereitung in der Lagerlogistik",
        "Eine gemeinsam entwickelte Lernapp bereitet Azubis auf die Abschlussprüfung vor und "
        "zeigt Lehrkräften und Ausbildenden, wo die Lücken sind.",
        "Prüfungsvorbereitung läuft mit alten Prüfungsheften; wo Azubis Schwierigkeiten haben, "
        "zeigt sich erst im Ergebnis der Zwischenprüfung.",
        (
            ("Fragenpool aus beiden Lernorten", DONE),
            ("App auswählen und Fragen einpflegen", DONE),
            ("Auswertung der Lernstände einführen", RUNNING),
        ),
        (
            (
                D(2025, 12, 17),
                MATERIAL,
                "Fragenpool mit 420 Fragen zu Warenannahme, Lagerung und Versand; 150 davon aus "
                "echten Betriebsabläufen.",
                0,
            ),
            (
                D(2026, 3, 25),
                TOOL,
                "Lernapp im Einsatz, für alle 38 Azubis des Betriebs und zwei Berufsschulklassen.",
                1,
            ),
            (
                D(2026, 9, 9),
                PROCESS,
                "Lehrkräfte und Ausbilder sehen jetzt monatlich, welche Themen schwach sind, "
                "und planen gemeinsam Wiederholungsstunden.",
                2,
            ),
        ),
    ),
)

# (kind, text) that fit any tandem; {topic} is the project's subject.
COMMON_ENTRIES = (
    (
        TRAINING,
        "Halbtägige Schulung zu „{topic}“ für Ausbildende und Lehrkräfte; die meisten Fragen "
        "drehten sich um Zugriffsrechte und Datenschutz.",
    ),
    (
        TRAINING,
        "Azubis des zweiten Lehrjahrs haben den neuen Jahrgang in „{topic}“ eingewiesen – "
        "Peer-Learning hat besser funktioniert als unsere Präsentation.",
    ),
    (
        PROCESS,
        "Die Lernortabsprache findet jetzt monatlich per Videokonferenz statt statt nur zum "
        "Halbjahr; das Protokoll liegt im gemeinsamen Ordner.",
    ),
    (
        PROCESS,
        "Neue Regel im Tandem: Wer Material für „{topic}“ erstellt, stellt es innerhalb einer "
        "Woche dem anderen Lernort zur Durchsicht zur Verfügung.",
    ),
    (
        REFLECTION,
        "Einige Kolleginnen und Kollegen sehen „{topic}“ vor allem als Mehrarbeit. Wir starten "
        "deshalb mit einer Abteilung und sammeln Erfahrungen, bevor wir ausweiten.",
    ),
    (
        REFLECTION,
        "Nach dem Online-Seminar zu Veränderungsprozessen: Widerstand im Kollegium ist oft "
        "Sorge um Qualität, nicht Ablehnung. Wir laden die Skeptiker jetzt zu den "
        "Tandemtreffen ein.",
    ),
    (
        REFLECTION,
        "Rückblick nach einem Jahr: Die Technik war das kleinere Problem, Zeit für Absprachen "
        "einzuplanen das größere. Die Schulleitung hat dafür eine Stunde pro Woche freigegeben.",
    ),
    (
        MATERIAL,
        "Zweiseitige Kurzanleitung zu „{topic}“ für neue Ausbildende erstellt und auf der "
        "Netzwerkplattform geteilt.",
    ),
    (
        TOOL,
        "Gemeinsamer Messenger-Kanal für das Tandem eingerichtet; kurze Fragen laufen nicht "
        "mehr über E-Mail.",
    ),
    (
        OTHER,
        "Besuch eines anderen Tandems aus dem Netzwerk: Wir haben uns angesehen, wie dort "
        "Schule und Betrieb Material austauschen, und zwei Ideen mitgenommen.",
    ),
)

# The six network meetings (seed 003: "das dritte von insgesamt sechs Netzwerktreffen").
# (day, place, focus, agenda ((time, item, speaker), ...)); the last two lie ahead.
MEETING_SERIES = (
    (
        D(2025, 10, 9),
        "Stiftung Lernorte der Zukunft, Mainzer Landstraße 50, 60325 Frankfurt am Main",
        "Auftakt – die Tandems stellen ihre Vorhaben vor",
        (
            ("10:00", "Begrüßung und Ziele des Netzwerks", "coordinator"),
            ("10:45", "Tandem-Speeddating: zehn Vorhaben in zehn Minuten", ""),
            ("13:00", "Werkstatt: Entwicklungsvorhaben konkretisieren", ""),
            ("15:30", "Vereinbarungen und Ausblick", "coordinator"),
        ),
    ),
    (
        D(2026, 2, 5),
        "Johanna-Vogt-Schule, Weserstraße 41, 34125 Kassel",
        "Werkstattarbeit an den Vorhaben, Lernvideos in der Praxis",
        (
            ("10:00", "Rückblick: Was hat sich seit dem Auftakt getan?", "coordinator"),
            ("11:00", "Praxisbeispiel Lernvideos – Besuch in der Schulwerkstatt", ""),
            ("13:30", "Werkstatt: Arbeit an den Entwicklungsvorhaben", ""),
        ),
    ),
    (
        D(2026, 5, 21),
        "Käthe-Rehm-Schule, Leopold-Lucas-Straße 20, 35037 Marburg",
        "Veränderungsprozesse und Umgang mit Widerständen",
        (
            ("10:00", "Impulsvortrag: Ausbildung in Europa im Wandel", "Gast der EU-Kommission"),
            ("11:15", "Veränderungsprozesse und Umgang mit Widerständen", "coordinator"),
            ("13:30", "Kollegiale Fallberatung in Tandemgruppen", ""),
        ),
    ),
    (
        D(2026, 9, 24),
        "Odenwald Spezialchemie GmbH, Frankfurter Straße 250, 64293 Darmstadt",
        "Halbzeit – Ergebnisse sichern und teilen",
        (
            ("10:00", "Halbzeitbilanz der Tandems", "coordinator"),
            ("11:00", "Rundgang: Lernen am Prozessleitsystem", ""),
            ("13:30", "Transfer: Wie teilen wir Praxiswissen?", ""),
        ),
    ),
    (
        D(2027, 2, 4),
        "Berufliche Schule am Mainbogen, Buchhügelallee 86, 63071 Offenbach am Main",
        "Verstetigung – was bleibt nach dem Programm?",
        (
            ("10:00", "Stand der Vorhaben", "coordinator"),
            ("11:00", "Werkstatt: Verstetigung in Schule und Betrieb", ""),
        ),
    ),
    (
        D(2027, 6, 17),
        "Mainchem Pharma Services GmbH, Brüningstraße 50, 65929 Frankfurt am Main",
        "Abschluss und Transfer der Ergebnisse",
        (
            ("10:00", "Präsentation der zehn Entwicklungsvorhaben", ""),
            ("13:00", "Transfer mit dem Beirat und Gästen", "coordinator"),
        ),
    ),
)
# The fifth meeting's venue is small: more register than it seats, some wait.
SMALL_VENUE = 4  # index in MEETING_SERIES
SMALL_VENUE_PLACES = 14

MEETING_MINUTES = """\
## Anwesend

Vertreterinnen und Vertreter von {tandems} Tandems, die Programmleitung und {guests}.

## Schwerpunkt: {focus}

{summary}

## Aus den Tandems

{highlights}

## Nächstes Treffen

Das {next}. Netzwerktreffen findet am {next_day} statt.
"""
MEETING_SUMMARIES = (
    "Die Tandems haben ihre Entwicklungsvorhaben vorgestellt und in der Werkstatt Ziele, erste "
    "Schritte und Zuständigkeiten an beiden Lernorten festgelegt.",
    "Nach vier Monaten sind die meisten Tandems in der Umsetzung; neue Werkzeuge sind "
    "eingeführt, erste Materialien entstanden. Als Hürde wurde vor allem fehlende Zeit für "
    "Absprachen genannt.",
    "Im Zentrum standen Veränderungsprozesse und der Umgang mit Widerständen. In der "
    "kollegialen Fallberatung haben drei Tandems konkrete Situationen aus ihrem Kollegium "
    "eingebracht.",
    "Zur Halbzeit haben alle Tandems ihre Ergebnisse gesichtet. Für den Transfer sollen "
    "Materialien auf der Netzwerkplattform gesammelt und kurz beschrieben werden.",
)
MEETING_DECISIONS = (
    (
        "Jedes Tandem trifft sich mindestens einmal im Monat, abwechselnd in Schule und Betrieb.",
        "Die Tandems dokumentieren ihre Fortschritte im Projektlog auf der Plattform.",
    ),
    ("Das Thema des zweiten Online-Seminars ist „Veränderungsprozesse gestalten“.",),
    (
        "Die Tandems benennen je eine Person, die Widerstände im eigenen Haus ansprechbar macht.",
        "Eine Handreichung zum Umgang mit Widerständen wird aus den Fallberatungen erstellt.",
    ),
    (
        "Materialien der Tandems werden bis Jahresende mit einer Kurzbeschreibung geteilt.",
        "Der Beirat wird zum sechsten Netzwerktreffen eingeladen.",
    ),
)
# (meeting index, task, who: "coordinator", "assistant" or a tandem's school/company, due
# (days after the meeting), done days after the meeting or None)
MEETING_TASKS = (
    (0, "Vorlage für die Entwicklungsvorhaben verschicken", "coordinator", 7, 5),
    (0, "Zugänge zur Netzwerkplattform für alle Tandems einrichten", "assistant", 14, 10),
    (1, "Drehbuchvorlage der Lernvideos für alle Tandems freigeben", "school", 21, 18),
    (2, "Handreichung zum Umgang mit Widerständen zusammenstellen", "assistant", 60, 71),
    (2, "Fallbeispiele aus dem Betrieb anonymisiert aufschreiben", "company", 30, 26),
    (3, "Materialübersicht der Tandems für die Plattform", "assistant", 70, None),
    (3, "Einladung an den Beirat für das sechste Treffen", "coordinator", 45, 40),
)

# Needs-based online seminars (seed 003: "fünf bedarfsbezogene Online-Seminare"): topics the
# members proposed and voted for, in the order the seminars take place; the last two lie ahead.
# (title, what it should cover, day, time, votes)
SEMINARS = (
    (
        "Datenschutz und Bildrechte bei Lernvideos",
        "Was müssen wir beachten, wenn Azubis im Betrieb filmen? Einwilligungen, Speicherorte, "
        "Veröffentlichung.",
        D(2025, 11, 27),
        "16:00",
        7,
    ),
    (
        "Veränderungsprozesse gestalten, Widerstände verstehen",
        "Wie gehen wir mit Skepsis im Kollegium und bei Ausbildenden um, ohne das Vorhaben zu "
        "verwässern?",
        D(2026, 3, 12),
        "15:30",
        11,
    ),
    (
        "Lernplattformen lernortübergreifend nutzen",
        "Moodle, Teams oder Intranet: Wie bekommen Schule und Betrieb Zugang zum selben Kurs?",
        D(2026, 6, 25),
        "16:00",
        6,
    ),
    (
        "KI-Werkzeuge in der Ausbildung: Chancen, Grenzen, Regeln",
        "Chatbots für Berichtsheft und Prüfungsvorbereitung – was ist sinnvoll, was erlaubt?",
        D(2026, 12, 10),
        "15:30",
        9,
    ),
    (
        "Barrierearme und mehrsprachige Lernmaterialien",
        "Einfache Sprache, Untertitel, Übersetzungen: Wie erreichen digitale Materialien alle "
        "Azubis?",
        D(2027, 1, 21),
        "16:00",
        5,
    ),
)
# Proposed and still open for votes: (title, description, votes)
OPEN_TOPICS = (
    (
        "Azubis als Content-Creator: Social Media für die Ausbildungswerbung",
        "Wie können Azubis auf Instagram und TikTok für ihren Beruf werben, und was dürfen sie "
        "dort zeigen?",
        6,
    ),
    (
        "Fördermittel für digitale Ausstattung in Betrieben",
        "Welche Programme gibt es in Hessen für Tablets, VR-Brillen und Software in der "
        "Ausbildung?",
        3,
    ),
)
