# 两个入口：`make serve`（安装并在本机预览站点）与 `make test`（安装并运行全部测试）。
# 其余目标供维护者使用，见 README。

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
CHROMIUM ?= /usr/bin/chromium

.PHONY: serve test build browser refresh bench clean

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(STAMP) browser
	$(BIN)/pytest -n auto --dist loadgroup

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# 重新运行全部示例：刷新 img/ 中的图片，并把页面上与实际不符的输出改写为实际输出。
refresh: $(STAMP)
	$(BIN)/pytest --update-outputs -n auto tests/test_snippets_standalone.py tests/test_examples.py

# 测试套件与站点构建的耗时。
bench: $(STAMP)
	$(BIN)/python -m tools.bench_suite

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --group test
	rm -f $(VENV)/.installed-*
	touch $@

# 浏览器测试需要 Debian 的 chromium；以 root 运行且有 apt-get 时自动安装，否则相关测试会说明原因并跳过。
browser:
	@if [ ! -x "$(CHROMIUM)" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

clean:
	rm -rf site .pytest_cache
