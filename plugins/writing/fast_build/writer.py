"""Pelican's Writer, writing only what changed, and on more than one core.

Pelican's own write_file renders and writes each page; two decisions are made before a
page is rendered: is it this process's share (when the pages are split between
processes), and has it changed since the last build (its fingerprint, see
fingerprints.py). The decision sits in the template Pelican is given (PageDecision): for
a page that is another process's share, or unchanged, it renders nothing and the writer
opens no file, so the file of the last build stays; Pelican still sends content_written
for it, with the page's whole context, so that the sitemap lists every page.
"""

from __future__ import annotations

import contextlib
import io
import zlib

from pelican.utils import sanitised_join
from pelican.writers import Writer

from .fingerprints import page_fingerprint

SUBJECTS = ("article", "page")  # the names under which a page gets the content it shows


class FastWriter(Writer):
    def __init__(self, output_path, settings, plan, share=(0, 1), journal=None):
        super().__init__(output_path, settings=settings)
        self.plan = plan
        self.journal = journal  # OutputJournal: each file written over is kept until the end
        self.share = share  # (this process's number, number of processes)
        self.splitting = False  # set while a generator whose pages are split writes
        self.records: dict[str, tuple] = {}
        self.rendered = 0
        self.kept: set[str] = set()  # paths decided unchanged or not ours, not yet opened
        self.pending: dict[str, tuple] = {}  # path -> (name, fingerprint) of a page rendered

    @classmethod
    def of_build(cls, plan, share, journal):
        """Pelican's get_writer signal wants a class, made with (output_path, settings):
        one is made for each build, bound to its plan."""

        def __init__(self, output_path, settings=None):
            cls.__init__(self, output_path, settings, plan, share=share, journal=journal)

        return type(cls.__name__, (cls,), {"__init__": __init__})

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        if name:
            if paginated is None:  # as Pelican's write_file defaults it
                paginated = {key: kwargs[key] for key in ("articles", "dates") if key in kwargs}
            paginate = bool(paginated) and template_name in self.settings["PAGINATED_TEMPLATES"]
            template = PageDecision(
                self, template, context, kwargs, f"{name}|{relative_urls}|{url}",
                paginated, paginate,
            )  # fmt: skip
        super().write_file(
            name,
            template,
            context,
            relative_urls=relative_urls,
            paginated=paginated,
            template_name=template_name,
            override_output=override_output,
            url=url,
            **kwargs,
        )

    def _open_w(self, filename, encoding, override=False):
        if filename in self.kept:  # the file of the last build stays as it is
            self.kept.discard(filename)
            self._written_files.add(filename)  # what Pelican's records of a file it opens,
            if override:  # for its checks of a file written twice
                self._overridden_files.add(filename)
            return contextlib.nullcontext(io.StringIO())
        if self.journal is not None:
            self.journal.before_write(filename)
        handle = super()._open_w(filename, encoding, override)
        pending = self.pending.pop(filename, None)
        return handle if pending is None else self._recorded_when_closed(handle, filename, pending)

    @contextlib.contextmanager
    def _recorded_when_closed(self, handle, path, pending):
        with handle:
            yield handle
        self._record(pending[0], pending[1], path)

    def write_feed(
        self,
        elements,
        context,
        path=None,
        url=None,
        feed_type="atom",
        override_output=False,
        feed_title=None,
    ):
        if not path:
            return super().write_feed(
                elements, context, path, url, feed_type, override_output, feed_title
            )
        if not self.is_mine(path):
            return None
        full_path = sanitised_join(self.output_path, path)
        shown = elements[: self.settings["FEED_MAX_ITEMS"]]
        fingerprint = self.plan.feed_fingerprint(path, url, feed_type, feed_title, shown)
        if self.plan.manifest_unchanged(path, fingerprint, full_path):
            self._written_files.add(full_path)
            self.records[path] = self.plan.manifest.current[path]
            return None
        feed = super().write_feed(
            elements, context, path, url, feed_type, override_output, feed_title
        )
        self._record(path, fingerprint, full_path)
        return feed

    def _record(self, name, fingerprint, path):
        self.plan.manifest.record(name, fingerprint, path)
        self.records[name] = self.plan.manifest.current[name]
        self.rendered += 1

    def already_written(self, path: str) -> bool:
        return path in self._written_files or path in self._overridden_files

    def is_mine(self, name: str) -> bool:
        number, count = self.share
        return not self.splitting or count == 1 or zlib.crc32(name.encode()) % count == number


class PageDecision:
    """The template of one write_file call, as Pelican's writer is given it: rendering a
    page, it first tells whether the page is to be written by this process, and changed."""

    def __init__(self, writer, template, context, kwargs, call, paginated, paginate):
        self.writer = writer
        self.template = template
        self.context = context
        self.kwargs = kwargs
        self.call = call  # the call's name, relative_urls and url
        self.paginated = paginated
        self.paginate = paginate
        self._fingerprint = []  # of the call, made once, only if a page of it is ours

    def render(self, localcontext) -> str:
        writer, plan = self.writer, self.writer.plan
        name = localcontext["output_file"]
        path = sanitised_join(writer.output_path, name)
        plan.progress.advance("pages")
        if not writer.is_mine(name):
            writer.kept.add(path)
            return ""
        if writer.already_written(path):  # written twice: Pelican's own rules apply
            return self.template.render(localcontext)
        fingerprint = self._page_fingerprint(localcontext)
        if plan.manifest_unchanged(name, fingerprint, path):
            writer.kept.add(path)
            writer.records[name] = plan.manifest.current[name]
            return ""
        writer.pending[path] = (name, fingerprint)
        return self.template.render(localcontext)

    def _call_fingerprint(self) -> str | None:
        if not self._fingerprint:
            plan = self.writer.plan
            subject = next((key for key in SUBJECTS if key in self.kwargs), None)
            self._fingerprint.append(
                page_fingerprint(
                    plan.site,
                    plan.digester,
                    plan.reads(self.template),
                    self.call,
                    (self.kwargs, self.context),
                    {} if self.paginate else self.paginated,
                    (subject, plan.subject_digest) if subject else None,
                    skip=self.paginated if self.paginate else (),
                )
            )
        return self._fingerprint[0]

    def _page_fingerprint(self, localcontext) -> str | None:
        """One page of a list: the call's fingerprint, the length of each list (the number
        of pages), and the articles on this page; not the articles on the other pages."""
        base = self._call_fingerprint()
        if base is None or not self.paginate:
            return base
        digester = self.writer.plan.digester
        page = localcontext[f"{next(iter(self.paginated))}_page"]
        parts = [base, str(page.number)]
        for key, items in self.paginated.items():
            shown = digester.of(list(localcontext[f"{key}_page"].object_list))
            parts.append(f"{key}:{len(items)}:{shown}")
        return digester.combine(parts)

    def __getattr__(self, name):  # anything else Pelican or a plugin asks of the template
        return getattr(self.template, name)
