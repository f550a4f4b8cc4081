"""A minimal Language Server Protocol client over stdio, enough to ask pyright's language
server what an editor shows: hover text, completion, go-to-definition targets, and the
diagnostics it publishes.  Shared by tests/editor and bench/editor.py (which times it)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import IO, Any


class Server:
    """One language server process for one workspace folder; one open document at a time."""

    def __init__(self, command: list[str], root: Path) -> None:
        self._proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._ids = 0
        self._published: dict[str, list[Any]] = {}  # uri -> the diagnostics last published for it
        folder = root.resolve().as_uri()
        capabilities = {"textDocument": {"hover": {"contentFormat": ["plaintext"]}}}
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": folder,
                "capabilities": capabilities,
                "workspaceFolders": [{"uri": folder, "name": "workspace"}],
            },
        )
        self._notify("initialized", {})

    def open(self, path: Path) -> str:
        uri = path.resolve().as_uri()
        document = {"uri": uri, "languageId": "python", "version": 1, "text": path.read_text()}
        self._notify("textDocument/didOpen", {"textDocument": document})
        return uri

    @property
    def pid(self) -> int:
        """The process the command started (pyright-langserver's launcher; node runs below it)."""
        return self._proc.pid

    def change(self, path: Path, text: str, version: int) -> None:
        """The whole document replaced by `text` (as an editor sends a keystroke's edit)."""
        document = {"uri": path.resolve().as_uri(), "version": version}
        self._notify("textDocument/didChange", {"textDocument": document, "contentChanges": [{"text": text}]})

    def diagnostics(self, path: Path) -> list[Any]:
        """Wait for the server to publish diagnostics for `path` (the first time since the last
        call for it); the diagnostics."""
        uri = path.resolve().as_uri()
        while uri not in self._published:
            self._handle(self._receive())
        return self._published.pop(uri)

    def hover(self, path: Path, line: int, character: int) -> str:
        """The plain-text hover at a 0-based position ("" when there is none)."""
        result = self.request("textDocument/hover", self._at(path, line, character))
        return str(result["contents"]["value"]) if result else ""

    def definition(self, path: Path, line: int, character: int) -> list[tuple[str, int]]:
        """(file path, 0-based line) of every definition the server offers."""
        result = self.request("textDocument/definition", self._at(path, line, character)) or []
        return [(Path(loc["uri"].removeprefix("file://")).as_posix(), loc["range"]["start"]["line"]) for loc in result]

    def completion(self, path: Path, line: int, character: int) -> list[str]:
        """The labels of every completion item the server offers at a 0-based position."""
        result = self.request("textDocument/completion", self._at(path, line, character)) or []
        items = result["items"] if isinstance(result, dict) else result
        return [str(item["label"]) for item in items]

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self._notify("exit", None)
            self._proc.wait(10)
        finally:
            if self._proc.poll() is None:
                self._proc.kill()
                self._proc.wait()

    def _at(self, path: Path, line: int, character: int) -> dict[str, Any]:
        return {"textDocument": {"uri": path.resolve().as_uri()}, "position": {"line": line, "character": character}}

    def request(self, method: str, params: Any) -> Any:
        self._ids += 1
        wanted = self._ids
        self._send({"jsonrpc": "2.0", "id": wanted, "method": method, "params": params})
        while True:
            message = self._receive()
            if message.get("id") == wanted and "method" not in message:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result")
            self._handle(message)

    def _handle(self, message: dict[str, Any]) -> None:
        """A message that is not the awaited answer: a request of the server's (answered
        plainly) or a notification (published diagnostics are kept for diagnostics())."""
        if "id" in message and "method" in message:
            items = (message.get("params") or {}).get("items", [])
            answer = [None] * len(items) if message["method"] == "workspace/configuration" else None
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": answer})
        elif message.get("method") == "textDocument/publishDiagnostics":
            params = message["params"]
            self._published[params["uri"]] = params["diagnostics"]

    def _notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode()
        stdin: IO[bytes] = self._proc.stdin  # type: ignore[assignment]
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def _receive(self) -> dict[str, Any]:
        stdout: IO[bytes] = self._proc.stdout  # type: ignore[assignment]
        length = None
        while True:
            line = stdout.readline()
            if not line:
                raise RuntimeError("the language server exited")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        assert length is not None, "a message without Content-Length"
        data: dict[str, Any] = json.loads(stdout.read(length))
        return data
