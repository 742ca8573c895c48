"""Nothing downloads at run time: the core path runs with every network call refused."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BLOCK = textwrap.dedent("""
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network access is blocked in this test")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
""")


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BLOCK + textwrap.dedent(code)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_the_block_really_blocks():
    done = _run("import urllib.request\nurllib.request.urlopen('https://pypi.org', timeout=5)\n")
    assert done.returncode != 0 and "network access is blocked" in done.stderr


def test_core_path_runs_offline():
    done = _run("""
        import mediacompare as mc, textstat
        corpus = mc.load_corpus()
        assert len(corpus) == 5
        assert len(corpus.sentences()) > 50 and len(corpus.tokens()) > 1000
        text = corpus.articles.loc[0, "text"]
        assert textstat.syllable_count("devastated") == 4
        assert 0 < textstat.flesch_kincaid_grade(text) < 30
        mc.plot_lengths(corpus.summary()).savefig(__import__("io").BytesIO(), format="png")
        print("offline ok")
    """)
    assert done.returncode == 0, done.stderr
    assert "offline ok" in done.stdout
