"""Chinese text as readers get it: the copywriting conventions (autocorrect with .autocorrectrc), no line
break between two Chinese characters in README.md and CONTRIBUTING.md (GitHub renders them as they are),
and every term a page sets as a heading or in bold found whole by the site's search."""

import json
import re

import autocorrect_py
import jieba

from engine import DOCS, ROOT
from tools import copywriting
from tools.join_cjk_lines import stray_lines

# Characters that make a heading or bold text a phrase, not a term, where jieba cuts them off alone
HAN = "[\u4e00-\u9fff]{2,}"
PHRASE = set("的与和是在把将为对用不都了也能会而再说每时上从被让就还或及并之其这那沿新")


def test_pages_and_snippets_follow_the_copywriting_conventions():
    autocorrect_py.load_config(copywriting.CONFIG.read_text("utf-8"))
    found = [finding for path in copywriting.files() for finding in copywriting.findings(path)]
    assert found == [], "autocorrect (rules: .autocorrectrc) would change these; `python -m tools.copywriting " \
                        "--fix` corrects them all:\n" + "\n".join(found)


def test_readme_and_contributing_have_no_line_break_between_chinese_characters():
    stray = [f"{name}:{line}" for name in ("README.md", "CONTRIBUTING.md")
             for line in stray_lines((ROOT / name).read_text("utf-8"))]
    assert stray == [], "GitHub shows these line breaks as spaces; `python -m tools.join_cjk_lines README.md " \
                        "CONTRIBUTING.md` joins them: " + ", ".join(stray)


def test_every_heading_and_bold_term_is_one_word_of_the_search():
    """Material's search cuts Chinese text with jieba and search_terms.txt at build time: a term cut
    into a word and a lone character (装饰|器) is not found whole."""
    jieba.load_userdict(str(ROOT / "search_terms.txt"))
    notebook = json.loads((DOCS / "lenet-cifar10.ipynb").read_text("utf-8"))
    pages = {path.name: path.read_text("utf-8") for path in DOCS.glob("*.md")}
    cells = [cell for cell in notebook["cells"] if cell["cell_type"] == "markdown"]
    pages["lenet-cifar10.ipynb"] = "\n".join("".join(cell["source"]) for cell in cells)
    cut = []
    for page, text in sorted(pages.items()):
        text = re.sub(r"^ *(`{3,}|~{3,}).*?^ *\1", "", text, flags=re.M | re.S)
        for term in re.findall(rf"^#{{1,6}} +(?:\S+[.、）] *)?({HAN})$|\*\*({HAN})\*\*", text, re.M):
            words = list(jieba.cut("".join(term)))
            if not PHRASE & set(words) and min(map(len, words)) == 1:
                cut.append(f"{''.join(term)} ({page}: {'|'.join(words)})")
    assert cut == [], "the search cuts these terms apart: add each to search_terms.txt: " + ", ".join(cut)
