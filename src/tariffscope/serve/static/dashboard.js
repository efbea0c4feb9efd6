// tariffscope dashboard: charts (Vega-Lite), the paste box, the duty steps, priced outcomes.
// Text from the server is always inserted with textContent, never as HTML.
// Everything is inside one function: the Vega bundle declares globals a name here could clobber.
(() => {
"use strict";

function el(tag, text) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function draw(container, spec) {
  return window.vegaEmbed(container, spec, { actions: false, renderer: "svg" }).catch((err) => {
    container.textContent = "chart failed: " + err;
  });
}

async function getJSON(url, options) {
  const response = await fetch(url, options);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.status + " " + response.statusText;
    throw new Error(message);
  }
  return body;
}

function token() {
  const field = document.getElementById("paste-token");
  const value = field && field.value.trim() ? field.value.trim() : sessionStorage.getItem("tariffscope-token") || "";
  if (value) sessionStorage.setItem("tariffscope-token", value);
  return value;
}

// charts whose specification the page carries
for (const container of document.querySelectorAll("[data-spec]")) {
  const source = document.getElementById(container.dataset.spec);
  if (source) draw(container, JSON.parse(source.textContent));
}

// the duty on a product over time, as steps
async function drawSteps(container, url) {
  container.textContent = "drawing...";
  try {
    const changes = await getJSON(url);
    const values = changes.map((c) => ({ date: c.date, total_pct: c.total_pct }));
    if (values.length) {
      const last = values[values.length - 1];
      values.push({ date: last.date.slice(0, 4) === "9999" ? last.date : new Date(Date.parse(last.date) + 90 * 864e5).toISOString().slice(0, 10), total_pct: last.total_pct });
    }
    container.textContent = "";
    await draw(container, {
      width: "container", height: 220, data: { values },
      mark: { type: "line", interpolate: "step-after", point: true },
      encoding: {
        x: { field: "date", type: "temporal", title: "entry date" },
        y: { field: "total_pct", type: "quantitative", title: "total duty %" },
        tooltip: [{ field: "date", type: "temporal" }, { field: "total_pct", title: "duty %" }],
      },
    });
  } catch (err) {
    container.textContent = "could not draw: " + err.message;
  }
}
const lookupSteps = document.querySelector("#duty-steps[data-history]");
if (lookupSteps) drawSteps(lookupSteps, lookupSteps.dataset.history);
const stepsForm = document.getElementById("steps-form");
if (stepsForm) {
  stepsForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const hts = document.getElementById("steps-hts").value.trim();
    const url = "/api/history?hts=" + encodeURIComponent(hts) + "&origin=" + encodeURIComponent(stepsForm.dataset.origin);
    drawSteps(document.getElementById("duty-steps"), url);
  });
}

// the paste box: queue an ingest job, follow it, then show the board again
const pasteForm = document.getElementById("paste-form");
if (pasteForm) {
  pasteForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const status = document.getElementById("paste-status");
    const text = document.getElementById("paste-text").value;
    const url = document.getElementById("paste-url").value.trim();
    const published = document.getElementById("paste-published").value;
    const outlet = document.getElementById("paste-outlet").value.trim();
    const body = { stories: [], urls: [] };
    if (text.trim()) {
      const story = { text };
      if (published) story.published = published;
      if (outlet) story.outlet = outlet;
      body.stories.push(story);
    }
    if (url) body.urls.push(url);
    if (!body.stories.length && !body.urls.length) { status.textContent = "Paste a story or give its URL."; return; }
    status.textContent = "sending...";
    try {
      let job = await getJSON("/api/ingest", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer " + token() },
        body: JSON.stringify(body),
      });
      while (job.status === "queued" || job.status === "running") {
        status.textContent = "job " + job.id + ": " + job.status + ", " + job.done + " of " + job.total + " done";
        await new Promise((resolve) => setTimeout(resolve, 500));
        job = await getJSON("/api/jobs/" + encodeURIComponent(job.id));
      }
      const problems = job.results.filter((r) => r.status === "failed").map((r) => r.message);
      status.textContent = "job " + job.status + ": added " + job.added + ", already stored " + job.duplicates + ", failed " + job.failed + (problems.length ? " (" + problems.join("; ") + ")" : "");
      if (job.added) setTimeout(() => window.location.reload(), 800);
    } catch (err) {
      status.textContent = "not added: " + err.message;
    }
  });
}

// the token page (a service shared beyond loopback)
const tokenForm = document.getElementById("token-form");
if (tokenForm) {
  tokenForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = document.getElementById("token-input").value.trim();
    document.cookie = "tariffscope_token=" + encodeURIComponent(value) + "; path=/; SameSite=Strict";
    sessionStorage.setItem("tariffscope-token", value);
    window.location.assign(tokenForm.dataset.next || "/");
  });
}

// priced outcomes of a negotiation
const priceButton = document.getElementById("price-button");
if (priceButton) {
  priceButton.addEventListener("click", async () => {
    const status = document.getElementById("price-status");
    const out = document.getElementById("outcomes");
    status.textContent = "pricing (a few seconds per outcome)...";
    priceButton.disabled = true;
    try {
      const result = await getJSON("/api/compare", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ partner: priceButton.dataset.partner, date: priceButton.dataset.date || null, draws: 200 }),
      });
      out.textContent = "";
      for (const warning of result.warnings || []) out.appendChild(el("p", "warning: " + warning));
      const table = el("table");
      table.id = "outcomes-table";
      const head = el("tr");
      for (const name of ["outcome", "metric", "point", "median", "90% interval", "unit"]) {
        const th = el("th", name); th.scope = "col"; head.appendChild(th);
      }
      table.appendChild(el("thead")).appendChild(head);
      const tbody = table.appendChild(el("tbody"));
      const fmt = (x) => (x === null || x === undefined ? "" : Number(x).toPrecision(4));
      for (const c of result.cases || []) {
        for (const h of c.headline) {
          const row = el("tr");
          row.appendChild(el("td", c.outcome));
          const metric = el("td", h.metric); metric.title = h.description || ""; row.appendChild(metric);
          row.appendChild(el("td", fmt(h.point)));
          row.appendChild(el("td", fmt(h.median)));
          row.appendChild(el("td", h.p05 === undefined ? "" : fmt(h.p05) + " to " + fmt(h.p95)));
          row.appendChild(el("td", h.unit || ""));
          tbody.appendChild(row);
        }
      }
      out.appendChild(table);
      status.textContent = "priced " + (result.cases || []).length + " outcomes";
    } catch (err) {
      status.textContent = "not priced: " + err.message;
    } finally {
      priceButton.disabled = false;
    }
  });
}

// effective rates
const etrForm = document.getElementById("etr-form");
if (etrForm) {
  const run = async () => {
    const status = document.getElementById("etr-status");
    const chart = document.getElementById("etr-chart");
    const params = new URLSearchParams();
    params.set("from", document.getElementById("etr-from").value);
    params.set("to", document.getElementById("etr-to").value);
    for (const p of document.getElementById("etr-partners").value.split(/[\s,]+/)) if (p) params.append("partner", p);
    status.textContent = "computing...";
    try {
      const spec = await getJSON("/api/etr/chart?" + params.toString());
      chart.textContent = "";
      await draw(chart, spec);
      status.textContent = "drawn";
    } catch (err) {
      status.textContent = "could not draw: " + err.message;
    }
  };
  etrForm.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  run();
}
})();
