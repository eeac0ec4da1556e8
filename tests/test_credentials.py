"""The keyring's backend found on a thread during start-up (credentials.find_keyring_in_background)
is the very one keyring chooses itself: it decides where the database's key lives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHOSE_ON_THREAD = """
import keyring
from sync.client import credentials
credentials.find_keyring_in_background()
try:
    print(credentials.load_secret("local-database|x"))
except credentials.CredentialsUnavailable:
    print("unavailable")
backend = keyring.get_keyring()
print(type(backend).__module__ + "." + type(backend).__qualname__)
"""

CHOSE_BY_KEYRING = """
import keyring
backend = keyring.get_keyring()
print(type(backend).__module__ + "." + type(backend).__qualname__)
"""


def _run(code: str, env: dict[str, str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def test_the_thread_chooses_the_backend_keyring_chooses() -> None:
    # The machine's own choice: no backend named in the environment.
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    *_, on_thread = _run(CHOSE_ON_THREAD, env)
    assert on_thread == _run(CHOSE_BY_KEYRING, env)[-1]


def test_a_secret_is_read_through_the_backend_found_on_the_thread(tmp_path: Path) -> None:
    (tmp_path / "keyring.json").write_text('{"SuqingWorkbench|local-database|x": "k3y"}')
    env = {**os.environ, "SUQING_TEST_KEYRING_FILE": str(tmp_path / "keyring.json")}
    secret, backend = _run(CHOSE_ON_THREAD, env)
    assert (secret, backend) == ("k3y", "tests.support.keyring_backend.FileKeyring")
