"""Who may change what in a network's document library.

Everyone who sees the workspace reads and downloads; everyone who may change the workspace
uploads documents and new versions and makes folders. Renaming a folder, moving a document and
archiving or restoring it is for the person who made it and the people who run the programme.
Imported by the library's services and views, which registers the permissions."""

import rules

from .models import Document, Folder
from .rules import belongs_to_the_network, runs_the_networks_programme


@rules.predicate
def made_it(user, item: Document | Folder | None) -> bool:
    return item is not None and user.is_authenticated and item.created_by_id == user.pk


@rules.predicate
def runs_its_programme(user, item: Document | Folder | None) -> bool:
    return item is not None and runs_the_networks_programme(user, item.network)


@rules.predicate
def still_in_the_network(user, item: Document | Folder | None) -> bool:
    return item is not None and belongs_to_the_network(user, item.network)


rules.add_perm("networks.manage_document", (made_it & still_in_the_network) | runs_its_programme)
rules.add_perm("networks.manage_folder", (made_it & still_in_the_network) | runs_its_programme)
