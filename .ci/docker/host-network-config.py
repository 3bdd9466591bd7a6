"""Turns the merged compose configuration into the one CI runs on the host network, and checks it.

Usage: host-network-config.py <merged.yml> <out.yml> <out.env>

On the host network a container listens on the host at its own port, and Compose v1 refuses
published `ports` there, so they are dropped. What CI then reaches is what users reach only if
every published port equals its container port, so that is required. The emulator's public URL
(the issuer prefix) must name the port it is published on when it names this machine, and the
issuer target-api expects is what the smoke check compares tokens with. Writes SSO_URL (where CI
reaches the emulator), ISSUER and PORTS (every published port, which must be free) to the env file.
"""
import sys
from urllib.parse import urlsplit

import yaml

merged, out_yml, out_env = sys.argv[1:4]
config = yaml.safe_load(open(merged))
services = config["services"]
problems = []


def published(service):
    """[(host port, container port)] of a service, from short or long `ports` syntax."""
    pairs = []
    for port in service.get("ports") or []:
        if isinstance(port, dict):
            pairs.append((int(port.get("published", port["target"])), int(port["target"])))
        else:
            parts = str(port).split("/")[0].split(":")
            pairs.append((int(parts[-2] if len(parts) > 1 else parts[-1]), int(parts[-1])))
    return pairs


ports = {}
for name, service in services.items():
    if service.get("network_mode") != "host":
        problems.append(f"service {name} is not on the host network: add it to docker-compose.ci.yml")
    ports[name] = published(service)
    for host, container in ports[name]:
        if host != container:
            problems.append(
                f"service {name} publishes container port {container} on {host}; on the host "
                "network CI reaches it at its container port, so the two must be equal"
            )
    service.pop("ports", None)

emulator = services.get("sso-emulator")
if emulator is None:
    sys.exit("docker-compose.yml has no sso-emulator service")
env = emulator.get("environment") or {}
public_url = str(env.get("SSO_PUBLIC_URL", "")).rstrip("/")
sso_port = ports["sso-emulator"][0][0] if ports["sso-emulator"] else 8080
public = urlsplit(public_url)
if not public_url:
    problems.append("sso-emulator sets no SSO_PUBLIC_URL: the issuer would be its container address")
elif public.hostname in ("localhost", "127.0.0.1") and (public.port or 80) != sso_port:
    problems.append(
        f"sso-emulator is published on port {sso_port}, but its public URL (the issuer) is "
        f"{public_url}: users on this machine cannot reach the issuer's discovery and keys"
    )
issuer = f"{public_url}/auth/realms/cern"
target_env = (services.get("target-api") or {}).get("environment") or {}
issuer = str(target_env.get("SSO_ISSUER", issuer))

if problems:
    sys.exit("docker-compose.yml, as CI runs it:\n  " + "\n  ".join(problems))
yaml.safe_dump(config, open(out_yml, "w"), sort_keys=False)
with open(out_env, "w") as f:
    all_ports = " ".join(str(host) for pairs in ports.values() for host, _ in pairs)
    f.write(f"SSO_URL=http://127.0.0.1:{sso_port}\nISSUER={issuer}\nPORTS='{all_ports}'\n")
