"""``--cluster ADDRESS|local:N``: which Dask cluster to use, and a client for it.

``local:N`` starts a LocalCluster of N worker processes (one thread each: the spaCy pipeline
and the NumPy engines hold the GIL for most of their work) and closes it afterwards;
``tcp://HOST:PORT`` (or ``HOST:PORT``, or any address a Dask client accepts, such as
``tls://``) connects to a running scheduler and leaves it running.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tariffscope.errors import InputError, MalformedInputError

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["INSTALL_HINT", "MAX_LOCAL_WORKERS", "ClusterSpec", "cluster_client", "parse_cluster"]

#: What a user without the extra must run.
INSTALL_HINT = "pip install 'tariffscope[dask]'"
#: The most worker processes ``local:N`` starts (more belongs on a real cluster).
MAX_LOCAL_WORKERS = 256

_LOCAL = re.compile(r"local:(\d+)", re.IGNORECASE)
_ADDRESS = re.compile(r"(?:(tcp|tls|inproc|ucx|ws|wss)://)?[\w.\-\[\]:]+:\d{1,5}", re.IGNORECASE)


@dataclass(frozen=True)
class ClusterSpec:
    """A parsed ``--cluster``: ``workers`` for a LocalCluster, else ``address``."""

    address: str | None = None
    workers: int | None = None

    @property
    def is_local(self) -> bool:
        """True when tariffscope starts (and stops) the cluster itself."""
        return self.workers is not None


def parse_cluster(text: str, flag: str = "--cluster") -> ClusterSpec:
    """Parse ``local:N`` or a scheduler address.

    Raises
    ------
    MalformedInputError
        Neither form, or N outside 1 to :data:`MAX_LOCAL_WORKERS`.
    """
    value = text.strip()
    local = _LOCAL.fullmatch(value)
    if local is not None:
        workers = int(local.group(1))
        if not 1 <= workers <= MAX_LOCAL_WORKERS:
            raise MalformedInputError(
                f"{flag} {text!r}: the number of local workers must be 1 to {MAX_LOCAL_WORKERS}"
            )
        return ClusterSpec(workers=workers)
    if _ADDRESS.fullmatch(value) is None:
        raise MalformedInputError(
            f"{flag} {text!r} is neither local:N nor a scheduler address",
            hint="e.g. --cluster local:4 or --cluster tcp://scheduler:8786",
        )
    return ClusterSpec(address=value if "://" in value else f"tcp://{value}")


def _distributed() -> Any:
    try:
        return importlib.import_module("distributed")
    except ImportError:
        raise InputError(f"--cluster needs Dask, which is not installed: {INSTALL_HINT}") from None


@contextmanager
def cluster_client(spec: ClusterSpec | str, *, timeout: float = 30.0) -> Iterator[Client]:
    """A Dask client for ``spec``; a LocalCluster it started is closed on exit.

    Raises
    ------
    InputError
        The ``dask`` extra is not installed, or the scheduler cannot be reached in
        ``timeout`` seconds.
    """
    parsed = parse_cluster(spec) if isinstance(spec, str) else spec
    distributed = _distributed()
    if parsed.is_local:
        cluster = distributed.LocalCluster(
            n_workers=parsed.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # no dashboard; its bare HTTP server on a free port, not 8787 (which may be taken)
            scheduler_kwargs={"dashboard_address": ":0"},
        )
        try:
            with distributed.Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = distributed.Client(parsed.address, timeout=timeout)
    except (OSError, TimeoutError) as error:
        raise InputError(
            f"--cluster {parsed.address}: cannot reach the scheduler ({error})"
        ) from None
    try:
        yield client
    finally:
        client.close()
