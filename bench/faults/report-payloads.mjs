// The XSS payloads the faults bench writes into every text field of a session before exporting its HTML report. Each
// one, if it ever ran or loaded, would set window.__pwned, ask the probe server for /p/<name>, or open a dialog. Node.

/**
 * Payloads by name, for a probe server at `probe` (http://127.0.0.1:PORT). `js` quotes with single quotes (for
 * double-quoted attributes), `jd` with double quotes, `jb` with neither.
 */
export function xssPayloads(probe) {
  const url = (name) => `${probe}/p/${name}`;
  const js = (name) => `window.__pwned='${name}';fetch('${url(name)}');alert(1)`;
  const jd = (name) => `window.__pwned="${name}";fetch("${url(name)}");alert(1)`;
  const jb = (name) => `window.__pwned=1;fetch(\`${url(name)}\`);alert(1)`;
  const entries = {
    'script tag': (n) => `<script>${js(n)}</script>`,
    'img onerror': (n) => `<img src=x onerror="${js(n)}">`,
    'svg onload': (n) => `<svg onload="${js(n)}"></svg><svg><animate onbegin="${js(n)}" attributeName=x dur=1s>`,
    'javascript: URL': (n) => `javascript:${js(n)} <a href="javascript:${js(n)}">link</a>`,
    'closing the JSON script element': (n) => `</script><script>${js(n)}</script><!--<script>`,
    'double-quote attribute breakout': (n) => `"><img src=x onerror='${jd(n)}'>`,
    'single-quote attribute breakout': (n) => `'><img src=x onerror="${js(n)}">`,
    'backtick attribute breakout': (n) => `\`><img src=x onerror=\`${js(n)}\`>`,
    'CSS url() and expression()': (n) =>
      `<div style="background:url('${url(n)}');width:expression(${js(n)})">x</div><style>@import '${url(n)}';</style>`,
    'iframe srcdoc': (n) => `<iframe srcdoc="<script>parent.${js(n)}</script>"></iframe>`,
    'meta refresh': (n) => `<meta http-equiv="refresh" content="0;url=${url(n)}">`,
    'template literal': (n) => `\${${jb(n)}} \`\${${jb(n)}}\``,
    'unicode escapes': (n) => `\\u003cscript\\u003e${js(n)}\\u003c/script\\u003e \\x3cimg src=x onerror=${jb(n)}\\x3e`,
    'HTML entities': (n) => `&lt;script&gt;${js(n)}&lt;/script&gt; &#60;img src=x onerror=${jb(n)}&#62; &quot;&amp;`,
    polyglot: (n) =>
      `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=${jb(n)} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=${jb(n)}//>\\x3e`,
    'base href': (n) => `<base href="${url(n)}/">`,
    'form action': (n) => `<form action="${url(n)}"><input autofocus onfocus="${js(n)}"><button>go</button></form>`,
    'data: URL': (n) =>
      `<iframe src="data:text/html,<script>${js(n)}</script>"></iframe><object data="data:text/html,<script>${js(n)}</script>"></object>`,
    'mutation XSS (noscript)': (n) => `<noscript><p title="</noscript><img src=x onerror=${jb(n)}>">`,
    'mutation XSS (math and style)': (n) => `<math><mtext><table><mglyph><style><img src=x onerror=${jb(n)}>`,
    'comment breakout': (n) => `<!--<img src="--><img src=x onerror=${jb(n)}>">`,
    'details ontoggle': (n) => `<details open ontoggle="${js(n)}"><summary>x</summary></details>`,
    'a plain image request': (n) => `<img src="${url(n)}"><link rel=stylesheet href="${url(n)}">`,
    'line separators and a NUL': (n) =>
      `\u2028</script>\u2029<script>${js(n)}</script>\u0000<img src=x onerror=${jb(n)}>`,
  };
  return Object.entries(entries).map(([name], index) => ({
    name,
    text: entries[name](`k${index}`),
    probe: `k${index}`,
  }));
}
