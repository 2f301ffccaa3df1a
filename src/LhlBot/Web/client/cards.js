// Renders Adaptive Cards with the official renderer (npm adaptivecards), Teams-like host config, markdown by markdown-it.
"use strict";

const LhlCards = (() => {
  const markdown = window.markdownit({ html: false, linkify: true, breaks: true });
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown.render(text);
    result.didProcess = true;
  };
  let hostConfig = null;

  async function load() {
    if (!hostConfig) hostConfig = new AdaptiveCards.HostConfig(await (await fetch("/hostconfig.json")).json());
    return hostConfig;
  }

  // Returns { element, errors } – errors are the renderer's validation messages.
  function render(json, onSubmit) {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = action => {
      if (action instanceof AdaptiveCards.SubmitAction || action instanceof AdaptiveCards.ExecuteAction) {
        onSubmit(action.data, action.title);
      } else if (action instanceof AdaptiveCards.OpenUrlAction) {
        window.open(action.url, "_blank", "noopener");
      }
    };
    const errors = [];
    const context = new AdaptiveCards.SerializationContext();
    card.parse(json, context);
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      errors.push(e.message);
    }
    const validation = card.validateProperties();
    for (const e of validation.validationEvents) errors.push(e.message);
    const element = card.render();
    return { element, errors };
  }

  return { load, render };
})();
