from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Every rich text readers see offers these and nothing else: embeds and pictures
# are blocks of their own (EmbedBlock, CaptionedImageBlock), which go through the
# consent gate (privacy.embeds) and the responsive images (core.images).
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Subsection"))],
        default="h2",
        # The level's label ("Section") is not what the page says.
        search_index=False,
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "articles/blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "articles/blocks/paragraph.html"


class ListItemBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("Number"),
        required=False,
        max_length=16,
        help_text=_("As written, for example 1.1, ๑.๒ or ก. Leave blank for a bullet."),
    )
    text = blocks.TextBlock(label=_("Text"))
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("1", "1"), ("2", "2"), ("3", "3"), ("4", "4")],
        default="1",
        search_index=False,
    )

    class Meta:
        icon = "list-ol"
        label = _("Item")


class NumberedListBlock(blocks.StructBlock):
    """A numbered list that keeps the author's own numbers (1., 1.1, ๑.๑, ก.).

    Items are stored flat with a level, which editors find easier than nested
    forms; the template nests them back into lists.
    """

    items = blocks.ListBlock(ListItemBlock(), label=_("Items"))

    class Meta:
        icon = "list-ol"
        label = _("Numbered list")
        template = "articles/blocks/numbered_list.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["tree"] = nest_items(value["items"])
        return context


def nest_items(items):
    """Turn flat (label, text, level) items into a tree of {"item", "children"}."""
    root = {"children": []}
    stack = [(0, root)]
    for item in items:
        level = max(1, int(item.get("level") or 1))
        node = {"item": item, "children": []}
        while stack[-1][0] >= level:
            stack.pop()
        stack[-1][1]["children"].append(node)
        stack.append((level, node))
    return root["children"]


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "articles/blocks/quote.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "articles/blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("Images"))

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "articles/blocks/gallery.html"


class EmbedBlock(WagtailEmbedBlock):
    class Meta:
        icon = "media"
        label = _("Video or embed")
        template = "articles/blocks/embed.html"


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=255,
        help_text=_("Defaults to the document's title."),
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "articles/blocks/document.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("Figure"), max_length=40, help_text=_("For example 53 or 1,200")
    )
    unit = blocks.CharBlock(label=_("Unit"), required=False, max_length=40)
    label = blocks.CharBlock(label=_("What it counts"), max_length=200)

    class Meta:
        icon = "order"
        label = _("Key figure")
        template = "articles/blocks/key_figure.html"


class TableBlock(WagtailTableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        template = "articles/blocks/table.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    numbered_list = NumberedListBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    embed = EmbedBlock()
    document = DocumentDownloadBlock()
    key_figure = KeyFigureBlock()
    table = TableBlock()


class ObjectiveBlock(blocks.TextBlock):
    class Meta:
        icon = "tick"
        label = _("Objective")
        template = "articles/blocks/list_item.html"


class QuantitativeIndicatorBlock(blocks.StructBlock):
    description = blocks.CharBlock(label=_("Indicator"), max_length=255)
    value = blocks.DecimalBlock(label=_("Achieved"), required=False)
    target = blocks.DecimalBlock(label=_("Target"), required=False)
    unit = blocks.CharBlock(label=_("Unit"), required=False, max_length=40)

    class Meta:
        icon = "order"
        label = _("Quantitative indicator")
        template = "articles/blocks/quantitative_indicator.html"


class QualitativeIndicatorBlock(blocks.StructBlock):
    description = blocks.CharBlock(label=_("Indicator"), max_length=255)
    result = blocks.TextBlock(label=_("Result"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Qualitative indicator")
        template = "articles/blocks/qualitative_indicator.html"


class IndicatorBlock(blocks.StreamBlock):
    quantitative = QuantitativeIndicatorBlock()
    qualitative = QualitativeIndicatorBlock()


class ProblemSolutionBlock(blocks.StructBlock):
    problem = blocks.TextBlock(label=_("Problem"))
    solution = blocks.TextBlock(label=_("Agreed solution"), required=False)

    class Meta:
        icon = "warning"
        label = _("Problem and solution")
        template = "articles/blocks/problem_solution.html"


class AgreementBlock(blocks.TextBlock):
    class Meta:
        icon = "tick-inverse"
        label = _("Agreement")
        template = "articles/blocks/list_item.html"


class TocEntryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Chapter"), max_length=255)
    page_number = blocks.IntegerBlock(label=_("Page"), required=False, min_value=1)

    class Meta:
        icon = "list-ul"
        label = _("Chapter")
        template = "articles/blocks/toc_entry.html"
