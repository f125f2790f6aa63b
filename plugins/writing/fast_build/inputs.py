"""What pages depend on beyond Pelican's own objects, told to fast_build by the plugins
that add it (no plugin imports fast_build for this, and fast_build knows none of them).

Two named blinker signals, the mechanism of Pelican's own signals; receivers are kept by
weak reference, as Pelican's are, so connect module-level functions:
- SITE_INPUTS, sent once a build with the settings: each receiver returns the paths of
  files that any page may show (the actors registry: names, kinds, descriptions). Their
  bytes join the digest of the whole site, so that a change renders every page again.
- SUBJECT_INPUTS, sent for each article or page that a page shows whole: each receiver
  returns what it added to that content (its similar-article entries), as a list of
  strings and of Pelican objects (articles, tags, actors), digested in that order.
"""

from __future__ import annotations

from blinker import signal

SITE_INPUTS = signal("fast_build.site_inputs")
SUBJECT_INPUTS = signal("fast_build.subject_inputs")


def site_files(settings) -> list:
    return [path for _, paths in SITE_INPUTS.send(settings) for path in paths or ()]


def subject_parts(content) -> list:
    return [part for _, parts in SUBJECT_INPUTS.send(content) for part in parts or ()]
