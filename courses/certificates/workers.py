"""Worker processes for large certificate batches. A spawned process loads
this module before Django is set up, so it imports no models at import
time and takes the branding as plain data."""

import gc

import django

_branding = None


def start(branding: dict) -> None:
    """Set Django up in the fresh process and rebuild the batch's branding."""
    global _branding
    django.setup()
    from courses.certificates.pdf import Branding, Picture

    def picture(fields):
        return Picture(fields["data"], fields["mime"], fields["alt"]) if fields else None

    _branding = Branding(
        funding_statement=branding["funding_statement"],
        organiser_logo=picture(branding["organiser_logo"]),
        funding_logos=[picture(logo) for logo in branding["funding_logos"]],
        signature=picture(branding["signature"]),
    )
    # What Django and WeasyPrint loaded lives as long as the process: kept out
    # of the garbage collector's full passes, which would scan it again and
    # again during the batch.
    gc.freeze()


def branding():
    """The batch's branding, rebuilt by `start` in this process."""
    return _branding
