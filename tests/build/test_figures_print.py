"""The figures drawn from the data (handbook/figures.py) on paper: vector shapes and words, in colour,
tagged as figures with alt text, in every handout and the handbook."""

from pdfread import reader, structure, text
from pypdf.generic import ContentStream

from handbook.data import load_handbook
from handbook.figures import FIGURES, render_figure
from support import ROOT

EN = load_handbook(ROOT / "data")


def title(name: str) -> str:
    html = render_figure(EN, name, "f")
    return html.split('-title">', 1)[1].split("</title>", 1)[0]


def figure_pages(pdf) -> list[int]:
    """Pages drawing a figure's band or session colour (the site's light colours, from figures/paper.css)."""
    colours = {(0.933, 0.933, 0.933), (0.812, 0.878, 0.953), (0.976, 0.89, 0.839)}
    found = []
    for number, page in enumerate(reader(pdf).pages, 1):
        fills = {tuple(round(float(v), 3) for v in operands) for operands, op in
                 ContentStream(page.get_contents(), page.pdf).operations if op == b"rg" and len(operands) == 3}
        found += [number] if fills & colours else []
    return found


def test_each_figure_is_tagged_with_its_title_as_alt_text(site_dir):
    pdfs = {site_dir / "handbook.pdf": list(FIGURES), site_dir / "handouts" / "after-treatment.pdf": ["get-help"],
            site_dir / "handouts" / "large-print" / "after-treatment.pdf": ["get-help"]}
    for pdf, names in pdfs.items():
        alts = [str(node.get("/Alt", "")) for node in structure(pdf) if node["/S"] == "/Figure"]
        assert [name for name in names if title(name) not in alts] == [], (pdf.name, alts)


def test_figures_print_as_coloured_vector_drawings_with_words_as_text(site_dir):
    handout = site_dir / "handouts" / "after-treatment.pdf"
    words = text(handout)
    assert "Not urgent" in words and "Get help today from your clinic, a GP or NHS 111" in " ".join(words.split())
    assert figure_pages(handout), "the card prints in black only: its paper styles did not reach the drawing"
    assert len(figure_pages(site_dir / "handbook.pdf")) >= 3, "a figure of the handbook prints without its colours"
    assert "weeks between sessions" in text(site_dir / "handbook.pdf")
    for number in figure_pages(handout):
        images = reader(handout).pages[number - 1]["/Resources"].get("/XObject", {})
        assert all(image.get_object().get("/Subtype") != "/Image" for image in images.values()), "a picture, not shapes"
