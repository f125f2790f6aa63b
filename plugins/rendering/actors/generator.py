"""Writes a page and a feed for each actor, and the index of all actors."""

from collections import defaultdict
from functools import partial

from pelican.generators import Generator


class ActorsGenerator(Generator):
    SPLIT_OUTPUT = True  # writes only through the writer (plugins/writing/fast_build may split it)

    def generate_context(self):
        articles_by_actor = defaultdict(list)
        for article in self.context.get("articles", []):  # newest first
            for actor in getattr(article, "actors", []):
                articles_by_actor[actor].append(article)
        self.actors = sorted(articles_by_actor.items(), key=lambda item: item[0].name.casefold())
        self._update_context(("actors",))

    def generate_output(self, writer):
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        template = self.get_template("actor")
        for actor, articles in self.actors:
            write(
                actor.save_as,
                template,
                self.context,
                actor=actor,
                url=actor.url,
                articles=articles,
                dates=articles,
                template_name="actor",
                blog=True,
                page_name=actor.page_name,
                all_articles=self.context["articles"],
            )
            self._write_feeds(writer, actor, articles)
        write(
            self.settings["ACTORS_SAVE_AS"],
            self.get_template("actors"),
            self.context,
            url=self.settings["ACTORS_URL"],
            template_name="actors",
            page_name="actors",
        )

    def _write_feeds(self, writer, actor, articles):
        for feed_type in ("atom", "rss"):
            pattern = self.settings.get(f"ACTOR_FEED_{feed_type.upper()}")
            if pattern:
                path = str(pattern).format(slug=actor.slug)
                writer.write_feed(
                    articles,
                    self.context,
                    path,
                    path,
                    feed_type=feed_type,
                    feed_title=actor.name,
                )
