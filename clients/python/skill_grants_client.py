"""A client of the skill-grants JSON-lines service, in Python 3 with the standard library only.

It starts the service (the `integrate_json` example, or any host of the same protocol) as a
child process and keeps one pipe open: each call writes one request line, flushes, and reads
the one answer line, checking that it echoes the request's id. The protocol is described in
docs/protocol.md.

    from skill_grants_client import Client
    with Client(["target/debug/examples/integrate_json"]) as service:
        decision = service.request("check", application={...}, lang="en")
        print(decision["eligible"], decision["text"])
"""

import json
import queue
import subprocess
import threading


class ServiceError(Exception):
    """An `error` answer: `code`, `clause`, and the messages `zh` and `en`."""

    def __init__(self, answer):
        self.answer = answer
        error = answer["error"]
        self.code = error["code"]
        self.clause = error["clause"]
        super().__init__("line %s: %s: %s" % (answer["line"], self.code, error["en"]))


class Client:
    """One service process over one open pipe."""

    def __init__(self, command, timeout=30.0):
        self.timeout = timeout
        self._next_id = 0
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        self._answers = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self._process.stdout:
            self._answers.put(line)
        self._answers.put(None)

    def send_raw(self, data):
        """Writes bytes as they are (for a line of one's own, or a bad one)."""
        self._process.stdin.write(data)
        self._process.stdin.flush()

    def answer(self):
        """The next answer line, parsed; fails if none comes within the timeout."""
        try:
            line = self._answers.get(timeout=self.timeout)
        except queue.Empty:
            raise TimeoutError("no answer within %s s with the pipe open" % self.timeout)
        if line is None:
            raise EOFError("the service closed its output")
        return json.loads(line.decode("utf-8"))

    def call(self, kind, **fields):
        """Sends one request of `type` `kind` with a fresh id; the answer, error or not."""
        self._next_id += 1
        request = dict(fields, type=kind, id=self._next_id)
        line = json.dumps(request, ensure_ascii=False, separators=(",", ":")) + "\n"
        self.send_raw(line.encode("utf-8"))
        answer = self.answer()
        if answer.get("id") != self._next_id:
            raise RuntimeError("answer %r does not echo id %s" % (answer, self._next_id))
        return answer

    def request(self, kind, **fields):
        """As `call`, raising `ServiceError` for an `error` answer."""
        answer = self.call(kind, **fields)
        if answer["type"] == "error":
            raise ServiceError(answer)
        return answer

    def close(self):
        """Closes the pipe and waits for the service; its exit status."""
        if self._process.stdin and not self._process.stdin.closed:
            self._process.stdin.close()
        return self._process.wait(timeout=self.timeout)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False
