// A long-lived pdf.js worker thread (src/import/isolate.ts): pdf.js is loaded once, then each message is one
// PDF to read, so a pathological file can be stopped (time and memory limits) without harming the app.
// Replies with positioned text items per page; layout is rebuilt on the main thread.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));

const resources = {
  cMapUrl: path.join(pdfjsDir, 'cmaps') + path.sep,
  cMapPacked: true,
  standardFontDataUrl: path.join(pdfjsDir, 'standard_fonts') + path.sep,
  // JPEG 2000 and colour-profile decoders (WebAssembly), loaded from the package, never fetched.
  wasmUrl: path.join(pdfjsDir, 'wasm') + path.sep,
};

/** Renders pages to PNG for text recognition (scanned PDFs). */
async function render({ data, password, pages, scale }) {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data, password, verbosity: 0, ...resources });
  try {
    const shot = await parser.getScreenshot({ scale, imageBuffer: true, imageDataUrl: false, partial: pages });
    return { images: shot.pages.map((p) => ({ num: p.pageNumber, png: p.data })) };
  } finally {
    await parser.destroy();
  }
}

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

async function run({ data, password, maxPages, mode, pages: renderPages, scale, limits }) {
  if (mode === 'render') return render({ data, password, pages: renderPages, scale });
  const task = pdfjs.getDocument({
    data,
    password,
    verbosity: 0,
    ...resources,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  });
  const doc = await task.promise;
  if (doc.numPages > maxPages) {
    await doc.destroy();
    return { error: { name: 'TooManyPages', message: String(doc.numPages) } };
  }
  const pages = [];
  // A few pages can hold millions of characters (text drawn over and over): stop at the limit.
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view;
    const tc = await page.getTextContent();
    const items = [];
    for (const it of tc.items) {
      if (!('str' in it)) continue;
      if (it.str === '' && !it.hasEOL) continue;
      chars += it.str.length;
      if (limits && chars > limits.maxChars) {
        await doc.destroy();
        return { tooLarge: { measure: 'characters', reached: chars, limit: limits.maxChars } };
      }
      items.push({ s: it.str, x: it.transform[4], y: it.transform[5], w: it.width, h: it.height || Math.abs(it.transform[3]), eol: it.hasEOL || undefined });
    }
    pages.push({ num: n, width, height, items });
    page.cleanup();
  }
  await doc.destroy();
  return { pages };
}

parentPort.on('message', ({ id, data }) =>
  run(data).then(
    (reply) => parentPort.postMessage({ id, reply }),
    (e) => parentPort.postMessage({ id, reply: { error: { name: e?.name ?? 'Error', message: String(e?.message ?? e) } } }),
  ),
);
