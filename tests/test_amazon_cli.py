"""``checkmsg send`` end to end: the real command in a subprocess, against the fake SP-API."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from bot.store import Store

try:
    from .amazon_harness import ORDER, approved_draft, fake_sp_api, make_workflow  # noqa: F401
    from .fakes.sp_api import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN
except ImportError:
    from amazon_harness import ORDER, approved_draft, fake_sp_api, make_workflow  # noqa: F401
    from fakes.sp_api import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN

CHECKMSG = str(Path(sys.executable).with_name("checkmsg"))


async def checkmsg(tmp_path, fake, *args: str, connected: bool = True) -> tuple[int, str]:  # noqa: ANN001
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMAZON_")}
    if connected:
        env |= {"AMAZON_LWA_CLIENT_ID": CLIENT_ID, "AMAZON_LWA_CLIENT_SECRET": CLIENT_SECRET, "AMAZON_REFRESH_TOKEN": REFRESH_TOKEN,
                "AMAZON_MARKETPLACE": "amazon.de", "AMAZON_SP_API_ENDPOINT": fake.base_url, "AMAZON_LWA_TOKEN_URL": fake.token_url}
    process = await asyncio.create_subprocess_exec(
        CHECKMSG, "send", *args, "--database", str(tmp_path / "db.sqlite3"), cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode, out.decode()


async def draft_in(tmp_path):  # noqa: ANN001, ANN201
    store = await Store.open(str(tmp_path / "db.sqlite3"))
    try:
        return await approved_draft(make_workflow(store))
    finally:
        await store.close()


async def test_checkmsg_send_lists_then_sends_once(tmp_path, fake_sp_api):
    """No --type lists the allowed types; --type sends (exit 0); the same command again sends nothing (exit 1)."""
    draft = await draft_in(tmp_path)
    code, out = await checkmsg(tmp_path, fake_sp_api, str(draft.id))
    assert code == 0 and "confirmDeliveryDetails: can be sent" in out and "unexpectedProblem: can be sent" in out
    code, out = await checkmsg(tmp_path, fake_sp_api, str(draft.id), "--type", "confirmDeliveryDetails", "--as", "sam")
    assert code == 0 and f"Sent draft #{draft.id}" in out and "as confirmDeliveryDetails (sam)" in out
    code, out = await checkmsg(tmp_path, fake_sp_api, str(draft.id), "--type", "confirmDeliveryDetails", "--as", "sam")
    assert code == 1 and "already sent" in out
    assert len(fake_sp_api.of("confirmDeliveryDetails")) == 1


async def test_checkmsg_send_order_shows_amazons_facts(tmp_path, fake_sp_api):
    """--order prints the facts Amazon gave for the order."""
    code, out = await checkmsg(tmp_path, fake_sp_api, "--order", ORDER)
    assert code == 0 and "From Amazon (order 113-4829105-7730142)" in out and "2026-11-16" in out and "en-GB" in out


async def test_checkmsg_send_without_credentials_says_how_to_connect(tmp_path, fake_sp_api):
    """No AMAZON_* variables: exit 2 and the variables to set; Amazon is not called."""
    code, out = await checkmsg(tmp_path, fake_sp_api, "1", "--type", "confirmDeliveryDetails", connected=False)
    assert code == 2 and "AMAZON_LWA_CLIENT_ID" in out and not fake_sp_api.requests


async def test_checkmsg_send_dry_run_sends_nothing(tmp_path, fake_sp_api):
    """--dry-run: exit 0, says dry run, and no message reaches Amazon."""
    draft = await draft_in(tmp_path)
    code, out = await checkmsg(tmp_path, fake_sp_api, str(draft.id), "--type", "confirmDeliveryDetails", "--as", "sam", "--dry-run")
    assert code == 0 and "Dry run" in out and not fake_sp_api.of("confirmDeliveryDetails")


async def test_checkmsg_send_release_after_a_lost_answer(tmp_path, fake_sp_api):
    """A dropped answer: exit 1 saying it may have arrived; the same send refuses; --release (an approver) frees it; then it sends."""
    draft = await draft_in(tmp_path)
    fake_sp_api.fail_next("confirmDeliveryDetails", 0)
    send = (str(draft.id), "--type", "confirmDeliveryDetails", "--as", "sam")
    code, out = await checkmsg(tmp_path, fake_sp_api, *send)
    assert code == 1 and "may have reached the buyer" in out and f"checkmsg send {draft.id} --release" in out
    code, out = await checkmsg(tmp_path, fake_sp_api, *send)
    assert code == 1 and "got no answer from Amazon" in out
    (tmp_path / "checkmsg.toml").write_text('[review]\napprovers = ["bob"]\n')
    code, out = await checkmsg(tmp_path, fake_sp_api, str(draft.id), "--release", "--as", "bob")
    assert code == 0 and "Released" in out
    code, out = await checkmsg(tmp_path, fake_sp_api, *send)
    assert code == 0 and len(fake_sp_api.of("confirmDeliveryDetails", 201)) == 1


async def test_checkmsg_send_unknown_draft_is_said(tmp_path, fake_sp_api):
    """A draft number that does not exist: exit 1 and 'There is no draft #99.'; Amazon is not asked to send."""
    await draft_in(tmp_path)
    code, out = await checkmsg(tmp_path, fake_sp_api, "99", "--type", "confirmDeliveryDetails", "--as", "sam")
    assert code == 1 and "There is no draft #99." in out and not fake_sp_api.of("confirmDeliveryDetails")
