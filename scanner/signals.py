"""Signals: SIGTERM cuts a run short as Ctrl-C does, and worker processes follow their parent.

``timeout``, systemd, Kubernetes and CI cancellation stop a program with SIGTERM, whose
default action kills the process at once: the worker processes of ``--jobs`` would be left
running. While the command line runs, SIGTERM raises :class:`Terminated`, a
``KeyboardInterrupt``, so the run unwinds along Ctrl-C's path (outputs closed, the worker
pool shut down) and exits with 143 (128 + SIGTERM) instead of 130.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

_PR_SET_PDEATHSIG = 1  # prctl(2)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that the run is cleaned up as on Ctrl-C."""


INTERRUPT_STATUSES = frozenset({128 + signal.SIGINT, 128 + signal.SIGTERM})
"""The exit statuses of an interrupted run (:func:`interrupt_status`)."""


def interrupt_status(exc: KeyboardInterrupt) -> int:
    """The exit status of a run cut short by ``exc``, as a shell reports a process killed by
    the signal: 130 for Ctrl-C (SIGINT), 143 for SIGTERM."""
    return 128 + interrupt_signal(exc)


def interrupt_signal(exc: KeyboardInterrupt) -> signal.Signals:
    """The signal behind ``exc``: SIGTERM for :class:`Terminated`, else SIGINT."""
    return signal.SIGTERM if isinstance(exc, Terminated) else signal.SIGINT


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


@contextmanager
def _handled(signum: signal.Signals, handler) -> Iterator[None]:
    """Within the block, ``signum`` goes to ``handler``; the previous handler is put back
    after it. Only the main thread, where Python runs signal handlers, sets one (elsewhere
    nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signum, handler)
    try:
        yield
    finally:
        signal.signal(signum, previous)


def sigterm_interrupts() -> AbstractContextManager[None]:
    """Within the block, SIGTERM raises :class:`Terminated` (in the main thread)."""
    return _handled(signal.SIGTERM, _raise_terminated)


def ctrl_c_ignored() -> AbstractContextManager[None]:
    """Within the block (in the main thread), Ctrl-C is ignored, and processes started within
    it inherit the ignored Ctrl-C: a local Dask cluster's workers, which a terminal's Ctrl-C
    reaches with the whole group (SIGTERM stays theirs: the cluster stops them with it)."""
    return _handled(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def interrupts_ignored() -> Iterator[None]:
    """Within the block (in the main thread), Ctrl-C and SIGTERM are ignored: the cleanup of a
    run cut short runs to its end. ``timeout`` sends its SIGTERM to the program and again to its
    process group, so a second one may come while the ``--jobs`` pool shuts down; raised there,
    it would leave workers that never got their stop, and the exit would wait on them for ever
    (QA pass 27). (Processes started within the block inherit both: start none there.)"""
    with ctrl_c_ignored(), _handled(signal.SIGTERM, signal.SIG_IGN):
        yield


def ignore_interrupts() -> None:
    """From now on (in the main thread), Ctrl-C and SIGTERM are ignored: a run that was cut
    short has cleaned up and is exiting with its status (130, 143), which one more Ctrl-C
    during the interpreter's shutdown would replace with death by the signal."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)


def set_up_worker_signals() -> None:
    """Signals in a worker process, which its parent stops: Ctrl-C, which a terminal sends to
    the whole process group, is ignored, and so is SIGTERM, which ``timeout`` and systemd send
    to the whole group too (the parent cancels the tasks not started and waits for those in
    flight: a worker killed while it sends a result would leave the pool's pipe torn and the
    parent waiting on it). SIGTERM is ignored only where the worker is sure to die with its
    parent should the parent be killed outright (SIGKILL, the OOM killer: Linux); elsewhere it
    kills the worker, as by default (not the parent's handler, inherited through fork)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    dies_with_parent = sys.platform == "linux" and _die_with_parent()
    signal.signal(signal.SIGTERM, signal.SIG_IGN if dies_with_parent else signal.SIG_DFL)


def _die_with_parent() -> bool:
    """Ask Linux to kill this process when its parent dies (``PR_SET_PDEATHSIG``), exiting at
    once if the parent is gone already; False if the kernel refused. (ctypes and
    multiprocessing are imported here, in the worker, not at every start-up.)"""
    import ctypes
    import multiprocessing

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        return False
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:
        os._exit(1)
    return True
