/* Small SVG charts for the statistics and lunar pages: no library, no build step. */
"use strict";
window.Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const COLOURS = { higher: "var(--warm)", lower: "var(--cool)", similar: "var(--neutral)",
    too_few_dreams: "var(--neutral)", no_data: "var(--line)" };
  const MOOD_COLOURS = { positive: "var(--good)", mixed: "#c9a227", neutral: "var(--neutral)",
    negative: "var(--warm)" };

  function el(name, attrs, text) {
    const node = document.createElementNS(NS, name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svg(width, height, label) {
    return el("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img",
      "aria-label": label });
  }

  /* One row per indicator: the label, a bar of Cohen's h from zero, the 95 % interval. */
  function hProfile(rows, label, width = 360) {
    const rowHeight = 38, top = 8, left = 14, right = width - 14;
    const height = top + rows.length * rowHeight + 24;
    const x = (h) => left + (Math.max(-1, Math.min(1, h)) + 1) / 2 * (right - left);
    const chart = svg(width, height, label);
    for (const g of [-0.8, -0.5, -0.2, 0, 0.2, 0.5, 0.8]) {
      chart.append(el("line", { x1: x(g), x2: x(g), y1: top, y2: height - 20,
        class: g === 0 ? "axis" : "grid" }));
      chart.append(el("text", { x: x(g), y: height - 6, "text-anchor": "middle",
        class: "muted-text" }, (g > 0 ? "+" : "") + g.toFixed(1)));
    }
    rows.forEach((row, i) => {
      const y = top + i * rowHeight;
      chart.append(el("text", { x: left, y: y + 12 }, row.label));
      if (row.h === null) {
        chart.append(el("text", { x: right, y: y + 12, "text-anchor": "end",
          class: "muted-text" }, row.verdict_label));
        return;
      }
      const a = x(0), b = x(row.h);
      const bar = el("rect", { x: Math.min(a, b), y: y + 18, width: Math.max(2, Math.abs(b - a)),
        height: 12, rx: 3, fill: COLOURS[row.verdict] || "var(--neutral)" });
      bar.append(el("title", {}, `${row.label}: h = ${row.h.toFixed(2)} (${row.verdict_label})`));
      chart.append(bar);
      if (row.h_low !== null && row.h_high !== null) {
        const lo = x(row.h_low), hi = x(row.h_high), mid = y + 24;
        chart.append(el("line", { x1: lo, x2: hi, y1: mid, y2: mid, class: "whisker" }));
        chart.append(el("line", { x1: lo, x2: lo, y1: mid - 5, y2: mid + 5, class: "whisker" }));
        chart.append(el("line", { x1: hi, x2: hi, y1: mid - 5, y2: mid + 5, class: "whisker" }));
      }
    });
    return chart;
  }

  /* Stacked bars of moods per month. */
  function timeline(months, moodNames, monthLabel, label, width = 360) {
    const height = 190, top = 10, bottom = 40, left = 26, right = width - 6;
    const chart = svg(width, height, label);
    const max = Math.max(1, ...months.map((m) => m.dreams));
    const step = (right - left) / Math.max(months.length, 1);
    const barWidth = Math.min(34, step * 0.7);
    const y = (n) => height - bottom - n / max * (height - top - bottom);
    for (const tick of [0, Math.ceil(max / 2), max]) {
      chart.append(el("line", { x1: left, x2: right, y1: y(tick), y2: y(tick), class: "grid" }));
      chart.append(el("text", { x: left - 6, y: y(tick) + 4, "text-anchor": "end",
        class: "muted-text" }, String(tick)));
    }
    months.forEach((month, i) => {
      let base = 0;
      const cx = left + step * i + step / 2;
      for (const mood of ["positive", "mixed", "neutral", "negative"]) {
        const n = month.moods[mood] || 0;
        if (!n) continue;
        const rect = el("rect", { x: cx - barWidth / 2, y: y(base + n), width: barWidth,
          height: y(base) - y(base + n), fill: MOOD_COLOURS[mood] });
        rect.append(el("title", {}, `${monthLabel(month.month)}: ${moodNames[mood]} ${n}`));
        chart.append(rect);
        base += n;
      }
      chart.append(el("text", { x: cx, y: height - bottom + 16, "text-anchor": "middle",
        class: "muted-text" }, monthLabel(month.month)));
    });
    return chart;
  }

  function legend(moodNames) {
    const box = document.createElement("div");
    box.className = "legend";
    for (const mood of ["positive", "mixed", "neutral", "negative"]) {
      const item = document.createElement("span");
      const swatch = document.createElement("i");
      swatch.style.background = MOOD_COLOURS[mood];
      item.append(swatch, moodNames[mood]);
      box.append(item);
    }
    return box;
  }

  /* The moon's lit part as seen from the northern hemisphere. */
  function moonDisc(illumination, waxing, size) {
    const r = size / 2 - 1, c = size / 2, k = Math.max(0, Math.min(1, illumination));
    const chart = el("svg", { viewBox: `0 0 ${size} ${size}`, width: size, height: size,
      "aria-hidden": "true" });
    chart.append(el("circle", { cx: c, cy: c, r, fill: "#3a3850" }));
    const rx = Math.abs(1 - 2 * k) * r;
    const outer = waxing ? 1 : 0;
    const inner = waxing ? (k < 0.5 ? 0 : 1) : (k < 0.5 ? 1 : 0);
    const d = `M ${c} ${c - r} A ${r} ${r} 0 0 ${outer} ${c} ${c + r} ` +
      `A ${rx} ${r} 0 0 ${inner} ${c} ${c - r} Z`;
    if (k > 0.01) chart.append(el("path", { d, fill: "#f4e9b8" }));
    return chart;
  }

  function bars(container, items, emptyText) {
    container.replaceChildren();
    if (!items.length) {
      container.textContent = emptyText;
      container.classList.add("muted");
      return;
    }
    const max = Math.max(...items.map((i) => i.count));
    for (const item of items) {
      const row = document.createElement("div");
      row.className = "bar";
      const name = document.createElement("span");
      name.textContent = item.label;
      const track = document.createElement("div");
      track.className = "track";
      const fill = document.createElement("div");
      fill.className = "fill";
      fill.style.width = `${Math.round(item.count / max * 100)}%`;
      track.append(fill);
      const count = document.createElement("span");
      count.className = "muted small";
      count.textContent = String(item.count);
      row.append(name, track, count);
      container.append(row);
    }
  }

  return { hProfile, timeline, legend, moonDisc, bars };
})();
