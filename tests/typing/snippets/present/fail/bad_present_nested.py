"""--outputs present: top-level output members and resource attributes are present; nested
output members stay as the model says, exactly as boto3-stubs types them (its nested
TypedDicts keep NotRequired: pyright reports indexing them there too, mypy does not).

Checked by tests/outputs/test_present_snippets.py against a package generated with
--outputs present; the markers are pyright's, as in fail/bad_notrequired_access.py.
"""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import cloudformation, sqs


def bodies(url: str) -> list[str]:
    messages = sqs.client(region_name="us-east-1").receive_message(QueueUrl=url)["Messages"]
    return [m["Body"] for m in messages]  # E[pyright]: "Body" is not a required key in "MessageTypeDef"


def output_value(name: str) -> str:
    stack = cloudformation.resource(region_name="us-east-1").Stack(name)
    status: str = stack.stack_status
    del status
    return stack.outputs[0]["OutputValue"]  # E[pyright]: "OutputValue" is not a required key in "OutputTypeDef"


def wrong_types(name: str) -> int:
    stack = cloudformation.resource(region_name="us-east-1").Stack(name)
    return stack.outputs  # E[mypy]: incompatible return value type  # E[pyright]: is not assignable to return type
