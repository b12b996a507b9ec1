"""Build hook: give Material's search dialog an accessible name (axe rule aria-dialog-name)."""

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search the handbook">'


def on_post_page(output: str, page, config) -> str:
    return output.replace(DIALOG, NAMED, 1)
