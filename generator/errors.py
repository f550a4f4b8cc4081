"""The one exception type the CLI turns into a clear message and exit code 2."""


class UserError(Exception):
    """A problem with the user's input or environment, reported without a traceback."""


class DefinitionError(UserError):
    """A defect found in one definition file (kind: service-2, resources-1, ...) at a place
    in it, by a stage that does not know the file's path; the CLI adds the path."""

    def __init__(self, kind: str, where: str, problem: str) -> None:
        super().__init__(f"{kind}: {where}: {problem}")
        self.kind, self.where, self.problem = kind, where, problem

    def __reduce__(self) -> tuple[type, tuple[str, str, str]]:  # crosses worker processes
        return (type(self), (self.kind, self.where, self.problem))
