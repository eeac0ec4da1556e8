"""The worker processes of `serve --workers N`, each on a listening socket of its own.

uvicorn's own supervisor shares one listening socket among its workers, and the worker that wakes
first takes every connection then waiting (asyncio accepts up to its backlog at once). Devices
keep their connection open, so when 200 of them connect together one worker served ~90% of the
requests while the other idled (py-spy on `benchmarks/bench_sync.py --crowd-only`; with three
workers 16.5, 4.8 and 4.0 CPU seconds). Here each worker listens on a socket of its own bound to
the same port (SO_REUSEPORT, Linux and the BSDs), and the kernel spreads new connections evenly.

The sockets are made, and listen, here in the supervisor, for as long as it runs: a worker that
dies is replaced on the same socket, and the connections that reached it meanwhile wait in its
queue for the replacement instead of being refused.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import threading
import time
from typing import Any

log = logging.getLogger("uvicorn.error")

# The exit code of a uvicorn worker that could not start (the app failed to load, say): every
# replacement would fail alike, so the server stops instead.
STARTUP_FAILURE = 3
# A worker that dies sooner than this after its start is replaced only after this long.
RESTART_PAUSE = 1.0


def supported() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def listening_sockets(host: str, port: int, count: int, backlog: int) -> list[socket.socket]:
    """`count` TCP sockets listening on one port (port 0: the one the first was given)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            # IPPROTO_TCP named, as `sync.server.__main__._serve_workers` explains (Nagle).
            sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind((host, port))
            port = sock.getsockname()[1]
            sock.listen(backlog)
            sock.set_inheritable(True)
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


def _work(config: Any, sock: socket.socket) -> None:
    """One worker process: uvicorn serving the app on `sock`."""
    import uvicorn

    config.configure_logging()  # a spawned process starts with none
    uvicorn.Server(config).run(sockets=[sock])


def run(config: Any, sockets: list[socket.socket]) -> int:
    """Run one worker per socket until SIGTERM or SIGINT, replacing any that dies; then stop
    them (SIGTERM: each finishes the requests it has) and return 0, or STARTUP_FAILURE."""
    context = multiprocessing.get_context("spawn")
    stop = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stop.set())

    def start(sock: socket.socket) -> tuple[Any, float]:
        worker = context.Process(target=_work, args=(config, sock), daemon=False)
        worker.start()
        return worker, time.monotonic()

    workers = [start(sock) for sock in sockets]
    status = 0
    try:
        while not stop.wait(0.5):
            for slot, (worker, started) in enumerate(workers):
                if worker.is_alive():
                    continue
                if worker.exitcode == STARTUP_FAILURE:
                    log.error("worker %s could not start: stopping the server", worker.pid)
                    status = STARTUP_FAILURE
                    stop.set()
                    break
                log.warning("worker %s exited (%s): starting another", worker.pid, worker.exitcode)
                if time.monotonic() - started < RESTART_PAUSE:
                    time.sleep(RESTART_PAUSE)
                workers[slot] = start(sockets[slot])
    finally:
        for worker, _ in workers:
            if worker.is_alive():
                worker.terminate()
        for worker, _ in workers:
            worker.join()
        for sock in sockets:
            sock.close()
    return status
