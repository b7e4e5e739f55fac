"""The one exception type services raise to refuse an operation."""


class ServiceError(Exception):
    """A refused operation with a message for the person who tried: the
    message is one of the translatable constants of the raising module, so
    views can show it and tests can assert on it."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message
