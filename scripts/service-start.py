#!/usr/bin/env python3
"""The start-up cost of grid-client in a service, and its first calls: the sample Spring Boot service
(samples/spring-boot-service) started as `java -jar` against one grid-node.jar that this script starts on loopback,
with grid-client on, and off (grid.client.enabled=false, Spring's simple cache), in interleaved rounds.

    mvn -q -DskipTests package && scripts/service-start.py [--rounds 8] [--other OTHER.jar]

--other adds a third variant, the same service built from other code (say, a change to compare), with grid-client on.
Per start: launch to readiness (GET /actuator/health/readiness answers 200), Spring's "Started ... in", the process's
CPU seconds at readiness, then one wedding's quote read three times over HTTP: a miss that loads and stores, a read
from the grid, a read from the near cache. Prints each start, then medians (min-max); the first round is a warm-up
and is left out. Every wait is bounded; the node and the services are stopped with SIGTERM.
"""
import argparse, os, re, socket, statistics, subprocess, sys, tempfile, time, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVICE = os.path.join(ROOT, "samples/spring-boot-service/target/spring-boot-service-0.0.1-SNAPSHOT.jar")
NODE = os.path.join(ROOT, "grid-node/target/grid-node.jar")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url, process, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"exited with {process.returncode} before it was ready: {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.05)
    process.terminate()
    raise SystemExit(f"not ready within {seconds} s: {url}")


def timed_get(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=10) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


def start_once(jar, grid, cluster, member, logs):
    port = free_port()
    args = ["--grid.client.cluster-name=" + cluster, "--grid.client.members=" + member] if grid \
        else ["--grid.client.enabled=false", "--spring.cache.type=simple"]
    with tempfile.NamedTemporaryFile("w+", dir=logs, suffix=".log", delete=False) as log:
        began = time.perf_counter()
        process = subprocess.Popen(["java", "-jar", jar, f"--server.port={port}"] + args, stdout=log,
                                   stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_ready(base + "/actuator/health/readiness", process, 120)
            ready = (time.perf_counter() - began) * 1000
            with open(f"/proc/{process.pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            quote = f"{base}/weddings/w-{uuid.uuid4().hex[:8]}/vendors/florist/quote"
            calls = [timed_get(quote) for _ in range(3)]
        finally:
            process.terminate()
            process.wait(60)
        log.seek(0)
        started = re.search(r"Started \S+ in ([0-9.]+) seconds", log.read())
    return {"ready_ms": ready, "started_s": float(started.group(1)) if started else float("nan"), "cpu_s": cpu,
            "miss_ms": calls[0], "grid_ms": calls[1], "near_cache_ms": calls[2]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--other", help="a second build of the service, started with grid-client on")
    options = parser.parse_args()
    for jar in [SERVICE, NODE] + ([options.other] if options.other else []):
        if not os.path.isfile(jar):
            raise SystemExit(f"missing {jar}: run mvn -q -DskipTests package first")
    logs = tempfile.mkdtemp(prefix="service-start-")
    cluster, port, http = "service-start-" + uuid.uuid4().hex[:8], free_port(), free_port()
    env = dict(os.environ, GRID_CLUSTER_NAME=cluster, GRID_PORT=str(port), GRID_MEMBERS=f"127.0.0.1:{port}",
               GRID_HTTP_PORT=str(http))
    with open(os.path.join(logs, "node.log"), "w") as node_log:
        node = subprocess.Popen(["java", "-jar", NODE], env=env, stdout=node_log, stderr=subprocess.STDOUT)
    try:
        wait_ready(f"http://127.0.0.1:{http}/actuator/health/readiness", node, 120)
        variants = {"on": (SERVICE, True), "off": (SERVICE, False)}
        if options.other:
            variants["other"] = (options.other, True)
        results = {name: [] for name in variants}
        for round_ in range(options.rounds + 1):
            names = list(variants) if round_ % 2 == 0 else list(reversed(variants))
            for name in names:
                jar, grid = variants[name]
                figures = start_once(jar, grid, cluster, f"127.0.0.1:{port}", logs)
                if round_ > 0:
                    results[name].append(figures)
                print(round_, name, " ".join(f"{k}={v:.3f}" for k, v in figures.items()), flush=True)
    finally:
        node.terminate()
        node.wait(60)
    print(time.strftime("%Y-%m-%d %H:%M %Z"), f"{options.rounds} rounds, {os.cpu_count()} CPUs, logs in {logs}")
    for name, runs in results.items():
        print(name.ljust(6), "  ".join(
            f"{key} {statistics.median(v):.4g} ({min(v):.4g}-{max(v):.4g})"
            for key in runs[0] for v in [[run[key] for run in runs]]))
    for name in [n for n in results if n != "on"]:
        ratios = [a["ready_ms"] / b["ready_ms"] for a, b in zip(results[name], results["on"])]
        print(f"{name}/on launch-to-ready per round:", " ".join(f"{r:.3f}" for r in ratios),
              f"median {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    sys.exit(main())
