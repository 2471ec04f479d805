// Minimal HTML for the sandboxes' hosted pages (checkout, scheduling, inbox).
// Plain server-rendered forms: they work in Playwright and in a browser
// without JavaScript, and every control has a visible label or text.

export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `
body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.banner{background:#fff3cd;border:1px solid #e0c36a;padding:.5rem .75rem;border-radius:4px;font-size:.9rem}
label{display:block;margin:.75rem 0 .25rem}
input{padding:.4rem;width:100%;box-sizing:border-box}
button{margin:.75rem .5rem 0 0;padding:.5rem 1rem;font-size:1rem;cursor:pointer}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}
ul.slots{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
`;

/** Wraps content in a full page; the banner makes it obvious this is not the real provider. */
export function page(title: string, provider: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<p class="banner" role="note">${escapeHtml(provider)} sandbox: a local stand-in, no real ${escapeHtml(provider)} account is involved.</p>
<main>
${body}
</main>
</body>
</html>`;
}

/** Hidden inputs that carry query parameters through a form post. */
export function hiddenInputs(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "")
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
}
