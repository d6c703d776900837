// The sandbox payment processor's hosted card form (test mode).
//
// It stands where a real processor's hosted fields go: the only place a card number, expiry and CVC are
// typed. It checks them here, turns a test card into the processor's token, runs the 3-D Secure challenge
// for the card that needs one, and sends the page that opened it back to itself with only the token in the
// address's fragment (which no request carries). Nothing typed here leaves the browser.
"use strict";

// docs/payments.md, "The sandbox processor": number -> token.
const TEST_CARDS = {
  "4242424242424242": { token: "tok_visa", brand: "Visa" },
  "5555555555554444": { token: "tok_mastercard", brand: "Mastercard" },
  "4000000000000002": { token: "tok_declined", brand: "Visa" },
  "4000000000009995": { token: "tok_insufficient_funds", brand: "Visa" },
  "4000000000000077": { token: "tok_slow", brand: "Visa" },
  "4000000000003220": { token: "tok_threeds", brand: "Visa", challenge: true },
};

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

// Only a path on this site: the form must never hand a token to another origin (an open redirect).
function returnTo() {
  const target = params.get("return_to") || "/phone/";
  return /^\/(?![\/\\])[A-Za-z0-9_\-\/.]*$/.test(target) ? target : "/phone/";
}

function finish(answer) {
  const fragment = new URLSearchParams({ ...answer, state: params.get("state") || "" });
  for (const id of ["number", "expiry", "cvc"]) $(id).value = "";
  location.replace(`${returnTo()}#${fragment}`);
}

function digits(value) {
  return value.replace(/\D/g, "");
}

function luhn(number) {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return number.length >= 12 && number.length <= 19 && sum % 10 === 0;
}

function expiryProblem(value) {
  const match = value.replace(/\s/g, "").match(/^(\d{1,2})\/?(\d{2}|\d{4})$/);
  if (!match) return "Enter the expiry as MM / YY.";
  const month = Number(match[1]);
  let year = Number(match[2]);
  if (year < 100) year += 2000;
  if (month < 1 || month > 12) return "The month must be 01 to 12.";
  const now = new Date();
  if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1)) {
    return "This card has expired.";
  }
  if (year > now.getFullYear() + 20) return "Check the expiry year.";
  return null;
}

function fieldError(id, message) {
  const error = $(`${id}-error`);
  error.hidden = !message;
  error.textContent = message || "";
  $(id).setAttribute("aria-invalid", String(Boolean(message)));
}

function formError(message) {
  $("form-error").hidden = !message;
  $("form-error").textContent = message || "";
}

function validate() {
  const number = digits($("number").value);
  const problems = {
    number: !number ? "Enter the card number." : !luhn(number) ? "This card number is not valid." : null,
    expiry: expiryProblem($("expiry").value),
    cvc: /^\d{3,4}$/.test($("cvc").value.trim()) ? null : "The CVC is the 3 or 4 digits on the back.",
  };
  for (const [id, message] of Object.entries(problems)) fieldError(id, message);
  const first = Object.keys(problems).find((id) => problems[id]);
  if (first) {
    $(first).focus();
    return null;
  }
  return number;
}

let challenged = null;

function submit(event) {
  event.preventDefault();  // never a form submission: there is nothing to submit to
  formError("");
  const number = validate();
  if (!number) return;
  const card = TEST_CARDS[number];
  if (!card) {
    formError("Test mode accepts only test cards. Use one of the numbers under “Test cards”.");
    return;
  }
  if (card.challenge) {
    challenged = card;
    $("challenge-card").textContent = `${card.brand} •••• ${number.slice(-4)}`;
    $("step-card").hidden = true;
    $("step-challenge").hidden = false;
    $("challenge-pass").focus();
    return;
  }
  finish({ processor_token: card.token });
}

function formatNumber() {
  const input = $("number");
  const grouped = digits(input.value).slice(0, 19).replace(/(\d{4})(?=\d)/g, "$1 ");
  if (grouped !== input.value) input.value = grouped;
}

function formatExpiry(event) {
  const input = $("expiry");
  const d = digits(input.value).slice(0, 4);
  if (event.inputType && event.inputType.startsWith("delete")) return;
  input.value = d.length > 2 ? `${d.slice(0, 2)} / ${d.slice(2)}` : d.length === 2 ? `${d} / ` : d;
}

document.addEventListener("DOMContentLoaded", () => {
  $("card-form").addEventListener("submit", submit);
  $("number").addEventListener("input", formatNumber);
  $("expiry").addEventListener("input", formatExpiry);
  $("cancel").addEventListener("click", () => finish({ card_error: "canceled" }));
  $("challenge-pass").addEventListener("click", () => finish({ processor_token: challenged.token }));
  $("challenge-fail").addEventListener("click", () => {
    challenged = null;
    $("step-challenge").hidden = true;
    $("step-card").hidden = false;
    formError("Authentication failed: your bank did not confirm the card, so it was not added.");
  });
  $("number").focus();
});
