"""Where the NLP pass runs: in this process, in local worker processes, or on a Dask cluster.

An executor runs extraction tasks (lists of `Piece`s, see `factlint.facts.pieces`) and yields
each task's `PieceFacts` in task order, whatever order they finish in. It keeps only a
bounded window of tasks in flight, so facts stream to the caller (and the fact store) as they
come and a slow task holds back at most the window behind it. Workers load the spaCy model
once each. The rules do not run here: they run in one process on the gathered facts.

Executors are registered by name (`register`); `executor_for` picks one from the options:
a scheduler address means Dask, one job means this process, more means local processes.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, ClassVar, TypeVar

from pydantic import BaseModel, Field

from factlint.documents.model import Document
from factlint.errors import FactlintError
from factlint.facts.model import DocumentFacts
from factlint.facts.pieces import Piece, PieceFacts, assemble_in_order, plan_tasks
from factlint.plugins import Registry

if TYPE_CHECKING:
    from spacy.language import Language

Task = list[Piece]
TaskResult = list[PieceFacts]
# Tasks in flight per worker: enough that no worker waits for the next while the caller
# stores results, few enough that out-of-order results held for the ordered stream stay small.
TASKS_PER_WORKER = 3


class ExecutorOptions(BaseModel):
    """How the NLP pass is spread: `jobs` local processes (None: every usable core), or the
    Dask scheduler at `scheduler`. `executor` names a registered executor outright."""

    jobs: int | None = Field(default=None, ge=1)
    scheduler: str | None = None
    executor: str | None = None


class Executor(ABC):
    """Runs extraction tasks somewhere and yields their results in task order."""

    name: ClassVar[str]

    def __init__(self, options: ExecutorOptions | None = None) -> None:  # noqa: B027 (most need nothing)
        """Executors are made from the run's options (`executor_for`)."""

    @abstractmethod
    def run(self, tasks: Iterable[Task]) -> Iterator[TaskResult]: ...

    def close(self) -> None:  # noqa: B027 (most executors hold nothing to release)
        """Release workers and connections (the run may have been cut short)."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# name -> the executor class; "module:Class" for one whose module imports an optional
# dependency (imported only when that executor is asked for). Other packages add executors
# through the `factlint.executors` entry-point group.
_EXECUTORS: Registry[type[Executor]] = Registry(
    "factlint.executors", {"dask": "factlint.facts.cluster:DaskExecutor"}, "executor"
)

E = TypeVar("E", bound="type[Executor]")


def register(name: str) -> Callable[[E], E]:
    """Class decorator: make an executor available by name (`ExecutorOptions.executor`)."""

    def decorate(cls: E) -> E:
        cls.name = name
        _EXECUTORS.add(name, cls)
        return cls

    return decorate


def executor_class(name: str) -> type[Executor]:
    return _EXECUTORS.require(name)


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity, which containers and `taskset` set)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def executor_for(options: ExecutorOptions) -> Executor:
    if options.executor is not None:
        return executor_class(options.executor)(options)
    if options.scheduler is not None:
        return executor_class("dask")(options)
    if (options.jobs or usable_cores()) == 1:
        return InProcess(options)
    return LocalProcesses(options)


def extract_with(documents: Sequence[Document], executor: Executor) -> Iterator[DocumentFacts]:
    """Facts of each document, in input order, as the executor delivers them."""
    return assemble_in_order(documents, executor.run(plan_tasks(documents)))


def run_task(task: Task, nlp: Language | None = None) -> TaskResult:
    """One task's facts; in a worker, with the model that worker loaded once."""
    from factlint.facts.extract import extract_pieces
    from factlint.nlp.model import load_model

    return list(extract_pieces(task, nlp or load_model()))


@register("inline")
class InProcess(Executor):
    """Everything in this process, one task after the other."""

    def __init__(self, options: ExecutorOptions | None = None) -> None:
        pass

    def run(self, tasks: Iterable[Task]) -> Iterator[TaskResult]:
        for task in tasks:
            yield run_task(task)


def _result(future: Future[TaskResult]) -> TaskResult:
    try:
        return future.result()
    except BrokenProcessPool:
        raise FactlintError(
            "a worker process of the NLP pass died (killed, or out of memory?); "
            "run again, or with --jobs 1"
        ) from None


def _start_worker() -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent alone reports it and
    # ends the workers, which would otherwise each print a traceback.
    # A worker is born with Ctrl-C blocked (see `LocalProcesses.run`), so one that arrives
    # before this line stays pending and is dropped here instead of raising in the child.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    from factlint.nlp.model import load_model

    load_model()


@register("processes")
class LocalProcesses(Executor):
    """`jobs` worker processes on this machine. Where `fork` exists workers start at once and
    share what the parent already imported; each loads the model once as it starts."""

    def __init__(self, options: ExecutorOptions) -> None:
        self.jobs = options.jobs or usable_cores()
        self.pool: ProcessPoolExecutor | None = None
        self.finished = False

    def run(self, tasks: Iterable[Task]) -> Iterator[TaskResult]:
        tasks = iter(tasks)
        first = next(tasks, None)
        second = next(tasks, None)
        if first is None:
            return
        if second is None:  # one task: not worth starting workers
            yield run_task(first)
            return
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        window: deque[Future[TaskResult]] = deque()
        # Workers fork at the first submit; with SIGINT blocked meanwhile, a Ctrl-C in that
        # instant waits in the parent (raised on unblocking) and is ignored by the children.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.pool = ProcessPoolExecutor(
                self.jobs, mp_context=multiprocessing.get_context(method), initializer=_start_worker
            )
            window.append(self.pool.submit(run_task, first))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        for task in itertools.chain((second,), tasks):
            window.append(self.pool.submit(run_task, task))
            if len(window) >= self.jobs * TASKS_PER_WORKER:
                yield _result(window.popleft())
        while window:
            yield _result(window.popleft())
        self.finished = True

    def close(self) -> None:
        pool, self.pool = self.pool, None
        if pool is None:
            return
        if not self.finished:
            # Workers still busy (an interrupted or failed run) are ended, not waited for.
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
