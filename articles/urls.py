"""The feeds, included in each language's URLs (config/urls.py)."""

from django.urls import path

from .feeds import PagesAtomFeed, PagesRssFeed

app_name = "feeds"
urlpatterns = [
    path("rss.xml", PagesRssFeed(), name="rss"),
    path("atom.xml", PagesAtomFeed(), name="atom"),
    path("<slug:section>/rss.xml", PagesRssFeed(), name="section_rss"),
    path("<slug:section>/atom.xml", PagesAtomFeed(), name="section_atom"),
]
