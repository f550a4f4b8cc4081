"""naming.package: the one rule for the generated package's name, dotted or not."""

from __future__ import annotations

import pytest

from generator.naming.package import directory, package_parts, parent_parts


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("aws_typed", ("aws_typed",)),
        ("mylib._aws", ("mylib", "_aws")),
        ("a.b.c", ("a", "b", "c")),
        ("données.aws", ("données", "aws")),  # a non-ASCII identifier Python imports as spelt
        ("match.type", ("match", "type")),  # soft keywords are names
    ],
)
def test_valid_names(name: str, parts: tuple[str, ...]) -> None:
    assert package_parts(name) == parts


@pytest.mark.parametrize(
    "name",
    [
        "",
        "a..b",
        ".a",
        "a.",
        ".",
        "a/b",
        "a\\b",
        "my-pkg",
        "class",
        "mylib.class",
        "mylib.None",
        "mylib.\ufb01le",  # NFKC: would import as mylib.file
        "mylib.__init__",
        "__main__",
        "mylib. x",
        "mylib.1a",
        "a\x00b",
        None,
        3,
        b"aws",
    ],
)
def test_hostile_names_are_refused(name: object) -> None:
    assert package_parts(name) is None


def test_directory_and_parents() -> None:
    assert directory("mylib._aws") == "mylib/_aws" and directory("aws_typed") == "aws_typed"
    assert parent_parts("a.b.c") == ("a", "b") and parent_parts("aws_typed") == ()
