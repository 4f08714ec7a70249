"""Stopping a bot the way Heroku, systemd and Docker do (SIGTERM), or Ctrl-C (SIGINT): the reply in
flight is still delivered, then the process exits and leaves no child process behind.

Each test runs the real bot as its own process (``python -m adapters.slack`` / ``adapters.discord_bot``)
against the fake platform in this process. A bot starts no child process (checks run in its event loop);
whatever children it has when the signal comes must be gone after it exits.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import signal
import sys
import time
from pathlib import Path

import aiohttp
import pytest

try:
    from .fakes.discord_fake import FakeDiscord
    from .fakes.discord_harness import Endpoints
    from .fakes.slack_api import FakeSlackAPI
except ImportError:
    from fakes.discord_fake import FakeDiscord
    from fakes.discord_harness import Endpoints
    from fakes.slack_api import FakeSlackAPI

ROOT = Path(__file__).resolve().parent.parent
SECRET = "shutdown-test-secret"
RETRY_AFTER = 3  # seconds the fake makes the bot wait before its reply may go out
DRAFT = "Hello, your order 113-4829105-7730142 ships today. Best regards, Lumiwood"


def children(pid: int) -> set[int]:
    """Every process descended from ``pid`` (read from /proc; Linux)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


async def start_process(module: str, args: list[str], env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", module, *args, cwd=cwd, env=full_env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )


async def until(condition, timeout: float, what: str, process: asyncio.subprocess.Process) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        if process.returncode is not None or time.monotonic() > deadline:
            output = (await process.stdout.read()).decode(errors="replace") if process.returncode is not None else ""
            raise AssertionError(f"{what} did not happen within {timeout}s\n{output[-3000:]}")
        await asyncio.sleep(0.05)


async def stopped(process: asyncio.subprocess.Process, sig: int) -> str:
    """Send ``sig``; the process's output once it exited by itself (within the drain time)
    and every child it had then has exited too."""
    workers = children(process.pid)
    process.send_signal(sig)
    output = (await asyncio.wait_for(process.stdout.read(), 45)).decode(errors="replace")
    code = await asyncio.wait_for(process.wait(), 10)
    assert code == 0, output[-3000:]
    deadline = time.monotonic() + 5
    while any(alive(p) for p in workers) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert not [p for p in workers if alive(p)], f"child processes left running: {workers}\n{output[-2000:]}"
    return output


def signed(body: str) -> dict[str, str]:
    timestamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"Content-Type": "application/json", "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": f"v0={digest}"}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
async def test_slack_bot_finishes_a_reply_waiting_out_a_429_then_exits_without_children(tmp_path, sig) -> None:
    fake = await FakeSlackAPI().start()
    port = free_port()
    env = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": fake.base_url,
           "SLACK_WATCH_CHANNELS": "CWATCH", "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}"}
    process = await start_process("adapters.slack", ["--http", "--port", str(port)], env, tmp_path)
    try:
        async with aiohttp.ClientSession() as http:
            async def healthy() -> bool:
                try:
                    async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                        return response.status == 200
                except aiohttp.ClientError:
                    return False

            deadline = time.monotonic() + 30
            while not await healthy():
                assert process.returncode is None and time.monotonic() < deadline, "the Slack bot did not start"
                await asyncio.sleep(0.1)

            fake.rate_limit("chat.postMessage", retry_after=RETRY_AFTER)
            event = {"type": "message", "channel": "CWATCH", "user": "UALICE", "text": DRAFT,
                     "ts": "1700000000.000100"}
            body = json.dumps({"type": "event_callback", "team_id": "T1", "api_app_id": "A1", "event_id": "EvStop",
                               "event_time": int(time.time()), "event": event})
            async with http.post(f"http://127.0.0.1:{port}/slack/events", data=body, headers=signed(body)) as r:
                assert r.status == 200
        await until(lambda: fake.of("chat.postMessage", status=429), 30, "the 429", process)
        output = await stopped(process, sig)
        replies = fake.of("chat.postMessage")
        assert len(replies) == 1 and replies[0]["thread_ts"] == "1700000000.000100", output[-2000:]
        assert "No problems found" in replies[0]["text"] or "Draft #1" in replies[0]["text"]
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        await fake.close()


async def test_discord_bot_finishes_a_reply_waiting_out_a_429_then_exits_without_children(tmp_path) -> None:
    with Endpoints():
        fake = FakeDiscord()
        await fake.start()
        watched = fake.add_channel("drafts")
        env = {"DISCORD_TOKEN": "test-token", "DISCORD_GUILD_IDS": str(fake.guild_id),
               "DISCORD_APPROVER_ROLE": "checkmsg-approvers", "DISCORD_API_URL": fake.api_url,
               "DISCORD_WATCH_CHANNEL_IDS": str(watched),
               "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}"}
        process = await start_process("adapters.discord_bot", [], env, tmp_path)
        try:
            await until(lambda: fake.identifies, 30, "the Discord bot connecting", process)
            await until(lambda: fake.find("PUT", r"/applications/.*/commands"), 20, "command registration", process)

            sam = fake.person("sam")
            fake.rate_limit("POST", r"/channels/\d+/messages", retry_after=RETRY_AFTER)
            message = await fake.post_message(sam, watched, DRAFT)
            await until(lambda: fake.limited, 30, "the 429", process)
            output = await stopped(process, signal.SIGTERM)
            assert fake.in_channel(int(message["id"])), output[-3000:]
            report = fake.report_in(int(message["id"]))
            assert report["embeds"][0]["title"] == "Draft #1, version 1"
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
            await fake.stop()
