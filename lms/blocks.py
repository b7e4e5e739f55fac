"""StreamField blocks for the site shell's content pages.

The lesson blocks of `courses/` build on these (heading, rich text, image),
so every block carries its own template, icon and preview value and enforces
what accessibility needs at authoring time (alt text is required)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 keeps the outline below the page's h1."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "lms/blocks/heading.html"
        preview_value = {"text": "Bezpieczna praca zdalna", "level": "h2"}
        description = _("A section heading.")


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with the formatting a trainer needs and nothing that breaks the outline."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "lms/blocks/paragraph.html"
        preview_value = (
            "<p>Laptop służbowy zabezpieczamy hasłem, szyfrowaniem dysku i blokadą ekranu.</p>"
        )
        description = _("Formatted text with lists and links.")


class ImageBlock(blocks.StructBlock):
    """An image with required alternative text (WCAG 1.1.1) and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "lms/blocks/image.html"
        description = _("An image with alternative text.")


class ContentStreamBlock(blocks.StreamBlock):
    """The body of generic content pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()


class FundingLogoBlock(blocks.StructBlock):
    """One logo of the funding strip (programme, state, EU fund); the alt text
    names the logo because the strip carries legal information."""

    image = ImageChooserBlock(label=_("Logo"))
    alt_text = blocks.CharBlock(label=_("Alternative text"), max_length=250)

    class Meta:
        icon = "image"
        label = _("Logo")
        template = "lms/blocks/funding_logo.html"
