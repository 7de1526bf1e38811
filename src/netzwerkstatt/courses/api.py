"""/api/v1/courses: the public search (api_search.py) and providers pushing their courses with a
personal token (api_push.py)."""

from ninja import Router

from .api_push import router as push_router
from .api_search import router as search_router

router = Router(tags=["courses"])
router.add_router("", search_router)
router.add_router("", push_router)
