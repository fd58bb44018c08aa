"""The site search as a reader uses it (headless Chromium): queries typed into the search box find the
right section first, a Chinese term stays whole from the query to the highlighted words on the result
page, and the browser splits every term of the jieba dictionary as the index does. RANKING is the table
of queries and the section each must find; adjust it when headings change (`-rP` shows the ranks)."""

import json
import re
from types import SimpleNamespace

import pytest

# query, page, the expected section's heading without its number (the page's title for the page),
# and the rank it must reach: 1, or 2-3 where the search cannot tell it from an equally right
# section (the reason is given)
RANKING = [
    # the tutorial's terms
    ("张量", "tensors/", "二、张量基本操作", 1),
    ("梯度", "autograd/", "打开和关闭梯度计算", 1),
    ("计算图", "autograd/", "自动微分实现机制：计算图", 1),
    ("叶子节点", "autograd/", "自动微分实现机制：计算图", 1),  # where the term is defined
    ("反向传播", "autograd/", "自动微分实现机制：计算图", 1),
    ("自动微分", "autograd/", "三、Variable 与自动微分", 1),
    ("雅可比", "appendix-jacobian/", "附录：雅可比矩阵与非标量求导", 1),
    ("检查点", "lenet-cifar10/", "检查点：每轮保存，断点续训", 1),
    ("原地运算", "tensors/", "张量的原地运算", 1),
    ("内存", "tensors/", "张量与 NumPy 互转的陷阱", 1),  # only inside sentences: found if the index splits words
    ("变维", "tensors/", "张量变维", 1),
    ("版本", "introduction/", "版本演进", 1),
    ("随机", "tensors/", "生成随机值张量", 1),
    ("保存", "models/", "保存/加载整个模型", 2),  # after the LeNet page's training loop, which saves each epoch
    # two-character words that begin longer words (检查点, 模型保存, 梯度计算, 非标量 ...)
    ("检查", "introduction/", "检查安装结果", 1),
    ("模型", "models/", "四、模型相关操作", 1),
    ("标量", "autograd/", "标量自动微分示例", 1),
    ("矩阵", "appendix-jacobian/", "附录：雅可比矩阵与非标量求导", 1),  # the appendix is about the matrix
    ("数组", "tensors/", "NumPy 数组转张量", 1),
    ("形状", "tensors/", "张量的形状操作", 2),  # and 根据指定形状生成张量
    ("类型", "tensors/", "张量类型转换", 3),  # after promotion and creation by type, both with 类型 in their titles
    ("分割", "tensors/", "张量分割", 1),
    ("连接", "tensors/", "张量连接", 1),
    ("安装", "introduction/", "PyTorch 简介与安装", 1),
    # API names
    ("state_dict", "models/", "保存/加载模型参数", 1),
    ("retain_graph", "autograd/", "retain_graph 与梯度累加", 1),
    ("no_grad", "autograd/", "打开和关闭梯度计算", 2),  # a longer word (no_grad_inputs) matches too
    ("from_numpy", "tensors/", "NumPy 数组转张量", 3),  # after an exercise and the shared-memory pitfalls
    ("requires_grad", "autograd/", "打开和关闭梯度计算", 2),  # and where it is introduced
    ("ModuleList", "models/", "ModuleList 和 Sequential", 1),
    ("jacobian", "appendix-jacobian/", "用代码核对", 1),
    # mixed
    ("CIFAR-10", "lenet-cifar10/", "五、综合案例：LeNet 与 CIFAR-10", 1),
    ("Adam 学习率", "autograd/", "5）Adam：每个参数自己的步长", 1),
]


# The results in the order a reader meets them (rank), each with its page (path: "tensors/"), heading, href and the
# terms the result page will highlight (its ?h= parameter). The results on one page come in a group under the
# page's title; the title is a result itself only when the page matched best in its group (then it shows the
# page's text). The group shows its best results and folds the others away ("在该页上还有 N 个符合条件的结果"):
# a folded result ranks after the shown results above it and the folded ones before it in its group (the reader
# opens that one fold), not after other folds.
READ_RESULTS = """() => {
    let shown = 0;
    return [...document.querySelectorAll('.md-search-result__item')].flatMap(group => {
        const links = [...group.querySelectorAll('.md-search-result__link')];
        const score = a => +a.querySelector('article').dataset.mdScore;
        const best = Math.max(...links.map(score));
        let folded = 0;
        return links.filter((a, i) => i > 0 || (score(a) > 0 && score(a) === best))
            .map(a => ({
                path: new URL(a.href).pathname.slice(new URL(__md_scope).pathname.length),
                title: a.querySelector('h1, h2').textContent.replaceAll('\\u200b', ''),
                terms: new URL(a.href).searchParams.get('h') || '',
                href: a.href,
                rank: a.closest('details:not([open])') ? shown + ++folded : ++shown,
            }));
    }).sort((a, b) => a.rank - b.rank);
}"""


def _search(page, query):
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon, label[for=__search]").first.click()
    if box.input_value() != query:  # the same query again is not sent again
        # Every answer rewrites the count line above the results: blank it, send the query, wait for the answer
        page.evaluate("document.querySelector('.md-search-result__meta').textContent = ''")
        box.fill(query)
        box.press("End")  # the search reacts to key events; fill() alone sends none
        page.wait_for_function("document.querySelector('.md-search-result__meta').textContent !== ''")
    return [SimpleNamespace(**result) for result in page.evaluate(READ_RESULTS)]


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    """A page of the site whose search box the tests share (any page has one)."""
    page = browser.new_page()
    page.goto(site_url, wait_until="domcontentloaded")
    yield page
    page.close()


def test_queries_find_their_section_first_and_a_word_the_site_lacks_nothing(search_page):
    assert _search(search_page, "鲸鱼") == [], "a word the site does not contain must find nothing"
    queries, _, _, tops = zip(*RANKING)
    assert len(set(queries)) == len(queries) >= 25
    assert tops.count(1) >= 0.8 * len(tops) and max(tops) <= 3, "80% must come first, all in the top 3"
    rows, missed, first = [], [], 0
    for query, path, heading, top in RANKING:
        hits = _search(search_page, query)
        numbered = re.compile(rf"(\S+[.、）]\s*)?{re.escape(heading)}")  # the heading may be numbered (2. …, 1）…)
        rank = next((hit.rank for hit in hits if hit.path == path and numbered.fullmatch(hit.title)), None)
        first += rank == 1
        if rank is None or rank > top:
            missed.append(query)
        shown = f"{hits[0].path} {hits[0].title}" if hits else "(nothing)"
        rows.append(f"{rank or '-':>4} {top:>4}  {query:<13} {path + ' ' + heading:<44} first: {shown}")
    table = "\n".join(["rank  max  query         expected section", *rows])
    print(f"\n{table}\nfirst: {first}/{len(RANKING)} ({first / len(RANKING):.0%})")
    assert missed == [], f"ranked below their place: {missed}\n{table}"


def test_the_result_page_highlights_the_whole_term(search_page):
    top = _search(search_page, "张量")[0]
    assert top.terms == "张量", f"the result link highlights {top.terms!r}, not 张量"
    search_page.goto(top.href, wait_until="domcontentloaded")  # the page the result link opens
    search_page.wait_for_selector("mark[data-md-highlight]")
    marked = search_page.eval_on_selector_all("mark[data-md-highlight]", "ms => [...ms].map(m => m.textContent)")
    assert set(marked) == {"张量"}, marked


def test_the_browser_keeps_every_dictionary_term_whole(search_page, built_site, dictionary_words):
    """The browser splits a query by the words in the index: each term of the jieba dictionary
    that the site contains, typed alone, must stay one query term, as the index has it."""
    index = json.loads((built_site[0] / "search/search_index.json").read_text("utf-8"))
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"]).replace("\u200b", "")
    on_site = [word for word in dictionary_words if word in text]
    assert len(on_site) >= 30, on_site
    # A second copy of the site's own search worker, sent the messages the page sends it
    split = search_page.evaluate("""async terms => {
            const config = JSON.parse(document.getElementById('__config').textContent);
            const worker = new Worker(new URL(config.search, new URL(config.base, location)));
            const index = await (await fetch(new URL('search/search_index.json', __md_scope))).json();
            const answer = () => new Promise(done => worker.onmessage = event => done(event.data));
            worker.postMessage({type: 0, data: {...index, options: {suggest: false}}});  // SETUP
            await answer();
            const split = {};
            for (const term of terms) {
                worker.postMessage({type: 2, data: term});  // QUERY
                const {data} = await answer();
                split[term] = data.items.length ? Object.keys(data.items[0][0].terms) : [];
            }
            worker.terminate();
            return split;
        }""", on_site)
    wrong = {term: parts for term, parts in split.items() if parts != [term]}
    assert wrong == {}, "the browser splits these terms differently from the index"
