"""Page types and site settings of the site shell.

The home page, generic content pages, the accessibility statement required by
the digital accessibility law, the RODO information clause, and the settings
(organiser, funding statement, logo strip, contacts) that every page footer,
certificate and attendance list shows. They are settings, not code, because
each local government running the platform has its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from . import site_cache
from .blocks import RICH_TEXT_FEATURES, ContentStreamBlock, FundingLogoBlock
from .slugs import AsciiSlugPage


class HomePage(AsciiSlugPage, Page):
    """The site's root page: a welcome text and the main entry points."""

    lead = models.TextField(_("lead"), blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    route = site_cache.route_by_url_path

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class ContentPage(AsciiSlugPage, Page):
    """A generic page (about the project, help, contact) built from content blocks."""

    lead = models.TextField(_("lead"), blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class PrivacyNoticePage(AsciiSlugPage, Page):
    """The RODO (GDPR) information clause. Its version and date are what a
    learner's acknowledgement records, so they are fields, not free text."""

    version = models.CharField(_("version"), max_length=20, help_text=_("For example 1.0"))
    valid_from = models.DateField(_("valid from"))
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("version"), FieldPanel("valid_from")], heading=_("Version")),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    max_count = 1

    class Meta:
        verbose_name = _("RODO information clause")
        verbose_name_plural = _("RODO information clauses")


class AccessibilityStatementPage(AsciiSlugPage, Page):
    """The accessibility statement (deklaracja dostępności) whose elements carry
    the `a11y-*` ids of the 2024 technical specification, so that the monitoring
    tools of the authorities can read it."""

    class Status(models.TextChoices):
        COMPLIANT = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NON_COMPLIANT = "none", _("not compliant")

    entity_name = models.CharField(_("public entity"), max_length=255)
    site_url = models.URLField(_("website address"))
    published_on = models.DateField(_("website publication date"))
    updated_on = models.DateField(_("date of the last major update"))
    status = models.CharField(
        _("compliance status"), max_length=10, choices=Status.choices, default=Status.PARTIAL
    )
    non_accessible_content = RichTextField(
        _("non-accessible content and reasons"), blank=True, features=RICH_TEXT_FEATURES
    )
    prepared_on = models.DateField(_("statement prepared on"))
    assessment = RichTextField(
        _("how the statement was prepared"), blank=True, features=RICH_TEXT_FEATURES
    )
    keyboard_shortcuts = RichTextField(
        _("accessibility features"), blank=True, features=RICH_TEXT_FEATURES
    )
    contact_person = models.CharField(_("contact person"), max_length=255)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact phone"), max_length=50)
    procedure = RichTextField(_("request and complaint procedure"), features=RICH_TEXT_FEATURES)
    architecture = RichTextField(
        _("architectural accessibility"), blank=True, features=RICH_TEXT_FEATURES
    )
    mobile_apps = RichTextField(_("mobile applications"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        HelpPanel(
            content=_(
                "Each field is published with the identifier the technical specification "
                "of accessibility statements requires. Dates are shown as YYYY-MM-DD."
            )
        ),
        MultiFieldPanel(
            [
                FieldPanel("entity_name"),
                FieldPanel("site_url"),
                FieldPanel("published_on"),
                FieldPanel("updated_on"),
            ],
            heading=_("Introduction"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("non_accessible_content")],
            heading=_("Compliance status"),
        ),
        MultiFieldPanel(
            [FieldPanel("prepared_on"), FieldPanel("assessment"), FieldPanel("keyboard_shortcuts")],
            heading=_("Preparation of the statement"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("procedure"),
            ],
            heading=_("Feedback and contact details"),
        ),
        FieldPanel("architecture"),
        FieldPanel("mobile_apps"),
    ]
    max_count = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who runs this site and who funds it: shown in every page's header and
    footer, and later on certificates and attendance lists."""

    organiser_name = models.CharField(_("organiser name"), max_length=255)
    organiser_address = models.TextField(_("organiser address"), blank=True)
    organiser_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("organiser logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    funding_statement = models.TextField(
        _("funding statement"),
        blank=True,
        help_text=_("Shown in the footer of every page, on certificates and on lists."),
    )
    funding_logos = StreamField(
        [("logo", FundingLogoBlock())], blank=True, verbose_name=_("funding logo strip")
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("RODO information clause page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organiser_name"),
                FieldPanel("organiser_address"),
                FieldPanel("organiser_logo"),
            ],
            heading=_("Organiser"),
        ),
        MultiFieldPanel(
            [FieldPanel("funding_statement"), FieldPanel("funding_logos")],
            heading=_("Funding"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone")], heading=_("Contact")
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("accessibility_statement", "lms.AccessibilityStatementPage"),
                PageChooserPanel("privacy_notice", "lms.PrivacyNoticePage"),
            ],
            heading=_("Required pages"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
