# JupyterHub for a CNN Lab class on one machine (`make hub`).
#
# Every setting a class changes comes from the environment, so that `make hub`, the test and
# the load test start the same file:
#   CNNLAB_HUB_ACCOUNTS   CSV of the class (hub/accounts.example.csv shows the format)
#   CNNLAB_HUB_STATE      folder for the hub's database, secrets and nbgrader exchange
#                         (/var/lib/cnnlab-hub as root, where learners reach it; else .hub)
#   CNNLAB_HUB_HOMES      folder for new learners' homes (/home)
#   CNNLAB_HUB_IP, CNNLAB_HUB_PORT              where learners connect (127.0.0.1:8000)
#   CNNLAB_HUB_API_PORT, CNNLAB_HUB_PROXY_API_PORT  the hub's and the proxy's own ports
#   CNNLAB_HUB_PASSWORD   the class's shared password (made and kept in the state folder if unset)
#   CNNLAB_HUB_CULL_SECONDS  a learner's server idle this long is stopped (3600)
import json
import os
import pwd
import secrets
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 -- provided by traitlets when JupyterHub loads this file

HUB = Path(__file__).resolve().parent
REPO = HUB.parent
sys.path.insert(0, str(HUB))
from accounts import AccountError, create, read_accounts  # noqa: E402

# The hub runs from the venv that every learner's server runs from (`make hub` makes it).
VENV = Path(sys.prefix)
NOTEBOOKS = REPO / "notebooks"
KERNELSPEC = VENV / "share" / "jupyter" / "kernels" / "cnnlab" / "kernel.json"
ASSIGNMENT = "cnnlab"


def setting(name: str, default: str) -> str:
    return os.environ.get(f"CNNLAB_HUB_{name}", default)


AS_ROOT = os.getuid() == 0
STATE = Path(setting("STATE", "/var/lib/cnnlab-hub" if AS_ROOT else str(REPO / ".hub")))
STATE = STATE.resolve()
PRIVATE = STATE / "private"          # the hub's own: database, cookie secret, password
EXCHANGE = STATE / "exchange"        # nbgrader's exchange, written by every learner
CONFIG = STATE / "jupyter-config"    # read by every learner's server
TEACHING = STATE / "jupyter-config-teachers"   # read first by teachers' servers
HOMES = Path(setting("HOMES", "/home"))

try:
    ACCOUNTS = read_accounts(Path(setting("ACCOUNTS", str(HUB / "accounts.example.csv"))))
except AccountError as error:
    sys.exit(f"CNN Lab hub: {error}")
ROLES = {account.username: account.role for account in ACCOUNTS}


def private_folder(path: Path, mode: int) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, mode)
    return path


def check_reachable(path: Path) -> None:
    """Learners' servers run as their own users: they must be able to reach the venv, the
    kernel, nbgrader's exchange and the servers' configuration. A checkout under /root is
    closed to them, which is why `make hub-venv` installs the venv elsewhere as root; a
    failure here would otherwise surface as a server that never starts."""
    path = Path(os.path.realpath(path))
    for folder in [path, *path.parents]:
        if not os.stat(folder).st_mode & 0o001:
            sys.exit(f"CNN Lab hub: learners cannot reach {path}: {folder} is not open to "
                     "other users (mode o+x); install the hub's venv with `make hub-venv "
                     "HUB_PREFIX=...` and set CNNLAB_HUB_STATE to folders such as /opt or /srv")


private_folder(STATE, 0o755)
private_folder(PRIVATE, 0o700)
private_folder(EXCHANGE, 0o1777)     # as nbgrader requires: everyone writes, nobody deletes others'
private_folder(CONFIG, 0o755)
(CONFIG / "nbgrader_config.py").write_text(
    "c = get_config()  # noqa: F821\n"
    f"c.CourseDirectory.course_id = {ASSIGNMENT!r}\n"
    f"c.Exchange.root = {str(EXCHANGE)!r}\n")

# nbgrader's Formgrader is a teacher's tool; one venv serves everyone, so JupyterLab hides it
# for all and a teacher's server, reading TEACHING before CONFIG, shows it again.
FORMGRADER = "@jupyter/nbgrader:formgrader"
for folder, hidden in ((CONFIG, True), (private_folder(TEACHING, 0o755), False)):
    (private_folder(folder / "labconfig", 0o755) / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {FORMGRADER: hidden}}) + "\n")

password_file = PRIVATE / "password"
password = setting("PASSWORD", "")
if not password:
    if not password_file.exists():
        password_file.write_text(secrets.token_urlsafe(9) + "\n")
        os.chmod(password_file, 0o600)
    password = password_file.read_text().strip()

# --- where the hub listens: loopback unless told otherwise ---------------------------------
c.JupyterHub.ip = setting("IP", "127.0.0.1")
c.JupyterHub.port = int(setting("PORT", "8000"))
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{setting('API_PORT', '8081')}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{setting('PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.command = ["configurable-http-proxy"]   # Debian's package
# Debian's proxy finds its modules in /usr/share/nodejs, where Debian's own node looks; a node
# from elsewhere (NodeSource's replaces Debian's on many machines) has to be told.
os.environ["NODE_PATH"] = os.pathsep.join(
    p for p in ["/usr/share/nodejs", os.environ.get("NODE_PATH", "")] if p)
c.JupyterHub.db_url = f"sqlite:///{PRIVATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(PRIVATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(PRIVATE / "jupyterhub.pid")

# --- who may log in: the CSV's names with the class's password --------------------------------
# For a trial. A real course logs in through its own accounts instead (OAuthenticator for the
# school's Google/GitHub/Microsoft sign-in, or jupyterhub-ltiauthenticator from the LMS); see
# docs/deploy.md. Users the hub did not list get no server even with the password.
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = password
c.Authenticator.allowed_users = set(ROLES)
c.JupyterHub.load_groups = {
    "learners": {"users": [n for n, r in ROLES.items() if r == "learner"]},
    "teachers": {"users": [n for n, r in ROLES.items() if r == "teacher"]},
}

# --- each learner's JupyterLab: a local process with the CNN Lab kernelspecs ----------------------
if AS_ROOT:
    # One Unix user per learner, home 0700: a kernel that opens another's file by path fails.
    for path in (VENV / "bin" / "jupyterhub-singleuser", VENV / "lib",
                 Path(json.loads(KERNELSPEC.read_text())["argv"][0]), EXCHANGE, CONFIG,
                 TEACHING, HOMES):
        check_reachable(path)
    create(ACCOUNTS, HOMES)
    c.JupyterHub.spawner_class = "localprocess"

    def home_of(name: str) -> Path:
        return Path(pwd.getpwnam(name).pw_dir)
else:
    # Without root every server runs as the hub's own user: the hub keeps learners apart, the
    # file system does not (docs/deploy.md says what that costs).
    print("CNN Lab hub: not root, so every learner's server runs as this user: the hub keeps "
          "learners apart, the file system does not. For trying the hub, never for a class.",
          file=sys.stderr)
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "homes" / "{username}")

    def home_of(name: str) -> Path:
        return STATE / "homes" / name

c.Spawner.cmd = [str(VENV / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.environment = {
    "PATH": f"{VENV / 'bin'}:/usr/local/bin:/usr/bin:/bin",   # nbgrader calls `alembic` by name
    "JUPYTER_CONFIG_PATH": str(CONFIG),
}
# Forty servers starting at once on two cores take a while; the defaults (60 s, 30 s) are for one.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300


def copy_owned(files: dict[str, Path], target: Path, uid: int, gid: int) -> None:
    """Copy `files` (name: source) into a new folder `target` owned by the learner. Runs as
    root in a folder the learner controls, so nothing here follows a link."""
    target.mkdir(mode=0o755)
    os.chown(target, uid, gid, follow_symlinks=False)
    for name, source in files.items():
        if name.endswith("/"):
            copy_owned({p.name: p for p in sorted(source.iterdir())}, target / name[:-1], uid, gid)
            continue
        shutil.copyfile(source, target / name, follow_symlinks=False)
        os.chown(target / name, uid, gid, follow_symlinks=False)


def prepare_home(spawner) -> None:
    """A new learner finds the chapters in ~/chapters; a teacher also finds the nbgrader course
    in ~/course. Existing names are left alone, so a learner's work is never overwritten."""
    name = spawner.user.name
    home = home_of(name)
    home.mkdir(parents=True, exist_ok=True)
    uid, gid = (pwd.getpwnam(name).pw_uid, pwd.getpwnam(name).pw_gid) if AS_ROOT \
        else (os.getuid(), os.getgid())
    chapters = home / "chapters"
    if not os.path.lexists(chapters):
        copy_owned({p.name: p for p in sorted(NOTEBOOKS.glob("*.ipynb"))}, chapters, uid, gid)
    if ROLES.get(name) == "teacher":
        spawner.environment = dict(spawner.environment,
                                   JUPYTER_CONFIG_PATH=f"{TEACHING}{os.pathsep}{CONFIG}")
    course = home / "course"
    if ROLES.get(name) == "teacher" and not os.path.lexists(course):
        copy_owned({"nbgrader_config.py": NOTEBOOKS / "nbgrader_config.py"}, course, uid, gid)
        copy_owned({ASSIGNMENT + "/": NOTEBOOKS / "solutions"}, course / "source", uid, gid)


c.Spawner.pre_spawn_hook = prepare_home

# --- idle learners' servers are stopped, their kernels with them -------------------------------
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                f"--timeout={setting('CULL_SECONDS', '3600')}"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
