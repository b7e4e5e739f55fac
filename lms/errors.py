"""The one exception type services raise to refuse an operation."""


class ServiceError(Exception):
    """A refused operation with a message for the person who tried: the
    message is one of the translatable constants of the raising module, so
    views can show it and tests can assert on it."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class TemplatedError(Exception):
    """A refusal of data (an upload, a package's commit) whose message is a
    translatable template with parameters. `template` is one of the raising
    module's constants (tests assert on it); `message` is the text for the
    person concerned, formatted in the active language when read."""

    def __init__(self, template, **params):
        super().__init__(str(template) % params if params else str(template))
        self.template = template
        self.params = params

    @property
    def message(self) -> str:
        return str(self.template) % self.params if self.params else str(self.template)
