"""The Italian actor-group members of PonteDuale: two organisations from each of twelve regions."""

from .people import ORGANISATION_ADMIN
from .spec import Contact, Org

ITALIAN_ORGANISATIONS = (
    # Lombardia
    Org(
        key="cfp-orobico",
        name="CFP Orobico – Centro di Formazione Professionale",
        kind="training_provider",
        sector="private",
        region="IT-25",
        address="Via Borgo Palazzo 128, 24125 Bergamo",
        languages="it en de",
        themes=("work-based-learning", "apprentice-mobility", "smes", "early-leaving-prevention"),
        competencies=(
            "Percorsi IeFP triennali e quadriennali in meccanica, elettrotecnica e logistica",
            "Apprendistato di primo livello (duale) con oltre 120 imprese partner",
            "Mobilità Erasmus+ per allievi e formatori",
            "Tutoraggio personalizzato contro l'abbandono formativo",
        ),
        description=(
            "Il **CFP Orobico** forma ogni anno circa 650 ragazze e ragazzi della provincia di "
            "Bergamo nei settori meccanico, elettrico e logistico. Dal 2016 gestiamo percorsi "
            "in **apprendistato duale** insieme alle piccole e medie imprese del territorio.\n\n"
            "Nella rete PonteDuale cerchiamo partner tedeschi per:\n\n"
            "- confrontare i ruoli del tutor aziendale e del docente,\n"
            "- organizzare tirocini all'estero per i nostri apprendisti,\n"
            "- sviluppare insieme moduli sulla manutenzione predittiva."
        ),
        contacts=(
            Contact("Giulia Ferraro", "Responsabile progetti internazionali", public=True),
            Contact("Paolo Carminati", "Direttore"),
        ),
        admin_email=ORGANISATION_ADMIN.email,
        extra_members=2,
    ),
    Org(
        key="meccanica-adda",
        name="Meccanica Adda S.p.A.",
        kind="training_company",
        sector="private",
        region="IT-25",
        address="Corso Emanuele Filiberto 41, 23900 Lecco",
        languages="it en",
        themes=("work-based-learning", "ai-automation", "skilled-labour-shortage"),
        competencies=(
            "Lavorazioni CNC di precisione per l'industria automobilistica",
            "Academy aziendale con 18 apprendisti all'anno",
            "Tutor aziendali certificati",
        ),
        description=(
            "Azienda metalmeccanica a conduzione familiare con 310 dipendenti. La nostra "
            "**Academy** interna accoglie apprendisti dei CFP del territorio e li accompagna "
            "fino alla qualifica di operatore meccanico. Vogliamo capire come le imprese tedesche "
            "organizzano la formazione dei formatori aziendali."
        ),
        contacts=(Contact("Roberto Manzoni", "Responsabile risorse umane", public=True),),
        extra_members=1,
    ),
    # Veneto
    Org(
        key="its-brenta",
        name="ITS Academy Brenta Tecnologie",
        kind="training_provider",
        sector="public",
        region="IT-34",
        address="Via Venezia 59, 35129 Padova",
        languages="it en",
        themes=("dual-study", "ai-automation", "work-based-learning"),
        competencies=(
            "Percorsi biennali di tecnico superiore in meccatronica e automazione",
            "Laboratori 4.0 condivisi con le imprese",
            "Oltre il 50 % delle ore in azienda",
        ),
        description=(
            "Istituto tecnologico superiore post-diploma fondato da imprese, scuole e università "
            "del Veneto. I nostri corsi alternano aula, laboratorio e **stage lunghi in "
            "azienda**; il 92 % dei diplomati trova lavoro entro un anno. Ci interessa il "
            "confronto con il modello tedesco della formazione professionale superiore."
        ),
        contacts=(
            Contact("Elisa Zanon", "Coordinatrice didattica", public=True),
            Contact("Marco Pavan", "Direttore"),
        ),
    ),
    Org(
        key="artigiani-sile-piave",
        name="Unione Artigiani Sile e Piave",
        kind="association",
        sector="private",
        region="IT-34",
        address="Viale della Repubblica 154, 31100 Treviso",
        languages="it",
        themes=("smes", "work-based-learning", "skilled-labour-shortage"),
        competencies=(
            "Rappresentanza di 4.200 imprese artigiane",
            "Servizio apprendistato per le micro-imprese",
            "Formazione per tutor aziendali",
        ),
        description=(
            "Associazione di categoria delle imprese artigiane della Marca. Aiutiamo le "
            "micro-imprese ad assumere apprendisti: dalla scelta del percorso alla stesura del "
            "piano formativo individuale. Nel progetto portiamo la prospettiva delle botteghe "
            "con meno di dieci addetti."
        ),
        contacts=(Contact("Stefano Bortolin", "Responsabile area formazione"),),
    ),
    # Piemonte
    Org(
        key="iis-valperga",
        name="Istituto d'Istruzione Superiore Ettore Valperga",
        kind="vocational_school",
        sector="public",
        region="IT-21",
        address="Corso Grosseto 88, 10148 Torino",
        languages="it en",
        themes=("learning-venue-cooperation", "digital-learning", "teacher-trainer-training"),
        competencies=(
            "Istituto tecnico e professionale: meccatronica, elettronica, manutenzione",
            "Alternanza scuola-lavoro (PCTO) con 90 aziende",
            "Laboratorio di robotica collaborativa",
        ),
        description=(
            "Scuola statale con 1.100 studenti nella periferia nord di Torino. Da anni "
            "co-progettiamo i percorsi con le aziende del distretto automotive. Con i partner "
            "tedeschi vorremmo sviluppare un **quaderno condiviso dell'apprendista** tra scuola "
            "e impresa."
        ),
        contacts=(
            Contact("Daniela Bosco", "Dirigente scolastica", public=True),
            Contact("Fabio Ghione", "Referente PCTO e apprendistato"),
        ),
        extra_members=1,
    ),
    Org(
        key="cciaa-alpi-langhe",
        name="Camera di Commercio Alpi e Langhe",
        kind="chamber",
        sector="public",
        region="IT-21",
        address="Via Emanuele Filiberto 3, 12100 Cuneo",
        languages="it fr",
        themes=("regional-development", "career-guidance", "smes"),
        competencies=(
            "Orientamento al lavoro e alle professioni",
            "Registro nazionale per l'alternanza scuola-lavoro",
            "Certificazione delle competenze acquisite in azienda",
        ),
        description=(
            "Ente pubblico che rappresenta le imprese delle province alpine del Piemonte "
            "meridionale. Promuoviamo l'incontro tra scuole e imprese e sperimentiamo la "
            "**certificazione delle competenze** maturate in apprendistato, sul modello degli "
            "esami camerali tedeschi."
        ),
        contacts=(Contact("Lucia Giraudo", "Funzionaria servizio orientamento", public=True),),
    ),
    # Emilia-Romagna
    Org(
        key="uesa-modena",
        name="Università Emiliana di Scienze Applicate – Centro per la formazione duale",
        kind="university",
        sector="public",
        region="IT-45",
        address="Via Vivarelli 10, 41125 Modena",
        languages="it en de",
        themes=("dual-study", "teacher-trainer-training", "quality-assurance"),
        competencies=(
            "Apprendistato di alta formazione e ricerca",
            "Ricerca sulla didattica della formazione professionale",
            "Formazione dei tutor accademici e aziendali",
        ),
        description=(
            "Il Centro coordina i corsi di laurea in apprendistato dell'ateneo e studia "
            "l'impatto dei percorsi duali sulle carriere dei giovani. Portiamo nella rete "
            "metodi di **valutazione** e la collaborazione con le università tedesche di "
            "scienze applicate."
        ),
        contacts=(
            Contact("Prof.ssa Anna Malagoli", "Direttrice del Centro", public=True),
            Contact("Luca Benassi", "Ricercatore"),
        ),
    ),
    Org(
        key="packaging-reno",
        name="Packaging Valle del Reno S.r.l.",
        kind="training_company",
        sector="private",
        region="IT-45",
        address="Via del Lavoro 22, 40033 Casalecchio di Reno",
        languages="it en de",
        themes=("work-based-learning", "ai-automation", "green-skills"),
        competencies=(
            "Progettazione e montaggio di macchine automatiche per il confezionamento",
            "Apprendistato duale per manutentori meccatronici",
            "Progetti sugli imballaggi riciclabili",
        ),
        description=(
            "Costruiamo linee di confezionamento per l'industria alimentare e farmaceutica, "
            "esportate in 40 paesi. Da cinque anni formiamo i nostri **manutentori "
            "meccatronici** in apprendistato insieme all'IIS del territorio."
        ),
        contacts=(Contact("Sara Tinti", "Responsabile formazione e sviluppo"),),
        extra_members=1,
    ),
    # Toscana
    Org(
        key="afl-valdarno",
        name="Agenzia Formazione e Lavoro Valdarno",
        kind="public_authority",
        sector="public",
        region="IT-52",
        address="Via Monte Falco 36, 52100 Arezzo",
        languages="it",
        themes=("career-guidance", "validation-non-formal-learning", "inclusion-diversity"),
        competencies=(
            "Centri per l'impiego e servizi di orientamento",
            "Validazione e certificazione delle competenze",
            "Programmi per giovani NEET",
        ),
        description=(
            "Agenzia pubblica per le politiche attive del lavoro nelle province di Arezzo e "
            "Siena. Gestiamo l'incrocio tra domanda e offerta di apprendistato e accompagniamo i "
            "giovani **NEET** verso una qualifica."
        ),
        contacts=(Contact("Cristina Nocentini", "Responsabile servizi alle imprese"),),
    ),
    Org(
        key="pelletteria-fiorentina",
        name="Pelletteria Artigiana Fiorentina S.r.l.",
        kind="training_company",
        sector="private",
        region="IT-52",
        address="Via Pisana 301, 50018 Scandicci",
        languages="it en",
        themes=("smes", "skilled-labour-shortage", "work-based-learning"),
        competencies=(
            "Lavorazione artigianale della pelle per marchi di alta moda",
            "Scuola di mestiere interna",
            "Trasmissione del sapere tra generazioni",
        ),
        description=(
            "Laboratorio di pelletteria con 85 artigiane e artigiani. Poiché mancano giovani "
            "che scelgono il mestiere, abbiamo aperto una **scuola di mestiere** interna e "
            "cerchiamo idee dal modello tedesco dei maestri artigiani."
        ),
        contacts=(Contact("Niccolò Bartolini", "Titolare", public=True),),
    ),
    # Lazio
    Org(
        key="ipsseoa-tiburtino",
        name="IPSSEOA Tiburtino – Istituto Professionale per l'Enogastronomia e l'Ospitalità",
        kind="vocational_school",
        sector="public",
        region="IT-62",
        address="Via Tiburtina 512, 00159 Roma",
        languages="it en",
        themes=("work-based-learning", "apprentice-mobility", "inclusion-diversity"),
        competencies=(
            "Indirizzi enogastronomia, sala e vendita, accoglienza turistica",
            "Apprendistato di primo livello con hotel e ristoranti",
            "Tirocini all'estero per 60 studenti all'anno",
        ),
        description=(
            "Istituto alberghiero con 1.400 studenti di cui molti con background migratorio. "
            "Con gli hotel di Roma sperimentiamo il **sistema duale** nell'ospitalità e "
            "vorremmo confrontarci con le scuole professionali tedesche del turismo."
        ),
        contacts=(
            Contact("Marina De Santis", "Dirigente scolastica", public=True),
            Contact("Alessio Ruggeri", "Docente referente per l'apprendistato"),
        ),
        extra_members=2,
    ),
    Org(
        key="ebt-lazio",
        name="Ente Bilaterale Turismo e Formazione Lazio",
        kind="association",
        sector="private",
        region="IT-62",
        address="Via Marsala 29, 00185 Roma",
        languages="it en",
        themes=("skilled-labour-shortage", "continuing-education", "quality-assurance"),
        competencies=(
            "Ente paritetico di associazioni datoriali e sindacati del turismo",
            "Fondi per la formazione degli apprendisti",
            "Osservatorio sui fabbisogni professionali",
        ),
        description=(
            "Organismo **bilaterale** costituito dalle parti sociali del settore turistico. "
            "Finanziamo la formazione degli apprendisti e monitoriamo i fabbisogni di "
            "competenze delle imprese. Nella rete rappresentiamo le parti sociali italiane."
        ),
        contacts=(Contact("Giorgio Pellegrini", "Segretario generale", public=True),),
    ),
    # Campania
    Org(
        key="itis-partenope",
        name="ITIS Partenope – Istituto Tecnico Industriale",
        kind="vocational_school",
        sector="public",
        region="IT-72",
        address="Via Galileo Ferraris 150, 80142 Napoli",
        languages="it en",
        themes=("early-leaving-prevention", "digital-learning", "career-guidance"),
        competencies=(
            "Indirizzi informatica, elettronica, meccanica e trasporti",
            "Laboratorio territoriale per l'occupabilità",
            "Progetti contro la dispersione scolastica",
        ),
        description=(
            "Istituto tecnico nel quartiere orientale di Napoli. Crediamo che il lavoro in "
            "azienda possa trattenere a scuola i ragazzi a rischio di **abbandono**. Con i "
            "cantieri navali del Golfo abbiamo avviato i primi contratti di apprendistato."
        ),
        contacts=(Contact("Vincenzo Esposito", "Dirigente scolastico", public=True),),
        extra_members=1,
    ),
    Org(
        key="cantieri-golfo",
        name="Cantieri Navali del Golfo S.p.A.",
        kind="training_company",
        sector="private",
        region="IT-72",
        address="Via Bonito 4, 80053 Castellammare di Stabia",
        languages="it en",
        themes=("skilled-labour-shortage", "work-based-learning", "green-skills"),
        competencies=(
            "Costruzione e refitting di navi passeggeri",
            "Scuola di saldatura e carpenteria navale",
            "Propulsione ibrida e riduzione delle emissioni",
        ),
        description=(
            "Cantiere navale con 900 addetti e un indotto di 200 piccole imprese. Ogni anno "
            "mancano saldatori e carpentieri qualificati: con la nostra **scuola di mestiere** "
            "formiamo apprendisti insieme agli istituti tecnici della zona."
        ),
        contacts=(
            Contact("Antonella Cuomo", "Responsabile academy"),
            Contact("Gennaro Vitiello", "Tutor aziendale"),
        ),
    ),
    # Puglia
    Org(
        key="formazione-murgia",
        name="Consorzio Formazione Murgia",
        kind="training_provider",
        sector="private",
        region="IT-75",
        address="Via Bari 112, 70022 Altamura",
        languages="it",
        themes=("inclusion-diversity", "regional-development", "continuing-education"),
        competencies=(
            "Corsi di qualifica regionali per giovani e adulti",
            "Formazione nell'agroalimentare e nel mobile imbottito",
            "Inserimento lavorativo di persone svantaggiate",
        ),
        description=(
            "Consorzio di enti di formazione accreditati dalla Regione Puglia. Lavoriamo con "
            "le imprese agroalimentari e del mobile della Murgia e accompagniamo giovani e "
            "adulti **svantaggiati** verso il lavoro."
        ),
        contacts=(Contact("Rosa Loiudice", "Coordinatrice progetti", public=True),),
    ),
    Org(
        key="aerotecnica-salentina",
        name="Aerotecnica Salentina S.r.l.",
        kind="training_company",
        sector="private",
        region="IT-75",
        address="Via Appia 210, 72100 Brindisi",
        languages="it en",
        themes=("dual-study", "skilled-labour-shortage", "ai-automation"),
        competencies=(
            "Componenti strutturali in composito per l'aeronautica",
            "Apprendistato per tecnici di produzione aeronautica",
            "Collaborazione con l'ITS aerospazio",
        ),
        description=(
            "Fornitore di componenti aeronautici con 240 dipendenti. Investiamo "
            "nell'**apprendistato** perché le competenze sui materiali compositi non si "
            "trovano sul mercato del lavoro."
        ),
        contacts=(Contact("Francesca Miccoli", "HR business partner"),),
    ),
    # Sicilia
    Org(
        key="csf-trinacria",
        name="Centro Studi e Formazione Trinacria",
        kind="training_provider",
        sector="private",
        region="IT-82",
        address="Via Libertà 171, 90143 Palermo",
        languages="it en",
        themes=("early-leaving-prevention", "inclusion-diversity", "career-guidance"),
        competencies=(
            "Percorsi IeFP per ragazzi tra i 14 e i 18 anni",
            "Orientamento e bilancio delle competenze",
            "Progetti di inclusione per minori stranieri non accompagnati",
        ),
        description=(
            "Ente di formazione professionale attivo a Palermo dal 1987. Offriamo percorsi di "
            "qualifica per ragazzi usciti dalla scuola e percorsi di **inclusione** per giovani "
            "migranti. Cerchiamo partner per tirocini transnazionali."
        ),
        contacts=(
            Contact("Salvatore Lo Cascio", "Presidente", public=True),
            Contact("Giuseppina Amato", "Orientatrice"),
        ),
    ),
    Org(
        key="agrario-etneo",
        name="Istituto Tecnico Agrario Etneo",
        kind="vocational_school",
        sector="public",
        region="IT-82",
        address="Via Passo Gravina 190, 95125 Catania",
        languages="it",
        themes=("green-skills", "work-based-learning", "entrepreneurship"),
        competencies=(
            "Azienda agraria didattica di 30 ettari",
            "Viticoltura ed enologia sulle pendici dell'Etna",
            "Impresa formativa simulata",
        ),
        description=(
            "Scuola agraria con una propria **azienda agricola didattica**. Gli studenti "
            "imparano producendo vino, olio e agrumi; vorremmo introdurre l'apprendistato con "
            "le cantine del territorio sul modello tedesco."
        ),
        contacts=(Contact("Agata Scuderi", "Dirigente scolastica"),),
    ),
    # Friuli-Venezia Giulia
    Org(
        key="mobilificio-tagliamento",
        name="Mobilificio Tagliamento S.r.l.",
        kind="training_company",
        sector="private",
        region="IT-36",
        address="Via Nuova di Corva 80, 33170 Pordenone",
        languages="it de en",
        themes=("green-skills", "smes", "learning-venue-cooperation"),
        competencies=(
            "Produzione di cucine e mobili su misura",
            "Verniciatura a base d'acqua e legno certificato",
            "Apprendisti falegnami in collaborazione con l'ISIS Alto Friuli",
        ),
        description=(
            "Azienda del distretto del mobile con 120 collaboratori ed export in Austria e "
            "Germania. Formiamo i nostri **falegnami** in azienda e cerchiamo un confronto con "
            "le imprese tedesche sulla formazione ai materiali sostenibili."
        ),
        contacts=(Contact("Martina Del Zotto", "Responsabile personale", public=True),),
    ),
    Org(
        key="isis-alto-friuli",
        name="ISIS Alto Friuli",
        kind="vocational_school",
        sector="public",
        region="IT-36",
        address="Via Ampezzo 18, 33028 Tolmezzo",
        languages="it de",
        themes=("learning-venue-cooperation", "regional-development", "languages-intercultural"),
        competencies=(
            "Indirizzi tecnologia del legno, manutenzione e assistenza tecnica",
            "Tedesco come seconda lingua in tutti i corsi",
            "Scambi con le scuole professionali della Carinzia",
        ),
        description=(
            "Istituto d'istruzione superiore di montagna, punto di riferimento per le valli "
            "della Carnia. Grazie alla vicinanza con l'Austria lavoriamo da anni con partner di "
            "lingua tedesca e insegniamo il **tedesco tecnico**."
        ),
        contacts=(Contact("Michele Cimenti", "Dirigente scolastico"),),
    ),
    # Trentino-Alto Adige
    Org(
        key="bs-eisacktal",
        name="Berufsschule Eisacktal für Handwerk und Industrie",
        kind="vocational_school",
        sector="public",
        region="IT-32",
        address="Brennerstraße 12, 39042 Brixen",
        languages="de it",
        themes=("work-based-learning", "learning-venue-cooperation", "languages-intercultural"),
        competencies=(
            "Lehre in 14 Handwerks- und Industrieberufen",
            "Zweisprachiger Unterricht Deutsch–Italienisch",
            "Meisterkurse in Zusammenarbeit mit dem Landesverband",
        ),
        description=(
            "Die Landesberufsschule im Eisacktal bildet Lehrlinge im dualen System nach "
            "Südtiroler Modell aus: Blockunterricht an der Schule, Ausbildung im Betrieb. Wir "
            "verstehen uns als **Brücke** zwischen deutscher und italienischer "
            "Berufsbildungskultur und bringen unsere Erfahrung mit beiden Sprachen in das "
            "Netzwerk ein.\n\n"
            "*Scuola professionale provinciale bilingue per apprendisti dell'artigianato e "
            "dell'industria.*"
        ),
        contacts=(
            Contact("Martin Oberhofer", "Direktor", public=True),
            Contact("Elisabeth Kofler", "Koordinatorin Lehrlingswesen"),
        ),
        extra_members=1,
    ),
    Org(
        key="artigiani-dolomiti",
        name="Consorzio Artigiani Dolomiti Formazione",
        kind="association",
        sector="private",
        region="IT-32",
        address="Via Brennero 182, 38121 Trento",
        languages="it de",
        themes=("continuing-education", "smes", "recognition-of-qualifications"),
        competencies=(
            "Corsi per il titolo di maestro artigiano",
            "Formazione per tutor aziendali dell'apprendistato",
            "Riconoscimento delle qualifiche estere",
        ),
        description=(
            "Consorzio delle associazioni artigiane trentine per la formazione continua. "
            "Organizziamo i corsi per il **maestro artigiano**, l'unica qualifica italiana "
            "paragonabile al Meister tedesco."
        ),
        contacts=(Contact("Paola Dallapiccola", "Direttrice", public=True),),
    ),
    # Marche
    Org(
        key="calzaturificio-fermano",
        name="Calzaturificio Fermano S.r.l.",
        kind="training_company",
        sector="private",
        region="IT-57",
        address="Via Prosperi 22, 63900 Fermo",
        languages="it en",
        themes=("smes", "skilled-labour-shortage", "green-skills"),
        competencies=(
            "Calzature artigianali da uomo e da donna",
            "Modellisti e orlatrici formati in azienda",
            "Pelli a concia vegetale",
        ),
        description=(
            "Calzaturificio di terza generazione con 60 addetti. Molte competenze del "
            "distretto rischiano di scomparire: per questo formiamo giovani **modellisti** "
            "insieme all'IPSIA Tenna."
        ),
        contacts=(Contact("Lorenzo Vecchi", "Amministratore delegato"),),
    ),
    Org(
        key="ipsia-tenna",
        name="IPSIA Tenna – Moda e Calzatura",
        kind="vocational_school",
        sector="public",
        region="IT-57",
        address="Via Fratte 46, 63821 Porto Sant'Elpidio",
        languages="it en",
        themes=("learning-venue-cooperation", "digital-learning", "entrepreneurship"),
        competencies=(
            "Indirizzo industria e artigianato per il made in Italy",
            "Modellazione 3D della calzatura",
            "Laboratorio condiviso con le imprese del distretto",
        ),
        description=(
            "Istituto professionale del distretto calzaturiero fermano-maceratese. Nel nostro "
            "laboratorio condiviso le imprese formano gli studenti sulla **modellazione 3D** e "
            "sulle tecniche artigianali."
        ),
        contacts=(Contact("Silvia Properzi", "Dirigente scolastica", public=True),),
    ),
)
