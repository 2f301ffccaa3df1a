// The load bench's peers, on the official Bot Framework SDK for JavaScript (botbuilder 4.23, CloudAdapter, express):
//   node peer.js echo PORT              answers every message with its text
//   node peer.js lunr PORT PASSAGES     answers with the best lunr hit over LhlBot's passages (a JSON file)
// Both run without an app id (anonymous, as LhlBot's local mode) and honour deliveryMode expectReplies.
'use strict';
const express = require('express');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ActivityHandler, MessageFactory } = require('botbuilder');

const [mode, port, passagesFile] = process.argv.slice(2);
const auth = new ConfigurationBotFrameworkAuthentication({});
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
  console.error(error);
  await context.sendActivity('Beklager, noe gikk galt.');
};

let search = null;
if (mode === 'lunr') {
  const lunr = require('lunr');
  const passages = JSON.parse(require('fs').readFileSync(passagesFile, 'utf8'));
  const index = lunr(function () {
    this.ref('id');
    this.field('section');
    this.field('text');
    passages.forEach((p) => this.add(p));
  });
  const byId = new Map(passages.map((p) => [p.id, p]));
  search = (text) => {
    // Query terms as plain words: lunr's query syntax (+, -, ~, :) must not break on user text.
    const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
    const hits = index.query((q) => words.forEach((w) => q.term(w, { presence: lunr.Query.presence.OPTIONAL })));
    return hits.length > 0 ? byId.get(hits[0].ref) : null;
  };
}

class PeerBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const text = context.activity.text || '';
      if (search) {
        const hit = search(text);
        await context.sendActivity(MessageFactory.text(hit ? `${hit.text}\n\n_Kilde: ${hit.section}_` : 'Fant ikke noe svar.'));
      } else {
        await context.sendActivity(MessageFactory.text(`Echo: ${text}`));
      }
      await next();
    });
  }
}
const bot = new PeerBot();

const app = express();
app.use(express.json({ limit: '1mb' }));
app.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));
app.get('/healthz', (req, res) => res.json({ status: 'ok' }));
app.listen(Number(port), '127.0.0.1', () => console.log(`peer ${mode} on ${port}`));
