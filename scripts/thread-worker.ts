/** A Node helper thread: answers the pool's envelopes with the models' thread server. */
import { parentPort } from 'node:worker_threads';
import { serveThread, type ThreadEnvelope } from '../models/threads';

parentPort!.on('message', (envelope: ThreadEnvelope) => void serveThread(envelope, (answer, transfer) => parentPort!.postMessage(answer, transfer)));
