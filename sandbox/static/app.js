// Skim sandbox: draws the loopback Discord's channel the way Discord draws it, and sends what
// you do (post, edit, delete, run a command, press a button) back to the sandbox as Discord
// events. Plain JavaScript, no build step; the state arrives whole over server-sent events.
"use strict";

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;
const BUTTON_STYLES = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link" };
const AVATAR_COLOURS = ["#5865f2", "#3ba55c", "#faa61a", "#ed4245", "#eb459e", "#747f8d"];

let state = null;
let channelId = null;
let viewerId = null;
let pickerIndex = 0;
const drawn = new Map(); // message or note key -> { html, element }

const $ = (id) => document.getElementById(id);

// ------------------------------------------------------------------ text and markdown

function escapeHtml(text) {
  return String(text)
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function safeUrl(url) {
  return /^https?:\/\//i.test(url) ? url : null;
}

function link(url, inner) {
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${inner}</a>`;
}

// Inline Discord markdown: escapes, masked links, bold, italics, underline, strike, code,
// spoilers and bare links. Text is escaped as HTML before anything is wrapped around it.
const INLINE_PAIRS = [
  ["**", "strong"], ["__", "u"], ["~~", "s"], ["||", "spoiler"], ["*", "em"], ["_", "em"],
];

function closing(text, from, marker) {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") { i++; continue; }
    if (text.startsWith(marker, i) && i > from) return i;
  }
  return -1;
}

function inline(text) {
  let out = "";
  let plain = "";
  const flush = () => { out += escapeHtml(plain); plain = ""; };
  for (let i = 0; i < text.length;) {
    const char = text[i];
    if (char === "\\" && i + 1 < text.length && /[^\w\s]/.test(text[i + 1])) {
      plain += text[i + 1]; i += 2; continue;
    }
    if (char === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) { flush(); out += `<code class="md-code">${escapeHtml(text.slice(i + 1, end))}</code>`; i = end + 1; continue; }
    }
    if (char === "[") {
      const close = closing(text, i + 1, "]");
      if (close > 0 && text[close + 1] === "(") {
        const end = text.indexOf(")", close + 2);
        const url = end > 0 ? safeUrl(text.slice(close + 2, end).trim()) : null;
        if (url) { flush(); out += link(url, inline(text.slice(i + 1, close))); i = end + 1; continue; }
      }
    }
    if (char === "<") {
      const match = /^<(https?:\/\/[^\s>]+)>/.exec(text.slice(i));
      if (match) { flush(); out += link(match[1], escapeHtml(match[1])); i += match[0].length; continue; }
    }
    if (char === "h") {
      const match = /^https?:\/\/[^\s<]+[^\s<.,:;"')\]]/.exec(text.slice(i));
      if (match && (i === 0 || /\s|\(/.test(text[i - 1]))) {
        flush(); out += link(match[0], escapeHtml(match[0])); i += match[0].length; continue;
      }
    }
    const pair = INLINE_PAIRS.find(([marker]) => text.startsWith(marker, i));
    if (pair) {
      const [marker, tag] = pair;
      const end = closing(text, i + marker.length, marker);
      if (end > 0) {
        flush();
        const inner = inline(text.slice(i + marker.length, end));
        out += tag === "spoiler"
          ? `<span class="md-spoiler" onclick="this.classList.add('shown')">${inner}</span>`
          : `<${tag}>${inner}</${tag}>`;
        i = end + marker.length;
        continue;
      }
    }
    plain += char;
    i++;
  }
  flush();
  return out;
}

// Block markdown: fenced code and quotes; everything else is inline, line by line.
function markdown(text) {
  if (!text) return "";
  const parts = String(text).split(/```/);
  return parts.map((part, index) => {
    if (index % 2 === 1) return `<pre class="md-block">${escapeHtml(part.replace(/^\w*\n/, ""))}</pre>`;
    return part.split("\n").map((line) => {
      const quote = /^> (.*)$/.exec(line);
      return quote ? `<span class="md-quote">${inline(quote[1])}</span>` : inline(line);
    }).join("\n");
  }).join("");
}

// ------------------------------------------------------------------ pieces of a message

function when(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  const time = date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const today = new Date().toDateString() === date.toDateString();
  return today ? `Today at ${time}` : `${date.toLocaleDateString()} ${time}`;
}

function avatar(user) {
  const isBot = state && user.id === state.bot.id;
  const colour = isBot ? "#4f8a8b" : AVATAR_COLOURS[Number(BigInt(user.id) % 6n)];
  const initial = escapeHtml((user.global_name || user.username || "?")[0].toUpperCase());
  return `<div class="avatar" style="background:${colour}">${initial}</div>`;
}

function image(url, alt) {
  const href = safeUrl(url) || (/^data:image\//.test(url || "") ? url : null);
  if (!href) return "";
  const local = href.startsWith(location.origin + "/") || href.startsWith("data:");
  if (!local && !state.online) {
    // Offline, the page never loads a stranger's image: the sandbox talks to nobody.
    return `<span class="blocked-image" title="${escapeHtml(href)}">${escapeHtml(alt)} (not loaded offline)</span>`;
  }
  return `<img src="${escapeHtml(href)}" alt="${escapeHtml(alt)}" loading="lazy">`;
}

function colour(value) {
  return value == null ? "#1e1f22" : "#" + Number(value).toString(16).padStart(6, "0");
}

function renderEmbed(embed) {
  const parts = [];
  if (embed.author && embed.author.name) {
    const name = embed.author.url && safeUrl(embed.author.url)
      ? link(embed.author.url, escapeHtml(embed.author.name)) : escapeHtml(embed.author.name);
    const icon = embed.author.icon_url ? image(embed.author.icon_url, "author") : "";
    parts.push(`<div class="embed-author">${icon}<span>${name}</span></div>`);
  }
  if (embed.title) {
    const title = inline(embed.title);
    parts.push(embed.url && safeUrl(embed.url)
      ? `<a class="embed-title" href="${escapeHtml(embed.url)}" target="_blank" rel="noopener noreferrer">${title}</a>`
      : `<div class="embed-title">${title}</div>`);
  }
  if (embed.description) parts.push(`<div class="embed-description">${markdown(embed.description)}</div>`);
  if (embed.fields && embed.fields.length) {
    const fields = embed.fields.map((field) =>
      `<div class="embed-field${field.inline ? " inline" : ""}">` +
      `<div class="embed-field-name">${inline(field.name)}</div>` +
      `<div class="embed-field-value">${markdown(field.value)}</div></div>`).join("");
    parts.push(`<div class="embed-fields">${fields}</div>`);
  }
  if (embed.image && embed.image.url) parts.push(`<div class="embed-image">${image(embed.image.url, "image")}</div>`);
  if (embed.thumbnail && embed.thumbnail.url) {
    parts.push(`<div class="embed-thumbnail">${image(embed.thumbnail.url, "thumbnail")}</div>`);
  }
  const footer = [];
  if (embed.footer && embed.footer.text) footer.push(`<span class="embed-footer-text">${escapeHtml(embed.footer.text)}</span>`);
  if (embed.timestamp) footer.push(`<time class="embed-timestamp" datetime="${escapeHtml(embed.timestamp)}">${escapeHtml(when(embed.timestamp))}</time>`);
  if (footer.length) {
    const icon = embed.footer && embed.footer.icon_url ? image(embed.footer.icon_url, "footer") : "";
    parts.push(`<div class="embed-footer">${icon}${footer.join(" • ")}</div>`);
  }
  return `<article class="embed" style="border-left-color:${colour(embed.color)}">${parts.join("")}</article>`;
}

function renderComponents(message) {
  const rows = (message.components || []).map((row) => {
    const buttons = (row.components || []).filter((c) => c.type === 2).map((button) => {
      const style = BUTTON_STYLES[button.style] || "secondary";
      const emoji = button.emoji ? escapeHtml(button.emoji.name || "") : "";
      const label = button.label ? escapeHtml(button.label) : "";
      if (style === "link" && safeUrl(button.url || "")) {
        return `<a class="button secondary" href="${escapeHtml(button.url)}" target="_blank" rel="noopener noreferrer">${emoji}${label}</a>`;
      }
      return `<button class="button ${style}" type="button" data-action="press" ` +
        `data-custom-id="${escapeHtml(button.custom_id || "")}" ${button.disabled ? "disabled" : ""}>${emoji}${label}</button>`;
    });
    return `<div class="components">${buttons.join("")}</div>`;
  });
  return rows.join("");
}

function contextLine(message) {
  const meta = message.interaction_metadata;
  if (meta && meta.name) {
    return `<div class="context"><b>${escapeHtml(meta.user.username)}</b> used <b>/${escapeHtml(meta.name)}</b></div>`;
  }
  if (meta && meta.type === 3) return "";
  const reference = message.referenced_message;
  if (reference) {
    const text = (reference.content || "").slice(0, 120);
    return `<div class="context">↱ <b>@${escapeHtml(reference.author.username)}</b> ${escapeHtml(text)}</div>`;
  }
  if (message.message_reference) return `<div class="context">↱ <i>Original message was deleted</i></div>`;
  return "";
}

function isPerson(message) {
  return state.people.some((person) => person.id === message.author.id);
}

function renderMessage(message) {
  const flags = Number(message.flags || 0);
  const ephemeral = (flags & EPHEMERAL) !== 0;
  const isBot = message.author.bot;
  const body = [];
  if (flags & LOADING) body.push(`<div class="thinking">${escapeHtml(message.author.username)} is thinking…</div>`);
  if (message.content) {
    const edited = message.edited_timestamp && isPerson(message) ? `<span class="edited">(edited)</span>` : "";
    body.push(`<div class="content">${markdown(message.content)}${edited}</div>`);
  }
  for (const embed of message.embeds || []) {
    if (embed.type === "rich" || embed.type === undefined) body.push(renderEmbed(embed));
  }
  body.push(renderComponents(message));
  const reactions = message.skim_reactions || [];
  if (reactions.length) {
    body.push(`<div class="reactions">${reactions.map((emoji) => `<span class="reaction">${escapeHtml(emoji)}<b>1</b></span>`).join("")}</div>`);
  }
  if (ephemeral) body.push(`<div class="only-you">Only you can see this</div>`);
  const tools = [];
  if (isPerson(message) && message.author.id === viewerId) {
    tools.push(`<button type="button" data-action="edit" title="Edit">✏️</button>`);
    tools.push(`<button type="button" data-action="delete" title="Delete message">🗑️</button>`);
  }
  for (const menu of state.menus) {
    tools.push(`<button type="button" data-action="menu" data-menu="${escapeHtml(menu)}" title="Apps → ${escapeHtml(menu)}">Apps: ${escapeHtml(menu)}</button>`);
  }
  const name = escapeHtml(message.author.global_name || message.author.username);
  return `<li class="message${ephemeral ? " ephemeral" : ""}" data-id="${escapeHtml(message.id)}" data-author="${escapeHtml(message.author.id)}">` +
    contextLine(message) + avatar(message.author) +
    `<div class="head"><span class="author">${name}</span>${isBot ? '<span class="tag">APP</span>' : ""}` +
    `<time class="time">${escapeHtml(when(message.timestamp))}</time></div>` +
    `<div class="body">${body.join("")}</div>` +
    `<div class="toolbar">${tools.join("")}</div></li>`;
}

function renderNote(note) {
  // Notes quote code in backticks; the rest is plain text.
  const text = escapeHtml(note.text).replace(/`([^`]+)`/g, "<code>$1</code>");
  return `<li class="note" data-note="${note.id}"><span class="icon">ℹ️</span><span><b>Sandbox</b> · ${text}</span></li>`;
}

// ------------------------------------------------------------------ drawing the state

function visible(message) {
  if (message.channel_id !== channelId) return false;
  const ephemeral = (Number(message.flags || 0) & EPHEMERAL) !== 0;
  if (!ephemeral) return true;
  const meta = message.interaction_metadata;
  return !!meta && meta.user.id === viewerId; // ephemeral answers show only to their asker
}

function timeline() {
  const items = state.messages.filter(visible).map((m) => ({ key: "m" + m.id, html: renderMessage(m), id: m.id }));
  for (const note of state.notes.filter((n) => n.channel_id === channelId)) {
    const after = items.findIndex((item) => item.id && BigInt(item.id) > BigInt(note.after));
    const entry = { key: "n" + note.id, html: renderNote(note), id: null };
    if (after < 0) items.push(entry); else items.splice(after, 0, entry);
  }
  return items;
}

function drawMessages() {
  const list = $("messages");
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const items = timeline();
  const keep = new Set(items.map((item) => item.key));
  for (const [key, entry] of drawn) {
    if (!keep.has(key)) { entry.element.remove(); drawn.delete(key); }
  }
  let previous = null;
  for (const item of items) {
    let entry = drawn.get(item.key);
    if (entry && entry.element.querySelector(".edit-box")) {
      // Being edited: leave it alone until the edit is saved or dropped.
    } else if (!entry || entry.html !== item.html) {
      const holder = document.createElement("template");
      holder.innerHTML = item.html.trim();
      const element = holder.content.firstElementChild;
      if (entry) entry.element.replaceWith(element);
      entry = { html: item.html, element };
      drawn.set(item.key, entry);
    }
    const expected = previous ? previous.nextSibling : list.firstChild;
    if (entry.element !== expected) list.insertBefore(entry.element, expected);
    previous = entry.element;
  }
  let empty = list.querySelector(".empty");
  if (!items.length && !empty) {
    empty = document.createElement("li");
    empty.className = "empty";
    empty.textContent = "No messages yet. Paste an article link below, or click an example page.";
    list.appendChild(empty);
  } else if (items.length && empty) {
    empty.remove();
  }
  if (atBottom) list.scrollTop = list.scrollHeight;
}

function drawSidebar() {
  $("guild-name").textContent = state.guild.name;
  const channels = $("channels");
  channels.innerHTML = state.channels.map((c) =>
    `<li data-channel="${c.id}" class="${c.id === channelId ? "active" : ""} ${c.type === 11 ? "thread" : ""}">${escapeHtml(c.name)}</li>`).join("");
  $("examples").innerHTML = state.examples.map((page) =>
    `<li data-url="${escapeHtml(page.url)}" title="${escapeHtml(page.url)}">${escapeHtml(page.title)}<small>${escapeHtml(page.name)}</small></li>`).join("");
  const viewer = $("viewer");
  if (!viewer.options.length) {
    viewer.innerHTML = state.people.map((p) => `<option value="${p.id}">${escapeHtml(p.name)}</option>`).join("");
    viewer.value = viewerId;
  }
  const me = state.people.find((p) => p.id === viewerId);
  $("viewer-role").textContent = me ? me.role : "";
  const channel = state.channels.find((c) => c.id === channelId);
  $("channel-name").textContent = channel ? channel.name : "";
  $("input").placeholder = `Message #${channel ? channel.name : ""}: paste a link, or type / for Skim's commands`;
  const status = $("bot-status");
  status.textContent = state.bot_ready ? `${state.bot.name} is online` : `${state.bot.name} is starting…`;
  status.classList.toggle("ready", state.bot_ready);
  $("mode").textContent = state.online ? "· online: real links are fetched" : "· offline: example and dropped pages only";
}

function draw() {
  if (!state) return;
  if (!channelId) channelId = state.channels[0].id;
  if (!viewerId) viewerId = state.people[0].id;
  drawSidebar();
  drawMessages();
  $("typing").hidden = !state.typing.includes(channelId);
}

// ------------------------------------------------------------------ talking to the sandbox

function toast(text) {
  const element = $("toast");
  element.textContent = text;
  element.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { element.hidden = true; }, 8000);
}

async function call(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) toast(answer.error || `the sandbox answered ${response.status}`);
  return response.ok ? answer : null;
}

async function send(content) {
  return call("/api/messages", { channel_id: channelId, user_id: viewerId, content });
}

async function postFile(file) {
  if (!/\.html?$/i.test(file.name) && file.type !== "text/html") {
    toast(`${file.name} is not an HTML file: drop a saved web page (.html)`);
    return;
  }
  const response = await fetch(`/api/pages?name=${encodeURIComponent(file.name)}`, {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream" },
    body: file,
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) { toast(answer.error || "the sandbox refused that file"); return; }
  await send(answer.url);
}

function connect() {
  const events = new EventSource("/events");
  events.addEventListener("state", (event) => { state = JSON.parse(event.data); draw(); });
  events.onerror = () => { $("bot-status").textContent = "reconnecting to the sandbox…"; };
}

// ------------------------------------------------------------------ the message box

function matchingCommands() {
  const text = $("input").value.toLowerCase();
  if (!text.startsWith("/") || !state) return [];
  return state.commands.filter((c) =>
    c.command.startsWith(text.trimEnd()) || text.startsWith(c.command + " ")).slice(0, 10);
}

function drawPicker() {
  const picker = $("command-picker");
  const commands = matchingCommands();
  if (!commands.length) { picker.hidden = true; return; }
  pickerIndex = Math.min(pickerIndex, commands.length - 1);
  picker.innerHTML = commands.map((c, index) =>
    `<li data-command="${escapeHtml(c.command)}" class="${index === pickerIndex ? "selected" : ""}">` +
    `${escapeHtml(c.usage)}<small>${escapeHtml(c.description)}</small></li>`).join("");
  picker.hidden = false;
}

function pickCommand(command) {
  // The command's words go in the box; its options are for the user to type.
  $("input").value = command + " ";
  $("command-picker").hidden = true;
  $("input").focus();
}

async function submit() {
  const input = $("input");
  const content = input.value.trim();
  if (!content) return;
  const picker = $("command-picker");
  const selected = picker.hidden ? null : picker.querySelector("li.selected");
  if (selected && selected.dataset.command.startsWith(content) && selected.dataset.command !== content) {
    pickCommand(selected.dataset.command); // Enter on a half-typed command completes it
    return;
  }
  input.value = "";
  picker.hidden = true;
  const answer = await send(content);
  if (!answer) input.value = content; // refused: give the text back to fix
}

function startEdit(element, message) {
  const body = element.querySelector(".body");
  const box = document.createElement("textarea");
  box.className = "edit-box";
  box.value = message.content;
  const hint = document.createElement("div");
  hint.className = "edit-hint";
  hint.textContent = "Enter to save · Escape to cancel";
  body.replaceChildren(box, hint);
  box.focus();
  box.addEventListener("keydown", async (event) => {
    if (event.key === "Escape") { drawn.delete("m" + message.id); element.remove(); draw(); }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      await call("/api/edit", { message_id: message.id, content: box.value });
      drawn.delete("m" + message.id);
      element.remove();
      draw();
    }
  });
}

// ------------------------------------------------------------------ wiring

function messageOf(element) {
  return state.messages.find((m) => m.id === element.dataset.id);
}

document.addEventListener("click", async (event) => {
  const target = event.target.closest("[data-action], [data-channel], [data-url], [data-command]");
  if (!target) return;
  if (target.dataset.channel) { channelId = target.dataset.channel; drawn.clear(); $("messages").innerHTML = ""; draw(); return; }
  if (target.dataset.command) { pickCommand(target.dataset.command); return; }
  if (target.dataset.url) {
    const input = $("input");
    input.value = (input.value ? input.value.trimEnd() + " " : "") + target.dataset.url;
    input.focus();
    return;
  }
  const element = target.closest(".message");
  const message = element && messageOf(element);
  if (!message) return;
  const action = target.dataset.action;
  if (action === "press") await call("/api/press", { message_id: message.id, user_id: viewerId, custom_id: target.dataset.customId });
  if (action === "menu") await call("/api/menu", { message_id: message.id, user_id: viewerId, name: target.dataset.menu });
  if (action === "delete") await call("/api/delete", { message_id: message.id });
  if (action === "edit") startEdit(element, message);
});

$("viewer").addEventListener("change", (event) => { viewerId = event.target.value; drawn.clear(); $("messages").innerHTML = ""; draw(); });
$("composer").addEventListener("submit", (event) => { event.preventDefault(); submit(); });
$("input").addEventListener("keydown", (event) => {
  const picker = $("command-picker");
  if (!picker.hidden && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
    event.preventDefault();
    pickerIndex = Math.max(0, pickerIndex + (event.key === "ArrowDown" ? 1 : -1));
    drawPicker();
  } else if (!picker.hidden && event.key === "Tab") {
    event.preventDefault();
    const selected = picker.querySelector("li.selected");
    if (selected) pickCommand(selected.dataset.command);
  } else if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    submit();
  } else if (event.key === "Escape") {
    picker.hidden = true;
  }
});
$("input").addEventListener("input", () => { pickerIndex = 0; drawPicker(); });
$("file").addEventListener("change", async (event) => {
  for (const file of event.target.files) await postFile(file);
  event.target.value = "";
});

let dragDepth = 0;
window.addEventListener("dragenter", (event) => { event.preventDefault(); dragDepth++; $("drop").hidden = false; });
window.addEventListener("dragleave", () => { dragDepth = Math.max(0, dragDepth - 1); if (!dragDepth) $("drop").hidden = true; });
window.addEventListener("dragover", (event) => event.preventDefault());
window.addEventListener("drop", async (event) => {
  event.preventDefault();
  dragDepth = 0;
  $("drop").hidden = true;
  for (const file of event.dataTransfer.files) await postFile(file);
});

connect();
