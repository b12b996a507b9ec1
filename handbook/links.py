"""Every internal link and anchor in a built site resolves (`python -m handbook links site`)."""

from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup

EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:")


def broken_links(site: Path) -> list[str]:
    pages = {p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
             for p in site.rglob("*.html")}
    ids = {name: {el["id"] for el in soup.find_all(id=True)} for name, soup in pages.items()}
    problems = []
    for name, soup in pages.items():
        here = Path(name).parent
        for a in soup.find_all("a", href=True):
            href = a["href"]
            if href.startswith(EXTERNAL) or href.startswith("/"):
                continue
            path, _, anchor = unquote(href).partition("#")
            path = path.split("?")[0]
            target = (here / path).as_posix() if path else name
            target = _normal(target)
            if target.endswith("/"):
                target += "index.html"
            if not (site / target).exists():
                problems.append(f"{name}: link to missing {href}")
            elif anchor and target in ids and anchor not in ids[target]:
                problems.append(f"{name}: link to missing anchor {href}")
    return problems


def _normal(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts) + ("/" if path.endswith("/") else "")


def main(site: Path) -> int:
    found = broken_links(site)
    print("\n".join(found) or f"All internal links in {site}/ resolve")
    return 1 if found else 0
