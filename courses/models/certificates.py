"""The paths migration 0004 names for the certificate fields' defaults,
storage and validator; the certificate models live in
`courses.certificates.models`."""

from courses.certificates.models import new_code, private_storage, validate_number_pattern

__all__ = ["new_code", "private_storage", "validate_number_pattern"]
