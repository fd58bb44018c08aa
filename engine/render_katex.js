// Render TeX with KaTeX for hooks/maths.py: stdin JSON [[tex, displayMode], ...], stdout JSON [html, ...].
// A formula KaTeX cannot parse stops the build: message on stderr, exit status 1.
const katex = require("katex");

const formulas = JSON.parse(require("fs").readFileSync(0, "utf-8"));
const html = formulas.map(([tex, displayMode], i) => {
  try {
    return katex.renderToString(tex, { displayMode, throwOnError: true });
  } catch (error) {
    process.stderr.write(`formula ${i + 1}: ${tex}\n${error.message}\n`);
    process.exit(1);
  }
});
process.stdout.write(JSON.stringify(html));
