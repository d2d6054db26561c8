"""Running grid graphs on Dask: scheduler choice, tree reduction, progress reporting.

``scheduler`` is ``None`` (threads), ``"threads"``, ``"processes"``, ``"synchronous"``, a
``dask.distributed.Client`` (local or remote: ``Client("tcp://…")``, dask-jobqueue, …) or an
address ``"tcp://host:port"`` (a client is connected for the run and closed after it).
No home-made scheduler: the graph is handed to Dask as is.

References
----------
.. [1] Dask schedulers: https://docs.dask.org/en/stable/scheduling.html
.. [2] Dask diagnostics (local callbacks): https://docs.dask.org/en/stable/diagnostics-local.html
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..messages import text
from .errors import GridError

#: fan-in of the reduction tree
FAN_IN = 8

LOCAL = ("threads", "processes", "synchronous", "sync", "single-threaded")


def tree(parts: Sequence, combine: Callable, fan_in: int = FAN_IN):
    """Reduce a list of delayed parts with ``combine(*parts)`` in a tree of fan-in ``fan_in``."""
    import dask

    level = list(parts)
    if not level:
        raise GridError(text("grid.no_chunks"))
    while len(level) > 1:
        level = [
            dask.delayed(combine)(*level[i : i + fan_in]) for i in range(0, len(level), fan_in)
        ]
    return level[0]


def is_client(scheduler: object) -> bool:
    """True for a ``dask.distributed.Client``."""
    return type(scheduler).__name__ == "Client" and hasattr(scheduler, "compute")


@contextlib.contextmanager
def connected(scheduler: object) -> Iterator[object]:
    """The scheduler to use, connecting to ``"tcp://…"`` addresses for the duration."""
    if isinstance(scheduler, str) and "://" in scheduler:
        from distributed import Client

        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise GridError(
                text("grid.no_scheduler", address=scheduler, problem=str(exc)),
                hint=text("grid.hint_scheduler"),
            ) from None
        try:
            yield client
        finally:
            client.close()
        return
    if scheduler is None:
        yield "threads"
        return
    if isinstance(scheduler, str) and scheduler not in LOCAL:
        raise GridError(
            text("grid.bad_scheduler", value=scheduler), hint=text("grid.hint_scheduler")
        )
    if not isinstance(scheduler, str) and not is_client(scheduler):
        raise GridError(
            text("grid.bad_scheduler", value=repr(scheduler)), hint=text("grid.hint_scheduler")
        )
    yield scheduler


def _local_callback(progress: Callable[[int, int], None]):
    from dask.callbacks import Callback

    class _Progress(Callback):
        """Report finished / total tasks of the local scheduler to ``progress``."""

        def _start_state(self, dsk, state):
            self._total = sum(len(state[k]) for k in ("ready", "waiting", "running", "finished"))
            progress(0, self._total)

        def _posttask(self, key, result, dsk, state, worker_id):
            progress(len(state["finished"]), self._total)

        def _finish(self, dsk, state, errored):
            progress(self._total, self._total)

    return _Progress()


def run(
    objs: list, *, scheduler: object = None, progress: Callable[[int, int], None] | None = None
) -> list[Any]:
    """Compute delayed objects on ``scheduler``; ``progress(done, total)`` is called as tasks
    finish (local schedulers) or futures complete (distributed).

    Raster read errors raised on workers arrive as :class:`~geep.grid.errors.RasterReadError`.
    """
    import dask

    with connected(scheduler) as sched:
        if is_client(sched):
            futures = sched.compute(objs)
            if progress is not None:
                from distributed import as_completed

                n = len(futures)
                progress(0, n)
                for i, _ in enumerate(as_completed(futures), 1):
                    progress(i, n)
            return list(sched.gather(futures))
        cb = _local_callback(progress) if progress is not None else contextlib.nullcontext()
        with dask.config.set(scheduler=sched), cb:
            return list(dask.compute(*objs))
