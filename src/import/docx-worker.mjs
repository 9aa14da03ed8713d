// A long-lived mammoth worker thread (src/import/isolate.ts): mammoth is loaded once, then each message is one
// DOCX to read, within time and memory limits like PDFs. Replies with mammoth's HTML and
// warnings about unaccepted tracked changes and comments, which mammoth does not report.
// A small zip can expand to gigabytes of XML: every XML part is read through a counter that stops at the
// size limit, and the text and paragraphs the body would give are counted before mammoth runs, so a bomb is
// answered "too large" (with how far it got) instead of filling the memory of the app.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { parentPort } from 'node:worker_threads';

class TooLarge extends Error {
  constructor(measure, reached, limit) {
    super(`${measure} ${reached} > ${limit}`);
    this.tooLarge = { measure, reached, limit };
  }
}

/** The text of a zip entry, read in chunks, stopped as soon as the XML read so far passes `budget.left`. */
function readCounted(file, budget) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    const stream = file.internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.pause();
          reject(new TooLarge('markup', budget.total - budget.left, budget.total));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', reject)
      .on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      .resume();
  });
}

/** Every XML part mammoth may read (body, notes, styles, relationships), within one budget. */
async function readParts(zip, limits) {
  const budget = { total: limits.maxMarkup, left: limits.maxMarkup };
  const parts = new Map();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir || !/\.(xml|rels)$/i.test(name)) continue;
    parts.set(name, await readCounted(file, budget));
  }
  return parts;
}

/** Counts the text and paragraphs the body's XML holds, before anything is built from it. */
function measure(xml, limits) {
  let chars = 0;
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)</g)) {
    chars += m[1].length;
    if (chars > limits.maxChars) throw new TooLarge('characters', chars, limits.maxChars);
  }
  let paragraphs = 0;
  for (const _ of xml.matchAll(/<w:p[\s>/]/g)) {
    if (++paragraphs > limits.maxBlocks) throw new TooLarge('blocks', paragraphs, limits.maxBlocks);
  }
}

/** mammoth drops ruby (furigana) text entirely; keep each ruby's base text. */
async function prepare(zip, buffer, xml) {
  if (!xml.includes('<w:ruby>')) return buffer;
  zip.file('word/document.xml', xml.replace(/<w:ruby>[\s\S]*?<w:rubyBase>([\s\S]*?)<\/w:rubyBase>[\s\S]*?<\/w:ruby>/g, '$1'));
  return zip.generateAsync({ type: 'nodebuffer' });
}

function notes(xml, comments) {
  const ins = (xml.match(/<w:ins\b/g) ?? []).length;
  const del = (xml.match(/<w:del\b/g) ?? []).length;
  const out = [];
  if (ins || del) {
    const n = ins + del;
    out.push(`The document has ${n} tracked change${n === 1 ? '' : 's'} not yet accepted (${ins} insertion${ins === 1 ? '' : 's'}, ${del} deletion${del === 1 ? '' : 's'}). Inserted text was checked; deleted text was not. Accept or reject the changes in Word to check the final text.`);
  }
  const c = (comments.match(/<w:comment\b/g) ?? []).length;
  if (c) out.push(`The document has ${c} comment${c === 1 ? '' : 's'}; comments are not checked.`);
  return out;
}

async function run({ data, limits }) {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let zip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (e) {
    return { error: { name: 'ZipError', message: String(e?.message ?? e) } };
  }
  const parts = await readParts(zip, limits);
  const xml = parts.get('word/document.xml') ?? '';
  measure(xml, limits);
  const html = (await mammoth.convertToHtml({ buffer: await prepare(zip, buffer, xml) }, { includeDefaultStyleMap: true })).value;
  return { html, warnings: notes(xml, parts.get('word/comments.xml') ?? '') };
}

parentPort.on('message', ({ id, data }) =>
  run(data).then(
    (reply) => parentPort.postMessage({ id, reply }),
    (e) => parentPort.postMessage({ id, reply: e instanceof TooLarge ? { tooLarge: e.tooLarge } : { error: { name: e?.name ?? 'Error', message: String(e?.message ?? e) } } }),
  ),
);
