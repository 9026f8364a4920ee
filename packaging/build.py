"""Build the frozen program, smoke-test it, and (on Windows) the installer.

    python packaging/build.py                # dist/egov-desktop/ + smoke test (what `make package` runs)
    python packaging/build.py --installer    # Windows: also dist/egov-desktop-setup-<version>.exe
    python packaging/build.py --installer --sign   # and sign everything (see packaging/RELEASE.md)

Needs the `package` extra (`pip install -e .[package]`). The version comes from
pyproject.toml, the one place it is written; it goes into the Windows version
resource of the executables and, as /DAppVersion, into the installer.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
APP_DIR = DIST / "egov-desktop"
# RFC 3161 timestamping keeps a signature valid after the certificate expires.
TIMESTAMP_URL = os.environ.get("SIGN_TIMESTAMP_URL", "http://timestamp.digicert.com")


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def run(cmd: list[str], **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kwargs)


def compile_catalogs() -> None:
    """The frozen program ships .mo files only (no .po, so nothing is compiled at start)."""
    run([sys.executable, "-m", "babel.messages.frontend", "compile", "-d", "resources/locale", "-D", "messages"])


def windows_version_file(ver: str) -> Path:
    """The VERSIONINFO resource Explorer shows; unsigned executables without one look even more suspect."""
    nums = tuple(int(x) for x in (ver.split(".") + ["0"] * 4)[:4])
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={nums}, prodvers={nums}, mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'egov-desktop'),
      StringStruct('FileDescription', 'egov-desktop: APA action plans and quarterly reports'),
      StringStruct('FileVersion', '{ver}'),
      StringStruct('ProductName', 'egov-desktop'),
      StringStruct('ProductVersion', '{ver}'),
      StringStruct('LegalCopyright', 'MIT licence')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    BUILD.mkdir(exist_ok=True)
    path = BUILD / "version_info.txt"
    path.write_text(text, encoding="utf-8")
    return path


def pyinstaller(ver: str) -> None:
    env = dict(os.environ)
    if sys.platform == "win32":
        env["EGOV_VERSION_FILE"] = str(windows_version_file(ver))
    shutil.rmtree(APP_DIR, ignore_errors=True)
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", DIST, "--workpath", BUILD / "pyinstaller", PACKAGING / "egov-desktop.spec"], env=env)


def signtool_command() -> list[str]:
    """signtool with the certificate from the environment (CI secrets); see RELEASE.md."""
    pfx, password = os.environ.get("SIGN_PFX"), os.environ.get("SIGN_PFX_PASSWORD")
    if not pfx or not Path(pfx).exists():
        raise SystemExit("--sign needs SIGN_PFX (path to the .pfx certificate) and SIGN_PFX_PASSWORD")
    signtool = os.environ.get("SIGNTOOL") or shutil.which("signtool") or "signtool"
    return [signtool, "sign", "/fd", "SHA256", "/f", pfx, "/p", password or "", "/tr", TIMESTAMP_URL, "/td", "SHA256"]


def iscc() -> str:
    found = shutil.which("iscc") or shutil.which("ISCC")
    for candidate in (found, r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe", r"C:\Program Files\Inno Setup 6\ISCC.exe"):
        if candidate and Path(candidate).exists():
            return candidate
    raise SystemExit("Inno Setup 6 (ISCC.exe) is not installed: https://jrsoftware.org/isdl.php or `choco install innosetup`")


def installer(ver: str, sign: bool) -> Path:
    cmd = [iscc(), f"/DAppVersion={ver}", f"/DSourceDir={APP_DIR}", f"/O{DIST}"]
    if sign:
        # Inno Setup signs the setup and the uninstaller it generates with this command ($f = the file,
        # $q = a quote: literal quotes inside a /S argument do not survive Windows command-line parsing).
        tool = " ".join(f"$q{c}$q" if " " in c else c for c in signtool_command())
        cmd += [f"/Ssigntool={tool} $f", "/DSign"]
    run(cmd + [PACKAGING / "egov-desktop.iss"])
    return DIST / f"egov-desktop-setup-{ver}.exe"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--installer", action="store_true", help="also build the Inno Setup installer (Windows)")
    p.add_argument("--sign", action="store_true", help="sign the executables and the installer (Windows)")
    p.add_argument("--no-smoke", action="store_true", help="skip the smoke test of the frozen program")
    args = p.parse_args()
    ver = version()
    compile_catalogs()
    pyinstaller(ver)
    if args.sign:
        # Sign the program before it is packed into the installer, so what is installed is signed too.
        run(signtool_command() + [APP_DIR / "egov-desktop.exe", APP_DIR / "egov-desktop-cli.exe"])
    if not args.no_smoke:
        run([sys.executable, PACKAGING / "smoke_test.py", APP_DIR])
    if args.installer:
        print(f"installer: {installer(ver, args.sign)}")
    print(f"built egov-desktop {ver} in {APP_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
