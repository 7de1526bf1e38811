"""The document library of a network: folders, documents with numbered versions, refused files,
previews of images and PDFs, and who may download and change what."""

import io
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.networks.models import Document, DocumentVersion, Folder, Network
from netzwerkstatt.networks.services import documents
from tests.factories import MembershipFactory, ProgrammeFactory, ProgrammeRoleFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% Protokoll\n"
DOCX = b"PK\x03\x04 word document"


def png(width=2000, height=1000, mode="RGBA") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height), (200, 30, 30, 255) if mode == "RGBA" else "red").save(
        buffer, "PNG"
    )
    return buffer.getvalue()


def upload(name="protokoll.pdf", content=PDF):
    return SimpleUploadedFile(name, content)


def stored_files(network) -> list[str]:
    folder = Path(settings.PRIVATE_MEDIA_ROOT) / "networks" / str(network.pk) / "documents"
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.fixture(autouse=True)
def _empty_library_storage():
    """Database ids start again in every test, file names in the private storage do not."""
    shutil.rmtree(Path(settings.PRIVATE_MEDIA_ROOT) / "networks", ignore_errors=True)


@pytest.fixture
def network(world, make_network):
    return make_network("Modellnetzwerk Kassel–Bologna", members=[world.organisation])


def url(network, name, **kwargs):
    return reverse(
        f"networks:{name}",
        kwargs={"programme": network.programme.slug, "pk": network.pk, **kwargs},
    )


def audit_actions(obj) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_id=str(obj.pk), content_type__model=obj._meta.model_name)
        .order_by("id")
        .values_list("action", flat=True)
    )


# Services -------------------------------------------------------------------------------------


def test_an_upload_is_version_1_with_who_what_and_how_big(world, network):
    document = documents.upload_document(
        actor=world.member, network=network, upload=upload(), note="Erste Fassung"
    )

    version = document.current_version
    assert document.title == "protokoll"
    assert (version.number, version.original_name, version.size) == (1, "protokoll.pdf", len(PDF))
    assert (version.file_type, version.content_type) == ("pdf", "application/pdf")
    assert (version.uploaded_by, version.note) == (world.member, "Erste Fassung")
    with version.file.open("rb") as handle:
        assert handle.read() == PDF
    entry = AuditEntry.objects.get(action="network.document_uploaded")
    assert entry.programme == world.programme
    assert entry.changes["file"] == {"old": None, "new": "protokoll.pdf"}


def test_a_new_version_gets_the_next_number_and_the_earlier_one_stays(world, network):
    document = documents.upload_document(
        actor=world.member, network=network, upload=upload(), title="Kooperationsvereinbarung"
    )

    second = documents.upload_version(
        actor=world.coordinator,
        document=document,
        upload=upload("vereinbarung-v2.docx", DOCX),
        note="Unterschriften ergänzt",
    )

    document.refresh_from_db()
    assert document.current_version == second
    versions = list(document.versions.all())
    assert [(v.number, v.original_name) for v in versions] == [
        (2, "vereinbarung-v2.docx"),
        (1, "protokoll.pdf"),
    ]
    with versions[1].file.open("rb") as handle:
        assert handle.read() == PDF
    assert audit_actions(document) == [
        "network.document_uploaded",
        "network.document_version_uploaded",
    ]
    entry = AuditEntry.objects.get(action="network.document_version_uploaded")
    assert entry.changes["version"] == {"old": 1, "new": 2}
    assert entry.programme == world.programme


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ\x90\x00", "Upload one of these file types: pdf, docx"),
        ("fake.pdf", b"<html>not a pdf</html>", "The content of this file is not a PDF file."),
        ("big.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024), "The file is 20.0\xa0MB; the largest"),
    ],
)
def test_a_refused_file_leaves_nothing_in_the_database_or_the_storage(
    world, network, name, content, message
):
    with pytest.raises(ValidationError) as error:
        documents.upload_document(actor=world.member, network=network, upload=upload(name, content))

    assert error.value.message_dict["file"][0].startswith(message)
    assert Document.objects.count() == DocumentVersion.objects.count() == 0
    assert stored_files(network) == []
    assert not AuditEntry.objects.filter(action__startswith="network.document").exists()


def test_a_refused_new_version_keeps_the_document_as_it_was(world, network):
    document = documents.upload_document(actor=world.member, network=network, upload=upload())

    with pytest.raises(ValidationError):
        documents.upload_version(
            actor=world.member, document=document, upload=upload("v2.pdf", b"no pdf")
        )

    assert list(document.versions.values_list("number", flat=True)) == [1]
    assert len(stored_files(network)) == 1


def test_images_get_a_downscaled_preview(world, network):
    document = documents.upload_document(
        actor=world.member, network=network, upload=upload("plakat.png", png())
    )

    version = document.current_version
    assert version.content_type == "image/png"
    with version.preview.open("rb") as handle, Image.open(handle) as preview:
        assert (preview.format, preview.size) == ("JPEG", (800, 400))
    assert len(stored_files(network)) == 2


def test_a_pdf_has_no_image_preview(world, network):
    document = documents.upload_document(actor=world.member, network=network, upload=upload())

    assert not document.current_version.preview


def test_folders_nest_three_levels_deep_with_unique_names(world, network):
    top = documents.create_folder(actor=world.member, network=network, name="Protokolle")
    middle = documents.create_folder(actor=world.member, network=network, name="2026", parent=top)
    bottom = documents.create_folder(
        actor=world.member, network=network, name="März", parent=middle
    )

    with pytest.raises(ValidationError) as too_deep:
        documents.create_folder(actor=world.member, network=network, name="X", parent=bottom)
    with pytest.raises(ValidationError) as twice:
        documents.create_folder(actor=world.member, network=network, name="protokolle")

    assert too_deep.value.message_dict == {"name": ["Folders nest at most 3 levels deep."]}
    assert twice.value.message_dict == {"name": ["There is already a folder “protokolle” here."]}
    assert bottom.ancestors() == [top, middle]
    entry = AuditEntry.objects.filter(action="network.folder_created").order_by("id").last()
    assert entry.changes == {
        "name": {"old": None, "new": "März"},
        "parent": {"old": None, "new": "2026"},
    }
    assert entry.programme == world.programme


def test_renaming_a_folder_is_recorded(world, network):
    folder = documents.create_folder(actor=world.member, network=network, name="Protokole")

    documents.rename_folder(actor=world.member, folder=folder, name="Protokolle")

    folder.refresh_from_db()
    assert folder.name == "Protokolle"
    entry = AuditEntry.objects.get(action="network.folder_renamed")
    assert entry.changes == {"name": {"old": "Protokole", "new": "Protokolle"}}


def test_moving_archiving_and_restoring_are_recorded(world, network):
    folder = documents.create_folder(actor=world.member, network=network, name="Verträge")
    document = documents.upload_document(actor=world.member, network=network, upload=upload())

    documents.move_document(actor=world.member, document=document, folder=folder)
    documents.archive_document(actor=world.coordinator, document=document)
    with pytest.raises(ValidationError) as refused:
        documents.upload_version(actor=world.member, document=document, upload=upload())
    documents.restore_document(actor=world.coordinator, document=document)

    document.refresh_from_db()
    assert (document.folder, document.archived) == (folder, None)
    assert refused.value.messages == [
        "This document is archived. Restore it before you upload a new version."
    ]
    assert audit_actions(document) == [
        "network.document_uploaded",
        "network.document_moved",
        "network.document_archived",
        "network.document_restored",
    ]
    moved = AuditEntry.objects.get(action="network.document_moved")
    assert moved.changes == {"folder": {"old": None, "new": "Verträge"}}


def test_a_document_goes_only_into_a_folder_of_its_network(world, network, make_network):
    other = make_network("Andere", members=[world.organisation])
    elsewhere = documents.create_folder(actor=world.member, network=other, name="Fremd")

    with pytest.raises(ValidationError) as error:
        documents.upload_document(
            actor=world.member, network=network, upload=upload(), folder=elsewhere
        )

    assert error.value.message_dict == {"folder": ["Choose a folder of this network."]}
    assert stored_files(network) == []


# Pages ----------------------------------------------------------------------------------------


def test_a_member_uploads_through_the_form_and_finds_the_document_in_its_folder(
    client, world, network
):
    folder = documents.create_folder(actor=world.member, network=network, name="Protokolle")
    client.force_login(world.member)

    form = client.get(url(network, "document_upload") + f"?folder={folder.pk}")
    response = client.post(
        url(network, "document_upload"),
        {"file": upload(), "title": "Protokoll Kick-off", "folder": folder.pk, "note": ""},
    )

    assert f'<option value="{folder.pk}" selected>Protokolle</option>' in form.content.decode()
    document = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(network, "document", document_id=document.pk)
    listing = client.get(url(network, "document_folder", folder_id=folder.pk)).content.decode()
    assert "Protokoll Kick-off" in listing
    assert world.member.display_name in listing
    top = client.get(url(network, "documents")).content.decode()
    assert "Protokolle" in top and "1 document" in top and "Protokoll Kick-off" not in top


def test_a_refused_file_is_named_next_to_the_field_and_nothing_is_stored(client, world, network):
    client.force_login(world.member)

    response = client.post(
        url(network, "document_upload"),
        {"file": upload("virus.pdf", b"MZ nope"), "title": "", "folder": "", "note": ""},
    )

    assert response.status_code == 200
    assert "The content of this file is not a PDF file." in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files(network) == []


def test_the_document_page_lists_the_versions_and_takes_a_new_one(client, world, network):
    document = documents.upload_document(
        actor=world.member, network=network, upload=upload(), note="Entwurf"
    )
    client.force_login(world.coordinator)

    response = client.post(
        url(network, "document", document_id=document.pk),
        {"action": "version", "version-file": upload("final.pdf"), "version-note": "Endfassung"},
    )
    page = client.get(url(network, "document", document_id=document.pk)).content.decode()

    assert response.status_code == 302
    assert "final.pdf" in page and "protokoll.pdf" in page
    assert "Endfassung" in page and "Entwurf" in page
    assert url(network, "document_download", document_id=document.pk, number=1) in page
    assert url(network, "document_inline", document_id=document.pk, number=2) in page


@pytest.mark.parametrize("role", ["member", "org_admin", "coordinator", "platform_admin"])
def test_the_people_of_the_workspace_download_every_version(client, world, network, role):
    document = documents.upload_document(actor=world.member, network=network, upload=upload())
    documents.upload_version(actor=world.member, document=document, upload=upload("v2.docx", DOCX))
    client.force_login(getattr(world, role))

    first = client.get(url(network, "document_download", document_id=document.pk, number=1))
    second = client.get(url(network, "document_download", document_id=document.pk, number=2))

    assert b"".join(first.streaming_content) == PDF
    assert first["Content-Disposition"] == 'attachment; filename="protokoll.pdf"'
    assert b"".join(second.streaming_content) == DOCX
    assert second["Content-Type"] == documents.CONTENT_TYPES["docx"]


def test_outsiders_and_other_programmes_do_not_find_the_library(client, world, network):
    document = documents.upload_document(actor=world.member, network=network, upload=upload())
    other_coordinator = ProgrammeRoleFactory(programme=ProgrammeFactory(), role="coordinator").user
    pages = [
        url(network, "documents"),
        url(network, "document", document_id=document.pk),
        url(network, "document_download", document_id=document.pk, number=1),
        url(network, "document_inline", document_id=document.pk, number=1),
    ]

    for person in (world.outsider, world.committee_member, other_coordinator):
        client.force_login(person)
        assert [client.get(page).status_code for page in pages] == [404] * 4


def test_a_document_of_another_network_is_not_found_through_this_one(
    client, world, network, make_network
):
    other = make_network("Andere", members=[world.organisation])
    document = documents.upload_document(actor=world.member, network=other, upload=upload())
    client.force_login(world.coordinator)

    assert client.get(url(network, "document", document_id=document.pk)).status_code == 404
    download = url(network, "document_download", document_id=document.pk, number=1)
    assert client.get(download).status_code == 404


def test_a_pdf_is_shown_inline_in_a_frame_of_our_own_pages_only(client, world, network):
    document = documents.upload_document(actor=world.member, network=network, upload=upload())
    client.force_login(world.member)

    inline = client.get(url(network, "document_inline", document_id=document.pk, number=1))
    page = client.get(url(network, "document", document_id=document.pk))

    assert b"".join(inline.streaming_content) == PDF
    assert inline["Content-Type"] == "application/pdf"
    assert inline["Content-Disposition"] == 'inline; filename="protokoll.pdf"'
    assert inline["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in inline["Content-Security-Policy"]
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    assert "frame-src 'self'" in page["Content-Security-Policy"]
    frame = '<iframe src="' + url(network, "document_inline", document_id=document.pk, number=1)
    assert frame in page.content.decode()


def test_only_a_pdf_is_served_inline(client, world, network):
    document = documents.upload_document(
        actor=world.member, network=network, upload=upload("liste.csv", b"a;b\n1;2\n")
    )
    client.force_login(world.member)

    inline = client.get(url(network, "document_inline", document_id=document.pk, number=1))
    page = client.get(url(network, "document", document_id=document.pk)).content.decode()

    assert inline.status_code == 404
    assert "There is no preview for this type of file." in page


def test_an_image_shows_its_preview_with_alt_text(client, world, network):
    document = documents.upload_document(
        actor=world.member, network=network, upload=upload("plakat.png", png()), title="Plakat"
    )
    client.force_login(world.coordinator)

    page = client.get(url(network, "document", document_id=document.pk)).content.decode()
    preview = client.get(url(network, "document_thumbnail", document_id=document.pk, number=1))

    thumbnail = url(network, "document_thumbnail", document_id=document.pk, number=1)
    assert f'src="{thumbnail}" alt="Preview of “Plakat”, version 1"' in page
    assert preview["Content-Type"] == "image/jpeg"
    with Image.open(io.BytesIO(b"".join(preview.streaming_content))) as image:
        assert image.size == (800, 400)


def test_a_member_archives_their_own_document_but_not_someone_elses(client, world, network):
    own = documents.upload_document(actor=world.member, network=network, upload=upload())
    theirs = documents.upload_document(actor=world.org_admin, network=network, upload=upload())
    client.force_login(world.member)

    refused = client.post(url(network, "document", document_id=theirs.pk), {"action": "archive"})
    done = client.post(url(network, "document", document_id=own.pk), {"action": "archive"})
    own_page = client.get(url(network, "document", document_id=own.pk)).content.decode()
    their_page = client.get(url(network, "document", document_id=theirs.pk)).content.decode()

    assert refused.status_code == 403
    assert done.status_code == 302
    assert Document.objects.get(pk=own.pk).archived is not None
    assert Document.objects.get(pk=theirs.pk).archived is None
    assert "Archive the document" not in their_page
    assert "Restore" in own_page


def test_a_coordinator_archives_any_document_and_it_moves_to_the_archive_list(
    client, world, network
):
    document = documents.upload_document(
        actor=world.member, network=network, upload=upload(), title="Alter Plan"
    )
    client.force_login(world.coordinator)

    client.post(url(network, "document", document_id=document.pk), {"action": "archive"})
    library = client.get(url(network, "documents")).content.decode()
    archive = client.get(url(network, "documents") + "?archived=1").content.decode()

    assert "Alter Plan" not in library
    assert "1 archived document" in library
    assert "Alter Plan" in archive


def test_a_member_makes_and_renames_a_folder(client, world, network):
    client.force_login(world.member)

    made = client.post(url(network, "documents"), {"action": "folder", "folder-name": "Protokole"})
    folder = Folder.objects.get()
    client.post(
        url(network, "document_folder", folder_id=folder.pk),
        {"action": "rename", "rename-name": "Protokolle"},
    )

    assert made["Location"] == url(network, "document_folder", folder_id=folder.pk)
    folder.refresh_from_db()
    assert (folder.name, folder.created_by) == ("Protokolle", world.member)


def test_a_member_may_not_rename_someone_elses_folder(client, world, network):
    folder = documents.create_folder(actor=world.coordinator, network=network, name="Steuerung")
    client.force_login(world.member)

    page = client.get(url(network, "document_folder", folder_id=folder.pk)).content.decode()
    response = client.post(
        url(network, "document_folder", folder_id=folder.pk),
        {"action": "rename", "rename-name": "Meins"},
    )

    assert "Rename this folder" not in page
    assert response.status_code == 403
    assert Folder.objects.get().name == "Steuerung"


def test_someone_who_left_the_network_no_longer_manages_what_they_uploaded(client, world, network):
    leaver = MembershipFactory(organisation=world.organisation).user
    document = documents.upload_document(actor=leaver, network=network, upload=upload())
    leaver.memberships.all().delete()

    assert not leaver.has_perm("networks.manage_document", document)
    assert world.coordinator.has_perm("networks.manage_document", document)


# Query guards ---------------------------------------------------------------------------------


def _fill(world, network, folder, count):
    for number in range(count):
        document = documents.upload_document(
            actor=world.member, network=network, upload=upload(f"d{number}.pdf"), folder=folder
        )
        documents.upload_version(actor=world.member, document=document, upload=upload())
        documents.create_folder(
            actor=world.member, network=network, name=f"Ordner {number}", parent=folder
        )


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("in_folder", [False, True])
def test_the_library_queries_the_same_for_one_or_three_documents(
    client, world, make_network, in_folder
):
    counts = []
    for size in (1, 3):
        network = make_network(f"Netz {size}", members=[world.organisation])
        folder = (
            documents.create_folder(actor=world.member, network=network, name="Oben")
            if in_folder
            else None
        )
        _fill(world, network, folder, size)
        path = (
            url(network, "document_folder", folder_id=folder.pk)
            if folder
            else url(network, "documents")
        )
        client.force_login(world.member)
        client.get(path)
        counts.append(_queries(client, path))

    assert counts[0] == counts[1]


def test_the_network_tabs_lead_to_the_library(client, world, network):
    client.force_login(world.member)

    page = client.get(url(network, "work_programme")).content.decode()

    assert f'href="{url(network, "documents")}">Documents</a>' in page
    assert Network.objects.count() == 1


def test_deleting_a_network_takes_its_library_with_it(world, network):
    folder = documents.create_folder(actor=world.member, network=network, name="Protokolle")
    documents.upload_document(actor=world.member, network=network, upload=upload(), folder=folder)

    network.delete()

    assert (
        Folder.objects.count() == Document.objects.count() == DocumentVersion.objects.count() == 0
    )
