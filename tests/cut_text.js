// Text of the page content that the reader can neither see nor scroll to. A piece of text is
// reachable when it lies inside every clipping ancestor up to the screen, where an ancestor
// that scrolls lets the reader reach all of its content: from there on, the box itself must be
// reachable. Returns a description of every piece of text that is not.
() => {
  const screen = { left: 0, right: document.documentElement.clientWidth };
  const inside = (rect, area) => rect.left >= area.left - 1 && rect.right <= area.right + 1;
  const reachable = (rect, element) => {
    for (let box = element; box; box = box.parentElement) {
      const overflow = getComputedStyle(box).overflowX;
      if (overflow === "visible") continue;
      const area = box.getBoundingClientRect();
      if (overflow === "auto" || overflow === "scroll") rect = area;
      else if (!inside(rect, area)) return false;
    }
    return inside(rect, screen);
  };
  const cut = new Set();
  const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node; (node = walker.nextNode()); ) {
    const element = node.parentElement;
    if (!node.textContent.trim() || element.closest(".katex-mathml")) continue;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width > 0 && !reachable(rect, element)) {
        cut.add(`${element.tagName.toLowerCase()}.${element.className}: ${node.textContent.trim().slice(0, 40)}`);
      }
    }
  }
  return [...cut];
}
