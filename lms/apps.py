from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("Site")

    def ready(self):
        from django.urls import register_converter

        from . import site_cache
        from .ids import IdConverter

        site_cache.connect_signals()
        register_converter(IdConverter, "id")
