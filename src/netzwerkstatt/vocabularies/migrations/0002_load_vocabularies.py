"""Load the shipped vocabularies: themes, ISCED-F 2013 fields and EQF levels."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    Theme = apps.get_model("vocabularies", "Theme")
    IscedField = apps.get_model("vocabularies", "IscedField")
    EqfLevel = apps.get_model("vocabularies", "EqfLevel")
    for position, item in enumerate(json.loads((DATA / "themes.json").read_text("utf-8"))):
        Theme.objects.update_or_create(
            code=item["code"],
            defaults={
                "name": json.dumps(item["name"], ensure_ascii=False),
                "description": json.dumps(item.get("description", {}), ensure_ascii=False),
                "position": position * 10,
            },
        )
    by_code = {}
    for item in json.loads((DATA / "isced_f_2013.json").read_text("utf-8")):
        field, _ = IscedField.objects.update_or_create(
            code=item["code"],
            defaults={
                "name": json.dumps(item["name"], ensure_ascii=False),
                "level": item["level"],
                "parent": by_code.get(item["parent"]),
            },
        )
        by_code[item["code"]] = field
    for item in json.loads((DATA / "eqf_levels.json").read_text("utf-8")):
        EqfLevel.objects.update_or_create(
            level=item["level"],
            defaults={
                key: json.dumps(item[key], ensure_ascii=False)
                for key in ("knowledge", "skills", "responsibility")
            },
        )


class Migration(migrations.Migration):
    dependencies = [("vocabularies", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
