"""Load benchmark: N concurrent sessions speaking Streamlit's own browser protocol, on 127.0.0.1 only.

Each session does what a browser does: GET / and /_stcore/health (keeping the cookies they set, nginx's
route cookie included), opens the websocket /_stcore/stream and asks for the first script run (a rerun
BackMsg); the page has loaded when that run's script_finished arrives. It then sends a rerun with the
chat_input widget's value set to a question and waits for that run to finish with the cited answer in its
deltas. Static files (JavaScript, CSS) are not fetched: a browser caches them.

Targets, one after the other in the same run: a bare Streamlit chat page (benchmarks/load_bare_page.py),
the app in one process (streamlit run app.py), and the app as `make serve` (python -m serve.public, 2
processes behind nginx). Levels N = 1, 10, 40, 100 sessions started at once; each level has a time limit
(--level-timeout, default 120 s): sessions unfinished by then count as not answered. The breaking point is
the smallest N at which answer p95 passes 10 s or a session is not answered.

The page-load target (app within 1.5x of the bare page at 40 sessions) is also measured interleaved: both
pages served at once, idle while the other is measured, alternating for --rounds rounds (default 15), so
that a change in the machine's load between the two phases above does not decide the ratio. Each round
gives a ratio of page-load p50s; the median round is the figure.

Index: --index DIR, else BOT_INDEX, else the seed (sources/) built into a temporary folder.
Run: .venv/bin/python benchmarks/load_bench.py   (writes benchmarks/load_results.md and .json)
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
BARE = HERE / "load_bare_page.py"
LEVELS = (1, 10, 40, 100)
BREAKING_P95_S = 10.0
QUESTIONS = (
    "How does West Midlands Police assess risk in domestic abuse cases?",
    "How well does the force understand demand?",
    "Does the force keep track of offenders?",
    "How sound is the force's financial planning?",
)
ANSWERED = {"app": b"Answered in", "bare": b"An answer to"}  # in the answer run's deltas
CITED = {"app": b"[1]", "bare": b"[1]"}


# --- one session through the browser's protocol ----------------------------------------------------------


async def http_get(host: str, port: int, path: str, cookies: dict[str, str]) -> int:
    """GET path with the cookies; keep the cookies the response sets; the status code."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
        head = (
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: load-bench\r\nConnection: close\r\n"
        )
        writer.write((head + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n").encode())
        await writer.drain()
        data = await reader.read()
    finally:
        writer.close()
    header, _, _ = data.partition(b"\r\n\r\n")
    lines = header.decode("latin-1").split("\r\n")
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "set-cookie":
            key, _, rest = value.strip().partition("=")
            cookies[key] = rest.split(";", 1)[0]
    return int(lines[0].split()[1])


@dataclass
class Session:
    """One browser session: its cookies, websocket, the chat_input's widget id and what it has seen."""

    host: str
    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    ws: object = None
    chat_id: str = ""
    chat_fragment: str = ""  # the fragment that drew the chat box: a browser reruns only it on a question
    page_hash: str = ""
    seen: bytearray = field(default_factory=bytearray)

    async def load(self) -> None:
        """The page: GET /, the health check (XSRF cookie), the websocket and the first script run."""
        for path in ("/", "/_stcore/health"):
            status = await http_get(self.host, self.port, path, self.cookies)
            if status != 200:
                raise RuntimeError(f"GET {path}: HTTP {status}")
        origin = f"http://{self.host}:{self.port}"
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.ws = await connect(
            f"ws://{self.host}:{self.port}/_stcore/stream", origin=origin,
            subprotocols=["streamlit", self.cookies.get("_streamlit_xsrf", "")],
            additional_headers={"Cookie": cookie} if cookie else None, proxy=None, open_timeout=None,
            ping_interval=None, max_size=None, user_agent_header="load-bench",
        )  # fmt: skip
        await self._run(None)

    async def ask(self, question: str) -> bytes:
        """Type a question into the chat box: one rerun with its value; the run's delta bytes."""
        if not self.chat_id:
            raise RuntimeError("the page has no chat_input")
        state = WidgetState(id=self.chat_id)
        state.chat_input_value.data = question
        return await self._run(state, self.chat_fragment)

    async def _run(self, widget: WidgetState | None, fragment: str = "") -> bytes:
        """One script run (of the page, or of one fragment as a browser asks): the first (widget None) or
        one with the widget's new value; its delta bytes."""
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_script_hash = self.page_hash
        msg.rerun_script.fragment_id = fragment
        if widget is not None:
            msg.rerun_script.widget_states.widgets.append(widget)
        await self.ws.send(msg.SerializeToString())
        run = bytearray()
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await self.ws.recv())
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = fwd.new_session.main_script_hash
            elif kind == "delta":
                element = fwd.delta.new_element
                if element.WhichOneof("type") == "chat_input":
                    self.chat_id, self.chat_fragment = element.chat_input.id, fwd.delta.fragment_id
                run += fwd.delta.SerializeToString()
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise RuntimeError("the script failed to compile")
                if fwd.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    self.seen += run
                    return bytes(run)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


# --- one level: N sessions at once -----------------------------------------------------------------------


async def one_session(host: str, port: int, question: str, kind: str, out: dict) -> None:
    session = Session(host, port)
    try:
        started = time.perf_counter()
        await session.load()
        out["page_s"] = time.perf_counter() - started
        asked = time.perf_counter()
        run = await session.ask(question)
        if ANSWERED[kind] not in run or CITED[kind] not in run:
            error = re.search(rb"[A-Za-z]*(?:Error|Exception)[^\x00-\x1f]{0,80}", run)
            detail = f": {error[0].decode('utf-8', 'replace')}" if error else ""
            raise RuntimeError(f"the run finished without a cited answer{detail}")
        out["answer_s"] = time.perf_counter() - asked
    except Exception as exc:  # noqa: BLE001 - any failure is this session's outcome
        out["error"] = f"{type(exc).__name__}: {exc}"[:200]
    finally:
        try:
            await asyncio.wait_for(session.close(), 5)
        except Exception:  # noqa: BLE001, S110 - closing a broken socket
            pass


def _websockets_per_process(log: Path, offset: int) -> dict[str, int]:
    """From nginx's access log since offset: how many websockets each app process got."""
    with log.open("rb") as f:
        f.seek(offset)
        text = f.read().decode("utf-8", "replace")
    found = re.findall(r'"GET /_stcore/stream [^"]*" \d+ route=\S+ upstream=(\S+)', text)
    return {address: found.count(address) for address in sorted(set(found))}


def _stats(values: list[float]) -> dict:
    if not values:
        return {"p50": None, "p95": None, "max": None}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {"p50": round(statistics.median(ordered), 3), "p95": round(p95, 3), "max": round(ordered[-1], 3)}


async def level(host: str, port: int, n: int, kind: str, timeout: float, log: Path | None = None) -> dict:
    """N sessions started together, each loading the page and asking once, within timeout seconds."""
    outs = [{} for _ in range(n)]
    seen_log = log.stat().st_size if log and log.exists() else 0
    tasks = [
        asyncio.create_task(one_session(host, port, QUESTIONS[i % len(QUESTIONS)], kind, outs[i]))
        for i in range(n)
    ]
    started = time.perf_counter()
    _, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    wall = time.perf_counter() - started
    for out, task in zip(outs, tasks, strict=True):
        if task in pending and "error" not in out:
            out["error"] = f"not answered within the level's {timeout:.0f} s"
    errors = [o["error"] for o in outs if "error" in o]
    answered = [o["answer_s"] for o in outs if "answer_s" in o]
    return {
        "sessions": n,
        "answered": len(answered),
        "errors": sorted(set(errors))[:3],
        "wall_s": round(wall, 1),
        "page_load_s": _stats([o["page_s"] for o in outs if "page_s" in o]),
        "answer_s": _stats(answered),
        "websockets_per_process": _websockets_per_process(log, seen_log) if log else None,
    }


# --- targets -----------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: never outlive the benchmark
    except (OSError, AttributeError):
        pass


def wait_healthy(port: int, proc: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"the target exited with {proc.returncode}:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    proc.kill()
    sys.exit(f"the target did not start within {timeout:.0f} s:\n{log.read_text()[-2000:]}")


@dataclass
class Target:
    name: str
    kind: str  # app or bare: what the answer looks like
    proc: subprocess.Popen
    port: int
    app_ports: list[int]  # the processes behind it, warmed up directly
    access_log: Path | None = None  # nginx's, for serve-2


def start_target(name: str, env: dict[str, str], work: Path) -> Target:
    port, log = free_port(), work / f"{name}.log"
    out = log.open("w")
    kwargs = {"cwd": ROOT, "env": env, "stdout": out, "stderr": subprocess.STDOUT}
    if name == "serve-2":
        first = free_port()
        env = env | {"BOT_SERVE_PROCESSES": "2", "BOT_SERVE_LISTEN": f"127.0.0.1:{port}"}
        env |= {"BOT_SERVE_APP_PORT": str(first)}
        kwargs["env"] = env
        proc = subprocess.Popen([sys.executable, "-m", "serve.public"], preexec_fn=_die_with_parent, **kwargs)
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and "Serving http" not in log.read_text():
            if proc.poll() is not None:
                sys.exit(f"make serve exited with {proc.returncode}:\n{log.read_text()[-2000:]}")
            time.sleep(0.3)
        found = re.search(r"127\.0\.0\.1:(\d+)-(\d+)", log.read_text())
        if not found:
            proc.kill()
            sys.exit(f"make serve did not start:\n{log.read_text()[-2000:]}")
        app_ports = list(range(int(found[1]), int(found[2]) + 1))
    else:
        script = BARE if name == "bare" else ROOT / "app.py"
        command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port)]
        command += ["--server.headless", "true", "--server.address", "127.0.0.1"]
        command += ["--server.fileWatcherType", "none"]  # as make serve: no module reloads mid-run
        proc = subprocess.Popen(command, preexec_fn=_die_with_parent, **kwargs)
        app_ports = [port]
    wait_healthy(port, proc, log)
    access_log = ROOT / ".cache" / f"serve-{port}" / "access.log" if name == "serve-2" else None
    return Target(name, "bare" if name == "bare" else "app", proc, port, app_ports, access_log)


def _children(pid: int) -> list[int]:
    """pid's child processes (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def app_rss_mb(target: Target) -> list[int]:
    """Resident memory of each Streamlit process of the target, in MB (Linux /proc)."""
    pids = [target.proc.pid] if target.name != "serve-2" else _children(target.proc.pid)
    sizes = []
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"streamlit" in command:
            kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
            sizes.append(round(kb / 1024))
    return sizes


def stop_target(target: Target) -> None:
    target.proc.send_signal(signal.SIGTERM)
    try:
        target.proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        target.proc.kill()
        target.proc.wait()
    if target.access_log is not None:
        shutil.rmtree(target.access_log.parent, ignore_errors=True)  # nginx's files under .cache/


async def warm(target: Target) -> None:
    """One unmeasured session per process: the first run in a process loads the model and the index."""
    for port in target.app_ports:
        out: dict = {}
        await asyncio.wait_for(one_session("127.0.0.1", port, QUESTIONS[0], target.kind, out), 180)
        if "error" in out:
            sys.exit(f"{target.name}: the warm-up session failed: {out['error']}")


def breaking_point(levels: list[dict]) -> int | None:
    for row in levels:
        p95 = row["answer_s"]["p95"]
        if row["answered"] < row["sessions"] or p95 is None or p95 > BREAKING_P95_S:
            return row["sessions"]
    return None


# --- the run ----------------------------------------------------------------------------------------


def prepare_index(given: str | None, work: Path) -> tuple[Path, Path]:
    """(index, sources): the one given, or the seed built into work/index."""
    if given:
        index = Path(given).resolve()
        if not (index / "CURRENT").is_file():
            sys.exit(f"{index} holds no index (no CURRENT)")
        return index, Path(os.environ.get("BOT_SOURCES") or ROOT / "sources").resolve()
    index, sources = work / "index", ROOT / "sources"
    command = [sys.executable, "-m", "bot", "build", "--sources", str(sources), "--index", str(index)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return index, sources


def index_info(index: Path) -> dict:
    command = [sys.executable, "-m", "bot", "info", "--json", "--index", str(index)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    try:
        info = json.loads(done.stdout)
    except json.JSONDecodeError:
        return {}
    return dict(info.get("counts", {})) | {"generation": Path(info.get("index", "")).name}


def run(args: argparse.Namespace) -> dict:
    levels = [n for n in LEVELS if n <= args.max_sessions]
    results: dict = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "streamlit": __import__("streamlit").__version__,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "level_timeout_s": args.level_timeout,
        "breaking_p95_s": BREAKING_P95_S,
        "targets": {},
    }
    with tempfile.TemporaryDirectory(prefix="load-bench-") as tmp:
        work = Path(tmp)
        index, sources = prepare_index(args.index or os.environ.get("BOT_INDEX"), work)
        results["index"] = {"path": str(index) if args.index or os.environ.get("BOT_INDEX") else "seed"}
        results["index"] |= index_info(index)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "STREAMLIT_"))}
        env |= {"BOT_INDEX": str(index), "BOT_SOURCES": str(sources)}
        env |= {"BOT_FEEDBACK_DB": str(work / "feedback.sqlite3")}
        for name in args.targets:
            print(f"{name}: starting", flush=True)
            target = start_target(name, env, work)
            rows = []
            try:
                asyncio.run(warm(target))
                for n in levels:
                    row = asyncio.run(
                        level("127.0.0.1", target.port, n, target.kind, args.level_timeout, target.access_log)
                    )
                    rows.append(row)
                    print(f"{name} N={n}: {json.dumps(row)}", flush=True)
                    time.sleep(2)  # let closed sessions go before the next level
                rss = app_rss_mb(target)
            finally:
                stop_target(target)
            results["targets"][name] = {"levels": rows, "breaking_point": breaking_point(rows), "rss_mb": rss}
        if args.rounds and {"bare", "app"} <= set(args.targets):
            n = min(40, args.max_sessions)
            results["interleaved"] = interleaved(env, work, n, args.rounds, args.level_timeout)
    return results


async def _round(targets: list[Target], n: int, timeout: float) -> dict[str, float]:
    """One round of the interleaved comparison: each target's page-load p50 at N sessions, in turn."""
    p50s = {}
    for target in targets:
        row = await level("127.0.0.1", target.port, n, target.kind, timeout)
        p50s[target.name] = row["page_load_s"]["p50"]
        await asyncio.sleep(2)  # let closed sessions go before the next level
    return p50s


def interleaved(env: dict[str, str], work: Path, n: int, rounds: int, timeout: float) -> dict:
    """Bare page and app served at once, measured in alternation: the page-load ratio round by round."""
    targets = []
    try:
        for name in ("bare", "app"):
            targets.append(start_target(name, env, work))
            asyncio.run(warm(targets[-1]))
        per_round = [asyncio.run(_round(targets, n, timeout)) for _ in range(rounds)]
    finally:
        for target in targets:
            stop_target(target)
    ratios = [r["app"] / r["bare"] for r in per_round if r["app"] and r["bare"]]
    print(f"interleaved N={n}: {json.dumps(per_round)}", flush=True)
    median = round(statistics.median(ratios), 2) if ratios else None
    ratios = [round(r, 2) for r in ratios]
    return {"sessions": n, "rounds": per_round, "ratios": ratios, "median_ratio": median}


def markdown(results: dict) -> str:
    def cell(stats: dict) -> str:
        if stats["p50"] is None:
            return "-"
        return f"{stats['p50']:.2f} / {stats['p95']:.2f} / {stats['max']:.2f}"

    index = results["index"]
    lines = [
        "# Load benchmark: concurrent sessions through Streamlit's websocket protocol",
        "",
        f"Run {results['date']} on {results['cores']} cores, Python {results['python']}, Streamlit "
        f"{results['streamlit']}; load average at start {results['load_average_at_start']} (other work on "
        f"the machine counts against these figures). Index: {index.get('path')} ({index.get('documents')} "
        f"documents, {index.get('chunks')} chunks). Each level starts N sessions "
        "at once; a session loads the page (GET /, health, websocket, first script run) and asks one "
        f"question (a rerun with the chat_input value) and waits for the cited answer. Level limit "
        f"{results['level_timeout_s']:.0f} s. Script: `benchmarks/load_bench.py`.",
        "",
        "Times in seconds, p50 / p95 / max.",
        "",
        "| target | sessions | answered | page load | answer | wall | websockets per process |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, target in results["targets"].items():
        for row in target["levels"]:
            used = " / ".join(str(v) for v in (row["websockets_per_process"] or {}).values())
            lines.append(
                f"| {name} | {row['sessions']} | {row['answered']} | {cell(row['page_load_s'])} | "
                f"{cell(row['answer_s'])} | {row['wall_s']} | {used} |"
            )
    lines += ["", f"Breaking point (smallest N where answer p95 > {results['breaking_p95_s']:.0f} s or a "
              "session is not answered):", ""]  # fmt: skip
    for name, target in results["targets"].items():
        point = target["breaking_point"]
        lines.append(
            f"- {name}: {point if point else 'not reached up to the largest level'} (resident memory per "
            f"Streamlit process after the run: {', '.join(f'{mb} MB' for mb in target['rss_mb'])})"
        )
    lines += _interleaved_lines(results.get("interleaved"))
    errors = {
        f"{name} N={row['sessions']}": row["errors"]
        for name, target in results["targets"].items()
        for row in target["levels"]
        if row["errors"]
    }
    if errors:
        lines += ["", "Errors (first kinds per level):", ""]
        lines += [f"- {key}: {'; '.join(value)}" for key, value in errors.items()]
    lines += [
        "",
        "Targets: `bare` is `benchmarks/load_bare_page.py` (title, sidebar, chat_input, one markdown "
        "answer) in one process; `app` is `streamlit run app.py` in one process; `serve-2` is `make serve` "
        "(`python -m serve.public`) with 2 app processes behind nginx and its route cookie. Every process "
        "gets one unmeasured warm-up session first (model and index load). Every Streamlit process runs "
        "with `--server.fileWatcherType none`, as `make serve` does: with the watcher on, Streamlit watches "
        "the project folder, and on a machine where files change (other work, a deploy) it rescans and "
        "reloads modules between runs, which cost several times these figures and broke runs under way.",
        "",
    ]
    return "\n".join(lines)


def _interleaved_lines(found: dict | None) -> list[str]:
    """The interleaved page-load comparison, round by round."""
    if not found:
        return []
    rounds = "; ".join(
        f"bare {r['bare']:.2f} s, app {r['app']:.2f} s" for r in found["rounds"] if r["bare"] and r["app"]
    )
    return [
        "",
        f"Page load at {found['sessions']} sessions, bare page and app served at once and measured in "
        f"alternation ({len(found['rounds'])} rounds; p50 per round): {rounds}. App / bare per round: "
        f"{', '.join(f'{r:.2f}' for r in found['ratios'])}; median **{found['median_ratio']}x** "
        "(target: within 1.5x).",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", help="an index folder (default: BOT_INDEX, else the seed built here)")
    parser.add_argument("--level-timeout", type=float, default=120.0, help="seconds per level (120)")
    parser.add_argument("--max-sessions", type=int, default=100, help="largest level (100)")
    parser.add_argument("--targets", nargs="+", default=["bare", "app", "serve-2"])
    parser.add_argument("--rounds", type=int, default=15, help="bare/app rounds at 40, interleaved (15)")
    parser.add_argument("--out", default=str(HERE / "load_results"), help="results path without suffix")
    args = parser.parse_args()
    if args.max_sessions > 100 or args.level_timeout > 600 or not 0 <= args.rounds <= 20:
        sys.exit("bounded: at most 100 sessions, 600 s per level and 20 interleaved rounds")
    unknown = set(args.targets) - {"bare", "app", "serve-2"}
    if unknown:
        sys.exit(f"unknown targets: {sorted(unknown)}")
    results = run(args)
    out = Path(args.out)
    out.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    out.with_suffix(".md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
