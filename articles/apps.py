from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles, events and e-books")

    def ready(self):
        from network.links import register_partner_links, register_topic_links

        from . import models

        for page_model, partner_link, topic_link in (
            (models.ArticlePage, models.ArticlePartner, models.ArticleTopic),
            (models.EventSummaryPage, models.EventPartner, models.EventTopic),
            (models.EbookPage, models.EbookPartner, models.EbookTopic),
        ):
            register_partner_links(partner_link, page_model.date_field)
            register_topic_links(topic_link, page_model.date_field)
        register_partner_links(
            models.EbookPage, models.EbookPage.date_field, partner_field="publisher", page_field=""
        )
