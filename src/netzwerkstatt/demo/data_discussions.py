"""The texts of the demo discussions (see ``discussions``).

A thread is ``(title, posts)``; a post is ``(key, who, days_ago, reply_to, text)`` with an optional
sixth item, the text it was edited to (some hours later). ``who`` names a person by their part in
the network or programme, resolved when loading: in a model network ``coord`` and ``coord_it`` are
the programme's coordinators, ``de``/``de2`` the people of the German member organisations and
``it``/``it2`` those of the Italian ones; in #LernortHessen.digital ``coord``/``coord2`` are the
coordinators and ``school1``, ``company1``, ``school2``, … the people of the first tandems. In a
text, ``{who}`` is that person's first name and ``@{who}`` mentions them. ``days_ago`` counts back
from the day of loading; ``reply_to`` is the key of the post answered, or None.
"""

EXCHANGE = (
    "Erster Azubi-Austausch / Primo scambio di apprendisti",
    (
        (
            "a",
            "de",
            128,
            None,
            "Liebe Partner, cari partner,\n\nwir sollten jetzt den ersten Austausch planen. "
            "Vorschlag: **vier Auszubildende pro Land, drei Wochen**, im Frühjahr.\n\n"
            "Offene Punkte:\n\n1. Zeitraum (Berufsschulblöcke beachten)\n2. Unterkunft\n"
            "3. Betreuung vor Ort (je eine Ansprechperson im Betrieb)\n\n"
            "*In breve: proponiamo quattro apprendisti per paese, tre settimane in primavera.*",
        ),
        (
            "b",
            "it",
            127,
            "a",
            "Ciao {de}, per noi va benissimo. Da noi la scuola finisce il 10 giugno, quindi "
            "aprile–maggio sarebbe ideale. Per l'alloggio possiamo chiedere al convitto della "
            "scuola, costa circa 25 € a notte.",
        ),
        (
            "c",
            "de2",
            125,
            "a",
            "Bei uns liegen die Berufsschulblöcke im März und im Juni. Mai würde passen. "
            "Wir könnten zwei Azubis aus dem zweiten Lehrjahr schicken.",
        ),
        (
            "d",
            "de",
            120,
            None,
            "Zusammenfassung / Riassunto: **4.–22. Mai**, vier Azubis je Seite, Unterkunft im "
            "Wohnheim der Schule. @{coord}, können die Reisekosten aus dem Mobilitätsbudget "
            "des Programms kommen?",
        ),
        (
            "e",
            "coord",
            118,
            "d",
            "Ja, über das Mobilitätsbudget: Reise und Unterkunft werden pauschal erstattet. "
            "Bitte schicken Sie mir bis Ende des Monats die Namen und die Zeiträume, dann "
            "bereite ich die Vereinbarungen vor.",
        ),
        (
            "f",
            "it2",
            96,
            None,
            "Abbiamo scelto i nostri quattro apprendisti, tutti del secondo anno. "
            "Due parlano un po' di tedesco, gli altri inglese. Prepariamo un breve corso di "
            "lingua di 10 ore prima della partenza.",
        ),
        (
            "g",
            "de",
            95,
            "f",
            "Super, grazie! Wir bereiten eine Willkommensmappe auf Italienisch vor. "
            "@{it}, schickst du uns noch die Allergien und Essenswünsche?",
        ),
    ),
)

TRANSLATION = (
    "Lernmodul übersetzen / Tradurre il modulo didattico",
    (
        (
            "a",
            "it",
            110,
            None,
            "Abbiamo finito la versione italiana del modulo 1 (sicurezza sul lavoro, 12 pagine). "
            "Chi si occupa della traduzione tedesca? Il glossario è nella cartella "
            "*Materiali didattici*.",
        ),
        (
            "b",
            "de",
            109,
            "a",
            "Das übernehmen wir. Eine Kollegin aus dem Fachbereich übersetzt, "
            "ich lese gegen. Fachbegriffe nehmen wir aus dem gemeinsamen Glossar.",
            "Das übernehmen wir. Eine Kollegin aus dem Fachbereich übersetzt bis Ende des Monats, "
            "ich lese gegen. Fachbegriffe nehmen wir aus dem gemeinsamen Glossar; wo ein Begriff "
            "fehlt, ergänzen wir ihn dort.",
        ),
        (
            "c",
            "it2",
            101,
            "a",
            "Attenzione: alcuni termini non hanno un equivalente diretto, per esempio "
            "*alternanza scuola-lavoro* e *duale Ausbildung*. Li lasciamo in originale con una "
            "nota?",
        ),
        (
            "d",
            "de",
            100,
            "c",
            "Ja, gute Idee: Originalbegriff plus kurze Erklärung in einer Fußnote. "
            "So machen wir es auch beim Begriff *Berufsschule*.",
        ),
        (
            "e",
            "de2",
            74,
            None,
            "Die deutsche Fassung ist fertig und liegt als PDF in der Bibliothek. "
            "@{it}, schaust du bitte, ob die Abbildungen stimmen?",
        ),
        (
            "f",
            "it",
            72,
            "e",
            "Grazie mille! Ho controllato: le figure sono giuste, solo la didascalia 3 va "
            'corretta ("Schutzbrille", non "Schutzhelm").',
        ),
    ),
)

INTERIM_REPORT = (
    "Zwischenbericht vorbereiten / Preparare la relazione intermedia",
    (
        (
            "a",
            "coord",
            70,
            None,
            "Liebe Netzwerke, care reti,\n\nder Zwischenbericht an das Begleitgremium ist Ende "
            "Oktober fällig. Bitte gliedern Sie ihn nach den Arbeitspaketen und nennen Sie "
            "für jedes: Stand, Ergebnisse, Abweichungen vom Plan. Umfang höchstens zehn "
            "Seiten.\n\n*La relazione intermedia è attesa a fine ottobre: max. dieci pagine, "
            "organizzate per pacchetto di lavoro.*",
        ),
        (
            "b",
            "de",
            66,
            "a",
            "Danke! Wir teilen auf: Wir schreiben die Arbeitspakete unter deutscher Leitung, "
            "@{it} die unter italienischer. Entwurf in drei Wochen?",
        ),
        (
            "c",
            "it",
            65,
            "b",
            "D'accordo. Scriviamo in italiano e traduciamo poi insieme il riassunto.",
        ),
        (
            "d",
            "coord_it",
            60,
            "c",
            "Va bene scrivere ciascuno nella propria lingua: il riassunto però deve essere in "
            "entrambe, il comitato è bilingue.",
        ),
        (
            "e",
            "de",
            38,
            None,
            "Der Entwurf liegt im Ordner *Arbeitsplan*. Offene Frage: Wie stellen wir das "
            "Arbeitspaket dar, das im Verzug ist? Ehrlich, mit neuem Zeitplan, würde ich sagen.",
        ),
        (
            "f",
            "coord",
            36,
            "e",
            "Genau so: Verzug offen benennen, Gründe und neuen Termin nennen. Das Begleitgremium "
            "schätzt das mehr als geschönte Zahlen.",
        ),
    ),
)

VIDEO_CALL = (
    "Videokonferenz im Winter / Videoconferenza d'inverno",
    (
        (
            "a",
            "it",
            90,
            None,
            "Proposta per la prossima videoconferenza: martedì o giovedì alle 15. "
            "Temi: stato dei pacchetti di lavoro e visita in azienda in primavera.",
        ),
        (
            "b",
            "de",
            89,
            "a",
            "Donnerstag 15 Uhr passt uns. Ich schicke den Link für die Videokonferenz.",
        ),
        ("c", "de2", 88, "a", "Donnerstag geht bei mir auch, ich bin dabei."),
        (
            "d",
            "it",
            82,
            None,
            "Grazie a tutti per la riunione di oggi! Il verbale è nella cartella *Protokolle / "
            "Verbali*. Prossimo incontro tra sei settimane.",
        ),
    ),
)

SAFETY = (
    "Versicherung und Unterweisung / Assicurazione e formazione sulla sicurezza",
    (
        (
            "a",
            "de2",
            84,
            None,
            "Frage zum Austausch: Sind die italienischen Azubis während des Praktikums bei uns "
            "über die Berufsgenossenschaft versichert, oder brauchen sie eine eigene "
            "Versicherung?",
        ),
        (
            "b",
            "it",
            83,
            "a",
            "Da noi gli studenti sono coperti dall'INAIL anche all'estero, se il tirocinio è "
            "parte del percorso scolastico. Chiedo conferma alla segreteria.",
        ),
        (
            "c",
            "coord_it",
            80,
            "a",
            "Confermo: copertura INAIL più un'assicurazione di responsabilità civile del "
            "programma. @{de2}, Sie bekommen die Bescheinigungen von mir.",
        ),
        (
            "d",
            "de",
            61,
            None,
            "Die Sicherheitsunterweisung machen wir am ersten Tag, zweisprachig. "
            "Die Folien liegen im *Lernmaterial*.",
        ),
        ("e", "it2", 59, "d", "Perfetto, grazie. Possiamo usarle anche noi per i tedeschi."),
    ),
)

PROFILE = (
    "Steckbrief für die Programmseite / Scheda per il sito del programma",
    (
        (
            "a",
            "coord",
            52,
            None,
            "Für die Programmseite brauche ich von jedem Netzwerk einen Steckbrief: drei Sätze "
            "zum Vorhaben, ein Foto, die Partner. Deutsch und Italienisch. @{de}, @{it}, "
            "schaffen Sie das bis in zwei Wochen?",
        ),
        (
            "b",
            "it",
            50,
            "a",
            "Sì, scrivo io la parte italiana. Abbiamo una bella foto dalla visita in officina.",
        ),
        (
            "c",
            "de",
            47,
            "a",
            "Deutscher Text kommt diese Woche. Ist das Foto freigegeben, also haben alle "
            "Abgebildeten zugestimmt?",
        ),
        ("d", "it", 46, "c", "Sì, abbiamo le liberatorie firmate di tutti."),
    ),
)

# The threads of each model network, in the order the networks are chosen (see ``discussions``).
NETWORK_THREADS = (
    (EXCHANGE, TRANSLATION, INTERIM_REPORT),
    (SAFETY, INTERIM_REPORT),
    (VIDEO_CALL, PROFILE),
)

# The threads of the whole #LernortHessen.digital programme.
PROGRAMME_THREADS = (
    (
        "Erfahrungen mit Lernplattformen",
        (
            (
                "a",
                "school1",
                140,
                None,
                "Wir überlegen, unsere Lernvideos über eine Lernplattform bereitzustellen statt "
                "über einen geteilten Ordner. Welche Erfahrungen haben Sie mit **Moodle**, "
                "**itslearning** oder dem Schulportal Hessen?",
            ),
            (
                "b",
                "school2",
                139,
                "a",
                "Wir nutzen Moodle über das Schulportal. Vorteil: Datenschutz ist geklärt, "
                "Anmeldung mit dem Schulkonto. Nachteil: Die Betriebe kommen nur mit Gastkonten "
                "hinein, das ist umständlich.",
            ),
            (
                "c",
                "company1",
                137,
                "b",
                "Genau das ist bei uns der Knackpunkt. Unsere Ausbilder wollen nicht noch ein "
                "Passwort. Hat jemand eine Lösung mit Single Sign-on gefunden?",
            ),
            (
                "d",
                "school3",
                130,
                None,
                "Wir haben gute Erfahrungen mit kurzen Lernpfaden gemacht: höchstens fünf "
                "Schritte, jeder mit einem Video unter drei Minuten. Die Azubis schauen sie "
                "in der Pause im Betrieb.",
            ),
            (
                "e",
                "coord",
                126,
                None,
                "Danke für den Austausch! Das Thema Zugänge für Betriebe nehme ich für das "
                "nächste Netzwerktreffen auf. @{school2}, würden Sie dort kurz zeigen, wie die "
                "Gastkonten bei Ihnen laufen?",
            ),
            ("f", "school2", 125, "e", "Gern, zehn Minuten reichen dafür."),
            (
                "g",
                "company2",
                88,
                None,
                "Kurzes Update: Wir testen jetzt die Lern-App des Kammerbezirks, die läuft "
                "auch auf den Diensthandys. Ich berichte beim Treffen.",
            ),
        ),
    ),
    (
        "Themenwünsche für das nächste Online-Seminar",
        (
            (
                "a",
                "coord2",
                45,
                None,
                "Liebe Tandems, für die nächsten Online-Seminare sammeln wir Themen. Bitte "
                "schlagen Sie sie auch unter *Veranstaltungen → Themen* vor und stimmen Sie ab; "
                "hier können wir sie vorher besprechen.",
            ),
            (
                "b",
                "company3",
                44,
                "a",
                "Uns interessiert, wie man Lernvideos barrierearm macht: Untertitel, Leichte "
                "Sprache, Audiodeskription.",
            ),
            (
                "c",
                "school1",
                42,
                "a",
                "Großes Thema bei uns: KI-Werkzeuge in der Ausbildung. Was ist erlaubt, "
                "was sinnvoll, wie gehen wir mit Prüfungen um?",
                "Großes Thema bei uns: KI-Werkzeuge in der Ausbildung. Was ist erlaubt, "
                "was sinnvoll, wie gehen wir mit Prüfungen und Berichtsheften um? "
                "@{coord}, gibt es dazu schon eine Empfehlung des Landes?",
            ),
            (
                "d",
                "coord",
                40,
                "c",
                "Eine Handreichung des Kultusministeriums ist angekündigt. Sobald sie da ist, "
                "wäre das ein gutes Seminarthema, gern mit einem Gast aus dem Ministerium.",
            ),
            (
                "e",
                "company1",
                31,
                None,
                "+1 für KI. Und: Datenschutz bei Videoaufnahmen im Betrieb, da sind wir noch "
                "unsicher.",
            ),
        ),
    ),
)
