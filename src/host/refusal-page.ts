// The page a refused browser request gets: what happened and how to get the current URL, in English or Chinese. No
// token, port or path in it; styled only from REFUSAL_STYLESHEET_PATH (no inline script or style). Node only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REFUSAL_STYLESHEET_PATH, type Refusal } from './web-auth.js';
import { SECURITY_HEADERS, sendText } from './web-responses.js';

type Language = 'en' | 'zh';

const TEXT: Record<Language, Record<Refusal | 'title' | 'heading' | 'howTo' | 'step1' | 'step2' | 'note', string>> = {
  en: {
    title: 'Deskhand: link refused',
    heading: 'This link no longer opens Deskhand',
    'missing or wrong token':
      'The link’s access token is missing or out of date, so Deskhand refused the page. This happens after ' +
      '<code>deskhand serve --new-token</code>, or with a link copied without its <code>?token=</code> part.',
    'wrong host':
      'Deskhand answers only on 127.0.0.1 and localhost. This page was asked for under another name, so it was ' +
      'refused (this protects against DNS rebinding).',
    'foreign origin': 'The request came from another website, so Deskhand refused it.',
    howTo: 'How to get the current link',
    step1: 'In a terminal, run <code>deskhand serve</code> (or look at the terminal where it is already running).',
    step2: 'Open the URL it prints: <code>http://127.0.0.1:…/?token=…</code>',
    note:
      'The link stays the same when <code>deskhand serve</code> restarts. After ' +
      '<code>deskhand serve --new-token</code>, links from before stop working.',
  },
  zh: {
    title: 'Deskhand：链接被拒绝',
    heading: '此链接已无法打开 Deskhand',
    'missing or wrong token':
      '此链接的访问令牌缺失或已过期，Deskhand 拒绝了该页面。运行 <code>deskhand serve --new-token</code> ' +
      '之后，或者链接缺少 <code>?token=</code> 部分时，就会出现这种情况。',
    'wrong host':
      'Deskhand 只在 127.0.0.1 和 localhost 上应答。此页面是通过其他主机名请求的，因此被拒绝（用于防范 DNS 重绑定攻击）。',
    'foreign origin': '该请求来自其他网站，因此 Deskhand 拒绝了它。',
    howTo: '如何获取当前链接',
    step1: '在终端中运行 <code>deskhand serve</code>（或查看它正在运行的那个终端）。',
    step2: '打开它输出的网址：<code>http://127.0.0.1:…/?token=…</code>',
    note: '<code>deskhand serve</code> 重启后链接保持不变。运行 <code>deskhand serve --new-token</code> 之后，之前的链接将失效。',
  },
};

/** Chinese for a browser whose first language is Chinese, English otherwise. */
export function refusalLanguage(acceptLanguage: string | undefined): Language {
  return acceptLanguage?.trim().toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The whole page; every piece of it is a fixed string above. */
export function refusalPage(why: Refusal, language: Language): string {
  const text = TEXT[language];
  return `<!doctype html>
<html lang="${language === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title}</title>
<link rel="stylesheet" href="${REFUSAL_STYLESHEET_PATH}">
</head>
<body>
<main>
<h1>${text.heading}</h1>
<p>${text[why]}</p>
<h2>${text.howTo}</h2>
<ol>
<li>${text.step1}</li>
<li>${text.step2}</li>
</ol>
<p class="note">${text.note}</p>
</main>
</body>
</html>
`;
}

/** 403 with the page for a browser, or one line of plain text for anything else (scripts, the API). */
export function sendRefusal(request: IncomingMessage, response: ServerResponse, why: Refusal): void {
  if (!(request.headers.accept ?? '').includes('text/html')) {
    return sendText(response, 403, `Refused (${why}). Run \`deskhand serve\` and open the URL it prints.`);
  }
  response.writeHead(403, {
    ...SECURITY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(refusalPage(why, refusalLanguage(request.headers['accept-language'])));
}

/** The refusal page's stylesheet: light and dark from the system's colour scheme. */
export const REFUSAL_STYLESHEET = `:root { color-scheme: light dark; --bg: #f6f7f9; --card: #ffffff; --text: #1d2230;
  --muted: #5b6475; --border: #dde1e8; --accent: #b4232c; --code: #eef0f4; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #111318; --card: #1b1e25; --text: #e6e8ee; --muted: #a1a8b6; --border: #2c313b; --accent: #ff7b7b;
    --code: #262a33; }
}
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--bg); color: var(--text);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif; }
main { max-width: 36rem; margin: 2rem; padding: 1.75rem 2rem; background: var(--card); border: 1px solid var(--border);
  border-radius: 12px; box-shadow: 0 8px 24px rgb(0 0 0 / 0.08); }
h1 { margin: 0 0 0.75rem; font-size: 1.35rem; color: var(--accent); }
h2 { margin: 1.25rem 0 0.5rem; font-size: 1rem; }
ol { margin: 0; padding-left: 1.4rem; }
li + li { margin-top: 0.35rem; }
.note { margin-bottom: 0; color: var(--muted); font-size: 0.9rem; }
code { white-space: nowrap; padding: 0.1rem 0.35rem; border-radius: 4px; background: var(--code);
  font: 0.88em ui-monospace, monospace; }
`;

export function sendRefusalStylesheet(response: ServerResponse): void {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/css; charset=utf-8',
    'cache-control': 'no-cache',
  });
  response.end(REFUSAL_STYLESHEET);
}
