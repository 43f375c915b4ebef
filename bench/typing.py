"""Keystroke-to-paint latency in the newsroom's editor, driven through chromedriver's W3C
protocol (standard library only). Called by bench/typing; prints p50/p95/max.

Each keystroke is a real key event sent by chromedriver. The page notes the event's time
(event.timeStamp) and the first moment after the next frame was painted (a task queued
from requestAnimationFrame runs after that frame's paint): their difference is the time the
writer waits to see the letter.
"""
import base64
import json
import statistics
import subprocess
import sys
import time
import urllib.request

BASE, USER, PASSWORD, KEYS, WORDS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
NEW_PASSWORD = "typing-bench-password-1"
DRIVER_PORT = 9517

driver = subprocess.Popen(["chromedriver", f"--port={DRIVER_PORT}"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)


def call(method, path, body=None):
    request = urllib.request.Request(f"http://127.0.0.1:{DRIVER_PORT}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    return json.loads(urllib.request.urlopen(request, timeout=120).read())["value"]


def wait_for_driver():
    for _ in range(50):
        try:
            call("GET", "/status")
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("chromedriver did not start")


def find(session, css):
    return list(call("POST", f"/session/{session}/element", {"using": "css selector", "value": css}).values())[0]


def type_into(session, css, text):
    call("POST", f"/session/{session}/element/{find(session, css)}/value", {"text": text})


def click(session, css):
    call("POST", f"/session/{session}/element/{find(session, css)}/click", {})


def js(session, script, *args):
    return call("POST", f"/session/{session}/execute/sync", {"script": script, "args": list(args)})


def go(session, path):
    call("POST", f"/session/{session}/url", {"url": BASE + path})


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


try:
    wait_for_driver()
    session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--lang=ru"]}}}})[
        "sessionId"]
    go(session, "/newsroom/login")
    type_into(session, "#username", USER)
    type_into(session, "#password", PASSWORD)
    click(session, "form button[type=submit]")
    time.sleep(0.5)
    if call("GET", f"/session/{session}/url").endswith("/newsroom/password"):
        type_into(session, "#current", PASSWORD)
        type_into(session, "#password", NEW_PASSWORD)
        type_into(session, "#confirm", NEW_PASSWORD)
        click(session, "main button[type=submit]")
        time.sleep(0.5)

    # A long article: WORDS words in paragraphs of 100, with subheadings
    words = ("Алматы метро жаңа станция жолаушылар қала әкімдігі жол құрылыс жоба күн "
             "Астана транспорт маршрут автобус аялдама тұрғындар көше бағдарлама жыл").split()
    paragraphs = []
    for p in range(WORDS // 100):
        if p % 10 == 0:
            paragraphs.append(f"<h2>Бөлім {p // 10 + 1}</h2>")
        paragraphs.append("<p>" + " ".join(words[(p * 7 + i) % len(words)] for i in range(100)) + ".</p>")
    body = "".join(paragraphs)
    go(session, "/newsroom/articles/new?edition=kk")
    type_into(session, "#headline", "Ұзын мақала: теру жылдамдығы")
    js(session, "document.getElementById('section').selectedIndex = 1;"
                "document.getElementById('body').value = arguments[0];"
                "document.querySelector('form.editor').submit();", body)
    time.sleep(1.5)
    edit = call("GET", f"/session/{session}/url").split("?")[0]
    go(session, edit.replace(BASE, ""))
    time.sleep(1.5)
    counted = js(session, "return document.querySelector('.ql-editor').innerText.split(/\\s+/).length")

    # Put the caret at the end and measure every keystroke
    js(session, """
        window.latencies = [];
        const editor = document.querySelector('.ql-editor');
        editor.addEventListener('keydown', (event) => {
          const pressed = event.timeStamp;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => window.latencies.push(performance.now() - pressed);
            channel.port2.postMessage(0);
          });
        });
        editor.focus();
        const range = document.createRange();
        range.selectNodeContents(editor.lastElementChild);
        range.collapse(false);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    """)
    sentence = " Жаңа сөйлем жазылып жатыр, редактор кідірмеуі керек."
    typed = 0
    editor = find(session, ".ql-editor")
    while typed < KEYS:
        chunk = sentence[: min(len(sentence), KEYS - typed)]
        for letter in chunk:
            # one key per call: each keystroke gets its own frame, as a writer's would
            call("POST", f"/session/{session}/element/{editor}/value", {"text": letter})
        typed += len(chunk)
    time.sleep(0.5)
    latencies = js(session, "return window.latencies")

    # The server's time to save the long article: the form's POST, without following the redirect
    saves = js(session, """
        return (async () => {
          const times = [];
          for (let i = 0; i < 10; i++) {
            const page = await (await fetch(location.pathname)).text();
            const doc = new DOMParser().parseFromString(page, 'text/html');
            const form = new FormData(doc.querySelector('form.editor'));
            form.set('action', 'save');
            form.set('body', doc.querySelector('#body').value + '<p>' + i + '</p>');
            const start = performance.now();
            await fetch(location.pathname, { method: 'POST', body: form, redirect: 'manual' });
            times.push(performance.now() - start);
          }
          return times;
        })();
    """)
    print(f"article: {counted} words in the editor; {len(latencies)} keystrokes measured")
    print("keystroke-to-paint (ms): p50 %.1f  p95 %.1f  max %.1f" % (
        statistics.median(latencies), percentile(latencies, 95), max(latencies)))
    print("saving the long article (ms, 10 saves): p50 %.0f  max %.0f" % (statistics.median(saves), max(saves)))
    call("DELETE", f"/session/{session}")
finally:
    driver.kill()
