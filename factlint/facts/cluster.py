"""Extraction on a Dask cluster: `factlint check --scheduler tcp://HOST:8786`.

Each task (a few documents, or chunks of a long one) is a Dask future running
`factlint.facts.executors.run_task` on a worker; a worker plugin loads the model once per worker
as it joins. Only pieces (text, source positions, publication date) go out and only facts come
back; the documents, the fact store and the rules stay in this process. A worker that dies
mid-task costs that task a rerun elsewhere (the scheduler's `allowed-failures`), not the run.

Needs the `distributed` package on this machine and, with factlint itself, on every worker
(`pip install 'factlint[dask]'`): this module imports it, the rest of factlint does not.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Iterator

from factlint.errors import FactlintError
from factlint.facts.executors import (
    TASKS_PER_WORKER,
    Executor,
    ExecutorOptions,
    Task,
    TaskResult,
    register,
    run_task,
)

try:
    import distributed
except ImportError:  # the optional extra is missing
    HAVE_DISTRIBUTED = False
else:
    HAVE_DISTRIBUTED = True

# Seconds to wait for the scheduler to answer before saying it cannot be reached.
CONNECT_TIMEOUT = 10.0
PLUGIN_NAME = "factlint-model"
# A worker with several threads runs one extraction at a time: spaCy pipelines are not
# documented as safe to share between threads (start workers with --nthreads 1).
_MODEL_LOCK = threading.Lock()


def run_task_on_worker(task: Task) -> TaskResult:
    with _MODEL_LOCK:
        return run_task(task)


if HAVE_DISTRIBUTED:

    class ModelLoader(distributed.WorkerPlugin):
        """Loads the spaCy model once in each worker process, as it joins the cluster."""

        idempotent = True

        def setup(self, worker: distributed.Worker) -> None:
            from factlint.nlp.model import load_model

            load_model()


@register("dask")
class DaskExecutor(Executor):
    """Tasks as futures on the scheduler at `options.scheduler`, results in task order."""

    def __init__(self, options: ExecutorOptions) -> None:
        if not HAVE_DISTRIBUTED:
            raise FactlintError(
                "--scheduler needs the 'distributed' package: pip install 'factlint[dask]'"
            )
        self.address = options.scheduler or ""
        try:
            self.client = distributed.Client(
                self.address, timeout=CONNECT_TIMEOUT, set_as_default=False
            )
        except (OSError, ValueError, TypeError) as error:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise FactlintError(
                f"--scheduler {self.address}: cannot reach the Dask scheduler ({reason})"
            ) from None
        self.client.register_plugin(ModelLoader(), name=PLUGIN_NAME)
        self.run_id = uuid.uuid4().hex[:12]
        self.futures: dict[distributed.Future[TaskResult], int] = {}
        self.closed = False

    def _window(self) -> int:
        threads: int = sum(self.client.nthreads().values())
        return max(2, threads * TASKS_PER_WORKER)

    def run(self, tasks: Iterable[Task]) -> Iterator[TaskResult]:
        tasks = iter(tasks)
        finished: dict[int, TaskResult] = {}
        submitted = delivered = 0
        arriving = distributed.as_completed(loop=self.client.loop)

        def submit_more() -> None:
            nonlocal submitted
            window = self._window()  # workers may have joined or left
            while submitted - delivered < window:
                task = next(tasks, None)
                if task is None:
                    return
                key = f"factlint-extract-{self.run_id}-{submitted}"
                future = self.client.submit(run_task_on_worker, task, key=key, pure=False)
                self.futures[future] = submitted
                arriving.add(future)
                submitted += 1

        submit_more()
        for future in arriving:
            finished[self.futures.pop(future)] = self._result(future)
            future.release()
            while delivered in finished:
                yield finished.pop(delivered)
                delivered += 1
            submit_more()

    def _result(self, future: distributed.Future[TaskResult]) -> TaskResult:
        try:
            return future.result()
        except distributed.KilledWorker as error:
            raise FactlintError(
                f"--scheduler {self.address}: workers died running the same task "
                f"too often ({error}); is the model installed and is there memory for it?"
            ) from None
        except OSError as error:  # the connection to the scheduler closed
            raise FactlintError(
                f"--scheduler {self.address}: lost the Dask scheduler ({error})"
            ) from None

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.futures:
            self.client.cancel(list(self.futures))
            self.futures.clear()
        self.client.close()
