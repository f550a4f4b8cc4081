"""Generation options that change the output: one frozen value, passed from the plan to the
typemap (and into the incremental cache key, so a changed option renders again)."""

from __future__ import annotations

from dataclasses import dataclass, field

OUTPUT_MODES = ("sound", "present")


@dataclass(frozen=True)
class Options:
    """outputs: "sound" (a top-level output member is required only where the model says it
    is always present) or "present" (every top-level output member is required, as
    boto3-stubs types them; nested members stay as the model says).

    required: per-operation members the user knows are always returned, as
    ((service, Operation, (Member, ...)), ...), from [tool.botoloom.required].

    aio: also an `aio` module per service (typed aiobotocore clients, --aio)."""

    outputs: str = "sound"
    required: tuple[tuple[str, str, tuple[str, ...]], ...] = field(default=())
    aio: bool = False

    def required_members(self, service: str, operation: str) -> frozenset[str]:
        return frozenset(m for s, op, members in self.required if (s, op) == (service, operation) for m in members)

    def key(self) -> list[object]:
        key: list[object] = [self.outputs, [[s, op, list(ms)] for s, op, ms in self.required]]
        return key + ["aio"] * self.aio


DEFAULT = Options()
