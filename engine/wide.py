"""A soft line break between two Chinese characters is no space: browsers show each such break as one
(CSS Text 3 says not to), so every form a page is turned into joins these lines first. A break next to a
Latin word stays a space; headings, table rows, fenced blocks and `$$` maths are left as written."""

import re

# CJK characters and punctuation, full-width forms, and the curly quotes, ellipsis and dash of Chinese text
WIDE = "[\u2e80-\u2fdf\u3000-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60“”‘’…—]"
FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,}|\$\$)(.*)$")
ENDS_AT_LINE_END = re.compile(rf"^[ \t>]*(#|\||\$\$)|^(?!.*{WIDE}$)")  # or not ending in a wide character


def join_wide_lines(markdown: str) -> str:
    lines, fence = [], None
    for line in markdown.split("\n"):
        opening = FENCE.match(line)
        rest = line.lstrip(" \t>" if lines and lines[-1].lstrip().startswith(">") else " \t")
        if fence:  # closed by the same characters, at least as many, alone on the line
            closing = opening and set(opening[1]) == set(fence) and len(opening[1]) >= len(fence)
            fence = None if closing and not opening[2].strip() else fence
        elif opening and not (opening[1] == "$$" and "$$" in opening[2]):  # not `$$x$$` on one line
            fence = opening[1]
        elif lines and re.match(WIDE, rest) and not ENDS_AT_LINE_END.match(lines[-1]):
            lines[-1] += rest
            continue
        lines.append(line)
    return "\n".join(lines)
