"""`make serve`: PORT= and HOST= reach MkDocs, and an address it cannot listen on is one line
saying what to type instead (tools/serveport.py), before anything is built."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from contextlib import closing

import pytest

from .conftest import ROOT

BUSY = re.compile(r"port (\d+) is in use — run make serve PORT=(\d+), or stop the other server")


def listening_socket(port: int = 0) -> socket.socket:
    """A socket listening on 127.0.0.1 (on a free port by default), as another server would."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", port))
    sock.listen()
    return sock


def serveport(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tools.serveport", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def make(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`make ARGS` in the project; should it start a server after all (the test failing), the
    server and its watcher are stopped with it rather than left holding a port."""
    if subprocess.run(["make", "-q", ".venv/.installed"], cwd=ROOT, capture_output=True).returncode != 0:
        pytest.skip("the .venv is not up to date with requirements.lock: run make setup")
    process = subprocess.Popen(["make", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env or dict(os.environ), start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        # make is not reaped yet, so its id still names its own process group (its own session).
        os.killpg(process.pid, signal.SIGTERM)
        stdout, stderr = process.communicate()
        stderr += "\n(still running after 60 s: stopped)"
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def test_a_busy_port_is_one_line_naming_a_free_one():
    with closing(listening_socket()) as busy:
        port = busy.getsockname()[1]
        result = serveport("--host", "127.0.0.1", "--port", str(port))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    match = BUSY.fullmatch(lines[0])
    assert match and int(match[1]) == port, lines[0]
    assert int(match[2]) > port


def _two_busy_ports() -> tuple[socket.socket, socket.socket]:
    """Two listening sockets on neighbouring ports. A port next to a free one may be another
    program's (a second test suite's server, on a busy machine), so a few pairs are tried."""
    for _ in range(20):
        first = listening_socket()
        try:
            return first, listening_socket(first.getsockname()[1] + 1)
        except OSError:
            first.close()
    pytest.skip("no two neighbouring ports were free in 20 tries")


def test_the_suggested_port_is_not_busy_too():
    busy, next_one = _two_busy_ports()
    with closing(busy), closing(next_one):
        port = busy.getsockname()[1]
        result = serveport("--port", str(port))
    match = BUSY.fullmatch(result.stderr.strip())
    assert match and int(match[2]) > port + 1, result.stderr


def test_a_free_port_passes_silently():
    with closing(listening_socket()) as probe:
        port = probe.getsockname()[1]
    result = serveport("--host", "127.0.0.1", "--port", str(port))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize("args, message", [
    (["--port", "http"], "PORT='http' is not a port: give a number from 1 to 65535"),
    (["--port", "0"], "PORT='0' is not a port"),
    (["--port", "70000"], "PORT='70000' is not a port"),
    (["--host", "my-laptop"], "HOST='my-laptop' is not an IP address"),
    (["--host", "192.0.2.1"], "HOST=192.0.2.1 is not an address of this machine"),  # TEST-NET-1
])
def test_an_address_that_cannot_be_served_on_says_why(args, message):
    result = serveport(*args)
    assert result.returncode == 2
    assert result.stderr.startswith(message), result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_make_serve_passes_port_and_host_to_the_check_and_to_mkdocs():
    default = make("-n", "serve").stdout
    assert "--port '8000'" in default and "--dev-addr '127.0.0.1:8000'" in default
    chosen = make("-n", "serve", "PORT=8123", "HOST=0.0.0.0").stdout
    assert "--host '0.0.0.0' --port '8123'" in chosen
    assert "mkdocs serve --dev-addr '0.0.0.0:8123'" in chosen
    assert chosen.index("tools.serveport") < chosen.index("generator build")  # checked before building


def test_make_serve_ignores_a_host_name_in_the_environment():
    """tcsh exports HOST as the machine's name; MkDocs cannot listen on that."""
    dry = make("-n", "serve", env=dict(os.environ, HOST="my-laptop", PORT="8124")).stdout
    assert "--dev-addr '127.0.0.1:8124'" in dry


def test_make_serve_on_a_busy_port_stops_before_building():
    with closing(listening_socket()) as busy:
        port = busy.getsockname()[1]
        result = make("serve", f"PORT={port}")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert BUSY.search(result.stderr) and f"port {port} is in use" in result.stderr
    assert "Building documentation" not in result.stderr + result.stdout


def test_the_readme_starts_on_one_screen_and_sends_readers_to_make_serve():
    """From disk (site/index.html) the site has no search and its folder links show folder
    listings; the README's start, what the project is and how to see it, fits one screen."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme[:readme.index("## Adding a seed")]
    assert len(start.splitlines()) <= 40, f"the README's start is {len(start.splitlines())} lines"
    assert "make serve" in start and "make serve PORT=" in start
    assert "Then open `site/index.html`" not in readme


def watch_patterns() -> str:
    """The patterns `make serve` gives its watcher, as the Makefile spells them."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--patterns='$(WATCH_PATTERNS)'" in makefile, "make serve's watcher no longer uses WATCH_PATTERNS"
    return re.search(r"^WATCH_PATTERNS = (.+)$", makefile, re.M)[1]


def test_the_serve_watcher_fires_for_every_kind_of_input(tmp_path):
    """An edit to a seed (text or saved page), an annotation or a registry file, in a folder under
    the watched one, runs the rebuild: watchdog matches patterns against the whole path, so a bare
    '*.txt' never fired. Each edit waits for its own run, so no timing decides the outcome."""
    watchmedo = ROOT / ".venv" / "bin" / "watchmedo"
    if not watchmedo.exists():
        pytest.skip("no .venv: run make setup")
    for folder in ("seeds", "annotations", "registry"):
        (tmp_path / folder / "sub").mkdir(parents=True)
    fired = tmp_path / "fired"
    process = subprocess.Popen(
        [str(watchmedo), "shell-command", "--recursive", "--drop", "--wait",
         f"--patterns={watch_patterns()}", f"--command=echo ${{watch_src_path}} >> {fired}",
         "seeds", "annotations", "registry"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _wait_for_the_watcher(process, tmp_path, fired)
        for edited in ("seeds/sub/a.txt", "seeds/b.html", "annotations/c.yml", "registry/sub/d.yaml"):
            (tmp_path / edited).write_text("edited\n", encoding="utf-8")
            _wait_until(lambda: edited in _read(fired), f"the watcher did not fire for {edited}")
        (tmp_path / "seeds" / "notes.md").write_text("not an input\n", encoding="utf-8")
        (tmp_path / "seeds" / "e.txt").write_text("edited\n", encoding="utf-8")
        _wait_until(lambda: "seeds/e.txt" in _read(fired), "the watcher did not fire for seeds/e.txt")
        assert "notes.md" not in _read(fired)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _read(path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _wait_until(condition, message: str, seconds: float = 60) -> None:
    """Poll for an event the watcher causes, with a deadline far beyond any real delay."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.05)


def _wait_for_the_watcher(process, folder, fired) -> None:
    """The watcher is ready once it sees a probe file: until then an edit could be missed."""
    probe = folder / "seeds" / "probe.txt"
    deadline = time.monotonic() + 60
    while "probe.txt" not in _read(fired):
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "the watcher never fired for seeds/probe.txt"
        probe.write_text(str(time.monotonic()), encoding="utf-8")
        time.sleep(0.2)
