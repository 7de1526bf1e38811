"""The demo accounts people log in with, one per role, and the name pools for the extra members
that make member lists look alive. All names are fictional."""

from .spec import Person

DEMO_PASSWORD = "netzwerkstatt-demo"
LOGIN_DOMAIN = "demo.example.org"

PLATFORM_ADMIN = Person(
    name="Miriam Albrecht",
    language="de",
    email=f"admin@{LOGIN_DOMAIN}",
    is_platform_admin=True,
)
COORDINATOR = Person(
    name="Sabine Hartmann",
    language="de",
    email=f"coordinator@{LOGIN_DOMAIN}",
    organisation="brueckenwerk",
)
COMMITTEE_MEMBER = Person(name="Chiara Lombardi", language="it", email=f"committee@{LOGIN_DOMAIN}")
ORGANISATION_ADMIN = Person(
    name="Giulia Ferraro",
    language="it",
    email=f"orgadmin@{LOGIN_DOMAIN}",
    organisation="cfp-orobico",
)
ORGANISATION_MEMBER = Person(
    name="Jonas Weber",
    language="de",
    email=f"member@{LOGIN_DOMAIN}",
    organisation="bs-kiesling",
)
OUTSIDER = Person(name="Emma Clarke", language="en", email=f"outsider@{LOGIN_DOMAIN}")

# (role, person) in the order the command prints them.
LOGINS = (
    ("Platform admin", PLATFORM_ADMIN),
    ("Programme coordinator", COORDINATOR),
    ("Committee member", COMMITTEE_MEMBER),
    ("Organisation admin", ORGANISATION_ADMIN),
    ("Organisation member", ORGANISATION_MEMBER),
    ("Outsider (no role)", OUTSIDER),
)

# First and last names by country, for the generated extra members.
NAMES = {
    "DE": (
        "Anna Lena Tobias Katharina Felix Johanna Lukas Sophie Maximilian Laura Florian Julia "
        "Stefan Nadine Dennis Carina Matthias Svenja".split(),
        "Müller Schmidt Schneider Fischer Becker Hoffmann Schäfer Koch Richter Klein Wolf "
        "Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Lange Krause Lehmann Köhler "
        "Frank Berger Kaiser Fuchs Scholz Vogel".split(),
    ),
    "AT": (
        "Lukas Hannah David Lea Florian Magdalena Elias Theresa".split(),
        "Gruber Huber Bauer Wagner Pichler Steiner Moser Mayer Hofer Leitner".split(),
    ),
    "IT": (
        "Francesco Sofia Alessandro Giulia Lorenzo Aurora Matteo Martina Andrea Chiara Davide "
        "Elena Simone Federica Riccardo Valentina Stefano Ilaria".split(),
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo "
        "Conti Costa Giordano Mancini Rizzo Lombardo Moretti Barbieri Fontana Santoro Mariani "
        "Rinaldi Caruso Ferri Galli Martini".split(),
    ),
    "ES": (
        "Lucía Hugo Martina Pablo Carmen Javier Elena Álvaro".split(),
        "García Fernández González Rodríguez López Martínez Sánchez Pérez Romero Navarro".split(),
    ),
    "PL": (
        "Zofia Jakub Maja Kacper Aleksandra Mateusz Natalia Piotr".split(),
        "Nowak Wójcik Kowalczyk Mazur Krawczyk Dudek Zając Wróbel".split(),
    ),
    "NL": (
        "Sanne Daan Lotte Bram Fleur Thijs Anouk Ruben".split(),
        ["de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer"],
    ),
    "FI": (
        "Aino Eero Helmi Onni Venla Leevi Emilia Juho".split(),
        "Korhonen Virtanen Mäkinen Nieminen Hämäläinen Laine Heikkinen Koskinen".split(),
    ),
}
