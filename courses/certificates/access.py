"""Who may work with the certificate register, in one place: its admin
pages live in two packages (the register listing and its files in reports,
which may read every domain; revoke, reissue and the PDFs here), and both
check the same rule and read the same scoped certificates."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from courses.certificates.selectors import certificates_in_scope, may_see_register


class RegisterAccessMixin:
    """Administrators and coordinators only; objects from the scoped queryset."""

    def dispatch(self, request, *args, **kwargs):
        if not may_see_register(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def scoped(self):
        return certificates_in_scope(self.request.user)

    def get_certificate(self, pk):
        return get_object_or_404(self.scoped(), pk=pk)
