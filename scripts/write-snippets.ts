// Writes snippets/postmortem.json from the one template (server/src/core/template/postmortemTemplate.ts),
// for editors that read VS Code-style snippet files. VS Code itself gets the template from the
// language server's completion, only where a postmortem can start.
//   npm run snippets
import { writeFileSync } from 'node:fs';
import { templateSnippet } from '../server/src/core/template/postmortemTemplate';

const snippets = {
  'Postmortem template': {
    prefix: ['postmortem', 'template'],
    description: 'A whole blameless postmortem: header, every required section and field, with tab stops.',
    body: templateSnippet().split('\n'),
  },
};
writeFileSync(new URL('../snippets/postmortem.json', import.meta.url), `${JSON.stringify(snippets, null, 2)}\n`);
console.log('snippets/postmortem.json written');
