"""An encrypted portal (access.mode "encrypted") in a real Chromium: each reader's personal link opens what they may
read, and nothing else; a changed byte shows the error screen, never garbage."""
import json
import os
import shutil
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BINARY, ROOT, make_driver, serve


@pytest.fixture(scope="module")
def encrypted():
    """The example portal with "access": {"mode": "encrypted", "admins": ["ops"]}, built and served, with every
    reader's link as `fieldbook keys --format json` prints it."""
    work = tempfile.mkdtemp(prefix="fieldbook-encrypted-")
    portal = os.path.join(work, "portal")
    os.makedirs(portal)
    for item in ["content", "templates"]:
        shutil.copytree(os.path.join(ROOT, item), os.path.join(portal, item))
    with open(os.path.join(ROOT, "fieldbook.json")) as source:
        config = json.load(source)
    config["access"] = {"mode": "encrypted", "admins": ["ops"]}
    with open(os.path.join(portal, "fieldbook.json"), "w") as target:
        json.dump(config, target)
    subprocess.run([BINARY, "build", portal], check=True, capture_output=True)
    listed = subprocess.run([BINARY, "keys", portal, "--format", "json"], check=True, capture_output=True, text=True).stdout
    links = {row["reader"]: row["link"] for row in json.loads(listed)}
    # A tampered copy of a private page: one letter of its ciphertext changed.
    public = os.path.join(portal, "public")
    with open(os.path.join(public, "reps", "ines-costa", "index.html")) as page:
        html = page.read()
    start = html.index('"ct":"') + len('"ct":"') + 40
    os.makedirs(os.path.join(public, "tampered"))
    with open(os.path.join(public, "tampered", "index.html"), "w") as page:
        page.write(html[:start] + ("A" if html[start] != "A" else "B") + html[start + 1:])
    server, url = serve(public)
    yield url, links
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture()
def reader():
    """A browser of its own per test: a key kept in localStorage must not leak from one test into another."""
    browser = make_driver()
    yield browser
    browser.quit()


def state(driver):
    """The sealed page's screen ("opening", "locked", "other", "damaged"), or None once the page was opened."""
    return driver.execute_script(
        "return document.getElementById('fieldbook-sealed') ? document.documentElement.getAttribute('data-sealed') || 'opening' : null")


def opened(driver, timeout=10):
    WebDriverWait(driver, timeout).until(lambda d: state(d) != "opening")
    return state(driver) is None


def test_a_reps_link_opens_their_scorecard_and_keeps_the_key_out_of_the_address_bar(encrypted, site, reader):
    url, links = encrypted
    reader.get(url + links["ines-costa"])
    assert opened(reader)
    assert reader.find_element(By.CSS_SELECTOR, "h1").text == "Inês Costa"
    assert "#" not in reader.current_url and reader.current_url.endswith("/reps/ines-costa/")
    # Their revenue, as the open example portal shows it.
    revenue = reader.execute_script("return document.querySelector('.kpi-card .kpi-value').textContent.trim()")
    with_open = make_driver()
    try:
        with_open.get(site + "/reps/ines-costa/")
        assert revenue == with_open.execute_script("return document.querySelector('.kpi-card .kpi-value').textContent.trim()")
    finally:
        with_open.quit()
    assert revenue.startswith("$")
    # The key stays for the next visit, without the link.
    reader.get(url + "/reps/ines-costa/")
    assert opened(reader)


def test_the_same_key_on_another_reps_page_shows_the_locked_screen(encrypted, reader):
    url, links = encrypted
    reader.get(url + links["ines-costa"])
    assert opened(reader)
    reader.get(url + "/reps/jonas-weber/")
    assert not opened(reader)
    assert state(reader) == "other"
    screen = reader.find_element(By.CSS_SELECTOR, "[data-sealed-state='other']").text
    assert "This page is private" in screen and "personal link" in screen
    assert "Jonas" not in reader.page_source
    # Forgetting the key: the plain locked screen.
    reader.find_element(By.CSS_SELECTOR, "[data-sealed-forget]").click()
    assert state(reader) == "locked"
    assert reader.execute_script("return localStorage.getItem('fieldbook-key')") is None


def test_without_a_key_a_private_page_is_locked(encrypted, reader):
    url, _ = encrypted
    reader.get(url + "/reps/ines-costa/")
    assert not opened(reader) and state(reader) == "locked"
    assert "This page is private" in reader.find_element(By.CSS_SELECTOR, "[data-sealed-state='locked']").text


def test_a_managers_link_opens_each_of_their_reps(encrypted, reader):
    url, links = encrypted
    reader.get(url + links["tomas-ribeiro"])
    assert opened(reader)
    reps = reader.execute_script(
        "return [...document.querySelectorAll('.rep-table tbody a[href*=\"/reps/\"]')].map(a => a.getAttribute('href'))")
    assert len(reps) >= 2
    for href in reps:
        reader.get(url + href if href.startswith("/") else href)
        assert opened(reader), href
    # Not a rep of another region's.
    reader.get(url + "/reps/wang-wei/")
    assert not opened(reader)


def test_a_changed_byte_shows_the_error_screen(encrypted, reader):
    url, links = encrypted
    reader.get(url + links["ines-costa"])
    assert opened(reader)
    reader.get(url + "/tampered/")
    assert not opened(reader)
    assert state(reader) == "damaged"
    assert "could not be opened" in reader.find_element(By.CSS_SELECTOR, "[data-sealed-state='damaged']").text


def test_a_scorecard_switches_period_from_its_sealed_api_file(encrypted, reader):
    url, links = encrypted
    reader.get(url + links["ines-costa"])
    assert opened(reader)
    reader.find_element(By.CSS_SELECTOR, ".period-switch .period-picker summary").click()
    reader.find_element(By.CSS_SELECTOR, ".period-switch a[data-period='2025-Q3']").click()
    WebDriverWait(reader, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, ".as-of .period-name").text == "Q3 2025")
    assert reader.current_url.endswith("/reps/ines-costa/")


def test_the_open_dashboard_names_nobody_beside_a_figure(encrypted, reader):
    url, _ = encrypted
    reader.get(url + "/")
    text = reader.find_element(By.TAG_NAME, "main").text
    assert "Revenue" in text and "EMEA" in text
    for name in ["Inês Costa", "Jonas Weber", "Wang Wei"]:
        assert name not in reader.page_source
