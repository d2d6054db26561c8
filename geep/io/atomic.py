"""Atomic file writes: a temporary file in the target folder, then an atomic rename."""

from ..coefficients.lock import atomic_write_bytes

__all__ = ["atomic_write_bytes"]
