// The HeadUnit phone companion page: link the car (pairing), the wallet, receipts and devices.
// No framework: the page is one view at a time, drawn from the API with the phone's own bearer token.
"use strict";

const TOKEN_KEY = "headunit.phone.token";
const CARD_FORM = "/sandbox-processor/card-form";

const $ = (id) => document.getElementById(id);
const state = { me: null, tab: "wallet" };

// --- the API --------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

function token() {
  return localStorage.getItem(TOKEN_KEY);
}

async function api(method, path, { body, idempotencyKey } = {}) {
  const headers = { Accept: "application/json" };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
                                   cache: "no-store", credentials: "omit" });
  } catch (error) {
    throw new ApiError(0, "offline", "Can't reach HeadUnit. Check your connection and try again.");
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    if (response.status === 401 && path !== "/v1/devices") {
      localStorage.removeItem(TOKEN_KEY);
      showLink("This phone is no longer linked to the car. Scan the car's code to link it again.");
    }
    throw new ApiError(response.status, data.error, data.detail);
  }
  return data;
}

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// --- views ----------------------------------------------------------------------------------------------

function showView(name) {
  for (const view of document.querySelectorAll(".view")) view.hidden = view.id !== `view-${name}`;
  $("tabbar").hidden = name !== "app";
  document.body.classList.toggle("with-tabbar", name === "app");
}

function showLink(message) {
  $("link-error").hidden = !message;
  $("link-error").textContent = message || "";
  $("subtitle").textContent = "Your car, on your phone";
  showView("link");
}

function notice(id, message) {
  const el = $(id);
  el.hidden = !message;
  el.textContent = message || "";
}

let toastTimer = null;
function toast(message) {
  const el = $("toast");
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 4000);
}

function selectTab(tab) {
  state.tab = tab;
  for (const button of document.querySelectorAll(".tabbar [role=tab]")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === tab));
  }
  for (const panel of document.querySelectorAll(".tab")) panel.hidden = panel.id !== `tab-${tab}`;
  ({ wallet: loadCards, receipts: loadReceipts, devices: loadDevices })[tab]();
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child.nodeType ? child : document.createTextNode(child));
  }
  return node;
}

function dialog({ title, text = "", input = null, ok = "OK", danger = false }) {
  const box = $("dialog");
  $("dialog-title").textContent = title;
  $("dialog-text").textContent = text;
  $("dialog-text").hidden = !text;
  $("dialog-field").hidden = input === null;
  $("dialog-input").value = input ?? "";
  $("dialog-ok").textContent = ok;
  $("dialog-ok").className = `button ${danger ? "danger" : "primary"}`;
  box.returnValue = "";
  box.showModal();
  if (input !== null) $("dialog-input").select();
  return new Promise((resolve) => {
    box.addEventListener("close", () => {
      if (box.returnValue !== "ok") resolve(null);
      else resolve(input === null ? true : $("dialog-input").value.trim());
    }, { once: true });
  });
}

// --- pairing --------------------------------------------------------------------------------------------

function phoneName() {
  const ua = navigator.userAgent;
  if (/iPhone/.test(ua)) return "iPhone";
  if (/iPad/.test(ua)) return "iPad";
  if (/Android/.test(ua)) return "Android phone";
  return "Phone";
}

async function redeem(code) {
  const registered = await api("POST", "/v1/devices", { body: { name: phoneName(), kind: "phone",
                                                                 pairing_code: code } });
  localStorage.setItem(TOKEN_KEY, registered.token);
}

function codeFrom(text) {
  const value = text.trim();
  const match = value.match(/\/pair\/([A-Za-z0-9_-]+)/);
  return match ? match[1] : value;
}

async function linkWith(code) {
  try {
    await redeem(code);
    history.replaceState(null, "", "/phone/");  // the code is spent; keep it out of the history
    await start();
    toast("Phone linked to the car");
  } catch (error) {
    history.replaceState(null, "", "/phone/");
    showLink(error.code === "bad_pairing_code" ? `${error.message[0].toUpperCase()}${error.message.slice(1)}.`
                                                : error.message);
  }
}

// --- wallet ---------------------------------------------------------------------------------------------

const BRANDS = { visa: "Visa", mastercard: "Mastercard", amex: "American Express" };

async function loadCards() {
  try {
    const { items } = await api("GET", "/v1/wallet/cards");
    const list = $("cards");
    list.replaceChildren(...items.map((card) => el("li", { class: "item", "data-card": card.payment_method_id },
      el("div", { class: `card-art ${card.brand}`, "aria-hidden": "true" }, el("span", {}, card.brand === "visa" ? "VISA" : "")),
      el("div", { class: "item-main" },
        el("div", { class: "item-title" }, BRANDS[card.brand] || card.brand),
        el("div", { class: "item-sub", title: `Added ${formatDate(card.created_at)}` },
           el("span", { class: "digits" }, `•••• ${card.last4}`))),
      el("button", { class: "button small ghost", type: "button", "aria-label": `Remove card ending ${card.last4}`,
                     onclick: () => removeCard(card) }, "Remove"))));
    $("cards-empty").hidden = items.length > 0;
    notice("wallet-error", "");
  } catch (error) {
    notice("wallet-error", error.message);
  }
}

async function removeCard(card) {
  const sure = await dialog({ title: "Remove card?", text: `${BRANDS[card.brand] || card.brand} •••• ${card.last4} `
    + "will no longer be offered for payments in the car.", ok: "Remove", danger: true });
  if (!sure) return;
  try {
    await api("DELETE", `/v1/wallet/cards/${encodeURIComponent(card.payment_method_id)}`, { idempotencyKey: uuid() });
    toast("Card removed");
  } catch (error) {
    notice("wallet-error", error.message);
  }
  loadCards();
}

function openCardForm() {
  // The hosted form hands back a token in the address's fragment, with this state to prove it answers us.
  const ticket = uuid();
  sessionStorage.setItem(`headunit.card.${ticket}`, uuid());  // the Idempotency-Key of the card it will bring
  const params = new URLSearchParams({ return_to: "/phone/", state: ticket });
  location.assign(`${CARD_FORM}?${params}`);
}

async function finishAddingCard() {
  // `#processor_token=tok_…&state=…` (or `#card_error=…`) from the sandbox processor's hosted form.
  if (!location.hash.startsWith("#")) return;
  const answer = new URLSearchParams(location.hash.slice(1));
  const ticket = answer.get("state");
  if (!ticket) return;
  history.replaceState(null, "", location.pathname);
  const key = sessionStorage.getItem(`headunit.card.${ticket}`);
  if (!key) return;  // not a form this page opened, or already handled
  if (answer.get("card_error")) {
    sessionStorage.removeItem(`headunit.card.${ticket}`);
    notice("wallet-error", answer.get("card_error") === "canceled" ? "" : "The card was not added.");
    return;
  }
  const processorToken = answer.get("processor_token");
  try {
    const card = await api("POST", "/v1/wallet/cards", { body: { processor_token: processorToken },
                                                         idempotencyKey: key });
    sessionStorage.removeItem(`headunit.card.${ticket}`);
    toast(`${BRANDS[card.brand] || card.brand} •••• ${card.last4} added`);
  } catch (error) {
    notice("wallet-error", `The card was not added: ${error.message}`);
  }
}

// --- receipts -------------------------------------------------------------------------------------------

function money(cents, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

function formatDate(iso) {
  const date = new Date(iso);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleDateString(undefined, { day: "numeric", month: "short", year: sameYear ? undefined : "numeric" });
}

function formatTime(iso) {
  return new Date(iso).toLocaleString(undefined, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

const PAYMENT_STATUS = { succeeded: "Paid", authorized: "On hold", requires_action: "Needs action",
                         canceled: "Canceled", failed: "Failed", processing: "Processing", paid: "Paid" };

async function loadReceipts() {
  // Payments (intents) where the backend has them; orders on a backend from before them.
  let receipts;
  try {
    const { items } = await api("GET", "/v1/payments");
    receipts = items.map((p) => ({
      title: p.merchant?.name || p.reference || "Payment",
      sub: `${formatTime(p.created_at)}${p.card ? ` · ${BRANDS[p.card.brand] || p.card.brand} •••• ${p.card.last4}` : ""}`,
      amount: money(p.refunded_cents ? p.captured_cents - p.refunded_cents : (p.captured_cents || p.amount_cents),
                    p.currency),
      status: p.refunded_cents ? (p.refunded_cents >= p.captured_cents ? "Refunded" : "Part refunded")
                               : (PAYMENT_STATUS[p.status] || p.status),
    }));
  } catch (error) {
    if (error.status !== 404 && error.status !== 405) {
      notice("receipts-error", error.message);
      return;
    }
    try {
      const { items } = await api("GET", "/v1/orders");
      receipts = items.map((o) => ({
        title: o.items.length === 1 ? o.items[0].name : `${o.items[0]?.name ?? "Order"} and ${o.items.length - 1} more`,
        sub: formatTime(o.created_at),
        amount: money(o.total_cents, o.currency),
        status: PAYMENT_STATUS[o.status] || o.status,
      }));
    } catch (inner) {
      notice("receipts-error", inner.message);
      return;
    }
  }
  notice("receipts-error", "");
  $("receipts").replaceChildren(...receipts.map((r) => el("li", { class: "item" },
    el("div", { class: "item-main" }, el("div", { class: "item-title" }, r.title), el("div", { class: "item-sub" }, r.sub)),
    el("div", { class: "item-end" }, el("div", { class: "amount" }, r.amount), el("div", { class: "badge" }, r.status)))));
  $("receipts-empty").hidden = receipts.length > 0;
}

// --- devices --------------------------------------------------------------------------------------------

const KIND_ICON = {
  car: "M5 11l1.5-4.5A2 2 0 0 1 8.4 5h7.2a2 2 0 0 1 1.9 1.5L19 11m-14 0h14a2 2 0 0 1 2 2v4h-2v2h-3v-2H8v2H5v-2H3v-4a2 2 0 0 1 2-2z",
  phone: "M8 3h8a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm3 15h2",
};

function kindIcon(kind) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", KIND_ICON[kind] || KIND_ICON.phone);
  svg.append(path);
  return el("div", { class: "device-icon" }, svg);
}

async function loadDevices() {
  try {
    const { items } = await api("GET", "/v1/devices");
    $("devices").replaceChildren(...items.map((d) => el("li", { class: "item device", "data-device": d.device_id },
      kindIcon(d.kind),
      el("div", { class: "item-main" },
        el("div", { class: "item-title" }, el("span", { class: "name" }, d.name),
           d.this_device ? el("span", { class: "chip" }, "This phone") : null),
        el("div", { class: "item-sub" }, d.status === "pending" ? el("span", { class: "badge warn" }, "Waiting for approval")
                                                                 : `${d.kind === "car" ? "Car" : "Phone"} · linked ${formatDate(d.created_at)}`)),
      el("div", { class: "item-actions" },
        d.status === "pending" ? el("button", { class: "button small primary", type: "button",
                                                 onclick: () => deviceAction(d, "approve") }, "Approve") : null,
        el("button", { class: "button small ghost", type: "button", "aria-label": `Rename ${d.name}`,
                       onclick: () => deviceAction(d, "rename") }, "Rename"),
        el("button", { class: "button small ghost danger-text", type: "button", "aria-label": `Remove ${d.name}`,
                       onclick: () => deviceAction(d, "revoke") }, d.status === "pending" ? "Decline" : "Remove")))));
    notice("devices-error", "");
  } catch (error) {
    notice("devices-error", error.message);
  }
}

async function deviceAction(device, action) {
  const path = `/v1/devices/${encodeURIComponent(device.device_id)}`;
  try {
    if (action === "approve") {
      await api("POST", `${path}/approve`);
      toast(`${device.name} can now use the account`);
    } else if (action === "rename") {
      const name = await dialog({ title: "Rename device", input: device.name, ok: "Save" });
      if (!name) return;
      await api("PATCH", path, { body: { name } });
    } else {
      const sure = await dialog({
        title: device.this_device ? "Unlink this phone?" : `Remove ${device.name}?`,
        text: device.this_device ? "This phone will no longer see the car's wallet or receipts."
                                 : "It is signed out at once and can't read or pay for anything on this account.",
        ok: "Remove", danger: true });
      if (!sure) return;
      await api("DELETE", path);
      if (device.this_device) {
        localStorage.removeItem(TOKEN_KEY);
        showLink("This phone was unlinked.");
        return;
      }
      toast(`${device.name} removed`);
    }
  } catch (error) {
    if (error.status !== 401) notice("devices-error", error.message);
  }
  loadDevices();
}

// --- start ----------------------------------------------------------------------------------------------

let pendingTimer = null;

async function start() {
  clearTimeout(pendingTimer);
  if (!token()) {
    showLink("");
    return;
  }
  try {
    state.me = await api("GET", "/v1/devices/me");
  } catch (error) {
    if (error.status !== 401) showLink(error.message);
    return;
  }
  if (state.me.status === "pending") {
    $("pending-name").textContent = state.me.name;
    showView("pending");
    pendingTimer = setTimeout(start, 5000);
    return;
  }
  $("subtitle").textContent = `Signed in as ${state.me.name}`;
  showView("app");
  await finishAddingCard();
  selectTab(state.tab);
}

document.addEventListener("DOMContentLoaded", () => {
  $("code-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const code = codeFrom($("code-input").value);
    if (code) linkWith(code);
  });
  $("pending-retry").addEventListener("click", start);
  $("add-card").addEventListener("click", openCardForm);
  $("sign-out").addEventListener("click", () => deviceAction({ ...state.me, this_device: true }, "revoke"));
  for (const button of document.querySelectorAll(".tabbar [role=tab]")) {
    button.addEventListener("click", () => selectTab(button.dataset.tab));
  }
  const pairing = location.pathname.match(/^\/pair\/([A-Za-z0-9_-]+)$/);
  if (pairing) linkWith(pairing[1]);
  else start();
});
