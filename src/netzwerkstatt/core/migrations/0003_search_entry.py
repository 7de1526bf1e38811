"""The full-text index: one generic table of pre-stemmed words per indexed object (see core.search),
plus the database's own index over it, created here for the database in use:

- SQLite: an FTS5 table with external content (``core_searchentry``), kept in step by triggers;
- PostgreSQL: a stored generated ``tsvector`` column (configuration 'simple', because the words are
  already stemmed in Python; title words weigh A, body words D) with a GIN index.
"""

import django.db.models.deletion
from django.db import migrations, models

SQLITE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS core_searchentry_fts USING fts5("
    "title, body, content='core_searchentry', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER IF NOT EXISTS core_searchentry_fts_insert AFTER INSERT ON core_searchentry "
    "BEGIN INSERT INTO core_searchentry_fts(rowid, title, body) "
    "VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER IF NOT EXISTS core_searchentry_fts_delete AFTER DELETE ON core_searchentry "
    "BEGIN INSERT INTO core_searchentry_fts(core_searchentry_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER IF NOT EXISTS core_searchentry_fts_update AFTER UPDATE ON core_searchentry "
    "BEGIN INSERT INTO core_searchentry_fts(core_searchentry_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO core_searchentry_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS core_searchentry_fts_insert",
    "DROP TRIGGER IF EXISTS core_searchentry_fts_delete",
    "DROP TRIGGER IF EXISTS core_searchentry_fts_update",
    "DROP TABLE IF EXISTS core_searchentry_fts",
]
POSTGRESQL = [
    "ALTER TABLE core_searchentry ADD COLUMN IF NOT EXISTS document tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, body), 'D')) STORED",
    "CREATE INDEX IF NOT EXISTS core_searchentry_document ON core_searchentry USING gin (document)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS core_searchentry_document",
    "ALTER TABLE core_searchentry DROP COLUMN IF EXISTS document",
]


def create_index(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(schema_editor.connection.vendor)
    for statement in statements or ():
        schema_editor.execute(statement, params=None)


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}.get(vendor)
    for statement in statements or ():
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0002_site_pages'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.BigIntegerField()),
                ('language', models.CharField(blank=True, max_length=8)),
                ('title', models.TextField(blank=True)),
                ('body', models.TextField(blank=True)),
                ('content_type', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id'), name='one_search_entry_per_object')],
            },
        ),
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
