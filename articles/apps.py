from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles, events and e-books")

    def ready(self):
        from network.links import partner_links, topic_links

        from . import models

        for page_model, partner_link, topic_link in (
            (models.ArticlePage, models.ArticlePartner, models.ArticleTopic),
            (models.EventSummaryPage, models.EventPartner, models.EventTopic),
            (models.EbookPage, models.EbookPartner, models.EbookTopic),
        ):
            partner_links.register(partner_link, page_model.date_field, "partner")
            topic_links.register(topic_link, page_model.date_field, "topic")
        partner_links.register(
            models.EbookPage, models.EbookPage.date_field, "publisher", page_field=""
        )
