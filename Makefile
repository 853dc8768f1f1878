# Two commands for a fresh clone: `make run` (install, build the index on first run, serve the app)
# and `make test` (install what tests need, lint, run every test tier).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

STAFF_PORT ?= 8502

.PHONY: run test install install-dev index lint format browser proxy staff staff-proxy staff-password serve bench eval clean

run: install
	@test -f index/CURRENT || $(PY) -m bot build
	$(VENV)/bin/streamlit run app.py --server.port $(PORT)

test: install-dev browser proxy lint
	$(PY) -m pytest -q

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# Debian's Chromium for the one real-browser test (Playwright drives it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

# Debian's nginx for the staff app's password proxy (make staff-proxy) and its test.
proxy:
	@test -x /usr/sbin/nginx || command -v nginx >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null; }

# The public app for many people: BOT_SERVE_PROCESSES app processes (default: the cores) behind nginx on
# BOT_SERVE_LISTEN (default 0.0.0.0:8501), with websockets and sticky sessions; make run stays one process.
serve: install proxy
	$(PY) -m serve.public

# The staff review app on 127.0.0.1 (BOT_STAFF_ADDRESS; another address needs OIDC login, see the README).
staff: install
	BOT_STAFF_PORT=$${BOT_STAFF_PORT:-$(STAFF_PORT)} $(PY) -m serve.staff run

# The staff app on 127.0.0.1 behind nginx asking for a password (BOT_STAFF_PROXY_LISTEN, default 0.0.0.0:8503).
staff-proxy: install proxy
	BOT_STAFF_PORT=$${BOT_STAFF_PORT:-$(STAFF_PORT)} $(PY) -m serve.staff proxy

# Add or change a staff password for the proxy: make staff-password STAFF_USER=alice
staff-password: install
	@test -n "$(STAFF_USER)" || { echo "usage: make staff-password STAFF_USER=name"; exit 2; }
	$(PY) -m serve.staff password "$(STAFF_USER)"

index: install
	$(PY) -m bot build

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Every benchmark, results written beside the scripts (needs ../shared); the tutorial baseline's splitter first.
bench: install-dev
	$(PY) -m pip install --quiet --disable-pip-version-check -r benchmarks/requirements.txt
	$(PY) benchmarks/speed_bench.py
	$(PY) benchmarks/build_bench.py
	$(PY) benchmarks/records_bench.py
	$(PY) benchmarks/eval_bench.py
	$(PY) benchmarks/natural_bench.py

clean:
	rm -rf index .pytest_cache .ruff_cache
