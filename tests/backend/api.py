"""`Api`: a registered device talking to the backend, over a TestClient or a real server."""

from __future__ import annotations

import uuid

#: A home delivery address for orders whose delivery a test does not care about.
HOME = {"kind": "home", "address": {"name": "Test Driver", "street": "2 Avenue de Monte-Carlo", "postcode": "98000",
                                    "city": "Monaco", "country": "MC"}}


class Api:
    """A registered device: sends its bearer token, and a fresh Idempotency-Key with every write unless
    given one. Works over a TestClient (base "") or a requests.Session against a real server."""

    def __init__(self, http, base: str, device: dict):
        self.http, self.base, self.device = http, base, device
        self.headers = {"Authorization": f"Bearer {device['token']}"}

    @classmethod
    def register(cls, http, base: str = "", *, account_key: str | None = None, kind: str = "car") -> Api:
        answer = http.request("POST", f"{base}/v1/devices",
                              json={"name": f"test {kind}", "kind": kind, "account_key": account_key})
        assert answer.status_code == 201, answer.text
        return cls(http, base, answer.json())

    def join(self, *, approve: bool = True) -> Api:
        """Another device on this device's account: joined with the account key, then approved by this one
        (unless `approve=False`: it stays `pending`)."""
        other = Api.register(self.http, self.base, account_key=self.device["account_key"])
        if approve:
            self.approve(other)
        return other

    def approve(self, other: Api) -> None:
        answer = self.http.request("POST", f"{self.base}/v1/devices/{other.device['device_id']}/approve",
                                   headers=self.headers)
        assert answer.status_code == 200, answer.text

    def get(self, path: str, **kwargs):
        return self.http.request("GET", f"{self.base}{path}", headers={**self.headers, **kwargs.pop("headers", {})},
                                 **kwargs)

    def write(self, method: str, path: str, json=None, *, key: str | None = None, **kwargs):
        headers = {**self.headers, "Idempotency-Key": key or str(uuid.uuid4()), **kwargs.pop("headers", {})}
        return self.http.request(method, f"{self.base}{path}", json=json, headers=headers, **kwargs)

    def add_card(self, token: str = "tok_visa") -> str:
        answer = self.write("POST", "/v1/wallet/cards", {"processor_token": token})
        assert answer.status_code == 201, answer.text
        return answer.json()["payment_method_id"]

    def order(self, card: str, *lines: tuple[str, int], key: str | None = None, delivery: dict | None = None,
              **kwargs):
        """An order delivered home unless `delivery` says otherwise."""
        body = {"items": [{"product_id": p, "quantity": q} for p, q in lines], "payment_method_id": card,
                "delivery": delivery or HOME}
        return self.write("POST", "/v1/orders", body, key=key, **kwargs)
