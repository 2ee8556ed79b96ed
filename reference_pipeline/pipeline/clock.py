"""The pipeline's clock: frozen by $RP_NOW so loads, freshness and labs repeat exactly."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from .errors import PipelineError


def now() -> datetime:
    """The current time as a naive UTC timestamp, or $RP_NOW when it is set."""
    frozen = os.environ.get("RP_NOW", "").strip()
    if not frozen:
        return datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    try:
        moment = datetime.fromisoformat(frozen.replace("Z", "+00:00"))
    except ValueError:
        raise PipelineError(
            f"RP_NOW='{frozen}' is not an ISO timestamp; set it like RP_NOW=2024-03-18T06:00:00."
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment
