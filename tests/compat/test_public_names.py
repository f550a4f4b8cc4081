"""tools/public_names.py: what counts as a changed name between two botocore versions."""

from __future__ import annotations

from pathlib import Path

from tools.public_names import diff, module_all


def _listing(version: str, client: str, type_defs: list[str], shapes: dict[str, str]) -> dict[str, object]:
    prefix = client[: -len("Client")]
    return {
        "botocore": version,
        "services": {
            "sqs": {
                "module": "sqs",
                "client": client,
                "names": {"client": [client, "client"], "exceptions": [prefix + "Exceptions"], "type_defs": type_defs},
            }
        },
        "botocore_data": {
            "sqs": {"shapes": shapes, "operations": ["SendMessage"], "pagination": [], "waiters": [], "resources": []}
        },
    }


def test_a_renamed_client_class_is_caught_once() -> None:
    old = _listing("1.43.11", "SQSClient", ["SendMessageRequestTypeDef"], {"SendMessageRequest": "structure"})
    new = _listing("1.44.8", "SqsClient", ["SendMessageRequestTypeDef"], {"SendMessageRequest": "structure"})
    failures, explained, added = diff(old, new)
    assert failures == ["sqs: client class SQSClient -> SqsClient (botocore 1.43.11 -> 1.44.8)"]
    assert explained == [] and added == 0


def test_removed_with_botocore_is_explained_and_new_names_are_counted() -> None:
    old = _listing("1", "SQSClient", ["GoneTypeDef", "KeptTypeDef"], {"Gone": "structure", "Kept": "structure"})
    new = _listing("2", "SQSClient", ["KeptTypeDef", "NewTypeDef"], {"Kept": "structure", "New": "structure"})
    failures, explained, added = diff(old, new)
    assert failures == []
    assert explained == ["sqs.type_defs: GoneTypeDef (Gone is gone or changed kind)"]
    assert added == 1


def test_a_name_lost_while_botocore_kept_its_shape_fails() -> None:
    old = _listing("1", "SQSClient", ["KeptTypeDef"], {"Kept": "structure"})
    new = _listing("2", "SQSClient", ["KeptTypedDict"], {"Kept": "structure"})
    failures, _, _ = diff(old, new)
    assert failures == ["sqs.type_defs: KeptTypeDef missing with botocore 1 -> 2"]


def test_module_all_reads_both_layouts(tmp_path: Path) -> None:
    one = tmp_path / "one.py"
    one.write_text('x = 1\n__all__ = ["A", "B"]\n\nclass A: ...\n')
    many = tmp_path / "many.py"
    many.write_text('__all__ = [\n    "A",\n    "B",\n]\n\n\nclass A: ...\n')
    assert module_all(one) == module_all(many) == ["A", "B"]
    assert module_all(tmp_path / "one.py") == ["A", "B"]
