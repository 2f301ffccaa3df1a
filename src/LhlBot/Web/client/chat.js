// The chat page: talks to the bot through POST /api/webchat (channel "webchat"), renders replies and cards.
"use strict";

(async () => {
  const transcript = document.getElementById("transcript");
  const typing = document.getElementById("typing");
  const composer = document.getElementById("composer");
  const input = document.getElementById("message");
  let conversation = null;
  let busy = 0;

  await LhlCards.load();
  await Lhl.personaPicker(document.getElementById("persona"), () => start());
  document.getElementById("restart").addEventListener("click", () => start());

  composer.addEventListener("submit", event => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    bubble("user", text);
    send({ type: "message", text });
  });

  await start();

  async function start() {
    transcript.replaceChildren();
    conversation = crypto.randomUUID();
    await send({ type: "conversationUpdate" });
    input.focus();
  }

  async function send(body) {
    const forConversation = conversation;
    busy++;
    typing.hidden = false;
    scroll();
    try {
      const response = await Lhl.fetchWithIdentity("/api/webchat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(Object.assign({ conversation }, body)),
      });
      if (forConversation !== conversation) return;
      if (!response.ok) { notice(await Lhl.errorText(response)); return; }
      const replies = await response.json();
      for (const activity of replies.activities || []) show(activity);
    } catch (error) {
      notice("Fikk ikke kontakt med boten. Kjører den? (" + error.message + ")");
    } finally {
      busy--;
      typing.hidden = busy === 0;
      scroll();
    }
  }

  function show(activity) {
    if (activity.text) bubble("bot", activity.text, true);
    for (const attachment of activity.attachments || []) {
      if (attachment.contentType === "application/vnd.microsoft.card.adaptive") {
        const holder = document.createElement("div");
        holder.className = "message bot card";
        const { element, errors } = LhlCards.render(attachment.content, (data, title) => {
          bubble("user", title || "Sendt", false, "submitted");
          send({ type: "message", value: data });
        });
        if (errors.length) {
          // Kept for the browser tests, which fail on any card the bot sends that the renderer does not accept.
          (window.lhlCardErrors = window.lhlCardErrors || []).push(...errors);
          console.warn("Card validation:", errors);
        }
        holder.appendChild(element);
        transcript.appendChild(holder);
      } else {
        transcript.appendChild(download(attachment));
      }
    }
    for (const action of (activity.suggestedActions && activity.suggestedActions.actions) || []) {
      const button = document.createElement("button");
      button.className = "suggested";
      button.textContent = action.title;
      button.addEventListener("click", () => { bubble("user", action.title); send({ type: "message", text: action.value || action.title }); });
      transcript.appendChild(button);
    }
  }

  // A file the bot sends inline (the booking's ICS) becomes a download link; a link attachment opens.
  function download(attachment) {
    const holder = document.createElement("div");
    holder.className = "message bot attachment";
    const link = document.createElement("a");
    const name = attachment.name || "vedlegg";
    if (typeof attachment.content === "string") {
      link.href = URL.createObjectURL(new Blob([attachment.content], { type: attachment.contentType || "application/octet-stream" }));
      link.download = name;
    } else if (attachment.contentUrl) {
      link.href = attachment.contentUrl;
      link.target = "_blank";
      link.rel = "noopener";
    }
    link.textContent = (attachment.contentType === "text/calendar" ? "📅 " : "📎 ") + name + " – last ned";
    holder.appendChild(link);
    return holder;
  }

  function bubble(who, text, markdown, extra) {
    const div = document.createElement("div");
    div.className = "message " + who + (extra ? " " + extra : "");
    if (markdown) div.innerHTML = window.markdownit({ html: false, linkify: true, breaks: true }).render(text);
    else div.textContent = text;
    transcript.appendChild(div);
  }

  function notice(text) {
    const div = document.createElement("div");
    div.className = "message notice";
    div.setAttribute("role", "alert");
    div.textContent = text;
    transcript.appendChild(div);
  }

  function scroll() { window.scrollTo(0, document.body.scrollHeight); }
})();
