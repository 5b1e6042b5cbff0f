"""User-facing errors: one base class, printed by the CLI as one line with exit code 2."""


class LunarbaseError(Exception):
    """A problem with the user's input or data (not a bug): shown as one line, no traceback."""


class ScenarioError(LunarbaseError):
    """A scenario file is missing, malformed, or has a value out of range."""


class DataError(LunarbaseError):
    """A data file is missing, corrupt, or cannot be fetched."""


class QueryError(LunarbaseError):
    """A point or region query lies outside what the data cover or is malformed."""
