"""Chinese text: autocorrect's conventions (.autocorrectrc), README/CONTRIBUTING as GitHub shows them,
heading and bold terms whole in the site's search (tools/copywriting.py, tools/join_cjk_lines.py)."""

from engine import ROOT
from engine.wide import join_wide_lines
from tools.copywriting import autocorrect, terms_cut_apart
from tools.join_cjk_lines import stray_lines


def test_pages_and_snippets_follow_the_copywriting_conventions():
    found = autocorrect()
    assert found == [], "autocorrect would change these; `python -m tools.copywriting --fix`:\n" + "\n".join(found)


def test_readme_and_contributing_have_no_line_break_between_chinese_characters():
    stray = [f"{name}:{line}" for name in ("README.md", "CONTRIBUTING.md")
             for line in stray_lines((ROOT / name).read_text("utf-8"))]
    assert stray == [], "GitHub shows these line breaks as spaces; `python -m tools.join_cjk_lines README.md " \
                        "CONTRIBUTING.md` joins them: " + ", ".join(stray)


def test_every_heading_and_bold_term_is_one_word_of_the_search():
    cut = terms_cut_apart()
    assert cut == [], "the search cuts these terms apart; add each to search_terms.txt: " + ", ".join(cut)


def test_only_a_break_inside_chinese_text_is_joined():
    kept = ["中文\nPyTorch", "## 标题\n正文", "| 表 |\n正文", "正文\n> 引用", "```text\n输\n出\n```", "$$\n公\n式\n$$"]
    joined = {"中\n文": "中文", "> 引\n> 用": "> 引用", "- 列\n  表": "- 列表", "“引号”\n的": "“引号”的"}
    assert {text: join_wide_lines(text) for text in [*kept, *joined]} == {text: text for text in kept} | joined
