// Runs mammoth on one DOCX in a worker thread (time and memory limits, like PDFs). Returns mammoth's HTML and
// warnings about unaccepted tracked changes and comments, which mammoth does not report.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { parentPort, workerData } from 'node:worker_threads';

/** mammoth drops ruby (furigana) text entirely; keep each ruby's base text. */
async function prepare(zip, buffer) {
  const file = zip.file('word/document.xml');
  const xml = file ? await file.async('string') : '';
  if (!xml.includes('<w:ruby>')) return buffer;
  zip.file('word/document.xml', xml.replace(/<w:ruby>[\s\S]*?<w:rubyBase>([\s\S]*?)<\/w:rubyBase>[\s\S]*?<\/w:ruby>/g, '$1'));
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function notes(zip) {
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const ins = (xml.match(/<w:ins\b/g) ?? []).length;
  const del = (xml.match(/<w:del\b/g) ?? []).length;
  const out = [];
  if (ins || del) {
    const n = ins + del;
    out.push(`The document has ${n} tracked change${n === 1 ? '' : 's'} not yet accepted (${ins} insertion${ins === 1 ? '' : 's'}, ${del} deletion${del === 1 ? '' : 's'}). Inserted text was checked; deleted text was not. Accept or reject the changes in Word to check the final text.`);
  }
  const comments = (await zip.file('word/comments.xml')?.async('string')) ?? '';
  const c = (comments.match(/<w:comment\b/g) ?? []).length;
  if (c) out.push(`The document has ${c} comment${c === 1 ? '' : 's'}; comments are not checked.`);
  return out;
}

async function run({ data }) {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let zip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (e) {
    return { error: { name: 'ZipError', message: String(e?.message ?? e) } };
  }
  const html = (await mammoth.convertToHtml({ buffer: await prepare(zip, buffer) }, { includeDefaultStyleMap: true })).value;
  return { html, warnings: await notes(zip) };
}

run(workerData).then(
  (result) => parentPort.postMessage(result),
  (e) => parentPort.postMessage({ error: { name: e?.name ?? 'Error', message: String(e?.message ?? e) } }),
);
