"""HTML read with the character offset of each tag, so a caller can cut a page's text without re-writing it."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class OffsetParser(HTMLParser):
    """An HTMLParser that knows where in the text the tag being read starts (``pos()``)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self._offsets: list[int] = [0]

    def pos(self) -> int:
        line, col = self.getpos()
        return self._offsets[line - 1] + col

    def read_all(self, text: str) -> None:
        for line in text.splitlines(keepends=True):
            self._offsets.append(self._offsets[-1] + len(line))
        self.feed(text)
        self.close()
