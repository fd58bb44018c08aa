"""Chinese text wrapped over several source lines: browsers render each soft line break as a space,
also between two Chinese characters (CSS Text 3 says not to; no browser does). Every form a page
is turned into (the site's pages, the notebooks, the zip) joins such lines first; a break between
a Chinese character and a Latin word stays a space. Fenced blocks and `$$` maths are left as written."""

import re

# CJK characters and punctuation, full-width forms, and the curly quotes, ellipsis and dash of Chinese text
WIDE = "[\u2e80-\u2fdf\u3000-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60“”‘’…—]"
FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,}|\$\$)(.*)$")
NO_CONTINUATION = re.compile(r"^[ \t>]*(#|\||\$\$)")  # a heading or a table row ends at its line's end


def join_wide_lines(markdown: str) -> str:
    lines: list[str] = []
    fence = None
    for line in markdown.split("\n"):
        opening = FENCE.match(line)
        quoted = lines and lines[-1].lstrip().startswith(">")
        rest = line.lstrip(" \t>" if quoted else " \t")
        if fence:  # closed by the same characters, at least as many, alone on the line
            fence = None if opening and set(opening[1]) == set(fence) and len(opening[1]) >= len(fence) \
                and not opening[2].strip() else fence
        elif opening and not (opening[1] == "$$" and opening[2].rstrip().endswith("$$")):
            fence = opening[1]
        elif lines and re.match(WIDE, rest) and re.search(WIDE + "$", lines[-1]) \
                and not NO_CONTINUATION.match(lines[-1]):
            lines[-1] += rest
            continue
        lines.append(line)
    return "\n".join(lines)
