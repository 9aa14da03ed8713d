/**
 * A check of the history that another view (History) asks the check view to open by its id (files go through
 * open-request.ts; a history check has no file here, only what the history kept).
 */
import { channel } from './open-request';

const checks = channel<number>();
export const requestCheck = checks.request;
/** Listens for history checks to open (the check view); returns the function that stops listening. */
export const onCheckRequest = checks.listen;
