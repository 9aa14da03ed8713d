/** The labels the app shows, from the core's one definition (the renderer may import this module). */
export { CATEGORY_LABELS, ELEMENT_LABELS, STATUS_LABELS, labelOf, subjectLine } from '../engine/labels.js';
