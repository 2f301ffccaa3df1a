// The status dashboard (also the Teams static tab): fetches the server-rendered view with the caller's identity.
"use strict";

(async () => {
  const dashboard = document.getElementById("dashboard");
  const message = document.getElementById("message");
  const report = document.getElementById("report");
  const reportBody = document.getElementById("report-body");
  let currentRound = null;

  const cfg = await Lhl.loadConfig();
  await Lhl.applyTeamsSubPage();
  if (!cfg.chat) document.querySelector(".chat-link").hidden = true;
  await Lhl.personaPicker(document.getElementById("persona"), () => load());
  document.getElementById("csv").addEventListener("click", () => download("csv"));
  document.getElementById("xlsx").addEventListener("click", () => download("xlsx"));
  document.getElementById("close-report").addEventListener("click", () => { report.hidden = true; });

  dashboard.addEventListener("click", event => {
    const link = event.target.closest("a");
    if (!link) return;
    if (link.dataset.report) { event.preventDefault(); openReport(link.dataset.report); return; }
    if (link.dataset.list) {
      const list = document.getElementById(link.dataset.list);
      if (list) { event.preventDefault(); list.open = true; list.scrollIntoView({ block: "center" }); }
      return;
    }
    if (link.getAttribute("href").startsWith("?")) {
      event.preventDefault();
      history.pushState(null, "", link.getAttribute("href"));
      load();
    }
  });
  window.addEventListener("popstate", () => load());

  await load();

  function params() {
    const p = new URLSearchParams(location.search);
    const out = new URLSearchParams();
    for (const key of ["round", "office"]) if (p.get(key)) out.set(key, p.get(key));
    return out;
  }

  async function load() {
    message.hidden = true;
    report.hidden = true;
    try {
      const response = await Lhl.fetchWithIdentity("/api/status/view?" + params());
      if (!response.ok) {
        dashboard.replaceChildren();
        show(await Lhl.errorText(response));
        return;
      }
      dashboard.innerHTML = await response.text();
      const headline = dashboard.querySelector(".headline");
      currentRound = headline ? headline.dataset.round : null;
      const wanted = new URLSearchParams(location.search).get("report");
      if (wanted) openReport(wanted);
    } catch (error) {
      show(error.message);
    }
  }

  async function openReport(municipality) {
    const p = params();
    if (currentRound) p.set("round", currentRound);
    p.set("municipality", municipality);
    p.delete("office");
    const response = await Lhl.fetchWithIdentity("/api/status/report?" + p);
    reportBody.innerHTML = response.ok ? await response.text() : "";
    if (!response.ok) { show(await Lhl.errorText(response)); return; }
    report.hidden = false;
    report.scrollIntoView({ block: "start" });
  }

  async function download(format) {
    const p = params();
    if (currentRound) p.set("round", currentRound);
    p.set("format", format);
    const response = await Lhl.fetchWithIdentity("/api/status/export?" + p);
    if (!response.ok) { show(await Lhl.errorText(response)); return; }
    const disposition = response.headers.get("Content-Disposition") || "";
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = match ? decodeURIComponent(match[1]) : "status." + format;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function show(text) {
    message.textContent = text;
    message.hidden = false;
  }
})();
