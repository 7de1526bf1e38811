"""The actor groups that answered PonteDuale's Call to Action 2024 (seed 001: expressions of
interest from 12 Italian regions and 7 German states, screened before matching).

Every group is led by a PonteDuale participant, except three school-company tandems from Hesse
that later joined #LernortHessen.digital; a few have partners from their own country. Each group
writes in its own language (the South Tyrolean vocational school in German). Four are not
eligible, each for a reason the screening checklist names: a commercial interest, a one-off
study trip, no time for the accompanying process, a research survey.
"""

from .spec import GroupSpec


def _group(lead, name, focus, learners, motivation, seeks, regions, **extra) -> GroupSpec:
    return GroupSpec(
        lead=lead,
        name=name,
        answers={"motivation": motivation, "focus": focus, "learners": learners},
        seeks=seeks,
        regions=regions,
        **extra,
    )


ITALIAN_GROUPS = (
    _group(
        "cfp-orobico",
        "Rete Orobica per l'apprendistato",
        "trainers",
        670,
        "Da otto anni gestiamo l'apprendistato duale con le PMI bergamasche, ma il ruolo del "
        "tutor aziendale resta debole. Insieme a Meccanica Adda vogliamo confrontarci con scuole e "
        "imprese tedesche su come si formano i formatori aziendali e costruire un percorso comune "
        "di qualificazione per i tutor, da sperimentare in entrambi i paesi.",
        "Una scuola professionale e almeno un'impresa tedesca della metalmeccanica, disposte a "
        "scambiare tutor e formatori e ad accogliere i nostri allievi per tirocini di tre o "
        "quattro settimane.",
        ("DE-BY", "DE-BW"),
        partners=("meccanica-adda",),
        note="Gruppo pubblico-privato solido, tema tutor molto chiaro. Abbinamento possibile "
        "con la Baviera (BS Kiesling).",
    ),
    _group(
        "its-brenta",
        "ITS Brenta – Tecnici superiori 4.0",
        "learning-venues",
        420,
        "I nostri corsi biennali dedicano più della metà delle ore all'impresa. Vogliamo capire "
        "come la formazione professionale superiore tedesca (Techniker, Meister, duales Studium) "
        "collega scuola e azienda, e sviluppare con un partner tedesco un modulo comune di "
        "meccatronica.",
        "Una Fachschule o un'università di scienze applicate con corsi duali in meccatronica, "
        "interessata a scambi di docenti e a progetti comuni con le imprese.",
        ("DE-BW", "DE-BE"),
    ),
    _group(
        "artigiani-sile-piave",
        "Botteghe della Marca",
        "smes",
        310,
        "Nelle botteghe con meno di dieci addetti l'apprendistato è spesso vissuto come un peso "
        "burocratico. Vogliamo imparare dalle organizzazioni dell'artigianato tedesche come si "
        "sostiene la piccola impresa formatrice e portare la nostra esperienza con il piano "
        "formativo individuale.",
        "Una Handwerkskammer o una Kreishandwerkerschaft che offra consulenza sulla formazione "
        "alle micro-imprese.",
        ("DE-BY", "DE-NI"),
    ),
    _group(
        "iis-valperga",
        "Quaderno dell'apprendista Torino Nord",
        "learning-venues",
        1100,
        "Con 90 aziende del distretto automotive co-progettiamo i percorsi di alternanza, ma "
        "manca uno strumento che accompagni l'allievo tra scuola e impresa. Vogliamo sviluppare "
        "con una scuola tedesca un quaderno dell'apprendista digitale e condiviso, sul modello "
        "del Berichtsheft.",
        "Una Berufsschule che usi già il Berichtsheft digitale, con aziende partner nella "
        "meccanica o nell'elettronica.",
        ("DE-SN", "DE-BY"),
    ),
    _group(
        "cciaa-alpi-langhe",
        "Competenze certificate Alpi e Langhe",
        "governance",
        240,
        "Sperimentiamo la certificazione delle competenze acquisite in apprendistato, "
        "ispirandoci agli esami camerali tedeschi. Vorremmo conoscere da vicino come una camera "
        "tedesca organizza le commissioni d'esame e coinvolge le imprese, per proporre un modello "
        "alla Regione Piemonte.",
        "Una camera di commercio o dell'artigianato tedesca che ci faccia assistere a una "
        "sessione d'esame e confronti con noi i profili professionali.",
        ("DE-NW", "DE-BY"),
    ),
    _group(
        "uesa-modena",
        "Apprendistato di alta formazione Emilia",
        "trainers",
        260,
        "Coordiniamo i corsi di laurea in apprendistato dell'ateneo e ne valutiamo gli effetti "
        "sulle carriere. Con un'università tedesca di scienze applicate vogliamo confrontare i "
        "modelli di duales Studium e costruire indicatori comuni di qualità per i percorsi duali "
        "terziari.",
        "Una Hochschule con corsi di studio duali e ricerca sulla formazione professionale, "
        "interessata a uno studio comparativo con ricadute pratiche.",
        ("DE-BW", "DE-BE"),
    ),
    _group(
        "packaging-reno",
        "Manutentori meccatronici Valle del Reno",
        "green",
        24,
        "Formiamo i nostri manutentori meccatronici in apprendistato insieme all'istituto del "
        "territorio. Vogliamo portare nei percorsi l'imballaggio riciclabile e l'efficienza "
        "energetica e confrontarci con un'impresa tedesca che fa lo stesso nella propria "
        "Ausbildungswerkstatt.",
        "Un'impresa tedesca della meccanica o della plastica con apprendisti, attenta alla "
        "sostenibilità, per scambi di apprendisti e di formatori.",
        ("DE-BY", "DE-BW"),
    ),
    _group(
        "afl-valdarno",
        "Valdarno: dall'orientamento all'apprendistato",
        "inclusion",
        180,
        "Ogni anno accompagniamo centinaia di giovani NEET, ma pochi arrivano a un contratto di "
        "apprendistato. Vogliamo capire come in Germania si preparano giovani e imprese, per "
        "esempio con l'assistierte Ausbildung, e sperimentare in Toscana un percorso di "
        "accompagnamento ispirato a quel modello.",
        "Un ente o un servizio tedesco che accompagni giovani svantaggiati durante la "
        "formazione, in collaborazione con le imprese.",
        ("DE-NW",),
    ),
    _group(
        "pelletteria-fiorentina",
        "Pelletteria Fiorentina in Germania",
        "smes",
        12,
        "Vorremmo far conoscere i nostri prodotti in pelle ai negozi e ai grandi magazzini "
        "tedeschi. La rete PonteDuale ci darebbe i contatti per trovare distributori e "
        "partecipare a fiere in Germania, dove il made in Italy artigianale è molto richiesto.",
        "Distributori, negozi e agenti di commercio in Germania interessati alla pelletteria "
        "artigianale di alta gamma.",
        ("DE-BY", "DE-BE"),
        decision="ineligible",
        unmet=(2, 3),
        reason="La manifestazione d'interesse descrive un obiettivo commerciale (trovare "
        "distributori in Germania) e non una collaborazione nella formazione duale. La call si "
        "rivolge a gruppi che vogliono sviluppare insieme la formazione professionale: saremo "
        "lieti di ricevere una nuova proposta sulla vostra scuola di mestiere.",
    ),
    _group(
        "ipsseoa-tiburtino",
        "Ospitalità duale Roma",
        "learning-venues",
        1400,
        "Con gli hotel di Roma abbiamo avviato l'apprendistato di primo livello nell'ospitalità. "
        "Vogliamo confrontarci con una scuola professionale tedesca del turismo su come si "
        "dividono i contenuti tra scuola e albergo, e preparare uno scambio di apprendisti tra "
        "Roma e una città tedesca.",
        "Una Berufsschule per la ristorazione e l'accoglienza con hotel partner, interessata a "
        "scambi di classi e di docenti.",
        ("DE-BE", "DE-HE"),
    ),
    _group(
        "ebt-lazio",
        "Parti sociali del turismo Lazio",
        "governance",
        900,
        "Come ente bilaterale finanziamo la formazione degli apprendisti del turismo. Vogliamo "
        "conoscere il ruolo delle parti sociali tedesche nella definizione dei profili "
        "professionali e portare nella rete la prospettiva dei sindacati e delle associazioni "
        "datoriali italiane.",
        "Parti sociali tedesche (associazioni datoriali, sindacati o camere) attive nella "
        "formazione del settore alberghiero e della ristorazione.",
        ("DE-BE", "DE-HE"),
    ),
    _group(
        "itis-partenope",
        "Napoli Est: restare a scuola lavorando",
        "inclusion",
        950,
        "Nel quartiere orientale di Napoli molti ragazzi lasciano la scuola prima del diploma. "
        "Con i cantieri navali abbiamo avviato i primi apprendistati e vediamo che il lavoro in "
        "azienda li motiva. Vogliamo confrontarci con una scuola tedesca che usa sistemi di "
        "allerta precoce contro l'abbandono.",
        "Una Berufsschule esperta nella prevenzione degli abbandoni, con imprese partner "
        "nell'industria o nei trasporti.",
        ("DE-SN", "DE-NW"),
        note="Ottimo abbinamento possibile con il BSZ Elbtal (Frühwarnsystem).",
    ),
    _group(
        "cantieri-golfo",
        "Scuola di mestiere navale del Golfo",
        "green",
        60,
        "Ogni anno ci mancano saldatori e carpentieri qualificati, e la propulsione ibrida "
        "richiede competenze nuove. Vogliamo confrontare la nostra scuola di mestiere con la "
        "formazione aziendale tedesca e coinvolgere nella rete le piccole imprese del nostro "
        "indotto.",
        "Un'impresa tedesca con Ausbildungswerkstatt nella metalmeccanica o nella cantieristica "
        "e un centro di formazione per la saldatura.",
        ("DE-NI", "DE-NW"),
    ),
    _group(
        "formazione-murgia",
        "Murgia: qualifiche per giovani e adulti",
        "inclusion",
        520,
        "Accompagniamo giovani e adulti svantaggiati verso il lavoro nell'agroalimentare e nel "
        "mobile imbottito. Vogliamo portare in Puglia elementi della formazione duale tedesca per "
        "adulti, come la Umschulung, e costruire con un ente tedesco moduli comuni di "
        "accompagnamento in azienda.",
        "Un Bildungsträger tedesco esperto di Umschulungen e di inserimento lavorativo, anche "
        "in aree rurali.",
        ("DE-NW", "DE-NI"),
    ),
    _group(
        "aerotecnica-salentina",
        "Compositi aeronautici Salento",
        "learning-venues",
        30,
        "Le competenze sui materiali compositi non si trovano sul mercato del lavoro: le "
        "formiamo noi, in apprendistato e con l'ITS aerospazio. Vogliamo confrontarci con "
        "un'impresa e una scuola tedesche su come descrivere queste competenze nuove in un "
        "profilo formativo riconosciuto.",
        "Un'impresa tedesca dell'aeronautica o della meccanica di precisione e una Berufsschule "
        "o Hochschule con cui definire contenuti comuni.",
        ("DE-BW", "DE-BE"),
    ),
    _group(
        "csf-trinacria",
        "Trinacria: percorsi di inclusione",
        "inclusion",
        340,
        "Offriamo percorsi di qualifica a ragazzi usciti dalla scuola e a giovani migranti, "
        "molti dei quali minori non accompagnati. Vogliamo organizzare tirocini transnazionali e "
        "imparare da un ente tedesco come si accompagnano i giovani fino al titolo.",
        "Un ente di formazione tedesco che lavori con giovani migranti e imprese formatrici e "
        "possa accogliere tirocinanti.",
        ("DE-NW", "DE-BE"),
    ),
    _group(
        "agrario-etneo",
        "Etna in viaggio",
        "green",
        480,
        "Vorremmo organizzare nella primavera del 2025 un viaggio di studio di una settimana in "
        "Germania per due classi quinte, per visitare aziende vinicole e una scuola agraria. "
        "Cerchiamo un partner che ci aiuti con il programma delle visite e l'alloggio.",
        "Una scuola agraria o un'azienda vinicola tedesca che possa ospitare 40 studenti per una "
        "settimana.",
        ("DE-BW",),
        decision="ineligible",
        unmet=(2,),
        reason="Il vostro progetto prevede un viaggio di studio di una settimana, mentre "
        "PonteDuale sostiene reti che lavorano insieme per almeno 18 mesi su un programma comune. "
        "Se volete introdurre l'apprendistato con le cantine del territorio, una nuova "
        "manifestazione d'interesse in questo senso sarà benvenuta.",
    ),
    _group(
        "mobilificio-tagliamento",
        "Falegnami del Tagliamento",
        "green",
        14,
        "Formiamo i nostri falegnami in azienda insieme all'ISIS Alto Friuli. Vogliamo "
        "confrontarci con imprese tedesche su come insegnare agli apprendisti i materiali "
        "sostenibili e la verniciatura a base d'acqua, e scambiare apprendisti con un'impresa "
        "del legno in Germania.",
        "Un'impresa tedesca del legno o dell'arredamento con apprendisti, possibilmente in "
        "Baviera, dove esportiamo già.",
        ("DE-BY",),
    ),
    _group(
        "isis-alto-friuli",
        "Carnia bilingue",
        "mobility",
        620,
        "Insegniamo il tedesco tecnico in tutti i corsi e lavoriamo da anni con la Carinzia. Ora "
        "vogliamo estendere gli scambi alla Germania e trasformarli in stage lunghi in aziende "
        "tedesche, riconosciuti come parte del percorso di studio.",
        "Una Berufsschule con aziende partner nel legno o nella manutenzione, disposta ad "
        "accogliere i nostri allievi per stage di quattro settimane.",
        ("DE-BY", "DE-SN"),
    ),
    _group(
        "bs-eisacktal",
        "Lehre ohne Grenzen Eisacktal",
        "mobility",
        900,
        "Als zweisprachige Landesberufsschule verbinden wir das Südtiroler Lehrlingswesen mit "
        "der italienischen Berufsbildung. Wir möchten unsere Erfahrung als Brücke einbringen und "
        "mit einer bayerischen Berufsschule einen Lehrlingsaustausch aufbauen, der auf beide "
        "Lehrzeiten angerechnet wird.",
        "Eine Berufsschule und Ausbildungsbetriebe im Handwerk oder in der Industrie, die "
        "Lehrlinge für drei bis vier Wochen aufnehmen.",
        ("DE-BY",),
    ),
    _group(
        "artigiani-dolomiti",
        "Maestri artigiani Dolomiti",
        "governance",
        150,
        "Organizziamo i corsi per il titolo di maestro artigiano, l'unica qualifica italiana "
        "paragonabile al Meister. Vogliamo confrontare programmi ed esami con un'organizzazione "
        "dell'artigianato tedesca e lavorare al riconoscimento reciproco dei titoli.",
        "Una Handwerkskammer esperta nella Meisterprüfung e nel riconoscimento delle qualifiche "
        "estere.",
        ("DE-BY",),
    ),
    _group(
        "ipsia-tenna",
        "Distretto calzaturiero fermano",
        "learning-venues",
        430,
        "Nel distretto calzaturiero molte competenze rischiano di scomparire. Scuola e impresa "
        "formano già insieme i giovani modellisti nel laboratorio condiviso; vogliamo "
        "confrontarci con partner tedeschi su come rendere stabile questa cooperazione e su come "
        "insegnare la modellazione 3D.",
        "Una Berufsschule e imprese tedesche della moda, della pelletteria o del tessile con cui "
        "sviluppare moduli comuni.",
        ("DE-SN", "DE-BY"),
        partners=("calzaturificio-fermano",),
    ),
)

GERMAN_GROUPS = (
    _group(
        "bs-kiesling",
        "Ostbayern–Italia: Instandhaltung lernen",
        "learning-venues",
        2312,
        "Unsere Auslandspraktika laufen bisher ohne feste Partner in Italien. Zusammen mit der "
        "Kunststofftechnik Altmühl wollen wir daraus eine dauerhafte Kooperation machen: "
        "Lernsituationen, die an beiden Lernorten und in beiden Ländern funktionieren, und ein "
        "regelmäßiger Austausch von Lehrkräften und Ausbildern.",
        "Eine Schule oder einen Bildungsträger mit Metall- und Elektroberufen und mindestens "
        "einen Betrieb, der unsere Auszubildenden aufnimmt.",
        ("IT-25", "IT-34"),
        partners=("altmuehl-kunststoff",),
        note="Passt thematisch gut zu CFP Orobico (Bergamo).",
    ),
    _group(
        "hwk-obermain",
        "Meisterwege Oberfranken",
        "governance",
        1900,
        "Wir nehmen Gesellen- und Meisterprüfungen in 40 Gewerken ab. Uns interessiert, wie in "
        "Italien der maestro artigiano ausgebildet wird, und wir möchten mit italienischen "
        "Partnern Wege zur gegenseitigen Anerkennung von Meisterqualifikationen erproben.",
        "Einen Handwerksverband oder Bildungsträger, der Meisterkurse oder die Ausbildung im "
        "Handwerk organisiert.",
        ("IT-32", "IT-34"),
    ),
    _group(
        "gs-remstal",
        "Lernfabrik Rems–Neckar",
        "digital",
        1845,
        "In unserer Lernfabrik 4.0 lernen Auszubildende an denselben Anlagen wie in den "
        "Betrieben. Das Präzisionswerk Neckar bildet schon für seinen Standort in der Lombardei "
        "aus und kennt die Reibungspunkte beider Systeme. Gemeinsam möchten wir mit "
        "italienischen Partnern Lernmodule für die vernetzte Produktion entwickeln.",
        "Ein Istituto tecnico oder ein ITS mit Laboren für Automation und Unternehmen, die "
        "Auszubildende und Lehrkräfte austauschen.",
        ("IT-25", "IT-34", "IT-45"),
        partners=("praezisionswerk-neckar",),
    ),
    _group(
        "bz-ruhr-lippe",
        "Ausbildung mit Rückenwind Ruhr-Lippe",
        "inclusion",
        640,
        "Wir begleiten junge Menschen, die es auf dem Ausbildungsmarkt schwer haben, bis zum "
        "Abschluss; viele haben eine Zuwanderungsgeschichte. Wir möchten mit italienischen "
        "Partnern vergleichen, wie beide Länder Abbrüche verhindern, und gemeinsame Methoden der "
        "Ausbildungsbegleitung erproben.",
        "Einen Bildungsträger oder eine Schule, die mit benachteiligten oder zugewanderten "
        "Jugendlichen arbeitet.",
        ("IT-82", "IT-52", "IT-75"),
    ),
    _group(
        "ihk-lenne-ruhr",
        "Prüfen mit Ehrenamt",
        "governance",
        6000,
        "Unsere 900 ehrenamtlichen Prüferinnen und Prüfer tragen die duale Ausbildung mit; in "
        "Italien gibt es diese Form nicht. Wir möchten mit italienischen Kammern zeigen, wie "
        "Betriebe an Prüfungen mitwirken, und gemeinsam ein Pilotverfahren für die "
        "Zertifizierung von Kompetenzen aus der Lehre entwickeln.",
        "Eine Handelskammer oder einen Verband, der die Zertifizierung von Kompetenzen aus dem "
        "apprendistato aufbauen will.",
        ("IT-21", "IT-62"),
        note="Passt sehr gut zur CCIAA Alpi e Langhe.",
    ),
    _group(
        "emscher-logistik",
        "Azubis erklären Logistik",
        "digital",
        38,
        "Wir möchten unsere Azubi-Lernvideos gemeinsam mit einem italienischen "
        "Logistikbetrieb zweisprachig weiterentwickeln und in beiden Ländern einsetzen. "
        "Wegen eines Standortumbaus können wir uns allerdings frühestens ab Herbst 2026 an "
        "gemeinsamen Aktivitäten beteiligen, Workshops vorher sind für uns nicht möglich.",
        "Ein Logistikunternehmen oder eine Schule mit Logistikberufen, die Lernvideos mit "
        "Auszubildenden produzieren möchte.",
        ("IT-25", "IT-45"),
        decision="ineligible",
        unmet=(4,),
        reason="Die Begleitphase mit Profilierungsworkshop und Matching-Treffen findet von "
        "Januar bis Juni 2025 statt; nach Ihren Angaben können Sie sich erst ab Herbst 2026 "
        "beteiligen. Wir freuen uns, wenn Sie sich bei einem späteren Aufruf wieder melden.",
    ),
    _group(
        "uv-fulda-werra",
        "Osthessen dual",
        "smes",
        1350,
        "Als Arbeitgeberverband, Berufsschule und Ausbildungsbetrieb aus Osthessen zeigen wir, "
        "wie Sozialpartner, Schule und Betrieb die duale Ausbildung gemeinsam tragen. Wir "
        "möchten dieses Zusammenspiel mit einer italienischen Gruppe vergleichen und gemeinsam "
        "Angebote zur Berufsorientierung entwickeln.",
        "Eine Gruppe aus Verband oder Kammer, Schule und Unternehmen, die Berufsorientierung und "
        "Ausbildung in kleinen und mittleren Betrieben stärken will.",
        ("IT-34", "IT-45"),
        partners=("bs-fuldatal", "hersfelder-logistik"),
    ),
    _group(
        "mathilde-berger-schule",
        "Europaschule Wetterau–Roma",
        "mobility",
        1500,
        "Seit zehn Jahren pflegen wir einen Schüleraustausch mit einer Schule in Rom. Wir "
        "möchten ihn zu einer echten Lernortkooperation ausbauen: Praktika in römischen "
        "Betrieben für unsere Auszubildenden und Praktika in der Wetterau für italienische "
        "Lernende, vorbereitet im Italienischunterricht.",
        "Eine Schule in Rom oder Latium mit Partnerbetrieben im Handel, im Tourismus oder in der "
        "Verwaltung.",
        ("IT-62",),
    ),
    _group(
        "bsz-elbtal",
        "Frühwarnsystem Elbtal",
        "inclusion",
        1250,
        "Mit unserem Frühwarnsystem erkennen wir gemeinsam mit den Betrieben, wenn eine "
        "Ausbildung zu scheitern droht. Wir möchten es mit einer italienischen Schule teilen, "
        "die gegen Schulabbruch arbeitet, und digitale Berichtshefte gemeinsam zu einem "
        "Frühwarninstrument weiterentwickeln.",
        "Eine Schule oder einen Bildungsträger, der gegen Schul- und Ausbildungsabbruch arbeitet "
        "und mit Betrieben kooperiert.",
        ("IT-72", "IT-82", "IT-21"),
    ),
    _group(
        "vogtland-textil",
        "Fachkräfte für Textilmaschinen",
        "learning-venues",
        28,
        "Unsere Stickmaschinen laufen auch in Como und Prato, und unsere Servicetechniker "
        "arbeiten oft in Italien. Wir möchten Auszubildende aus beiden Ländern gemeinsam an "
        "unseren Maschinen ausbilden und mit italienischen Textilbetrieben und Schulen einen "
        "Austausch aufbauen.",
        "Textil- oder Modebetriebe und Schulen mit entsprechenden Berufen, etwa in der "
        "Lombardei, der Toskana oder den Marken.",
        ("IT-25", "IT-52", "IT-57"),
    ),
    _group(
        "osz-spreeufer",
        "Berlin–Garda: Gastgewerbe ohne Grenzen",
        "mobility",
        2100,
        "Unsere Auszubildenden in Küche, Service und Hotel verbringen Praktika in Partnerhotels "
        "am Gardasee. Wir möchten diese Mobilität mit einer italienischen Schule zu einer "
        "gemeinsamen Zusatzqualifikation ausbauen, die in beiden Ländern anerkannt wird.",
        "Ein Istituto alberghiero mit Partnerhotels und Erfahrung im apprendistato.",
        ("IT-62", "IT-34"),
    ),
    _group(
        "htb-adlershof",
        "KI in der Ausbildung – eine Vergleichsstudie",
        "digital",
        2300,
        "Wir planen eine vergleichende Befragung von Auszubildenden und dual Studierenden in "
        "Deutschland und Italien zum Einsatz von KI-Werkzeugen. Über PonteDuale möchten wir "
        "italienische Schulen und Betriebe gewinnen, deren Lernende an der Befragung teilnehmen.",
        "Italienische Schulen, Hochschulen und Betriebe, die ihre Lernenden für eine "
        "Online-Befragung gewinnen.",
        (),
        decision="ineligible",
        unmet=(2,),
        reason="Ihre Interessensbekundung beschreibt eine Forschungsstudie, für die Sie "
        "Teilnehmende suchen. PonteDuale fördert Netzwerke, die gemeinsam die duale Ausbildung "
        "in der Praxis weiterentwickeln. Gern beraten wir Sie, wie Sie sich mit einem "
        "Praxisvorhaben, etwa einem gemeinsamen dualen Studienmodul, erneut bewerben können.",
    ),
    _group(
        "khs-hunte-weser",
        "Handwerk lernt im Verbund",
        "smes",
        1100,
        "In unseren Werkstätten findet die überbetriebliche Lehrlingsunterweisung statt, die "
        "kleine Handwerksbetriebe allein nicht leisten können. Dieses Modell möchten wir "
        "gemeinsam mit einem italienischen Verband an die Bedingungen dort anpassen.",
        "Einen Handwerksverband oder Bildungsträger, der kleine Betriebe bei der Ausbildung "
        "unterstützt.",
        ("IT-34", "IT-32"),
    ),
    _group(
        "nlbk",
        "Niedersachsen verankert",
        "governance",
        12000,
        "Als Landesbehörde fördern wir Ausbildungsverbünde und die internationale "
        "Berufsbildungszusammenarbeit. Wir möchten mit einer italienischen Region erproben, wie "
        "Ergebnisse aus Netzwerken in Förderprogramme übernommen werden, damit sie über die "
        "Projektlaufzeit hinaus wirken.",
        "Eine Regionalverwaltung oder Agentur, die Berufsbildung und Arbeitsmarktpolitik steuert.",
        ("IT-52", "IT-45"),
    ),
    _group(
        "johanna-vogt-schule",
        "Tandem Kassel: Lernvideos Antriebstechnik",
        "digital",
        1600,
        "Als Tandem aus Berufsschule und Betrieb lassen wir Auszubildende Lernvideos zur "
        "Fehlersuche an Antrieben drehen. Wir möchten das Format mit einem italienischen Tandem "
        "zweisprachig weiterentwickeln und die Videos in beiden Ländern im Unterricht und in "
        "der Ausbildungswerkstatt einsetzen.",
        "Ein Tandem aus Schule und Betrieb in Mechatronik oder Elektrotechnik, das digitale "
        "Lernmedien mit Auszubildenden entwickelt.",
        ("IT-25", "IT-45"),
        partners=("nordhessische-antriebstechnik",),
    ),
    _group(
        "hedwig-daum-schule",
        "Tandem Darmstadt: Chemie im Prozess",
        "green",
        900,
        "Schule und Betrieb verbinden bei uns Lernsituationen am simulierten Prozessleitsystem "
        "mit der Praxis im Werk. Mit italienischen Partnern möchten wir gemeinsame "
        "Lernsituationen zur sicheren und ressourcenschonenden Prozessführung entwickeln.",
        "Eine Schule oder ein ITS mit Chemie- oder Pharmaberufen und einen Betrieb der "
        "Prozessindustrie.",
        ("IT-34", "IT-25"),
        partners=("odenwald-spezialchemie",),
    ),
    _group(
        "leopold-hellmann-schule",
        "Tandem Hanau: Kreislauf lernen",
        "green",
        1100,
        "Die Hanauer Edelmetall-Recycling GmbH gewinnt Edelmetalle zurück; mit der "
        "Leopold-Hellmann-Schule bringen wir Kreislaufwirtschaft in die Metallausbildung. Wir "
        "suchen italienische Partner, um Lernsituationen zur Kreislaufwirtschaft zu entwickeln "
        "und Auszubildende auszutauschen.",
        "Eine Schule und einen Betrieb, die Nachhaltigkeit und Kreislaufwirtschaft in der "
        "Ausbildung verankern wollen.",
        ("IT-45", "IT-36"),
        partners=("hanauer-edelmetall",),
    ),
)

PONTEDUALE_GROUPS = ITALIAN_GROUPS + GERMAN_GROUPS
