# `make run` and `make test` install whatever is missing, then do their job.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

# Compiled translations (.qm, not in git) beside their .ts sources: the shell's and each plugin's.
QM     := $(patsubst %.ts,%.qm,$(wildcard headunit/translations/*.ts headunit/plugins/*/translations/*.ts))

.PHONY: run test lint qmltypes screens screens-reference system-deps system-deps-test install translations benchmark demo-map wheel deb clean

run: system-deps install demo-map
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	    echo "No display. Run the emulator in a virtual X server:  xvfb-run -s '-screen 0 1920x1080x24' make run"; \
	    echo "or render one frame offscreen:  $(VENV)/bin/headunit emulator --screenshot home.png --size 1280x720"; \
	    exit 1; \
	fi
	$(VENV)/bin/headunit emulator

# The demo region (Monaco, in the tree) imported once; a second run finds it up to date in a second.
demo-map: install
	@$(VENV)/bin/headunit maps import headunit/assets/maps/monaco.osm.pbf --name monaco

# The suite runs on every core (pytest-xdist, one worker per CPU): `make test TEST_WORKERS=0` runs it in this
# process alone, `PYTEST_ARGS=...` passes pytest more.
TEST_WORKERS ?= auto
test: system-deps-test install
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The checks CI runs before the tests: the .qmltypes match the Python that registers the types, ruff,
# mypy (the plugin SDK and host) and qmllint over the shell's and the plugins' QML, which must have no warnings.
# qmllint finds the shell's modules in headunit/qml/ and each plugin's Python types in headunit/plugins/<id>/types/.
QMLLINT := $(VENV)/bin/pyside6-qmllint -I headunit/qml $(foreach d,$(wildcard headunit/plugins/*/types),-I $(d))

lint: install
	$(PY) scripts/qmltypes.py --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(QMLLINT) --max-warnings 0 $$(find headunit/qml headunit/plugins -name '*.qml' ! -name SandboxCompositor.qml | sort)
	@# Qt's type information for QtWayland's QtShell names a base it does not describe: that import's warning is
	@# Qt's, so this one file is linted without import warnings (its types are still checked).
	$(QMLLINT) --max-warnings 0 --import disable headunit/qml/HeadUnit/Shell/SandboxCompositor.qml

# After changing a Python class that QML uses (its properties, signals, slots): write its .qmltypes again.
qmltypes: $(STAMP)
	$(PY) scripts/qmltypes.py

benchmark: system-deps-test install
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

# The gallery of every first-party screen (docs/screens/, with its index): `make screens ARGS=--all` for every
# size in every language, `ARGS="--size 800x480 --only home"` for a few.
screens: system-deps-test install
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screens.py $(ARGS)

# The pictures tests/ui/test_reference_images.py compares against, drawn again after an intended change.
screens-reference: system-deps-test install
	HEADUNIT_UPDATE_REFERENCE=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/ui/test_reference_images.py

system-deps:
	@scripts/install-system-deps run

system-deps-test:
	@scripts/install-system-deps test

install: system-deps $(STAMP) $(QM)

# Reinstall when the project's dependencies change.
$(STAMP): pyproject.toml
	@test -x $(PY) || { echo "Creating $(VENV) with $$(scripts/find-python)"; "$$(scripts/find-python)" -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]' --config-settings editable_mode=compat
	@touch $@

# Only a .qm older than its .ts is compiled again.
%.qm: %.ts | $(STAMP)
	@$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# After changing visible strings: lupdate adds new ones to every .ts (translate them) and drops vanished ones.
translations: $(STAMP)
	$(PY) -m headunit.i18n_build update

# The installable artefacts, in dist/: the wheel (QML, plugins, compiled translations and assets inside), and
# the Raspberry Pi appliance's Debian package (`make deb DEB_ARCH=amd64` for an x86-64 head unit).
DEB_ARCH ?= arm64
wheel: $(STAMP)
	rm -rf build  # setuptools would reuse what an earlier build left there
	$(PY) -m pip wheel --quiet --no-deps . -w dist

deb: $(STAMP)
	$(PY) scripts/build_deb.py --arch $(DEB_ARCH) --out dist

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
	rm -f $(QM)
