"""Pages of discussions, for a programme and for a network's workspace alike: the network's
pages take its ``pk`` from the address. Views parse input, call a service and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.core.exceptions import ConcurrentEdit

from . import queries, services
from .forms import EditForm, PostForm, ThreadForm, picker_choices
from .models import Thread
from .rules import get_owner_for, get_post_for, get_thread_for, may


def _context(thread_or_none, programme, network, **extra) -> dict:
    return {"programme": programme, "network": network, "thread": thread_or_none, **extra}


def _list_url(programme, network) -> str:
    if network is not None:
        return reverse(
            "discussions:network_list", kwargs={"programme": programme.slug, "pk": network.pk}
        )
    return reverse("discussions:list", kwargs={"programme": programme.slug})


def _error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for e in errors:
                form.add_error(field if field in form.fields else None, e)
    else:
        form.add_error(None, error)


# Lists and new threads --------------------------------------------------------------------------


@login_required
def thread_list(request: HttpRequest, programme: str, pk: int | None = None) -> HttpResponse:
    programme_, network = get_owner_for(request.user, programme, pk)
    return render(
        request,
        "discussions/list.html",
        _context(
            None,
            programme_,
            network,
            threads=queries.threads(programme=programme_, network=network, user=request.user),
            new_url=_list_url(programme_, network) + "new/",
        ),
    )


@login_required
def thread_create(request: HttpRequest, programme: str, pk: int | None = None) -> HttpResponse:
    programme_, network = get_owner_for(request.user, programme, pk)
    form = ThreadForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            thread = services.start_thread(
                actor=request.user,
                programme=programme_,
                network=network,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            _error(form, error)
        else:
            messages.success(request, _("The discussion was started."))
            return redirect(thread.get_absolute_url())
    people = queries.audience(Thread(programme=programme_, network=network))
    return render(
        request,
        "discussions/thread_form.html",
        _context(
            None,
            programme_,
            network,
            form=form,
            picker=picker_choices(people),
            list_url=_list_url(programme_, network),
        ),
    )


# One thread -------------------------------------------------------------------------------------


def _thread_page(request, thread: Thread, form: PostForm, status: int = 200) -> HttpResponse:
    return render(
        request,
        "discussions/thread.html",
        _context(
            thread,
            thread.programme,
            thread.network,
            conversations=queries.conversations(thread, user=request.user),
            following=queries.is_following(thread, request.user),
            can_post=may(request.user, "discussions.add_post", thread),
            can_moderate=request.user.has_perm("discussions.moderate_thread", thread),
            form=form,
            picker=picker_choices(queries.audience(thread)),
            list_url=_list_url(thread.programme, thread.network),
        ),
        status=status,
    )


@login_required
def thread(
    request: HttpRequest, programme: str, thread_id: int, pk: int | None = None
) -> HttpResponse:
    """The thread with its conversations; a POST adds a top-level post."""
    thread_ = get_thread_for(request.user, programme, thread_id, pk)
    if request.method != "POST":
        return _thread_page(request, thread_, PostForm())
    if not may(request.user, "discussions.add_post", thread_):
        raise PermissionDenied
    form = PostForm(request.POST)
    if form.is_valid():
        try:
            post = services.add_post(
                actor=request.user, thread=thread_, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            _error(form, error)
        else:
            post.thread = thread_
            return redirect(post.get_absolute_url())
    return _thread_page(request, thread_, form, status=400)


@login_required
def reply(
    request: HttpRequest, programme: str, thread_id: int, post_id: int, pk: int | None = None
) -> HttpResponse:
    thread_ = get_thread_for(request.user, programme, thread_id, pk)
    parent = get_post_for(request.user, thread_, post_id, "discussions.view_post")
    if not may(request.user, "discussions.add_post", thread_):
        raise PermissionDenied
    form = PostForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            post = services.add_post(
                actor=request.user, thread=thread_, body=form.cleaned_data["body"], parent=parent
            )
        except ValidationError as error:
            _error(form, error)
        else:
            post.thread = thread_
            return redirect(post.get_absolute_url())
    return render(
        request,
        "discussions/reply.html",
        _context(
            thread_,
            thread_.programme,
            thread_.network,
            parent=parent,
            parent_html=queries.rendered(parent),
            form=form,
            picker=picker_choices(queries.audience(thread_)),
        ),
    )


@login_required
def edit(
    request: HttpRequest, programme: str, thread_id: int, post_id: int, pk: int | None = None
) -> HttpResponse:
    thread_ = get_thread_for(request.user, programme, thread_id, pk)
    post = get_post_for(request.user, thread_, post_id, "discussions.change_post")
    form = EditForm(
        request.POST if request.method == "POST" else None,
        initial={"body": post.body, "version": post.version},
    )
    current = None
    if form.is_bound and form.is_valid():
        try:
            services.edit_post(
                actor=request.user,
                post=post,
                body=form.cleaned_data["body"],
                expected_version=form.cleaned_data["version"],
            )
        except ConcurrentEdit as error:
            # Keep the person's text in the form; show what was saved meanwhile next to it.
            form.add_error(None, error)
            post.refresh_from_db()
            current = post
            form.data = form.data.copy()
            form.data["version"] = post.version
        except ValidationError as error:
            _error(form, error)
        else:
            messages.success(request, _("Your post was changed."))
            return redirect(post.get_absolute_url())
    return render(
        request,
        "discussions/edit.html",
        _context(
            thread_,
            thread_.programme,
            thread_.network,
            post=post,
            current=current,
            current_html=queries.rendered(current) if current else "",
            form=form,
            picker=picker_choices(queries.audience(thread_)),
        ),
    )


@login_required
def history(
    request: HttpRequest, programme: str, thread_id: int, post_id: int, pk: int | None = None
) -> HttpResponse:
    thread_ = get_thread_for(request.user, programme, thread_id, pk)
    post = get_post_for(request.user, thread_, post_id, "discussions.view_post")
    return render(
        request,
        "discussions/history.html",
        _context(
            thread_,
            thread_.programme,
            thread_.network,
            post=post,
            revisions=list(post.revisions.select_related("edited_by")),
        ),
    )


# Following and moderating -----------------------------------------------------------------------


@require_POST
@login_required
def subscription(
    request: HttpRequest, programme: str, thread_id: int, pk: int | None = None
) -> HttpResponse:
    thread_ = get_thread_for(request.user, programme, thread_id, pk)
    if request.POST.get("action") == "unsubscribe":
        services.unsubscribe(user=request.user, thread=thread_)
        messages.success(request, _("You no longer follow this discussion."))
    else:
        services.subscribe(user=request.user, thread=thread_)
        messages.success(
            request, _("You follow this discussion: new posts come in your daily e-mail digest.")
        )
    return redirect(thread_.get_absolute_url())


@require_POST
@login_required
def moderate(
    request: HttpRequest, programme: str, thread_id: int, post_id: int, pk: int | None = None
) -> HttpResponse:
    thread_ = get_thread_for(request.user, programme, thread_id, pk)
    post = get_post_for(request.user, thread_, post_id, "discussions.moderate_post")
    hidden = request.POST.get("action") != "show"
    services.hide_post(actor=request.user, post=post, hidden=hidden)
    messages.success(
        request, _("The post was hidden.") if hidden else _("The post is shown again.")
    )
    return redirect(post.get_absolute_url())


@require_POST
@login_required
def close(
    request: HttpRequest, programme: str, thread_id: int, pk: int | None = None
) -> HttpResponse:
    thread_ = get_thread_for(request.user, programme, thread_id, pk)
    if not request.user.has_perm("discussions.moderate_thread", thread_):
        raise PermissionDenied
    closed = request.POST.get("action") != "reopen"
    services.close_thread(actor=request.user, thread=thread_, closed=closed)
    messages.success(
        request,
        _("The discussion was closed.") if closed else _("The discussion is open again."),
    )
    return redirect(thread_.get_absolute_url())
