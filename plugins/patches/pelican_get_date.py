"""pelican.readers.get_date, reading a date written as ours are without dateutil's parser.

Checked against pelican 4.12.0. Pelican reads every date with dateutil's general parser,
about a third of a millisecond each; a date like 2016-04-22 18:34 (seconds and an offset
optional) is read here with one regular expression, into what dateutil gives. Any other
text, and a date out of range, goes to Pelican's own function.
"""

from __future__ import annotations

import re

import pelican.readers
from dateutil import tz
from pelican.utils import SafeDatetime

from .patching import patch

_ISO_DATE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?"
    r"(?:([+-])([0-9]{2}):?([0-9]{2}))?\Z"
)


def get_date(string: str):
    """What dateutil makes of a date like 2016-04-22 18:34+03:00."""
    found = _ISO_DATE.match(string)
    if found is None:
        return PATCH.replacements[0].original(string)
    year, month, day, hour, minute, second, sign, off_hours, off_minutes = found.groups()
    tzinfo = None
    if sign is not None:
        offset = (int(off_hours) * 3600 + int(off_minutes) * 60) * (1 if sign == "+" else -1)
        # dateutil's zone for +00:00 depends on the machine's; out of range, it fails
        if not offset or int(off_hours) > 23 or int(off_minutes) > 59:
            return PATCH.replacements[0].original(string)
        tzinfo = tz.tzoffset(None, offset)  # as dateutil gives it
    try:
        values = (int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        return SafeDatetime(*values, tzinfo=tzinfo)
    except ValueError:  # out of range: Pelican's says so
        return PATCH.replacements[0].original(string)


PATCH = patch("pelican", "4.12.0", (pelican.readers, "get_date", get_date))
install, restore = PATCH.install, PATCH.restore
