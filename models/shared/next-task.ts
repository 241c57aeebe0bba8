/**
 * Waits one task, so that messages queued meanwhile (a cancel, a progress
 * request) are handled between slices of long work. A MessageChannel rather
 * than `setTimeout(…, 0)`: browsers stretch timers to a second or more in
 * tabs left in the background, which made a 200-point UMAP map take minutes;
 * a message is not throttled. Falls back to `setTimeout` where there is no
 * MessageChannel.
 */
export function nextTask(): Promise<void> {
	if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}
