// node subset.mjs <font.ttf> <out.woff2>: keeps only the characters Qalam's editions use
import subsetFont from 'subset-font';
import { readFileSync, writeFileSync } from 'fs';

// Basic Latin, Latin-1 (« » ° ©, no-break space), Cyrillic, general punctuation (– — “ ” „ …)
const ranges = [[0x20, 0x7e], [0xa0, 0xff], [0x400, 0x45f], [0x2010, 0x2027], [0x2030, 0x203a]];
let text = '';
for (const [from, to] of ranges) {
  for (let c = from; c <= to; c++) text += String.fromCodePoint(c);
}
// Kazakh letters beyond Russian, the minus and currency signs, thin and figure spaces
text += 'ӘәҒғҚқҢңӨөҰұҮүҺһ−₸№€₽\u202f\u2009\u2007';

const [source, target] = process.argv.slice(2);
const woff2 = await subsetFont(readFileSync(source), text, { targetFormat: 'woff2' });
writeFileSync(target, woff2);
console.log(`${target}: ${woff2.length} bytes`);
