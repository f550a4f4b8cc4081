"""The one exception type the CLI turns into a clear message and exit code 2."""


class UserError(Exception):
    """A problem with the user's input or environment, reported without a traceback."""
