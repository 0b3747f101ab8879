// `npm run --silent bill:parse -- <file>`: one channel bill (Alipay ZIP or CSV, WeChat Pay gzip or text)
// -> one JSON object on stdout, the contract's "Bill parser" report. Not a bill: one line on stderr, exit 1.
import { summarizeBill } from '@/server/finance/bills/parse-bill';

const [path, ...extra] = process.argv.slice(2);
if (!path || extra.length > 0) {
  console.error('usage: npm run --silent bill:parse -- <bill file>');
  process.exit(2);
}
try {
  console.log(JSON.stringify(await summarizeBill({ path })));
} catch (error) {
  console.error(`${path}: ${error instanceof Error ? error.message : String(error)}`.replace(/\s+/g, ' '));
  process.exit(1);
}
