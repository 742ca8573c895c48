"""`pip install` carries everything the library reads: seeds, seed metadata, notebooks,
rules and templates travel inside the wheel."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_the_bundled_data(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, text=True)
    wheel = next(tmp_path.glob("mediacompare-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"mediacompare/_bundled/seeds/{p.name}" for p in (ROOT / "seeds").glob("*.txt")}
    expected |= {f"mediacompare/_bundled/data/{p.name}" for p in (ROOT / "data").glob("*.csv")}
    expected |= {f"mediacompare/_bundled/notebooks/{p.name}" for p in (ROOT / "notebooks").glob("*.ipynb")}
    resources = ROOT / "mediacompare" / "resources"
    expected |= {f"mediacompare/resources/{p.relative_to(resources).as_posix()}"
                 for p in resources.rglob("*") if p.is_file()}
    expected |= {"mediacompare/report/templates/mediacompare/index.html.j2"}
    missing = expected - names
    assert not missing, sorted(missing)
    assert len(expected) >= 12


def test_installed_wheel_loads_the_seeds_outside_the_checkout(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(tmp_path / "w"), str(ROOT)],
                   check=True, capture_output=True, text=True)
    wheel = next((tmp_path / "w").glob("mediacompare-*.whl"))
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import mediacompare as mc; "
            "assert mc.__file__.startswith(sys.argv[1]), mc.__file__; "
            "c = mc.load_corpus(); assert len(c) == 5; "
            "from mediacompare._paths import bundled; print(bundled('notebooks'))")
    done = subprocess.run([sys.executable, "-c", code, str(site)], capture_output=True, text=True,
                          cwd=tmp_path, env={"PATH": "/usr/bin:/bin"}, check=True)
    assert done.stdout.strip().startswith(str(site))
