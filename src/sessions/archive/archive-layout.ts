// Which files make up a session folder, shared by export (what to pack) and import (what to accept). Node only.

export const SESSION_FILE = 'session.json';
export const STEPS_FILE = 'steps.jsonl';

/** A recorded frame: frames/0001.jpg; the recorder pads to 4 digits, longer runs get more. */
export const FRAME_NAME = /^frames\/\d{4,6}\.(jpg|png)$/;

/** Whether `name` (forward slashes, relative to the session folder) belongs in a session archive. */
export function isSessionFileName(name: string): boolean {
  return name === SESSION_FILE || name === STEPS_FILE || FRAME_NAME.test(name);
}

/** Frames are already compressed: storing them keeps export fast and costs almost nothing in size. */
export function isCompressedImage(name: string): boolean {
  return FRAME_NAME.test(name);
}
