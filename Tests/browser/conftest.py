"""Browser tests: the built portal in a real headless Chromium, driven by Selenium (one browser for the suite).

Run by scripts/test after the Swift tests, with the tools scripts/setup installs. Without Chromium and chromedriver
they are skipped with a message, except in CI (CI=true), where that is a failure.
"""
import functools
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.path.join(ROOT, ".build", "debug", "fieldbook")
ARTIFACTS = os.path.join(ROOT, ".build", "browser-artifacts")
LARGE_DOCUMENTS = int(os.environ.get("FIELDBOOK_LARGE_DOCUMENTS", "10000"))


def browser_available():
    return shutil.which("chromedriver") is not None and (shutil.which("chromium") or shutil.which("google-chrome"))


def pytest_collection_modifyitems(config, items):
    # A session-wide hook: it sees other folders' tests too (Tests/package), and leaves them alone.
    here = os.path.dirname(os.path.abspath(__file__))
    mine = [item for item in items if str(item.path).startswith(here + os.sep)]
    if browser_available() or not mine:
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError("browser tests need chromium and chromedriver: run scripts/setup")
    skip = pytest.mark.skip(reason="no Chromium/chromedriver installed: run scripts/setup")
    for item in mine:
        item.add_marker(skip)


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the output like a static host: index.html for folders, the portal's own 404 page."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, "404.html")
        if code == 404 and os.path.exists(page):
            body = open(page, "rb").read()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            super().send_error(code, message, explain)


def serve(directory):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d" % server.server_address[1]


def build(portal, output):
    subprocess.run([BINARY, "build", portal, "--output", output], check=True, capture_output=True)


@pytest.fixture(scope="session")
def site():
    """The example portal, built and served."""
    work = tempfile.mkdtemp(prefix="fieldbook-browser-")
    build(ROOT, os.path.join(work, "public"))
    server, url = serve(os.path.join(work, "public"))
    yield url
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def large_site():
    """A generated portal of LARGE_DOCUMENTS documents, built and served."""
    work = tempfile.mkdtemp(prefix="fieldbook-large-")
    subprocess.run(
        ["swift", os.path.join(ROOT, "scripts", "generate-portal.swift"), "--out", os.path.join(work, "portal"),
         "--documents", str(LARGE_DOCUMENTS)], check=True, capture_output=True)
    build(os.path.join(work, "portal"), os.path.join(work, "public"))
    server, url = serve(os.path.join(work, "public"))
    yield url
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)


def make_driver(javascript=True):
    from selenium import webdriver
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("google-chrome")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1440,1000",
                     "--lang=en-US"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    return webdriver.Chrome(options=options, service=service)


@pytest.fixture(scope="session")
def driver():
    browser = make_driver()
    os.makedirs(ARTIFACTS, exist_ok=True)
    yield browser
    browser.quit()


@pytest.fixture()
def fresh_logs(driver):
    """Drains the browser's logs so a test sees only its own."""
    driver.get_log("browser")
    driver.get_log("performance")
    return driver


def network_events(driver):
    events = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] in ("Network.requestWillBeSent", "Network.responseReceived", "Network.loadingFailed"):
            events.append(message)
    return events
