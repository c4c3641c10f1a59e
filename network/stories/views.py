from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as django_csrf_failure
from wagtail.models import Page

from .forms import StoryForm
from .processing import save_submission
from .ratelimit import client_hash, one_at_a_time, rate_limited

THANKS_SALT = "network.stories.thanks"
# Every photo and the PDF at their limits, and 2 MB for the text and the multipart overhead.
MAX_REQUEST_BYTES = (
    settings.STORY_MAX_PHOTOS * settings.STORY_PHOTO_MAX_BYTES
    + settings.STORY_PDF_MAX_BYTES
    + 2 * 1024 * 1024
)


def typed_values(post):
    """What the partner typed, to fill the form in again; never the hidden fields."""
    values = {
        key: post.get(key)
        for key in post
        if key not in ("opened", "website", "csrfmiddlewaretoken")
    }
    values["provinces"] = post.getlist("provinces")
    values.pop("consent", None)
    return values


def retyped_form(request, locale):
    """An unchecked form showing what the partner typed, for a refusal that is
    not about the form's content."""
    return StoryForm(initial=typed_values(request.POST), locale=locale)


def request_size(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def refuse(page, request, status, notice):
    """The form again, filled with what the partner typed, and why it was not sent."""
    return render_form(page, request, retyped_form(request, page.locale), status, notice)


def render_form(page, request, form, status=200, notice=""):
    response = page.render(
        request,
        context_overrides={"form": form, "form_notice": notice},
        template="network/story_form_page.html",
    )
    response.status_code = status
    return response


def story_form_view(page, request):
    locale = page.locale
    if request.method != "POST":
        return render_form(page, request, StoryForm(locale=locale))

    if request_size(request) > MAX_REQUEST_BYTES:
        # The web server lets more through than the form takes
        # (deploy/nginx/), so that the text is kept and the partner told why.
        return refuse(
            page,
            request,
            413,
            _(
                "The files you chose are larger than %(megabytes)s MB together, so the form "
                "could not be sent. Please choose fewer or smaller files."
            )
            % {"megabytes": MAX_REQUEST_BYTES // (1024 * 1024)},
        )

    client = client_hash(request)
    if client is None:
        return unknown_network(page, request)
    # A first look without the lock, so a sender over the limit is refused
    # before any of their files is decoded.
    if rate_limited(client):
        return too_many_stories(page, request)

    # The form checks for robots (the hidden field, the time taken) before it
    # opens any file.
    form = StoryForm(request.POST, request.FILES, locale=locale)
    if not form.is_valid():
        return render_form(page, request, form)

    # The count that decides, and the insert, in one transaction per network.
    with one_at_a_time(client):
        if rate_limited(client):
            return too_many_stories(page, request)
        submission = save_submission(form, page, locale.language_code, client)
    token = thanks_token(submission.reference)
    return redirect(page.url + page.reverse_subpage("thanks", kwargs={"token": token}))


def too_many_stories(page, request):
    response = refuse(
        page,
        request,
        429,
        _(
            "Too many stories have been sent from your network in the last hour. Your "
            "text is still in the form below: please keep a copy and send it again later, "
            "or write to %(email)s."
        )
        % {"email": page.deletion_contact},
    )
    response["Retry-After"] = str(settings.STORY_RATE_LIMIT_WINDOW)
    return response


def unknown_network(page, request):
    """The address the post came from could not be read (core.clients): with
    no key for the rate limit, nothing is saved, and the partner is told."""
    return refuse(
        page,
        request,
        400,
        _(
            "Our server could not tell which network your story was sent from, so it "
            "could not be accepted. This is a fault on our side. Your text is still in "
            "the form below: please keep a copy and write to %(email)s."
        )
        % {"email": page.deletion_contact},
    )


def thanks_token(reference):
    # Wagtail's page URLs allow letters, digits, "_" and "-" only.
    return f"{reference}-{salted_hmac(THANKS_SALT, reference).hexdigest()[:20]}"


def thanks_view(page, request, token):
    reference = token.rsplit("-", 1)[0]
    if not constant_time_compare(token, thanks_token(reference)):
        raise Http404
    return page.render(
        request,
        context_overrides={"reference": reference},
        template="network/story_thanks.html",
    )


def story_form_page_for(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    # Wagtail's serve URL passes the page path as a positional argument.
    path = match.args[0] if match.url_name == "wagtail_serve" and match.args else None
    if path is None:
        return None
    try:
        found = Page.find_for_request(request, "/" + path)
    except Exception:  # any failure here only means "not a story form"
        return None
    from network.models import StoryFormPage

    found = found.specific if found is not None else None
    return found if isinstance(found, StoryFormPage) else None


def csrf_failure(request, reason=""):
    """A failed security check on the story form keeps what the partner typed
    and explains, in their language, what to do; elsewhere Django's page."""
    page = story_form_page_for(request) if request.method == "POST" else None
    if page is None:
        return django_csrf_failure(request, reason)
    return refuse(
        page,
        request,
        403,
        _(
            "The form's security check failed, usually because it was open for a long time "
            "or cookies are blocked. Your text is still below: please choose your photos "
            "again, tick the agreement and send it again."
        ),
    )
