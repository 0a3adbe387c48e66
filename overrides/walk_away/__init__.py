"""The site's build: small MkDocs plugins, one module per job, written as Material writes its own.

Each plugin is a `BasePlugin` subclass, registered under `walk-away/<name>` in
pyproject.toml (`[project.entry-points."mkdocs.plugins"]`) and listed under `plugins:` in
mkdocs.yml. Settings a deployer changes are the plugin's own options, checked once by
MkDocs against its `Config` schema before the build starts; what a build works out is
kept on the plugin instance, never in module globals or `config.extra`. Order is stated
where it matters, with `@event_priority`, never by the order of `plugins:`:

  bank_counts   on_page_markdown, priority 50: its placeholders are filled before links
                stops the build on any placeholder still left
  csp           on_post_page, priority -100: it hashes each page's inline scripts, so it
                runs after every other change to the page

Plugins do not import each other. A plugin whose feature loads from another origin says
so through `third_parties()` (csp.ThirdParties); helpers several plugins use (pyodide.py,
python_stdlib*.py) are plain modules. Nothing here is a theme file, so none of it is
published into the site (the theme's overrides are in overrides/theme/).
"""
