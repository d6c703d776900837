# `make run` and `make test` install whatever is missing, then do their job.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test system-deps system-deps-test install benchmark clean

run: system-deps install
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	    echo "No display. Run the emulator in a virtual X server:  xvfb-run -s '-screen 0 1920x1080x24' make run"; \
	    echo "or render one frame offscreen:  $(VENV)/bin/headunit emulator --screenshot home.png --size 1280x720"; \
	    exit 1; \
	fi
	$(VENV)/bin/headunit emulator

test: system-deps-test install
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

benchmark: system-deps-test install
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

system-deps:
	@scripts/install-system-deps run

system-deps-test:
	@scripts/install-system-deps test

install: system-deps $(STAMP)

# Reinstall when the project's dependencies change.
$(STAMP): pyproject.toml
	@test -x $(PY) || { echo "Creating $(VENV) with $$(scripts/find-python)"; "$$(scripts/find-python)" -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
