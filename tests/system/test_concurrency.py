"""Concurrency: questions keep being answered while another process ingests; a second
ingest is refused with the lock message; an ingest killed at an arbitrary moment leaves a
consistent index that a re-run completes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant.answer.assistant import Assistant
from assistant.core.settings import Settings
from ingest.pipeline import ingest_paths
from tests.system.test_crash_safety import expected_version, state

pytestmark = pytest.mark.slow

ALPHA = "Alpha project report\n\nThe Alpha project trained 120 judges in Almaty in 2022.\n"
QUESTION = "How many judges did the Alpha project train?"
TOPICS = ["courts", "schools", "clinics", "roads", "archives", "libraries", "ministries", "museums"]


def long_document(topic: str, number: int) -> str:
    lines = [f"Report on {topic}", ""]
    for i in range(1, 31):
        lines += [
            f"In month {i} the {topic} programme reviewed {number + i} cases and wrote {i} short notes "
            f"on the {topic} of region {i % 7}. The board approved the plan for {topic} in quarter {i % 4 + 1}.",
            "",
        ]
    return "\n".join(lines)


def cli(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "assistant", "--home", str(home), *args]


def test_queries_during_an_ingest_and_a_refused_second_ingest(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home")
    first = tmp_path / "first"
    first.mkdir()
    (first / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    assert ingest_paths([first], settings).added == ["alpha.txt"]
    assistant = Assistant(settings)
    assert "120 judges" in assistant.ask(QUESTION).answer

    batch = tmp_path / "batch"
    batch.mkdir()
    for n, topic in enumerate(TOPICS):
        (batch / f"{n}-{topic}.txt").write_text(long_document(topic, 100 * n), encoding="utf-8")
    env = {**os.environ, "PROJDOCS_HOME": str(settings.home)}
    env.pop("PROJDOCS_TEST_CRASH_AT", None)
    writer = subprocess.Popen(
        cli(settings.home, "ingest", str(batch)), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    progress: list[str] = []
    reader = threading.Thread(target=lambda: progress.extend(iter(writer.stderr.readline, "")), daemon=True)
    reader.start()

    def wait_for(text: str, timeout: float = 120) -> None:
        deadline = time.time() + timeout
        while not any(text in line for line in progress):
            assert writer.poll() is None, ("the ingest ended early", progress)
            assert time.time() < deadline, progress
            time.sleep(0.05)

    try:
        wait_for("ingesting")  # the lock is held from here on
        second = subprocess.run(
            cli(settings.home, "ingest", str(first)), env=env, capture_output=True, text=True, timeout=120
        )
        assert second.returncode == 1, second
        assert second.stderr.strip().splitlines()[-1] == (
            f"Error: another ingest is running on {settings.home} (wait for it to finish, then run this again)"
        )
        assert second.stdout == ""

        answers: list[str] = []
        errors: list[BaseException] = []

        def ask_while_writing() -> None:
            try:
                while writer.poll() is None and len(answers) < 200:
                    answer = assistant.ask(QUESTION)
                    answers.append(answer.answer if not answer.refused else "REFUSED")
            except BaseException as exc:
                errors.append(exc)

        wait_for(f"ingesting 1-{TOPICS[1]}")  # writing has begun
        askers = [threading.Thread(target=ask_while_writing) for _ in range(2)]
        for t in askers:
            t.start()
        wait_for(f"ingesting 3-{TOPICS[3]}")
        time.sleep(0.3)  # somewhere inside a file: embedding, writing vectors or committing
        writer.send_signal(signal.SIGKILL)
        killed = writer.wait(timeout=60) == -signal.SIGKILL
        for t in askers:
            t.join(timeout=120)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert not errors, errors
    assert len(answers) >= 2 and all("120 judges" in a for a in answers), answers[:5]

    # whatever the moment of the kill, each document is whole or absent
    want = {p.name: expected_version(p, settings) for p in [*batch.iterdir(), first / "alpha.txt"]}
    got = state(settings)
    assert "alpha.txt" in got and (len(got) < len(want) or not killed), got.keys()
    assert all(got[name] == want[name] for name in got)

    summary = ingest_paths([first, batch], settings)
    assert not summary.failed and len(summary.added) == len(want) - len(got)
    assert state(settings) == want
    answer = Assistant(settings).ask("How many cases did the museums programme review in month 30?")
    assert not answer.refused and "730 cases" in answer.answer, answer
