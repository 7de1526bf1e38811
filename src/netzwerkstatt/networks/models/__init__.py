"""Networks: the groups of organisations that work together in a programme.

A ``Network`` belongs to a programme and has a kind (a cross-border model network, a
school-company tandem, a thematic working group, a cluster), a short public description, themes
and member organisations (``NetworkMember``), each as lead or partner. A model network selected in
a call keeps a link to the joint application it grew from (``application``). Coordinators create
networks and keep their members; a tandem has exactly one vocational school and one training
company.

The workspace of a network, for the people of its member organisations and its programme's
coordinators:

- the work programme (``workplan``): ``Goal``; ``WorkPackage`` (an activity with an owner
  organisation, dates, status and progress); ``Milestone`` (a milestone or a deliverable with a due
  date). Each carries a version: a form opened at an older version is refused, not overwritten.
  Their history is the audit log filtered for the object.
- the development projects of tandems (``projects``): ``DevelopmentProject`` with planned
  ``Step``s and a progress log of dated ``LogEntry``s (with links and ``LogAttachment``s in the
  private storage).
- the document library (``documents``): ``Folder``s, ``Document``s and their numbered
  ``DocumentVersion``s in the private storage, with previews of images.
"""

from .documents import Document, DocumentVersion, Folder
from .network import Network, NetworkMember
from .projects import DevelopmentProject, LogAttachment, LogEntry, Step
from .workplan import Goal, Milestone, WorkPackage

__all__ = [
    "DevelopmentProject",
    "Document",
    "DocumentVersion",
    "Folder",
    "Goal",
    "LogAttachment",
    "LogEntry",
    "Milestone",
    "Network",
    "NetworkMember",
    "Step",
    "WorkPackage",
]
