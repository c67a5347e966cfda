"""The worker processes that write the PDFs, and how they are started.

``mkdocs build`` runs in one thread, so on Linux the workers are forked from the build, and each
imports WeasyPrint while the build goes on with its pages. That is the fastest start measured:
workers started from a fresh process (a *forkserver*) spent about 15% more CPU on the same
PDFs, nearly all in the kernel, because Python 3.11 maps and unmaps a 16 KB frame-stack chunk
each time WeasyPrint's deep recursion crosses a chunk boundary, and a fresh process sits right
at one (169,000 ``mmap`` calls against 13,000 in a cold build). Importing WeasyPrint in the
build before forking would save one import, but puts 0.4 s on the path of a build that has
only a few PDFs to make.

``mkdocs serve`` rebuilds in a thread of its web server, and forking a process that runs
threads can leave a lock taken for good in the child. There, and on macOS, the workers come from
a forkserver, a clean process that has WeasyPrint loaded; :func:`start_early` starts it when
``mkdocs serve`` starts, before any thread does. Windows has neither: each worker is spawned
and imports WeasyPrint itself.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext

from handbook.downloads import pdf

# What the forkserver imports before it forks any worker (pdf imports WeasyPrint lazily)
PRELOAD = ["handbook.downloads.workers", "weasyprint", "weasyprint.text.fonts"]
# The pages are what a build waits for; the PDFs are made meanwhile, on what CPU is left. With
# the workers at the same priority, a rebuild after one edit waited ~0.6 s longer for its pages
# on two cores. Once the pages are done, the workers have every core to themselves.
WORKER_NICENESS = 10


def default_count() -> int:
    """One worker per core, at most four (a cold build has 62 PDFs of 0.1 to 0.6 s)."""
    return min(os.cpu_count() or 1, 4)


def start_early() -> None:
    """Start the forkserver now, so it has WeasyPrint loaded when the first PDF is due."""
    context = _forkserver()
    if context.get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()


def pool(workers: int) -> ProcessPoolExecutor:
    """``workers`` processes that each load the fonts and the stylesheet once."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                               initializer=_start_worker)


def started_pool(workers: int) -> ProcessPoolExecutor:
    """A :func:`pool` whose processes are already starting (it starts them on the first job):
    they load WeasyPrint while the build goes on, and are ready when the first PDF is due."""
    executor = pool(workers)
    for _ in range(workers):
        executor.submit(os.getpid)  # a job that does nothing
    return executor


def _start_worker() -> None:
    if hasattr(os, "nice"):  # not on Windows
        os.nice(WORKER_NICENESS)
    pdf.init_pool_worker()


def _context() -> BaseContext:
    # Only on Linux: macOS system libraries start threads that active_count() does not see
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return _forkserver()


def _forkserver() -> BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")  # Windows: each worker imports for itself
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # only read when the server starts
    return context
