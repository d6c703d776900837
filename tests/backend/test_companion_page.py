"""The phone companion page in a real headless Chromium, against a real backend server.

A car (an approved device) creates a pairing code; the phone opens `/pair/{code}`, adds card
4000 0000 0000 3220 through the sandbox processor's hosted form with its 3-D Secure challenge, and approves a
pending device. The card then is in the car's wallet, and no request the browser made carried the card
number, its expiry or its CVC.

Set HEADUNIT_SCREENSHOTS=docs/images to refresh the screenshots in the docs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
import requests

from headunit_backend.process import ServerProcess
from tests.backend.api import Api

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
CHROMEDRIVER = shutil.which("chromedriver")
WIDTH, HEIGHT = 390, 844  # an iPhone 12–15 viewport

# Selenium must not look for drivers or send statistics over the network: the paths are given below.
os.environ.setdefault("SE_AVOID_STATS", "true")
os.environ.setdefault("SE_OFFLINE", "true")

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e .[dev])")
if not (CHROMIUM and CHROMEDRIVER):
    pytest.skip("headless Chromium is missing: scripts/install-system-deps test installs chromium and "
                "chromium-driver", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CARD = "4000 0000 0000 3220"
EXPIRY = f"12 / {(dt.date.today().year + 3) % 100:02d}"
CVC = "737"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("companion")
    with ServerProcess(f"sqlite:///{folder / 'backend.db'}") as server:
        server.db_file = folder / "backend.db"
        yield server


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={WIDTH},{HEIGHT}", "--force-device-scale-factor=1", "--lang=en-GB",
                     "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True})
    driver.execute_cdp_cmd("Network.enable", {})
    yield driver
    driver.quit()


def screenshot(driver, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("HEADUNIT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    driver.save_screenshot(str(path))
    return path


def wait(driver, condition, timeout: float = 15):
    return WebDriverWait(driver, timeout).until(condition)


def visible(driver, element_id: str):
    return wait(driver, EC.visibility_of_element_located((By.ID, element_id)))


def sent_requests(driver) -> list[dict]:
    """Every request the browser sent so far: url, method and body (from Chromium's network log)."""
    requests_sent = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            request = message["params"]["request"]
            requests_sent.append({"url": request["url"], "method": request["method"],
                                  "body": request.get("postData", "")})
    return requests_sent


def type_card(driver, number: str, expiry: str = EXPIRY, cvc: str = CVC) -> None:
    for field, value in (("number", number), ("expiry", expiry), ("cvc", cvc)):
        element = driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    driver.find_element(By.ID, "save").click()


def test_a_phone_pairs_adds_a_3ds_card_to_the_cars_wallet_and_approves_a_device(server, browser, tmp_path):
    http = requests.Session()
    car = Api.register(http, server.url)
    car.add_card("tok_mastercard")
    pairing = http.post(f"{server.url}/v1/pairing", headers=car.headers)
    assert pairing.status_code == 201, pairing.text
    assert pairing.json()["url"] == f"{server.url}/pair/{pairing.json()['code']}"

    # The phone opens the car's QR code: it joins the car's account, approved, and lands on the wallet.
    browser.get(pairing.json()["url"])
    visible(browser, "view-app")
    wait(browser, lambda d: "/phone/" in d.current_url)
    wait(browser, EC.text_to_be_present_in_element((By.ID, "cards"), "4444"))
    phone_token = browser.execute_script("return localStorage.getItem('headunit.phone.token')")
    phone = Api(http, server.url, {"token": phone_token})
    me = phone.get("/v1/devices/me").json()
    assert (me["account_id"], me["kind"], me["status"]) == (car.device["account_id"], "phone", "approved")

    # The code was single use.
    again = http.post(f"{server.url}/v1/devices", json={"name": "x", "kind": "phone",
                                                         "pairing_code": pairing.json()["code"]})
    assert again.status_code == 403 and again.json()["error"] == "bad_pairing_code"

    # The sandbox processor's hosted form: only test cards, and the 3-D Secure challenge can fail.
    browser.find_element(By.ID, "add-card").click()
    visible(browser, "number")
    assert "Sandbox payment processor — test mode" in browser.find_element(By.TAG_NAME, "body").text
    type_card(browser, "4111 1111 1111 1111")  # a valid number, but not a test card
    assert "accepts only test cards" in visible(browser, "form-error").text
    type_card(browser, "4000 0000 0000 3221")
    assert "not valid" in visible(browser, "number-error").text
    type_card(browser, CARD, expiry="01 / 20")
    assert "expired" in visible(browser, "expiry-error").text
    type_card(browser, CARD, cvc="12")
    assert visible(browser, "cvc-error").text
    type_card(browser, CARD)
    visible(browser, "challenge-fail").click()
    assert "Authentication failed" in visible(browser, "form-error").text
    type_card(browser, CARD)
    screenshot(browser, "companion-3ds-challenge.png", tmp_path)
    visible(browser, "challenge-pass").click()

    # Back on the companion page, which adds the token to the wallet with the phone's token.
    wait(browser, lambda d: d.current_url.rstrip("/").endswith("/phone"))
    wait(browser, EC.text_to_be_present_in_element((By.ID, "cards"), "3220"))
    assert "added" in visible(browser, "toast").text
    shot = screenshot(browser, "companion-wallet.png", tmp_path)
    assert shot.stat().st_size > 10_000

    # The card is in the car's wallet: the car sees it with its own token.
    cards = car.get("/v1/wallet/cards").json()["items"]
    assert [(c["brand"], c["last4"]) for c in cards] == [("mastercard", "4444"), ("visa", "3220")]

    # PCI SAQ A: no request carried the card number, expiry or CVC; the database never saw them.
    digits = CARD.replace(" ", "")
    for request in sent_requests(browser):
        sent = request["url"] + request["body"]
        assert digits not in sent and CARD not in sent, request
        assert f"cvc={CVC}" not in sent and CVC not in request["body"], request
    assert digits.encode() not in server.db_file.read_bytes()
    for wal in server.db_file.parent.glob("*.db-wal"):
        assert digits.encode() not in wal.read_bytes()

    # A device that joined with the leaked account key waits; the phone approves it on the Devices tab.
    pending = Api.register(http, server.url, account_key=car.device["account_key"])
    assert pending.get("/v1/wallet/cards").json()["error"] == "device_not_approved"
    browser.find_element(By.ID, "tabbtn-devices").click()
    row = f"[data-device='{pending.device['device_id']}']"
    wait(browser, EC.element_to_be_clickable((By.CSS_SELECTOR, f"{row} .button.primary"))).click()
    wait(browser, EC.invisibility_of_element_located((By.CSS_SELECTOR, f"{row} .button.primary")))
    screenshot(browser, "companion-devices.png", tmp_path)
    assert len(pending.get("/v1/wallet/cards").json()["items"]) == 2


def test_an_expired_or_used_link_says_so_and_links_nothing(server, browser):
    browser.get(f"{server.url}/pair/not-a-code")
    assert "No such pairing code" in visible(browser, "link-error").text
    assert browser.execute_script("return localStorage.getItem('headunit.phone.token')") is None
    assert browser.current_url.endswith("/phone/")


def test_the_card_form_returns_only_to_this_site(server, browser):
    browser.get(f"{server.url}/sandbox-processor/card-form?return_to=https://evil.example/&state=s")
    visible(browser, "number")
    type_card(browser, "4242 4242 4242 4242")
    wait(browser, lambda d: "/phone/" in d.current_url)
    assert browser.current_url.startswith(server.url)
