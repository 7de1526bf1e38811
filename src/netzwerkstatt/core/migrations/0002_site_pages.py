"""Create the imprint and privacy pages with starting texts the platform admins then adapt."""

import json

from django.db import migrations

PAGES = {
    "imprint": {
        "title": {"en": "Imprint", "de": "Impressum", "it": "Note legali"},
        "body": {
            "en": "This platform is operated by the coordination office named below.\n\n"
            "**Operator:** (name, address and legal form of the operating organisation)\n\n"
            "**Contact:** (e-mail address and telephone)\n\n"
            "*Platform admins edit this text in the administration under Site pages.*",
            "de": "Diese Plattform wird von der unten genannten Koordinierungsstelle betrieben.\n\n"
            "**Betreiber:** (Name, Anschrift und Rechtsform der betreibenden Organisation)\n\n"
            "**Kontakt:** (E-Mail-Adresse und Telefon)\n\n"
            "*Plattform-Admins bearbeiten diesen Text in der Verwaltung unter Seiten.*",
            "it": "Questa piattaforma è gestita dall'ufficio di coordinamento indicato di seguito.\n\n"
            "**Gestore:** (nome, indirizzo e forma giuridica dell'organizzazione)\n\n"
            "**Contatto:** (indirizzo e-mail e telefono)\n\n"
            "*Gli amministratori modificano questo testo nell'amministrazione, alla voce Pagine.*",
        },
    },
    "privacy": {
        "title": {"en": "Privacy notice", "de": "Datenschutzerklärung", "it": "Informativa privacy"},
        "body": {
            "en": "We process personal data only to run the cooperation programmes on this platform "
            "(GDPR Art. 6(1)(b) and (f)).\n\n"
            "- **Account:** e-mail address, name and language, to let you sign in.\n"
            "- **Organisations and roles:** which organisations and programmes you belong to.\n"
            "- **Contact persons:** listed only with their consent; the date of consent is kept.\n"
            "- **Audit log:** who changed what and when, so decisions stay traceable.\n\n"
            "You can download all data about you and delete your account at any time under "
            "*Account → Your data*.",
            "de": "Wir verarbeiten personenbezogene Daten nur, um die Kooperationsprogramme auf "
            "dieser Plattform durchzuführen (Art. 6 Abs. 1 lit. b und f DSGVO).\n\n"
            "- **Konto:** E-Mail-Adresse, Name und Sprache, damit Sie sich anmelden können.\n"
            "- **Organisationen und Rollen:** zu welchen Organisationen und Programmen Sie gehören.\n"
            "- **Ansprechpersonen:** nur mit ihrer Einwilligung; das Datum der Einwilligung wird "
            "gespeichert.\n"
            "- **Protokoll:** wer wann was geändert hat, damit Entscheidungen nachvollziehbar "
            "bleiben.\n\n"
            "Unter *Konto → Ihre Daten* können Sie jederzeit alle Daten über Sie herunterladen "
            "und Ihr Konto löschen.",
            "it": "Trattiamo dati personali solo per gestire i programmi di cooperazione su questa "
            "piattaforma (art. 6, par. 1, lett. b e f GDPR).\n\n"
            "- **Account:** indirizzo e-mail, nome e lingua, per consentirle l'accesso.\n"
            "- **Organizzazioni e ruoli:** a quali organizzazioni e programmi appartiene.\n"
            "- **Referenti:** elencati solo con il loro consenso; la data del consenso viene "
            "conservata.\n"
            "- **Registro delle attività:** chi ha modificato cosa e quando, perché le decisioni "
            "restino tracciabili.\n\n"
            "In *Account → I suoi dati* può scaricare in qualsiasi momento tutti i dati che la "
            "riguardano e cancellare il suo account.",
        },
    },
}


def create(apps, schema_editor):
    SitePage = apps.get_model("core", "SitePage")
    for kind, page in PAGES.items():
        SitePage.objects.get_or_create(
            kind=kind,
            defaults={
                "title": json.dumps(page["title"], ensure_ascii=False),
                "body": json.dumps(page["body"], ensure_ascii=False),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
