"""Forms of a network's document library. The services check everything again; these only
parse the input."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Folder, Network
from .services.documents import DOCUMENT_MAX_BYTES, DOCUMENT_TYPES


def folder_choices(network: Network) -> list[tuple[Folder, str]]:
    """Every folder of the network with its path ("Reports / 2026"), in tree order, from one
    query."""
    folders = list(Folder.objects.filter(network=network).order_by("name", "id"))
    children: dict[int | None, list[Folder]] = {}
    for folder in folders:
        children.setdefault(folder.parent_id, []).append(folder)
    result: list[tuple[Folder, str]] = []

    def walk(parent_id: int | None, prefix: str) -> None:
        for folder in children.get(parent_id, []):
            path = f"{prefix}{folder.name}"
            result.append((folder, path))
            walk(folder.pk, f"{path} / ")

    walk(None, "")
    return result


class _FolderChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, paths: dict[int, str], **kwargs):
        self.paths = paths
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Folder) -> str:
        return self.paths.get(obj.pk, obj.name)


def _folder_field(network: Network, label) -> _FolderChoiceField:
    choices = folder_choices(network)
    field = _FolderChoiceField(
        label=label,
        queryset=Folder.objects.filter(network=network),
        required=False,
        empty_label=_("(top level of the library)"),
        paths={folder.pk: path for folder, path in choices},
    )
    # The tree order, not the queryset's: the labels are already known.
    field.iterator = _ordered_iterator([folder for folder, _path in choices])
    return field


def _ordered_iterator(folders: list[Folder]):
    class Iterator(forms.models.ModelChoiceIterator):
        def __iter__(self):
            if self.field.empty_label is not None:
                yield ("", self.field.empty_label)
            for folder in folders:
                yield self.choice(folder)

        def __len__(self):
            return len(folders) + (1 if self.field.empty_label is not None else 0)

    return Iterator


def _file_field(label) -> forms.FileField:
    return forms.FileField(
        label=label,
        required=False,  # the service names a missing file, next to the field
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f".{t}" for t in DOCUMENT_TYPES)}
        ),
    )


class _ServiceErrors:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].help_text = gettext(
                "PDF, Word, Excel, PowerPoint, OpenDocument, images or text; at most %(max)s MB."
            ) % {"max": DOCUMENT_MAX_BYTES // (1024 * 1024)}

    def add_service_errors(self, error) -> None:
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                self.add_error(name if name in self.fields else None, errors)
        else:
            self.add_error(None, error)


class FolderForm(_ServiceErrors, forms.Form):
    name = forms.CharField(label=_("Name of the new folder"), max_length=120)


class RenameFolderForm(_ServiceErrors, forms.Form):
    name = forms.CharField(label=_("New name"), max_length=120)


class UploadForm(_ServiceErrors, forms.Form):
    file = _file_field(_("File"))
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the file name."),
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=500,
        required=False,
        help_text=_("What the document is, for the others in the network."),
    )

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["folder"] = _folder_field(network, _("Folder"))
        self.order_fields(["file", "title", "folder", "note"])


class VersionForm(_ServiceErrors, forms.Form):
    file = _file_field(_("New version"))
    note = forms.CharField(label=_("What changed"), max_length=500, required=False)


class MoveForm(_ServiceErrors, forms.Form):
    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["folder"] = _folder_field(network, _("Move to folder"))
