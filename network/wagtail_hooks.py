from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import PartnerOrganisation, Programme, Topic


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "short_name", "kind", "locale"]
    list_filter = {"kind": ["exact"], "provinces": ["exact"], "locale": ["exact"]}
    search_fields = ["name", "short_name", "mission"]
    list_per_page = 50


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "folder-open-inverse"
    menu_label = _("Programmes")
    list_display = ["name", "short_name", "funder", "start_date", "end_date", "locale"]
    list_filter = {"locale": ["exact"]}
    search_fields = ["name", "short_name", "funder"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug", "locale"]
    list_filter = {"locale": ["exact"]}
    search_fields = ["name"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (PartnerOrganisationViewSet, ProgrammeViewSet, TopicViewSet)
    menu_icon = "group"
    menu_label = _("Network")
    menu_name = "network"


register_snippet(NetworkViewSetGroup)


@hooks.register("register_admin_viewset")
def register_story_submission_viewset():
    from .stories.admin_views import story_submission_viewset

    return story_submission_viewset
