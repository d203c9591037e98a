#!/usr/bin/env python3
"""A class's accounts from a CSV file: one Unix user per learner, each home private.

The CSV has a header `username,role` and one line per person; the role is `learner` or
`teacher`. A kernel reads files by path, so the hub's promise that a learner cannot read
another learner's notebooks holds on the file system only when each learner is a Unix user of
their own whose home is mode 0700. This script makes those users (the hub's configuration
calls it at start when the hub runs as root) and removes them again.

Accounts it makes carry the comment "CNN Lab <role>" in /etc/passwd; it never adopts or
removes a user without that mark, so a CSV line naming `root` or an existing person fails
instead of handing their account to the hub.

    hub/accounts.py create accounts.csv [--homes /home]
    hub/accounts.py remove accounts.csv
"""

import argparse
import csv
import os
import pwd
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROLES = ("learner", "teacher")
# What useradd accepts and JupyterHub leaves unchanged (it lower-cases names).
NAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")
MARK = "CNN Lab"


class AccountError(Exception):
    """A CSV line or an existing user that the class cannot use, said for a teacher."""


@dataclass(frozen=True)
class Account:
    username: str
    role: str

    @property
    def mark(self) -> str:
        return f"{MARK} {self.role}"


def read_accounts(path: Path) -> list[Account]:
    accounts: list[Account] = []
    with open(path, newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle)
        if rows.fieldnames is None or "username" not in rows.fieldnames:
            raise AccountError(f"{path}: the first line must be the header `username,role`")
        for line, row in enumerate(rows, start=2):
            name = (row.get("username") or "").strip()
            role = (row.get("role") or "learner").strip() or "learner"
            if not NAME.match(name):
                raise AccountError(
                    f"{path}:{line}: `{name}` is not a usable user name: lower-case letters, "
                    "digits, `-` and `_`, starting with a letter or `_`, at most 32 characters")
            if role not in ROLES:
                raise AccountError(f"{path}:{line}: role `{role}` must be one of {', '.join(ROLES)}")
            if any(a.username == name for a in accounts):
                raise AccountError(f"{path}:{line}: `{name}` appears twice")
            accounts.append(Account(name, role))
    if not accounts:
        raise AccountError(f"{path}: no accounts")
    return accounts


def existing(account: Account) -> pwd.struct_passwd | None:
    try:
        entry = pwd.getpwnam(account.username)
    except KeyError:
        return None
    if not entry.pw_gecos.startswith(MARK):
        raise AccountError(
            f"`{account.username}` is already a user of this machine that the class did not "
            "make; choose another name in the CSV")
    return entry


def create(accounts: list[Account], homes: Path) -> None:
    """Make each missing account with a private home; existing ones are left as they are."""
    for account in accounts:
        if existing(account) is None:
            # No password: nobody logs in to the machine as a learner, only through the hub.
            subprocess.run(
                ["useradd", "--create-home", "--home-dir", str(homes / account.username),
                 "--shell", "/bin/bash", "--comment", account.mark, "--user-group",
                 account.username], check=True)
        os.chmod(pwd.getpwnam(account.username).pw_dir, 0o700)


def remove(accounts: list[Account]) -> None:
    """Delete the accounts this script made, homes and all."""
    for account in accounts:
        if existing(account) is not None:
            subprocess.run(["userdel", "--remove", account.username], check=True,
                           stderr=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("create", "remove"))
    parser.add_argument("csv", type=Path)
    parser.add_argument("--homes", type=Path, default=Path("/home"),
                        help="folder that holds the new homes (default /home)")
    args = parser.parse_args()
    if os.getuid() != 0:
        print("accounts.py: making and removing Unix users needs root", file=sys.stderr)
        return 1
    try:
        accounts = read_accounts(args.csv)
        create(accounts, args.homes) if args.action == "create" else remove(accounts)
    except AccountError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
