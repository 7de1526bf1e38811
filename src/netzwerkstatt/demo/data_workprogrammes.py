"""The work programmes of PonteDuale's six model networks (seed 001: after the kick-off the networks
"develop their work programme further and draw up the timetable"), in German and Italian.

Each network works in the language it wrote its joint application in. Its goals are drawn from
``GOALS``, each goal with the work packages that serve it; a work package gives its start as
months after October 2025 (month 0, when the networks started) and its length in months. The
milestones and deliverables are the programme's common ones (``MILESTONES``). The joint kick-off
in Bolzano speaks both languages.
"""

import datetime

# (title, description, ((work package, description, start month, months), ...)) by language.
GOALS = {
    "de": (
        (
            "Gemeinsame Lernmodule für die betriebliche Ausbildung",
            "Zweisprachige Lernmodule, die Berufsschulen und Betriebe in beiden Ländern nutzen.",
            (
                (
                    "Bedarfsanalyse in Betrieben und Schulen",
                    "Leitfadengespräche mit Ausbildenden und Lehrkräften in beiden Regionen, "
                    "ausgewertet in einem gemeinsamen Kurzbericht.",
                    0,
                    4,
                ),
                (
                    "Entwicklung zweisprachiger Lernmodule",
                    "Drei Module zu Arbeitssicherheit, Qualitätsprüfung und Kundenauftrag, "
                    "deutsch und italienisch, mit Aufgaben für Schule und Betrieb.",
                    3,
                    9,
                ),
                (
                    "Erprobung der Module mit Auszubildenden",
                    "Pilotdurchlauf mit je einer Klasse pro Land; Rückmeldebögen für Azubis und "
                    "Ausbildende, Überarbeitung im Frühjahr 2027.",
                    10,
                    8,
                ),
            ),
        ),
        (
            "Mobilität von Auszubildenden ermöglichen",
            "Auszubildende lernen einige Wochen im Partnerland, vorbereitet und begleitet.",
            (
                (
                    "Gastbetriebe für Auslandspraktika gewinnen",
                    "Ansprache über Kammern und Verbände; Ziel sind zehn Plätze je Land.",
                    1,
                    6,
                ),
                (
                    "Sprach- und Kulturvorbereitung",
                    "Online-Sprachkurs A1/A2 und ein Vorbereitungstag zu Arbeitskultur und "
                    "Alltag im Partnerland.",
                    8,
                    6,
                ),
                (
                    "Erste Praktikumsrunde im Partnerland",
                    "Vierwöchige Praktika für acht Auszubildende, begleitet von Lernortpaten "
                    "auf beiden Seiten.",
                    14,
                    5,
                ),
            ),
        ),
        (
            "Ausbildungspersonal gemeinsam qualifizieren",
            "Ausbildende und Lehrkräfte lernen die Ausbildung im anderen Land aus der Nähe kennen.",
            (
                (
                    "Job-Shadowing für Ausbildende und Lehrkräfte",
                    "Je drei Tage Hospitation in Betrieben und Schulen des Partnerlands.",
                    5,
                    8,
                ),
                (
                    "Gemeinsame Fortbildungswerkstatt",
                    "Zwei Werkstatttage zu Lernaufgaben und Beurteilung, abwechselnd in beiden "
                    "Ländern.",
                    12,
                    6,
                ),
            ),
        ),
        (
            "Zusammenarbeit über die Förderung hinaus verankern",
            "Die Partner sichern ihre Kooperation vertraglich und in ihren Gremien ab.",
            (
                (
                    "Kooperationsvereinbarung der Partner",
                    "Entwurf, Abstimmung in den Gremien und Unterzeichnung bei der Fachtagung.",
                    15,
                    7,
                ),
                (
                    "Handreichung und Fachtagung zum Transfer",
                    "Eine zweisprachige Handreichung und eine Fachtagung für Schulen, Betriebe "
                    "und Kammern beider Regionen.",
                    18,
                    6,
                ),
            ),
        ),
        (
            "Kompetenzen grenzüberschreitend sichtbar machen",
            "Was Auszubildende im Partnerland lernen, wird zu Hause anerkannt.",
            (
                (
                    "Ausbildungsordnungen und Kompetenzraster vergleichen",
                    "Gegenüberstellung der Ausbildungsinhalte beider Länder für zwei Berufe.",
                    2,
                    7,
                ),
                (
                    "Gemeinsames Kompetenzzertifikat erproben",
                    "Ein zweisprachiges Zertifikat mit Lernergebnissen, erprobt in der ersten "
                    "Praktikumsrunde.",
                    11,
                    10,
                ),
            ),
        ),
    ),
    "it": (
        (
            "Moduli didattici comuni per la formazione in azienda",
            "Moduli bilingui che scuole e imprese dei due paesi usano insieme.",
            (
                (
                    "Analisi dei fabbisogni in imprese e scuole",
                    "Interviste a tutor aziendali e docenti delle due regioni, raccolte in un "
                    "breve rapporto comune.",
                    0,
                    4,
                ),
                (
                    "Sviluppo dei moduli bilingui",
                    "Tre moduli su sicurezza sul lavoro, controllo qualità e commessa del "
                    "cliente, in italiano e in tedesco.",
                    3,
                    9,
                ),
                (
                    "Sperimentazione dei moduli con gli apprendisti",
                    "Prova con una classe per paese; questionari per apprendisti e tutor, "
                    "revisione nella primavera 2027.",
                    10,
                    8,
                ),
            ),
        ),
        (
            "Mobilità degli apprendisti",
            "Gli apprendisti trascorrono alcune settimane nel paese partner, preparati e seguiti.",
            (
                (
                    "Ricerca delle aziende ospitanti",
                    "Contatti tramite camere di commercio e associazioni; obiettivo: dieci posti "
                    "per paese.",
                    1,
                    6,
                ),
                (
                    "Preparazione linguistica e culturale",
                    "Corso di lingua online A1/A2 e una giornata sulla cultura del lavoro nel "
                    "paese partner.",
                    8,
                    6,
                ),
                (
                    "Primo ciclo di tirocini all'estero",
                    "Tirocini di quattro settimane per otto apprendisti, con un tutor di "
                    "riferimento da entrambe le parti.",
                    14,
                    5,
                ),
            ),
        ),
        (
            "Formazione congiunta di tutor e docenti",
            "Tutor aziendali e docenti conoscono da vicino la formazione dell'altro paese.",
            (
                (
                    "Job shadowing per tutor e docenti",
                    "Tre giorni di osservazione in imprese e scuole del paese partner.",
                    5,
                    8,
                ),
                (
                    "Laboratorio comune di formazione",
                    "Due giornate su compiti di apprendimento e valutazione, alternate tra i "
                    "due paesi.",
                    12,
                    6,
                ),
            ),
        ),
        (
            "Una collaborazione oltre il finanziamento",
            "I partner fissano la collaborazione in un accordo e nei loro organi.",
            (
                (
                    "Accordo di cooperazione tra i partner",
                    "Bozza, approvazione negli organi dei partner e firma al convegno finale.",
                    15,
                    7,
                ),
                (
                    "Guida pratica e convegno di trasferimento",
                    "Una guida bilingue e un convegno per scuole, imprese e camere delle due "
                    "regioni.",
                    18,
                    6,
                ),
            ),
        ),
        (
            "Competenze riconosciute oltre confine",
            "Ciò che gli apprendisti imparano nel paese partner viene riconosciuto a casa.",
            (
                (
                    "Confronto tra profili formativi e competenze",
                    "Confronto dei contenuti formativi dei due paesi per due profili "
                    "professionali.",
                    2,
                    7,
                ),
                (
                    "Sperimentazione di un attestato comune",
                    "Un attestato bilingue dei risultati di apprendimento, provato nel primo "
                    "ciclo di tirocini.",
                    11,
                    10,
                ),
            ),
        ),
    ),
}
# The goals that start early (a network has at least one, so some work is done by now).
EARLY_GOALS = (0, 1, 4)

# (title by language, kind, due day); which are done the loader decides from the day of loading.
MILESTONES = (
    (
        {"de": "Auftaktveranstaltung in Bozen", "it": "Evento di avvio a Bolzano"},
        "milestone",
        datetime.date(2025, 10, 17),
    ),
    (
        {
            "de": "Arbeitsprogramm und Zeitplan abgestimmt",
            "it": "Programma di lavoro e calendario concordati",
        },
        "deliverable",
        datetime.date(2025, 12, 15),
    ),
    (
        {
            "de": "Zwischenbericht an das Begleitgremium",
            "it": "Relazione intermedia al comitato di accompagnamento",
        },
        "deliverable",
        datetime.date(2026, 10, 31),
    ),
    (
        {
            "de": "Abschlussbericht und Ergebnisse veröffentlicht",
            "it": "Relazione finale e risultati pubblicati",
        },
        "deliverable",
        datetime.date(2027, 9, 30),
    ),
)

# The joint kick-off of the six model networks (seed 001: "Ab Oktober ... beginnen die 6
# Modell-Netzwerke ihre Zusammenarbeit durch Auftaktveranstaltungen").
KICK_OFF = {
    "title": "Auftaktveranstaltung der Modell-Netzwerke / Evento di avvio delle reti modello",
    "description": (
        "Die sechs deutsch-italienischen Modell-Netzwerke lernen sich kennen, schärfen ihre "
        "Arbeitsprogramme und legen den Zeitplan für die ersten Aktivitäten fest.\n\n"
        "Le sei reti modello italo-tedesche si conoscono, precisano i loro programmi di lavoro "
        "e fissano il calendario delle prime attività.\n\n"
        "Simultanübersetzung Deutsch–Italienisch / Traduzione simultanea italiano–tedesco."
    ),
    "location": "Bozen/Bolzano, Kongresszentrum der Messe, Messeplatz 1",
    "timezone": "Europe/Rome",
    "days": (datetime.date(2025, 10, 16), datetime.date(2025, 10, 17)),
}
KICK_OFF_AGENDA = (
    ("10:00", "Begrüßung / Benvenuto", "coordinators"),
    ("10:30", "Die sechs Modell-Netzwerke stellen sich vor / Presentazione delle reti", ""),
    ("12:30", "Mittagessen / Pranzo", ""),
    ("14:00", "Werkstatt: Arbeitsprogramme schärfen / Laboratorio: i programmi di lavoro", ""),
    ("16:30", "Zeitplan und nächste Schritte / Calendario e prossimi passi", "coordinators"),
)
KICK_OFF_MINUTES = """\
## Teilnehmende / Partecipanti

Vertreterinnen und Vertreter aller sechs Modell-Netzwerke, die Programmkoordination und zwei \
Mitglieder des Begleitgremiums. / Rappresentanti di tutte e sei le reti modello, il \
coordinamento del programma e due membri del comitato di accompagnamento.

## Ergebnisse / Risultati

1. Jedes Netzwerk hat seine Ziele aus der Bewerbung überprüft und in Arbeitspakete mit \
Verantwortlichen auf beiden Seiten übersetzt. / Ogni rete ha verificato gli obiettivi della \
candidatura e li ha tradotti in pacchetti di lavoro con responsabili da entrambe le parti.
2. Die Rückmeldungen des Begleitgremiums (vor allem zu Zeitplänen und zur Rolle der Betriebe) \
wurden in den Werkstattgruppen besprochen. / I commenti del comitato (soprattutto su \
calendari e ruolo delle imprese) sono stati discussi nei gruppi di lavoro.
3. Mehrere Netzwerke möchten ein gemeinsames Glossar der Ausbildungsbegriffe nutzen. / Più reti \
vorrebbero un glossario comune dei termini della formazione duale.

## Offene Fragen / Questioni aperte

- Versicherung der Auszubildenden während der Praktika im Partnerland. / Assicurazione degli \
apprendisti durante i tirocini all'estero.
- Anerkennung der Job-Shadowing-Tage als Fortbildung für Lehrkräfte. / Riconoscimento del job \
shadowing come formazione per i docenti.
"""
KICK_OFF_DECISIONS = (
    "Jedes Modell-Netzwerk legt sein überarbeitetes Arbeitsprogramm bis zum 15. Dezember 2025 "
    "vor. / Ogni rete modello presenta il programma di lavoro aggiornato entro il 15 dicembre "
    "2025.",
    "Die Netzwerktreffen finden zweisprachig statt, Protokolle werden auf Deutsch und "
    "Italienisch geführt. / Gli incontri di rete sono bilingui, i verbali in italiano e tedesco.",
    "Der Zwischenbericht an das Begleitgremium ist zum 31. Oktober 2026 fällig. / La relazione "
    "intermedia al comitato è dovuta entro il 31 ottobre 2026.",
)
# (title, who: "coordinator", "italian coordinator", "german lead", "italian lead",
#  due, done on or None)
KICK_OFF_TASKS = (
    (
        "Vorlage für das Arbeitsprogramm an alle Netzwerke schicken",
        "coordinator",
        datetime.date(2025, 10, 24),
        datetime.date(2025, 10, 22),
    ),
    (
        "Glossario dei termini della formazione duale (IT/DE) – prima bozza",
        "italian coordinator",
        datetime.date(2025, 11, 28),
        datetime.date(2025, 12, 3),
    ),
    (
        "Klären, wie Auszubildende im Auslandspraktikum versichert sind",
        "german lead",
        datetime.date(2025, 12, 19),
        datetime.date(2026, 1, 14),
    ),
    (
        "Fotos und Kurzbericht der Auftaktveranstaltung für die Programmseite",
        "coordinator",
        datetime.date(2025, 11, 7),
        None,
    ),
)

# A network's next meeting, in its language; the day is a date in the winter ahead.
NEXT_MEETING = {
    "de": {
        "title": "Netzwerktreffen: Zwischenstand und Planung 2027",
        "description": (
            "Wir schauen auf den Zwischenbericht, besprechen die offenen Arbeitspakete und "
            "planen die Aktivitäten für das zweite Projektjahr."
        ),
        "agenda": (
            ("09:30", "Ankommen und Rückblick auf den Zwischenbericht"),
            ("10:30", "Arbeitspakete: Stand, Verzögerungen, Unterstützungsbedarf"),
            ("13:00", "Planung 2027 und Verteilung der Aufgaben"),
        ),
    },
    "it": {
        "title": "Incontro di rete: stato dei lavori e piano 2027",
        "description": (
            "Guardiamo insieme la relazione intermedia, discutiamo i pacchetti di lavoro aperti "
            "e pianifichiamo le attività del secondo anno."
        ),
        "agenda": (
            ("09:30", "Accoglienza e relazione intermedia"),
            ("10:30", "Pacchetti di lavoro: stato, ritardi, necessità di supporto"),
            ("13:00", "Piano 2027 e ripartizione dei compiti"),
        ),
    },
}
NEXT_MEETING_DAYS = (
    datetime.date(2026, 12, 3),
    datetime.date(2026, 12, 10),
    datetime.date(2027, 1, 20),
    datetime.date(2027, 1, 28),
    datetime.date(2027, 2, 10),
    datetime.date(2027, 2, 24),
)
