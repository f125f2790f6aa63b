"""The folders of plugins/, one per stage of the way from a Markdown file to a page.

- reading: YAML as the site reads it (strict_yaml);
- checking: the strict Markdown reader and every check of what was read (content_checks);
- ranking: similar articles (similar_articles);
- rendering: what the templates show: actors and their pages, drafts and scheduled
  articles, the menu's sections, the theme's Jinja filters;
- writing: pages rendered only when their inputs changed (fast_build), and the sitemap of
  one build, dated by its content (reproducible_sitemap).

Beside them: patches (every change made inside a library), search (its own issue rewrites
it), and the helpers every stage may use (article_lists, plugin_order). A plugin keeps its
package name wherever it lives: PLUGINS names "fast_build", not "writing.fast_build".
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ("reading", "checking", "ranking", "rendering", "writing")

# Pelican's PLUGIN_PATHS, and sys.path for the tools and the tests.
PLUGIN_PATHS = [str(HERE), *(str(HERE / stage) for stage in STAGES)]
