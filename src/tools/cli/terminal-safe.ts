/**
 * Text from reports is the senders', and goes to reviewers' terminals (issue 15): a control
 * character or an escape sequence printed raw can rewrite the screen, hide lines, set the window
 * title or, on some terminals, answer back as typed input; bidirectional overrides reorder what is
 * shown. Reports are stored as sent; they are shown with every such character written out.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(2, '0');

/** For a line of text: each control or direction character as \xNN or \u{NNNN}. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => (c.charCodeAt(0) < 0x100 ? `\\x${hex(c)}` : `\\u{${hex(c)}}`));
}

/** What JSON.stringify leaves raw inside strings (it escapes C0 itself; the line breaks outside strings are its layout). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** For JSON: DEL, C1, line and direction characters as \uNNNN escapes (still the same JSON). */
export function printableJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
