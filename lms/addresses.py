"""The client's address as the project sees it everywhere (login evidence,
rate limits): REMOTE_ADDR on one machine; behind a load balancer, the
address the trusted proxies put in X-Forwarded-For (TRUSTED_PROXY_COUNT),
the same rule allauth applies to its login rate limits."""

from allauth.account.adapter import get_adapter
from django.core.exceptions import PermissionDenied


def client_address(request) -> str | None:
    """The address of the person making the request, or None if unknown."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None
