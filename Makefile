# 两个入口：`make serve`（安装并在本机预览站点）与 `make test`（安装并运行全部测试）。
# 其余目标供维护者使用，见 README。

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# 依赖清单一变，安装就重做：预览站点只装 docs 组，测试装 test 组（含 torch）。
LOCKS  := pyproject.toml package-lock.json
HASH   := $(shell cat $(LOCKS) | cksum | cut -d' ' -f1)
DOCS_STAMP := $(VENV)/.installed-docs-$(HASH)
STAMP  := $(VENV)/.installed-test-$(HASH)
CHROMIUM ?= /usr/bin/chromium
SERVE_ADDR ?= 127.0.0.1:8000
# Material for MkDocs 的停止维护提示与本站内容无关，不在每次构建时打印。
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build browser node refresh bench clean

serve: $(DOCS_STAMP)
	$(BIN)/mkdocs serve --dev-addr $(SERVE_ADDR)

test: $(STAMP) browser
	$(BIN)/pytest -n auto --dist loadgroup

build: $(DOCS_STAMP)
	$(BIN)/mkdocs build --strict

# 重新运行全部示例：刷新 img/ 中的图片，并把页面上与实际不符的输出改写为实际输出。
refresh: $(STAMP)
	$(BIN)/pytest --update-outputs -n auto tests/test_snippets_standalone.py tests/test_examples.py

# 测试套件与站点构建的耗时；新克隆中 `make serve` 到可访问的秒数、.venv 大小、每页传输的字节数。
bench: $(STAMP)
	$(BIN)/python -m tools.bench_suite
	$(BIN)/python -m tools.bench_site

# 新环境不经 ensurepip：由系统的 pip 直接装入新版 pip 与 uv（没有系统 pip 时退回 ensurepip）。
define venv
	$(PYTHON) -m venv --without-pip $(VENV)
	$(PYTHON) -m pip --python $(BIN)/python install --quiet --no-compile "pip>=25.1" "uv>=0.9" 2>/dev/null \
		|| { $(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install --quiet --upgrade "pip>=25.1" "uv>=0.9"; }
endef

# 预览只装 docs 组（不含 torch），用 uv 并行下载安装，约半分钟；预编译 .pyc 让首次构建更快，
# 也不在预览的日志里打印第三方包（jieba）编译时的警告。公式排版用的 KaTeX 来自 npm。
$(DOCS_STAMP): $(LOCKS) | node
	@echo "==> 安装构建站点所需的依赖：pyproject.toml 的 docs 组（不含 torch）与 package.json 的 KaTeX"
	$(venv)
	$(BIN)/uv pip install --python $(BIN)/python --compile-bytecode --group docs
	npm ci --no-audit --no-fund
	rm -f $(VENV)/.installed-docs-*
	touch $@

# 测试装 test 组（含 torch）：用 pip，它从本机磁盘取 torch，uv 不会；安装时不预编译 .pyc，
# 用到的模块在首次导入时编译。
$(STAMP): $(LOCKS) | node
	@echo "==> 安装全部依赖：pyproject.toml 的 test 组（含 torch，首次几分钟）与 package.json 的 KaTeX"
	$(venv)
	$(BIN)/python -m pip install --no-compile --group test
	npm ci --no-audit --no-fund
	rm -f $(VENV)/.installed-*
	touch $@ $(DOCS_STAMP)

# 构建站点需要 Node.js 与 npm；以 root 运行且有 apt-get 时自动安装。
node:
	@if ! command -v npm >/dev/null && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "==> 安装 Node.js 与 npm"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	fi

# 浏览器测试需要 Debian 的 chromium；以 root 运行且有 apt-get 时自动安装，否则相关测试会说明原因并跳过。
browser:
	@if [ ! -x "$(CHROMIUM)" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

clean:
	rm -rf site .pytest_cache node_modules
