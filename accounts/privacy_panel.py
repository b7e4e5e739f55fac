"""The RODO clause on the admin's dashboard: editors who work only in the
admin are asked there, in one place, with the same acknowledgement as on the
public site. A panel rather than a redirect, so that no admin screen (the
editor, its preview) is ever interrupted."""

from wagtail.admin.ui.components import Component

from . import privacy


class PrivacyNoticePanel(Component):
    name = "privacy_notice"
    template_name = "accounts/admin/privacy_panel.html"
    order = 10  # first: above the learning dashboard and Wagtail's own panels

    def __init__(self, *, come_back_to: str):
        self.come_back_to = come_back_to

    def get_context_data(self, parent_context):
        return {
            "version": privacy.current_version(),
            "acknowledge_url": privacy.acknowledge_url(next_path=self.come_back_to),
        }
