"""What marks a model as a record of what people did, not content."""


class Record:
    """A row recording what people did or were given (logins, enrolments,
    progress, attempts, certificates, attendance), not content. Wagtail's
    reference index (the "usage" of pages, images and snippets) would
    otherwise queue a background task on every save of one, several per
    learner per minute; content never points to records, so the index
    loses nothing by skipping them."""

    wagtail_reference_index_ignore = True
