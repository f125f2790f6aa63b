"""Pelican's Writer, writing only what changed, and on more than one core.

write_file and write_feed work as Pelican's (same context, same pagination, same
signals) with two decisions before rendering a file: is it this process's share (when
the pages are split between processes), and has it changed since the last build (its
fingerprint, see fingerprints.py). A file that is another process's share, or unchanged,
is not rendered; content_written is still sent for it, with a light context (the
values given to the page), so that the sitemap lists every page.
"""

from __future__ import annotations

import os
import zlib

from pelican import signals
from pelican.paginator import Paginator
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from .feeds import entries_made_once
from .fingerprints import page_fingerprint

SUBJECTS = ("article", "page")  # the names under which a page gets the content it shows


class FastWriter(Writer):
    def __init__(self, output_path, settings, plan, share=(0, 1), announce=True, journal=None):
        super().__init__(output_path, settings=settings)
        self.plan = plan
        self.journal = journal  # OutputJournal: each file written over is kept until the end
        self.share = share  # (this process's number, number of processes)
        self.splitting = False  # set while a generator whose pages are split writes
        self.announce = announce  # send content_written for pages rendered elsewhere
        self.records: dict[str, tuple] = {}
        self.rendered = 0
        self.folders: set[str] = set()
        self.feed_items: dict[tuple, dict] = {}  # see _add_item_to_the_feed

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
        if not name:
            return
        if paginated is None:
            paginated = {key: val for key, val in kwargs.items() if key in {"articles", "dates"}}
        subject = next((key for key in SUBJECTS if key in kwargs), None)
        paginate = bool(paginated) and template_name in self.settings["PAGINATED_TEMPLATES"]
        known = []

        def fingerprint():  # only for the pages this process writes, and once per call
            if not known:
                known.append(
                    page_fingerprint(
                        self.plan.site,
                        self.plan.digester,
                        self.plan.reads(template),
                        f"{name}|{relative_urls}|{url}",
                        (kwargs, context),
                        {} if paginate else paginated,
                        (subject, self.plan.subject_digest) if subject else None,
                        skip=paginated if paginate else (),
                    )
                )
            return known[0]

        if not paginate:
            self._write_page(
                name, kwargs, template, context, relative_urls, override_output, fingerprint
            )
            return
        per_page = (
            self.settings["PAGINATED_TEMPLATES"][template_name]
            or self.settings["DEFAULT_PAGINATION"]
        )
        paginators = {
            key: Paginator(name, url, val, self.settings, per_page)
            for key, val in paginated.items()
        }
        for page_num in range(next(iter(paginators.values())).num_pages):
            paginated_kwargs = kwargs.copy()
            for key, paginator in paginators.items():
                previous_page = paginator.page(page_num) if page_num > 0 else None
                this_page = paginator.page(page_num + 1)
                next_page = (
                    paginator.page(page_num + 2) if page_num + 1 < paginator.num_pages else None
                )
                paginated_kwargs.update(
                    {
                        f"{key}_paginator": paginator,
                        f"{key}_page": this_page,
                        f"{key}_previous_page": previous_page,
                        f"{key}_next_page": next_page,
                    }
                )
            self._write_page(
                this_page.save_as,
                paginated_kwargs,
                template,
                context,
                relative_urls,
                override_output,
                self._page_fingerprint(fingerprint, page_num, paginated, paginated_kwargs),
            )

    def _page_fingerprint(self, call_fingerprint, page_num, paginated, page_kwargs):
        """One page of a list: the call's fingerprint, the length of each list (the number
        of pages), and the articles on this page; not the articles on the other pages."""

        def fingerprint():
            base = call_fingerprint()
            if base is None:
                return None
            parts = [base, str(page_num)]
            for key, items in paginated.items():
                shown = self.plan.digester.of(list(page_kwargs[f"{key}_page"].object_list))
                parts.append(f"{key}:{len(items)}:{shown}")
            return self.plan.digester.combine(parts)

        return fingerprint

    def _write_page(self, name, kwargs, template, context, relative_urls, override, fingerprint):
        path = sanitised_join(self.output_path, name)
        mine = self._is_mine(name)
        if not mine or self.plan.manifest_unchanged(name, fingerprint(), path):
            if mine:
                self._written_files.add(path)
                self.records[name] = self.plan.manifest.current[name]
            if self.announce:
                signals.content_written.send(path, context={**kwargs, "output_file": name})
            self.plan.progress.advance("pages")
            return
        localcontext = self._local_context(context, name, kwargs, relative_urls)
        if localcontext["localsiteurl"]:
            context["localsiteurl"] = localcontext["localsiteurl"]
        output = template.render(localcontext)
        self._make_folder(os.path.dirname(path))
        with self._open_w(path, "utf-8", override=override) as handle:
            handle.write(output)
        self._record(name, fingerprint(), path)
        signals.content_written.send(path, context=localcontext)
        self.plan.progress.advance("pages")

    @staticmethod
    def _local_context(context, name, kwargs, relative_urls):
        """As Pelican's Writer makes it."""
        localcontext = context.copy()
        localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
        if relative_urls:
            relative_url = path_to_url(get_relative_path(name))
            localcontext["SITEURL"] = relative_url
            localcontext["localsiteurl"] = relative_url
        localcontext["output_file"] = name
        localcontext.update(kwargs)
        return localcontext

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
        if not self._is_mine(path):
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

    def _create_new_feed(self, feed_type, feed_title, context):
        return entries_made_once(super()._create_new_feed(feed_type, feed_title, context))

    def _add_item_to_the_feed(self, feed, item):
        """Pelican's, with the values it gives feedgenerator for an article kept: they are
        the same in every feed of a kind (Pelican reads the article, the site URL and the
        settings)."""
        key = (type(feed), id(item), self.site_url)
        values = self.feed_items.get(key)
        if values is None:
            given = []
            feed.add_item = lambda **kwargs: given.append(kwargs)  # for this call only
            try:
                super()._add_item_to_the_feed(feed, item)
            finally:
                del feed.add_item
            values = self.feed_items[key] = given[0]
        feed.add_item(**values)

    def _open_w(self, filename, encoding, override=False):
        if self.journal is not None:
            self.journal.before_write(filename)
        return super()._open_w(filename, encoding, override)

    def _make_folder(self, folder: str) -> None:
        if folder not in self.folders:  # makedirs costs a failed mkdir when it exists
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)

    def _record(self, name, fingerprint, path):
        self.plan.manifest.record(name, fingerprint, path)
        self.records[name] = self.plan.manifest.current[name]
        self.rendered += 1

    def _is_mine(self, name: str) -> bool:
        number, count = self.share
        return not self.splitting or count == 1 or zlib.crc32(name.encode()) % count == number
