from wagtail import hooks

from .rich_text import ConsentMediaEmbedHandler


# Runs after wagtail.embeds registers its handler for the same embed type.
@hooks.register("register_rich_text_features", order=100)
def gate_embeds_in_rich_text(features):
    features.register_embed_type(ConsentMediaEmbedHandler)
