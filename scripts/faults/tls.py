"""Throw-away TLS material for a SASL_SSL test broker, made with openssl (+ keytool to check).

A private CA, a server certificate for 127.0.0.1/localhost signed by it, and a
PKCS#12 keystore the broker reads. Nothing is committed: everything goes to a
directory the caller owns (a pytest tmp_path).
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass
class TlsMaterial:
    ca_cert: Path
    keystore: Path
    keystore_password: str


def _run(*cmd: str, cwd: Path) -> None:
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def make_tls(directory: Path) -> TlsMaterial:
    d = directory
    d.mkdir(parents=True, exist_ok=True)
    password = secrets.token_hex(12)
    _run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
         "-subj", "/CN=newsevents-test-ca", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=d)
    _run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1", cwd=d)
    (d / "server.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n")
    _run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
         "-days", "2", "-extfile", "server.ext", cwd=d)
    _run("openssl", "pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-certfile", "ca.pem", "-name", "broker",
         "-out", "broker.p12", "-passout", f"pass:{password}", cwd=d)
    if shutil.which("keytool"):  # the JVM must be able to read what openssl wrote
        _run("keytool", "-list", "-keystore", "broker.p12", "-storetype", "PKCS12", "-storepass", password, cwd=d)
    return TlsMaterial(ca_cert=d / "ca.pem", keystore=d / "broker.p12", keystore_password=password)
