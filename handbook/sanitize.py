"""Page HTML against an allow-list: pages and data are changed by pull request, so a page body
may hold only the elements and attributes the handbook uses. No script, no event handler,
no style, no embedded object, no link to a local file, on the web or on paper.
"""

from functools import lru_cache

TAGS = {
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "nav", "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}
# The handbook's figures (handbook/templates/figures/): shapes and words only. No <use>, <image>,
# <foreignObject>, <script>, <style>, links or style attributes.
SVG_TAGS = {"svg", "title", "desc", "g", "rect", "line", "path", "circle", "text"}
TAGS |= SVG_TAGS
# No forms or controls (a page must not ask readers for anything) and no "hidden": what a page
# says is what readers and paper get.
GENERIC = {"class", "id", "title", "lang", "role"}
ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "abbr": {"title"},
    "details": {"open"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "time": {"datetime"},
    "svg": {"viewBox", "focusable"},
    "rect": {"x", "y", "width", "height", "rx"},
    "line": {"x1", "y1", "x2", "y2"},
    "path": {"d"},
    "circle": {"cx", "cy", "r"},
    "text": {"x", "y", "text-anchor"},
}
SCHEMES = {"http", "https", "mailto", "tel"}


def _no_outside_fetch(tag: str, attribute: str, value: str) -> str | None:
    """Images come from the site itself: a page view never makes a request elsewhere."""
    plain = value.strip().replace("\\", "/")  # browsers read \ as / in addresses
    if tag == "img" and attribute == "src" and (":" in plain.split("/", 1)[0] or plain.startswith("//")):
        return None
    return value


@lru_cache(maxsize=1)
def _cleaner():
    import nh3  # imported on first use

    return nh3.Cleaner(
        tags=TAGS,
        attributes={"*": GENERIC, **ATTRIBUTES},
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=SCHEMES,
        attribute_filter=_no_outside_fetch,
        link_rel=None,  # no rel at all: rel="attachment" would ask WeasyPrint to embed the target
        strip_comments=True,
    )


def clean(html: str) -> str:
    """The HTML with everything outside the allow-list removed (text is kept, as text)."""
    return _cleaner().clean(html)
