/** A helper thread of the training worker: answers its envelopes with the models' thread server. */
// First import: nothing below may capture an unguarded fetch.
import '../shared/network-guard';
import { serveThread, type ThreadEnvelope } from '../../models/threads';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ThreadEnvelope>) => void) | null; postMessage(message: unknown, transfer: Transferable[]): void };
scope.onmessage = (e) => void serveThread(e.data, (answer, transfer) => scope.postMessage(answer, transfer));
