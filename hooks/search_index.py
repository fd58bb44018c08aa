"""MkDocs hook: how the browser splits a Chinese query, and how much the search index weighs.

- Material's search worker splits a Chinese query into the longest words the index knows but never tries
  the whole query: 张量 became 张 (and `?h=张` highlighted one character). The worker copied into the site
  is fixed to try it too, so the browser splits a term as jieba did in the index; the build fails when
  the worker no longer has that loop.
- Material writes every Chinese character of the index as a \\uXXXX escape: as UTF-8 it is a third smaller.
(What the index leaves out is marked on the pages: formulas carry `data-search-exclude`, hooks/maths.py.)
"""

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

# Material's segmenter, minified: for(let j=i+1;j<query.length;j++)query.slice(i,j)in index
SEGMENT_LOOP = re.compile(r"for\(let (\w+)=(\w+)\+1;\1(<=?)(\w+)\.length;\1\+\+\)\4\.slice\(\2,\1\)in ")


def on_post_build(config):
    workers = list(Path(config.site_dir, "assets/javascripts/workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"hooks/search_index.py: expected one search worker, found {workers}")
    source = workers[0].read_text("utf-8")
    loops = SEGMENT_LOOP.findall(source)
    if len(loops) != 1:
        raise PluginError("hooks/search_index.py: Material's search worker has changed and its query segmenter was "
                          "not found: check whether it now tries the whole query itself (tests/test_search.py "
                          "tells) and update or remove this fix.")
    if loops[0][2] == "<":  # not yet fixed (a dirty build keeps the copy it fixed before)
        workers[0].write_text(SEGMENT_LOOP.sub(lambda loop: loop[0].replace("<", "<=", 1), source), "utf-8")
    index = Path(config.site_dir, "search/search_index.json")
    if index.is_file():
        data = json.loads(index.read_text("utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
