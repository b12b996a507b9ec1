"""Entry point of mkdocs-macros-plugin (`module_name: macros` in mkdocs.yml).

Everything lives in the `handbook` package; this file only hands mkdocs-macros
the functions it looks for (handbook/adapter/macros.py).
"""

from handbook.adapter.macros import define_env, on_post_page_macros, on_pre_page_macros

__all__ = ["define_env", "on_pre_page_macros", "on_post_page_macros"]
