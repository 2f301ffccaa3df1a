// Shared by the chat page and the status dashboard: who the caller is.
// Local development (no MicrosoftAppId): the persona picker's choice goes in the X-LhlBot-Persona header.
// Production / Teams: an Entra ID token from Teams SSO goes in the Authorization header; the server validates it.
"use strict";

const Lhl = (() => {
  let config = null;
  let teamsToken = null;

  async function loadConfig() {
    if (!config) config = await (await fetch("/api/web/config")).json();
    return config;
  }

  function persona() {
    const fromUrl = new URLSearchParams(location.search).get("persona");
    if (fromUrl) localStorage.setItem("lhlbot.persona", fromUrl);
    return localStorage.getItem("lhlbot.persona") || "kontakt";
  }

  function setPersona(key) { localStorage.setItem("lhlbot.persona", key); }

  let teamsReady = null;
  function teams() {
    if (!window.microsoftTeams) return Promise.reject(new Error("Åpne siden i Teams for å logge inn."));
    if (!teamsReady) teamsReady = microsoftTeams.app.initialize();
    return teamsReady;
  }

  async function teamsSignIn() {
    if (teamsToken) return teamsToken;
    await teams();
    teamsToken = await microsoftTeams.authentication.getAuthToken();
    return teamsToken;
  }

  // In the Teams tab, a deep link's sub-page (round=…&office=…) becomes the page's query.
  async function applyTeamsSubPage() {
    const cfg = await loadConfig();
    if (cfg.local || !window.microsoftTeams || location.search) return;
    try {
      await teams();
      const context = await microsoftTeams.app.getContext();
      const sub = context && context.page && context.page.subPageId;
      if (sub) history.replaceState(null, "", "?" + sub);
    } catch { /* not in Teams: sign-in will say so */ }
  }

  async function headers() {
    const cfg = await loadConfig();
    if (cfg.local) return { "X-LhlBot-Persona": persona() };
    return { "Authorization": "Bearer " + await teamsSignIn() };
  }

  async function fetchWithIdentity(url, options = {}) {
    const h = Object.assign({}, options.headers || {}, await headers());
    return fetch(url, Object.assign({}, options, { headers: h }));
  }

  async function errorText(response) {
    try { const body = await response.json(); if (body && body.error) return body.error; } catch { /* not JSON */ }
    return `Noe gikk galt (${response.status}). Prøv igjen.`;
  }

  // Fills a <select> with the personas; only shown in local mode.
  async function personaPicker(select, onChange) {
    const cfg = await loadConfig();
    if (!cfg.local) { select.closest(".persona").hidden = true; return; }
    for (const p of cfg.personas) {
      const option = document.createElement("option");
      option.value = p.key;
      option.textContent = `${p.name} (${p.description})`;
      select.appendChild(option);
    }
    select.value = persona();
    select.addEventListener("change", () => { setPersona(select.value); onChange(select.value); });
  }

  return { applyTeamsSubPage, loadConfig, persona, setPersona, headers, fetchWithIdentity, errorText, personaPicker };
})();
