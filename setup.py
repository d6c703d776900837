"""The wheel's build step that pyproject.toml cannot declare: Qt loads compiled .qm catalogues, git keeps their
.ts sources, so every translation (the shell's and each first-party plugin's) is compiled into the build."""

import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def lrelease() -> str:
    import PySide6  # a build requirement (pyproject.toml), with Qt's tools beside the bindings

    return str(Path(PySide6.__file__).parent / "lrelease")


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # a checkout compiles its own (`make translations`'s .qm rule)
        for source in sorted(Path("headunit").rglob("*.ts")):
            if "templates" in source.parts:
                continue
            target = Path(self.build_lib) / source.with_suffix(".qm")
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([lrelease(), "-silent", str(source), "-qm", str(target)], check=True)


setup(cmdclass={"build_py": BuildWithTranslations})
