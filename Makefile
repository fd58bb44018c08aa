# 两个入口：`make serve`（安装并在本机预览站点）与 `make test`（安装并运行全部测试）。
# 其余目标供维护者使用，见 README。安装的版本全部来自 uv.lock（Python）与 package-lock.json（KaTeX）。

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# 锁文件一变，安装就重做：预览站点只装 docs 组，测试装 test 组（含 torch）。每个安装的文件都按哈希核对：
# pip 与 uv 按 .ci/bootstrap-requirements.txt，Python 包按 uv.lock（构建 jieba 与本仓库所用的 setuptools、
# hatchling 也在其中，先装好，之后不再临时下载：--no-build-isolation），KaTeX 按 package-lock.json。
BOOTSTRAP := .ci/bootstrap-requirements.txt
TORCH_CPU := .ci/torch-cpu-requirements.txt
HASH   := $(shell cat uv.lock package-lock.json $(TORCH_CPU) | cksum | cut -d' ' -f1)
DOCS_STAMP := $(VENV)/.installed-docs-$(HASH)
STAMP  := $(VENV)/.installed-test-$(HASH)
CHROMIUM ?= /usr/bin/chromium
SERVE_ADDR ?= 127.0.0.1:8000
# 只含 CPU 的 torch/torchvision 所在的索引（CI 设为 https://download.pytorch.org/whl/cpu）：这两个包按
# $(TORCH_CPU)（版本同 uv.lock，每个 wheel 的哈希由 make torch-cpu-lock 写入）从那里装，其余的包（以及
# CUDA 版 torch 才需要的 nvidia-*、triton）照旧按锁文件从 PyPI 装。
TORCH_INDEX ?=
# 只在 $(TORCH_CPU) 已有哈希时用那个索引；还没有哈希时照旧从 PyPI 按锁文件装（也带哈希，只是更大）。
CPU_INDEX := $(if $(TORCH_INDEX),$(if $(shell grep -l -e '--hash=' $(TORCH_CPU)),$(TORCH_INDEX)))
# Material for MkDocs 的停止维护提示与本站内容无关，不在每次构建时打印。
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test install build lock torch-cpu-lock refresh audit bench clean setup-check locked browser

serve: $(DOCS_STAMP)
	$(BIN)/mkdocs serve --dev-addr $(SERVE_ADDR)

test: $(STAMP) browser
	$(BIN)/pytest -n auto --dist loadfile --no-loadscope-reorder

install: $(STAMP)

build: $(DOCS_STAMP)
	$(BIN)/mkdocs build --strict

# 改了 pyproject.toml 的依赖之后：重新解析并写出 uv.lock（与 pyproject.toml 一起提交）。
# torch 或 torchvision 的版本变了，还要在能访问 download.pytorch.org 的机器上运行 make torch-cpu-lock。
lock: $(BIN)/uv
	$(BIN)/uv lock

# CPU 版 torch/torchvision 的每个 wheel 的哈希，版本取自 uv.lock：写入 $(TORCH_CPU)（提交它）。
torch-cpu-lock: $(BIN)/uv
	$(BIN)/uv export --frozen --quiet --group test --no-hashes --no-emit-project \
		| grep -oE '^torch(vision)?==[^ ;+]+' | sed 's/$$/+cpu/' > $(VENV)/torch-cpu.in
	$(BIN)/uv pip compile $(VENV)/torch-cpu.in --no-deps --generate-hashes --universal --no-header \
		--index-url https://download.pytorch.org/whl/cpu -o $(TORCH_CPU)

# 把锁文件推到各依赖的最新允许版本（torch/torchvision/numpy/matplotlib 在 pyproject.toml 中精确锁定，
# 升级它们先改那里），重装，再运行全部示例：与实际不符的输出写回页面、不同的图重画，第五章的 notebook
# 重新生成。之后审阅 git diff。
refresh: $(BIN)/uv
	$(BIN)/uv lock --upgrade
	$(MAKE) $(STAMP)
	$(BIN)/pytest -n auto --dist loadfile --no-loadscope-reorder --update-outputs tests/test_pages.py
	$(BIN)/python -m tools.lenet_notebook
	@echo "==> 请审阅 git diff uv.lock docs img，必要时把易变的值重新写成 ..."

# 依赖的已知漏洞：按 uv.lock 导出全部 Python 包（torch 与 torchvision 按 PyPI 上的版本号，不带 +cpu）交给
# pip-audit（它从漏洞数据库查询，需要联网；锁定版本的 pip-audit 装在 .venv 里），再审计 package-lock.json。
audit: locked
	$(BIN)/uv export --frozen --quiet --all-groups --no-emit-project --no-hashes -o $(VENV)/requirements-audit.txt
	$(BIN)/uv export --frozen --quiet --no-default-groups --group audit --no-emit-project -o $(VENV)/requirements-pip-audit.txt
	$(BIN)/uv pip install --python $(BIN)/python --quiet --require-hashes -r $(VENV)/requirements-pip-audit.txt
	$(BIN)/pip-audit --progress-spinner off --strict --disable-pip --no-deps -r $(VENV)/requirements-audit.txt
	npm audit

# 测试套件与站点构建的耗时；新克隆中 `make serve` 到可访问的秒数、.venv 大小、每页传输的字节数。
bench: $(STAMP)
	$(BIN)/python -m tools.bench_suite
	$(BIN)/python -m tools.bench_site

# 装任何东西之前：Python 与 Node.js 的版本，缺了就说明要装什么，然后停止。
setup-check:
	@problems=""; \
	if ! $(PYTHON) -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null; then \
		problems="$$problems\n  - Python 3.11–3.13（$(PYTHON) 是 $$($(PYTHON) --version 2>&1 || echo 没有找到)）"; fi; \
	if ! node -e 'process.exit(parseInt(process.versions.node) < 20 ? 1 : 0)' 2>/dev/null || ! command -v npm >/dev/null; then \
		problems="$$problems\n  - Node.js 20 或更新版本与 npm（现在：$$(node --version 2>/dev/null || echo 没有 node)，$$(command -v npm >/dev/null && echo 有 npm || echo 没有 npm)）"; fi; \
	if [ -n "$$problems" ]; then \
		printf "缺少构建本站所需的程序，什么都还没有安装：$$problems\n"; \
		printf "macOS：brew install python@3.13 node\nDebian/Ubuntu（Windows 上在 WSL 中）：apt-get install python3 python3-venv，Node.js 20+ 见 https://nodejs.org\n"; \
		printf "装好后重新运行；Python 不叫 python3 时：make test PYTHON=python3.13\n"; \
		exit 1; fi

# 新环境不经 ensurepip：由系统的 pip 直接装入 $(BOOTSTRAP) 中的 pip 与 uv，按版本与哈希（没有系统 pip
# 时退回 Python 自带的 ensurepip，再由它按哈希安装）。
$(BIN)/uv: $(BOOTSTRAP) | setup-check
	$(PYTHON) -m venv --without-pip $(VENV)
	$(PYTHON) -m pip --python $(BIN)/python install --quiet --no-compile --no-deps --require-hashes -r $(BOOTSTRAP) 2>/dev/null \
		|| { $(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install --quiet --no-deps --require-hashes -r $(BOOTSTRAP); }
	touch $@

# 两种安装的第一步：构建工具（uv.lock 的 build 组，按哈希），之后用它们构建 jieba 与本仓库，不再临时下载。
define install-build-tools
$(BIN)/uv export --frozen --quiet --only-group build --no-emit-project -o $(VENV)/requirements-build.txt
$(BIN)/uv pip install --python $(BIN)/python --quiet --require-hashes -r $(VENV)/requirements-build.txt
endef

# 锁文件必须与 pyproject.toml 一致：不一致时说明怎么修，不装任何东西。
locked: $(BIN)/uv
	@$(BIN)/uv lock --check --quiet 2>/dev/null || { \
		echo "uv.lock 与 pyproject.toml 不一致（改了依赖却没有重新锁定）。运行 make lock，再提交 uv.lock。"; exit 1; }

# 预览只装 docs 组（不含 torch），用 uv 按锁文件（带哈希）并行安装，约半分钟；预编译 .pyc 让首次构建更快，
# 也不在预览的日志里打印第三方包（jieba）编译时的警告。公式排版用的 KaTeX 来自 npm。
$(DOCS_STAMP): uv.lock package-lock.json | locked
	@echo "==> 安装构建站点所需的依赖：uv.lock 的 docs 组（不含 torch）与 package-lock.json 的 KaTeX"
	$(install-build-tools)
	$(BIN)/uv export --frozen --quiet --no-default-groups --group docs --no-emit-project -o $(VENV)/requirements-docs.txt
	$(BIN)/uv pip install --python $(BIN)/python --compile-bytecode --require-hashes --no-build-isolation \
		-r $(VENV)/requirements-docs.txt
	$(BIN)/uv pip install --python $(BIN)/python --no-deps --no-build-isolation -e .
	npm ci --no-audit --no-fund
	rm -f $(VENV)/.installed-docs-*
	touch $@

# 测试装 test 组（含 torch）：用 pip，它也从本机的包缓存取 torch，uv 不会。安装时就编译 .pyc：设了
# PYTHONDONTWRITEBYTECODE 的环境里，每个新进程否则都要重新编译 torch，导入慢一倍多。
$(STAMP): uv.lock package-lock.json $(TORCH_CPU) | locked
	@echo "==> 安装全部依赖：uv.lock 的 test 组（含 torch，首次几分钟）与 package-lock.json 的 KaTeX"
	$(install-build-tools)
	$(if $(TORCH_INDEX),$(if $(CPU_INDEX),,@echo "==> $(TORCH_CPU) 还没有哈希（make torch-cpu-lock）：torch 按 uv.lock 从 PyPI 装"))
	$(BIN)/uv export --frozen --quiet --group test --no-emit-project -o $(VENV)/requirements-test.txt \
		$(if $(CPU_INDEX),$(shell $(BIN)/uv export --frozen --quiet --group test --no-hashes --no-emit-project \
			| grep -oE '^(torch|torchvision|nvidia-[a-z0-9-]+|triton|cuda-[a-z0-9-]+)==' | sed 's/==//; s/^/--no-emit-package /'))
	$(if $(CPU_INDEX),$(BIN)/python -m pip install --no-deps --require-hashes --index-url $(CPU_INDEX) -r $(TORCH_CPU) \
		|| { echo "$(TORCH_CPU) 缺少哈希或与索引不符：在能访问 download.pytorch.org 的机器上运行 make torch-cpu-lock"; exit 1; })
	$(BIN)/python -m pip install --no-deps --require-hashes --no-build-isolation -r $(VENV)/requirements-test.txt
	$(BIN)/python -m pip install --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	npm ci --no-audit --no-fund
	rm -f $(VENV)/.installed-*
	touch $@ $(DOCS_STAMP)

# 浏览器测试需要 Debian 的 chromium；以 root 运行且有 apt-get 时自动安装，否则相关测试会说明原因并跳过。
browser:
	@if [ ! -x "$(CHROMIUM)" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

clean:
	rm -rf site .pytest_cache node_modules
