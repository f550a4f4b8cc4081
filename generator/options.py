"""Generation options that change the output: one frozen value, passed from the plan to the
typemap (and into the incremental cache key, so a changed option renders again)."""

from __future__ import annotations

from dataclasses import dataclass, field

OUTPUT_MODES = ("sound", "present")


@dataclass(frozen=True)
class Options:
    """outputs: "sound" (a top-level output member, or an attribute or reference of an
    existing resource, is present only where the model says it always is) or "present"
    (every top-level output member and every resource attribute and reference is, as
    boto3-stubs types them; nested members stay as the model says, as in boto3-stubs).

    required: members the user knows are always returned, as
    ((service, Operation or Resource, (Member, ...)), ...), from [tool.botoloom.required]:
    an operation's output members, or a resource's attributes and references (by model
    or Python name).

    aio: also an `aio` module per service (typed aiobotocore clients, --aio)."""

    outputs: str = "sound"
    required: tuple[tuple[str, str, tuple[str, ...]], ...] = field(default=())
    aio: bool = False

    def required_members(self, service: str, owner: str) -> frozenset[str]:
        """The members listed for `owner`, an operation or a resource of `service`."""
        return frozenset(m for s, op, members in self.required if (s, op) == (service, owner) for m in members)

    def key(self) -> list[object]:
        key: list[object] = [self.outputs, [[s, op, list(ms)] for s, op, ms in self.required]]
        return key + ["aio"] * self.aio


DEFAULT = Options()
