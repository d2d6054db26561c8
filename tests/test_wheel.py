"""The shipped tables are found from an installed wheel, not only from the source checkout."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

SNIPPET = textwrap.dedent(
    """
    import json, pathlib, sysconfig
    import geep
    import geep.coefficients as C

    site = pathlib.Path(sysconfig.get_paths()["purelib"]).resolve()
    package = pathlib.Path(geep.__file__).resolve().parent
    root = C.shipped_root().resolve()
    assert package == site / "geep", (str(package), str(site))
    assert root == site / "geep" / "_coefficients", (str(root), str(site))
    cat = C.catalog()
    profile = C.load_profile("xie-2015")
    factors = C.profile_table("xie-2015", "factors")
    print(json.dumps({
        "root": str(root),
        "editions": sorted(f"{t}@{e}" for t, e in zip(cat["table"], cat["edition"])),
        "profile": profile.name,
        "broadleaf_climate": factors.value(("forest.broadleaf", "climate_regulation"), "factor"),
    }))
    """
)


def _run(cmd, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, **kw)
    assert proc.returncode == 0, f"{cmd}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    return proc


def _build_wheel(outdir: Path) -> Path:
    if importlib.util.find_spec("build") is not None:
        cmd = [sys.executable, "-m", "build", "--wheel", "--outdir", str(outdir)]
        if importlib.util.find_spec("hatchling") is not None:
            cmd.append("--no-isolation")  # offline: use the installed build backend
        _run([*cmd, str(REPO)], cwd=outdir)
    else:
        _run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(outdir), str(REPO)],
            cwd=outdir,
        )
    wheels = list(outdir.glob("geep-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def _clean_env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "GEEP_COEFFICIENTS_PATH", "VIRTUAL_ENV"}
    }
    env["PYTHONNOUSERSITE"] = "1"
    return env


@pytest.mark.slow
def test_installed_wheel_finds_its_tables(tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    wheel = _build_wheel(dist)

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)])
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    venv_site = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
        ).stdout.strip()
    )
    # The dependencies (pandas, pint, ...) live in the environment running the tests, which may
    # itself be a virtualenv that --system-site-packages does not see. Add its site-packages as
    # plain paths: the .pth files in it (e.g. the editable install of geep) are not processed.
    parent_site = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (venv_site / "_geep_test_parent_env.pth").write_text("\n".join(sorted(parent_site)) + "\n")

    _run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        env=_clean_env(),
    )

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    proc = _run([str(python), "-c", SNIPPET], cwd=outside, env=_clean_env())
    result = json.loads(proc.stdout.strip().splitlines()[-1])

    assert Path(result["root"]).is_relative_to(venv_site)
    assert not Path(result["root"]).is_relative_to(REPO)
    on_disk = sorted(
        f"{ed.parent.name}@{ed.name}"
        for ed in (REPO / "coefficients").glob("*/*")
        if (ed / "table.yaml").is_file() and ed.parent.name not in {"profiles", "schemes"}
    )
    assert result["editions"] == on_disk
    assert result["profile"] == "xie-2015"
    assert result["broadleaf_climate"] == 6.50  # Xie2015 broadleaf climate regulation

    # the console script works from the installed wheel too
    cli = _run(
        [str(bindir / "geep"), "coefficients", "list", "--format", "csv"],
        cwd=outside,
        env=_clean_env(),
    )
    assert "xie2015-factors,2015,released" in cli.stdout
