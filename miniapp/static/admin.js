/* The support page (dashboard only): find an account by Telegram id, see its balance and
   payments (never its dreams), refund a purchase (Stars or card); on the dashboard and in
   the Mini App. Uses app.js's helpers. */
"use strict";
(() => {
  const { api, node, flash, onError, confirmAction, S } = window.OneiroScope;
  const $ = (selector) => document.querySelector(selector);
  const format = (text, values) => text.replace(/\{(\w+)\}/g, (m, key) => (key in values ? values[key] : m));

  const refundMessages = {
    refund_at_gateway: S.refund_at_gateway,
    buyer_deleted: S.buyer_deleted,
    telegram_unavailable: S.telegram_unavailable,
  };

  function status(text) { $("#admin-status").textContent = text; }

  async function refund(payment, telegramId) {
    if (!(await confirmAction(S.refund_confirm))) return;
    try {
      const done = await api("POST", "/admin/refunds", { payment_id: payment.id });
      status(done.status === "refunded" ? format(S.refund_done, { n: done.credits_taken }) : S.refund_again);
      await show(telegramId);
    } catch (error) {
      if (error.code === "refund_refused") flash(format(S.refund_refused, { reason: error.message }));
      else if (refundMessages[error.code]) flash(refundMessages[error.code]);
      else onError(error);
    }
  }

  function paymentRow(payment, telegramId) {
    const amount = payment.currency === "XTR" ? `${payment.amount_minor} XTR`
      : `${(payment.amount_minor / 100).toFixed(2)} ${payment.currency}`;
    let action = null;
    if (payment.refunded) action = node("span", { class: "muted" }, S.refunded);
    else if (payment.refundable) {
      action = node("button", { type: "button", class: "secondary", "data-refund": payment.id }, S.refund);
      action.addEventListener("click", () => refund(payment, telegramId));
    }
    return node("tr", {},
      node("td", {}, new Date(payment.created_at).toLocaleString()),
      node("td", {}, S.payment_kinds[payment.kind] || payment.kind),
      node("td", {}, String(payment.credits)),
      node("td", {}, payment.amount_minor ? amount : ""), node("td", {}, payment.provider),
      node("td", {}, action));
  }

  async function show(telegramId) {
    const box = $("#account");
    let account;
    try {
      account = await api("GET", `/admin/users/${telegramId}`);
    } catch (error) {
      box.classList.add("hidden");
      if (error.status === 404) status(S.no_account); else onError(error);
      return;
    }
    const payments = account.payments.length
      ? node("table", { class: "payments" }, ...account.payments.map((p) => paymentRow(p, telegramId)))
      : node("p", { class: "muted" }, S.no_payments);
    box.replaceChildren(node("div", { class: "card" },
      node("h2", {}, `${account.first_name} · ${account.telegram_id}`),
      node("p", {}, `${S.balance}: ${account.credits} · ${S.dreams_count}: ${account.dreams} · ${S.analyses_count}: ${account.analyses}`),
      node("h3", {}, S.payments), payments));
    box.classList.remove("hidden");
  }

  // Listening from the start: a search submitted before the page knows who asks (``/me`` is
  // still on its way) waits for that answer instead of reloading the page as a plain form.
  let knowAdmin;
  const isAdmin = new Promise((resolve) => { knowAdmin = resolve; });
  $("#lookup-form").addEventListener("submit", (event) => {
    event.preventDefault();
    isAdmin.then((admin) => {
      if (!admin) return;
      status("");
      show($("#telegram-id").value.trim()).catch(onError);
    });
  });

  window.OneiroScopePages = { admin: (me) => {
    knowAdmin(Boolean(me.is_admin));
    if (!me.is_admin) { // the Mini App's page is served to anyone; its API answers admins only
      $("#lookup-form").replaceWith(node("p", { class: "card" }, S.support_only));
    }
  } };
})();
