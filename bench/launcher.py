"""Runs the benchmark's commands and measures them: one JSON request per line in, one out.

Linux keeps a process's peak RSS across exec, so a command started by the benchmark itself
(a hundred feed servers, a 1,000,000-item archive built in memory) would report at least
the benchmark's own peak. This launcher is started first, while it is small, and starts
every measured command, so their peak RSS is their own (or this launcher's, about 10 MB).
"""

import json
import os
import subprocess
import sys
import tempfile
import time


def run(request: dict) -> dict:
    # stderr to a file, not a pipe: a command that writes more than a pipe holds would
    # block, and wait4 would never return.
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(
            request["command"],
            env=request["env"],
            cwd=request["cwd"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        stderr.seek(0)
        text = stderr.read(4000).decode(errors="replace")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
        "code": os.waitstatus_to_exitcode(status),
        "stderr": text,
    }


def main() -> None:
    for line in sys.stdin:
        sys.stdout.write(json.dumps(run(json.loads(line))) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
