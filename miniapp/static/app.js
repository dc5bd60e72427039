/* OneiroScope pages: one small script for the Mini App (inside Telegram) and the dashboard.
   Inside Telegram every API call carries the signed initData; in a browser the session cookies
   do, with the CSRF token echoed on changes. */
"use strict";
(() => {
  const root = document.documentElement;
  const S = JSON.parse(document.getElementById("strings").textContent);
  const base = root.dataset.base, page = root.dataset.page, lang = root.lang;
  const tg = window.Telegram && window.Telegram.WebApp;
  const inTelegram = Boolean(tg && tg.initData);
  const $ = (selector) => document.querySelector(selector);

  if (inTelegram) {
    root.classList.add("tg");
    tg.ready();
    tg.expand();
  }

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message || code);
      this.status = status;
      this.code = code;
    }
  }

  function cookie(name) {
    const hit = document.cookie.split("; ").find((part) => part.startsWith(name + "="));
    return hit ? decodeURIComponent(hit.slice(name.length + 1)) : "";
  }

  async function refreshSession() {
    const res = await fetch("/api/v1/auth/refresh", { method: "POST",
      headers: { "X-CSRF-Token": cookie("os_csrf") }, credentials: "same-origin" });
    return res.ok;
  }

  async function api(method, path, body, options = {}) {
    const headers = { Accept: "application/json" };
    if (inTelegram) headers.Authorization = "tma " + tg.initData;
    else if (method !== "GET") headers["X-CSRF-Token"] = cookie("os_csrf");
    if (body !== undefined) headers["Content-Type"] = "application/json";
    Object.assign(headers, options.headers || {});
    const res = await fetch("/api/v1" + path, { method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status === 401 && !inTelegram && !options.retried) {
      if (await refreshSession()) return api(method, path, body, { ...options, retried: true });
      location.href = "/login?next=" + encodeURIComponent(location.pathname + location.search);
      throw new ApiError(401, "unauthorized");
    }
    if (!res.ok) {
      let error = {};
      try { error = (await res.json()).error || {}; } catch (e) { /* not JSON */ }
      throw new ApiError(res.status, error.code, error.message);
    }
    return options.raw ? res : res.json();
  }

  function flash(message) {
    const box = $("#flash");
    box.textContent = message || S.error;
    box.classList.remove("hidden");
    window.scrollTo({ top: 0 });
  }

  function node(tag, attrs, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") element.className = value;
      else element.setAttribute(key, value);
    }
    element.append(...children.filter((c) => c !== null && c !== undefined));
    return element;
  }

  function link(path, params) {
    const query = new URLSearchParams({ lang, ...(params || {}) });
    return `${base}${path}?${query}`;
  }

  const dateFormat = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric" });
  const timeFormat = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit" });
  const monthFormat = new Intl.DateTimeFormat(lang, { month: "short", year: "2-digit" });
  const monthTitle = new Intl.DateTimeFormat(lang, { month: "long", year: "numeric" });
  const formatMonth = (key) => monthFormat.format(new Date(`${key}-15T12:00:00`));

  function moodChip(mood) {
    return mood ? node("span", { class: `chip mood-${mood}` }, S.moods[mood] || mood) : null;
  }

  /* The page speaks the user's language: one reload when the account says otherwise. */
  async function matchLanguage(me) {
    if (me.language && me.language !== lang) {
      const url = new URL(location.href);
      url.searchParams.set("lang", me.language);
      location.replace(url);
      return false;
    }
    return true;
  }

  function setupLanguageButtons() {
    for (const button of document.querySelectorAll(".lang button")) {
      button.addEventListener("click", async () => {
        const wanted = button.dataset.lang;
        if (page !== "login") {
          try { await api("PATCH", "/me/settings", { language: wanted }); }
          catch (e) { /* not signed in: the page language still switches */ }
        }
        const url = new URL(location.href);
        url.searchParams.set("lang", wanted);
        location.replace(url);
      });
    }
  }

  function setupTelegramButtons() {
    if (!inTelegram) return;
    if (page === "journal") {
      tg.BackButton.hide();
      tg.MainButton.setText(S.new_dream);
      tg.MainButton.onClick(() => { location.href = link("/new"); });
      tg.MainButton.show();
      $("#new-dream").classList.add("hidden");
    } else {
      tg.BackButton.show();
      tg.BackButton.onClick(() => {
        if (history.length > 1) history.back(); else location.href = link("/");
      });
    }
  }

  /* --- Journal ------------------------------------------------------------------------- */
  function dreamCard(item) {
    const when = dateFormat.format(new Date(`${item.night_of}T12:00:00`));
    const chips = node("div", { class: "row" }, moodChip(item.mood),
      item.lunar_day ? node("span", { class: "chip", title: S.lunar_day }, node("i", { class: "moon-dot" }), String(item.lunar_day)) : null,
      item.status !== "analyzed" ? node("span", { class: "chip" }, S.statuses[item.status] || item.status) : null,
      ...item.symbols.slice(0, 3).map((s) => node("span", { class: "chip" }, S.symbol_prefix + s)));
    return node("a", { class: "card dream-card", href: link(`/dreams/${item.id}`), "data-dream": item.id },
      node("div", { class: "muted small" }, when),
      node("div", { class: "excerpt" }, item.excerpt), chips);
  }

  async function journalPage() {
    const form = $("#filters"), list = $("#dreams"), more = $("#more");
    const params = new URLSearchParams(location.search);
    for (const name of ["q", "mood", "phase", "from", "to", "symbol"]) {
      if (params.get(name)) form.elements[name].value = params.get(name);
    }
    const symbol = form.elements.symbol.value;
    if (symbol) {
      $("#symbol-chip").textContent = S.symbol_prefix + symbol;
      $("#symbol-filter").classList.remove("hidden");
    }
    $("#clear-symbol").addEventListener("click", () => {
      form.elements.symbol.value = "";
      $("#symbol-filter").classList.add("hidden");
      load(null);
    });
    let cursor = null, timer = null;
    async function load(after) {
      const query = new URLSearchParams({ limit: "20" });
      for (const [key, value] of new FormData(form)) if (value) query.set(key, value);
      if (after) query.set("cursor", after);
      const data = await api("GET", `/dreams?${query}`);
      if (!after) list.replaceChildren();
      data.items.forEach((item) => list.append(dreamCard(item)));
      if (!after && !data.items.length) {
        const filtered = [...new FormData(form).values()].some(Boolean);
        list.append(node("div", { class: "empty" }, node("div", { class: "moon" }, "🌙"),
          node("p", {}, filtered ? S.nothing_found : S.empty_journal)));
      }
      cursor = data.next_cursor;
      more.classList.toggle("hidden", !cursor);
    }
    form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => load(null).catch(onError), 250); });
    form.addEventListener("submit", (event) => { event.preventDefault(); load(null).catch(onError); });
    more.addEventListener("click", () => load(cursor).catch(onError));
    await load(null);
  }

  /* --- One dream ----------------------------------------------------------------------- */
  function paragraphs(text) {
    return text.split(/\n{2,}/).filter(Boolean).map((p) => node("p", {}, p));
  }

  function renderAnalysis(analysis) {
    const parts = [node("h2", {}, S.interpretation)];
    if (analysis.summary) parts.push(node("p", {}, node("b", {}, analysis.summary)));
    parts.push(node("div", { class: "interpretation" }, ...paragraphs(analysis.interpretation)));
    const sections = [node("section", { class: "card" }, ...parts)];
    if (analysis.symbols.length) {
      sections.push(node("section", { class: "card" }, node("h2", {}, S.symbols),
        node("div", { class: "symbols" }, ...analysis.symbols.map((s) =>
          node("a", { class: "symbol", href: link("/", { symbol: s.key }) },
            node("b", {}, s.label), node("span", { class: "muted small" }, s.meaning))))));
    }
    const emotions = (analysis.hvdc_card.emotions || []).map((code) => S.emotions[code.slice(0, 2)] || code);
    const people = (analysis.hvdc_card.characters || []).length;
    sections.push(node("section", { class: "card" }, node("h2", {}, S.hvdc),
      node("p", {}, `${S.characters}: ${people}`),
      node("p", {}, `${S.emotions_title}: ${emotions.length ? [...new Set(emotions)].join(", ") : S.none}`)));
    if (analysis.lunar) {
      const l = analysis.lunar;
      sections.push(node("section", { class: "card" }, node("h2", {}, S.lunar_night),
        node("p", {}, `${l.phase_name || ""} · ${S.lunar_day} ${l.lunar_day}`),
        l.note ? node("p", { class: "muted small" }, l.note) : null));
    }
    return sections;
  }

  async function dreamPage() {
    const box = $("#dream"), id = box.dataset.dreamId;
    let dream;
    try { dream = await api("GET", `/dreams/${id}`); }
    catch (error) {
      if (error.status === 404) { box.replaceChildren(node("div", { class: "empty" }, S.not_found)); return; }
      throw error;
    }
    const del = node("button", { class: "secondary", type: "button", id: "delete-dream" }, S.delete_dream);
    del.addEventListener("click", async () => {
      if (!(await confirmAction(S.delete_dream_confirm))) return;
      await api("DELETE", `/dreams/${id}`);
      location.replace(link("/"));
    });
    const header = node("div", { class: "row spread" },
      node("span", { class: "muted" }, dateFormat.format(new Date(dream.created_at))),
      moodChip(dream.analysis && dream.analysis.mood));
    const text = node("section", { class: "card" }, header, node("p", { class: "dream-text" }, dream.text));
    const rest = dream.analysis ? renderAnalysis(dream.analysis)
      : [node("p", { class: "notice" }, S.statuses[dream.status] || dream.status)];
    box.replaceChildren(text, ...rest, node("p", { class: "center" }, del));
    if (!dream.analysis && ["queued", "analyzing"].includes(dream.status)) {
      setTimeout(() => dreamPage().catch(onError), 1500);
    }
  }

  function confirmAction(message) {
    if (inTelegram && tg.showConfirm && tg.isVersionAtLeast && tg.isVersionAtLeast("6.2")) {
      return new Promise((resolve) => tg.showConfirm(message, resolve));
    }
    return Promise.resolve(window.confirm(message));
  }

  /* --- New dream with live progress ---------------------------------------------------- */
  async function newPage() {
    const form = $("#new-form"), text = $("#text"), key = crypto.randomUUID();
    const count = () => { $("#count").textContent = `${text.value.length} / 12000`; };
    text.addEventListener("input", count);
    count();
    async function submit() {
      if (!text.value.trim()) return;
      $("#send").disabled = true;
      if (inTelegram) tg.MainButton.showProgress();
      try {
        const dream = await api("POST", "/dreams", { text: text.value }, { headers: { "Idempotency-Key": key } });
        form.classList.add("hidden");
        if (inTelegram) tg.MainButton.hide();
        $("#progress").classList.remove("hidden");
        if (dream.notice) {
          mark("saved");
          $("#progress-note").replaceChildren(dream.notice, " ", node("a", { href: link("/buy") }, S.buy));
          return;
        }
        await follow(dream.id);
      } catch (error) {
        $("#send").disabled = false;
        if (inTelegram) tg.MainButton.hideProgress();
        onError(error);
      }
    }
    form.addEventListener("submit", (event) => { event.preventDefault(); submit(); });
    if (inTelegram) {
      $("#send").classList.add("hidden");
      tg.MainButton.setText(S.analyse);
      tg.MainButton.onClick(submit);
      tg.MainButton.show();
    }
  }

  const STEPS = ["saved", "reading", "context", "interpreting"];
  function mark(done, now) {
    const reached = STEPS.indexOf(done);
    document.querySelectorAll(".steps li").forEach((li, i) => {
      li.classList.toggle("done", i <= reached);
      li.classList.toggle("now", li.dataset.step === now);
    });
  }

  async function follow(id) {
    const started = Date.now();
    for (;;) {
      const dream = await api("GET", `/dreams/${id}`);
      if (dream.status === "analyzed") {
        mark("interpreting");
        if (inTelegram && tg.HapticFeedback) tg.HapticFeedback.notificationOccurred("success");
        setTimeout(() => location.replace(link(`/dreams/${id}`)), 500);
        return;
      }
      if (dream.status === "failed") {
        mark("saved");
        $("#progress-note").textContent = S.failed;
        return;
      }
      // The server says queued or analysing; within analysing the stages take a few seconds each.
      const elapsed = (Date.now() - started) / 1000;
      if (dream.status === "analyzing") mark(elapsed < 2 ? "saved" : "reading", elapsed < 2 ? "reading" : elapsed < 4 ? "context" : "interpreting");
      else mark("saved", "reading");
      await new Promise((resolve) => setTimeout(resolve, 800));
    }
  }

  /* --- Statistics ---------------------------------------------------------------------- */
  async function statsPage() {
    const stats = await api("GET", "/stats");
    const p = stats.profile;
    $("#profile-caveat").textContent = p.enough_dreams
      ? (p.tentative ? S.caveat_tentative : S.caveat_ok).replace("{n}", p.n_dreams).replace("{good}", p.recommended_dreams)
      : S.caveat_few.replace("{n}", p.n_dreams).replace("{min}", p.min_dreams).replace("{good}", p.recommended_dreams);
    const width = Math.max(300, Math.min(720, $("#h-profile").clientWidth || 360));
    $("#h-profile").replaceChildren(Charts.hProfile(p.rows, S.h_profile, width));
    $("#reading").replaceChildren(...p.reading.map((s) => node("p", { class: "small" }, s)));
    const timeline = $("#timeline");
    if (stats.months.length) {
      const wide = Math.max(300, Math.min(720, timeline.clientWidth || 360));
      timeline.replaceChildren(Charts.timeline(stats.months, S.moods, formatMonth, S.moods_title, wide), Charts.legend(S.moods));
    } else {
      timeline.replaceChildren(node("p", { class: "muted" }, S.no_data));
    }
    Charts.bars($("#symbols"), stats.symbols, S.no_data);
    Charts.bars($("#characters"), stats.characters, S.no_data);
    $("#moon-reading").textContent = stats.moon.reading;
  }

  /* --- The moon ------------------------------------------------------------------------ */
  async function moonPage() {
    const today = await api("GET", "/lunar/today");
    const rise = today.moonrise.map((t) => timeFormat.format(new Date(t))).join(", ") || "—";
    const set = today.moonset.map((t) => timeFormat.format(new Date(t))).join(", ") || "—";
    const waxing = ["new_moon", "waxing_crescent", "first_quarter", "waxing_gibbous"].includes(today.phase);
    $("#today").replaceChildren(Charts.moonDisc(today.illumination, waxing, 72),
      node("div", {}, node("h2", {}, `${S.lunar_day} ${today.lunar_day} · ${today.phase_name}`),
        node("p", { class: "small muted" }, `${S.moonrise}: ${rise} · ${S.moonset}: ${set} · ${S.illumination}: ${Math.round(today.illumination * 100)}%`),
        node("p", { class: "small" }, today.note)));
    let shown = new Date(`${today.date}T12:00:00`);
    async function showMonth() {
      const key = `${shown.getFullYear()}-${String(shown.getMonth() + 1).padStart(2, "0")}`;
      const month = await api("GET", `/lunar/month/${key}`);
      $("#month-title").textContent = monthTitle.format(shown);
      const grid = $("#month");
      grid.replaceChildren();
      const monday = new Date(2024, 0, 1);
      for (let i = 0; i < 7; i++) {
        const day = new Date(monday); day.setDate(1 + i);
        grid.append(node("div", { class: "dow" }, new Intl.DateTimeFormat(lang, { weekday: "short" }).format(day)));
      }
      const lead = (new Date(`${month.days[0].date}T12:00:00`).getDay() + 6) % 7;
      for (let i = 0; i < lead; i++) grid.append(node("div"));
      for (const day of month.days) {
        const cell = node("div", { class: `day${day.principal ? " principal" : ""}${day.date === today.date ? " today" : ""}` },
          node("div", { class: "num" }, String(Number(day.date.slice(8)))),
          Charts.moonDisc(day.illumination, day.waxing, 22),
          node("div", { class: "ld" }, day.starting.length ? day.starting.join("/") : `(${day.lunar_day})`));
        grid.append(cell);
      }
    }
    $("#prev").addEventListener("click", () => { shown.setMonth(shown.getMonth() - 1); showMonth().catch(onError); });
    $("#next").addEventListener("click", () => { shown.setMonth(shown.getMonth() + 1); showMonth().catch(onError); });
    await showMonth();
  }

  /* --- Buying -------------------------------------------------------------------------- */
  async function buyPage(me) {
    const free = me.free_dream_available ? node("p", {}, S.free_dream) : null;
    $("#balance").replaceChildren(node("h2", {}, `${S.balance}: ${me.credits}`), free);
    const packages = await api("GET", "/packages");
    const box = $("#packages");
    if (!packages.items.length) {
      box.replaceChildren(node("p", { class: "notice" }, S.buy_in_chat));
      return;
    }
    box.replaceChildren(...packages.items.map((item) => {
      const button = node("a", { class: "primary", href: item.url, rel: "noopener" }, S.buy);
      if (inTelegram && tg.openLink) {
        button.addEventListener("click", (event) => { event.preventDefault(); tg.openLink(item.url); });
      }
      return node("div", { class: "card pkg" }, node("b", {}, item.title), button);
    }), node("p", { class: "muted small" }, S.buy_in_chat));
  }

  /* --- Settings ------------------------------------------------------------------------ */
  async function download(format) {
    const res = await api("GET", `/export?format=${format}`, undefined, { raw: true });
    const blob = await res.blob();
    const disposition = res.headers.get("Content-Disposition") || "";
    const name = (disposition.match(/filename="([^"]+)"/) || [])[1] || `oneiroscope.${format}`;
    const url = URL.createObjectURL(blob);
    const a = node("a", { href: url, download: name, class: "hidden" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  }

  async function settingsPage(me) {
    const form = $("#settings-form");
    form.elements.language.value = me.language;
    form.elements.sex.value = me.sex;
    form.elements.timezone.value = me.place.timezone;
    const describePlace = (m) => { $("#place").textContent = `${S.place}: ${m.place.name}${m.place.is_default ? " — " + S.place_default : ""}`; };
    describePlace(me);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = { language: form.elements.language.value, sex: form.elements.sex.value,
        timezone: form.elements.timezone.value.trim() || undefined };
      try {
        const saved = await api("PATCH", "/me/settings", body);
        if (saved.language !== lang) { await matchLanguage(saved); return; }
        describePlace(saved);
        $("#saved").textContent = S.saved;
      } catch (error) { onError(error); }
    });
    $("#locate").addEventListener("click", () => {
      if (!navigator.geolocation) { flash(S.no_location); return; }
      navigator.geolocation.getCurrentPosition(async (pos) => {
        const saved = await api("PATCH", "/me/settings", { latitude: pos.coords.latitude,
          longitude: pos.coords.longitude, timezone: Intl.DateTimeFormat().resolvedOptions().timeZone });
        describePlace(saved);
        $("#saved").textContent = S.saved;
      }, () => flash(S.no_location));
    });
    $("#export-json").addEventListener("click", () => download("json").catch(onError));
    $("#export-csv").addEventListener("click", () => download("csv").catch(onError));
    $("#delete").addEventListener("click", async () => {
      if (!(await confirmAction(S.delete_confirm))) return;
      await api("DELETE", "/me", { confirm: true });
      if (inTelegram) tg.close(); else location.replace("/login?deleted=1");
    });
    if (me.is_admin) {
      $("#settings-form").after(node("p", { class: "center" },
        node("a", { href: link("/admin") }, S.admin_link)));
    }
    const logout = $("#logout");
    if (logout) logout.addEventListener("click", async () => {
      await api("POST", "/auth/logout", {});
      location.replace("/login");
    });
  }

  function onError(error) {
    if (error && error.status === 401) return; // on its way to the sign-in page
    flash(error && error.message ? error.message : S.error);
  }

  async function main() {
    setupLanguageButtons();
    if (page === "login") return;
    setupTelegramButtons();
    const me = await api("GET", "/me");
    if (!(await matchLanguage(me))) return;
    await pageScriptsLoaded;
    const pages = { journal: journalPage, dream: dreamPage, new: newPage, stats: statsPage,
      moon: moonPage, buy: () => buyPage(me), settings: () => settingsPage(me),
      ...(window.OneiroScopePages || {}) };
    await (pages[page] || (() => null))(me);
    root.dataset.ready = "1";
  }

  // A page's own script (admin.js, deferred after this one) may still be loading when /me
  // answers: its page is looked up only once every deferred script has run (DOMContentLoaded).
  const pageScriptsLoaded = new Promise((resolve) => {
    if (document.readyState === "complete") resolve();
    else document.addEventListener("DOMContentLoaded", resolve, { once: true });
  });

  // Page scripts of their own (admin.js) use the same helpers.
  window.OneiroScope = Object.freeze({ api, node, flash, onError, confirmAction, S });
  main().catch(onError);
})();
