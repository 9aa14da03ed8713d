/**
 * Sends a large request to the browser host off the page's thread (see ../api.ts): handing a long draft's
 * half a megabyte to the network takes the page tens of milliseconds, enough to make typing stutter. The
 * page gives the request body as a string and gets the answer's text back.
 */
interface Job {
  id: number;
  method: string;
  body: string;
  token: string;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<Job>) => void) | null; postMessage: (m: { id: number; text: string | null }) => void };

scope.onmessage = (e) => {
  const { id, method, body, token } = e.data;
  fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-nrm-token': token }, body })
    .then((res) => res.text())
    .then(
      (text) => scope.postMessage({ id, text }),
      () => scope.postMessage({ id, text: null }),
    );
};
