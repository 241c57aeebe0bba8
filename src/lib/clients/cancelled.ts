/** Both workers reject a job the user cancelled with an error named `CancelledError`. */
export { isCancelled as isCancelledError } from '$models/shared';
