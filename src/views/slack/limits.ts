/**
 * Slack's documented Block Kit limits that the builders must stay within. Slack rejects a whole
 * message or view (`invalid_blocks`) when one of them is broken, so every builder cuts to these.
 */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  text: 3000,
  field: 2000,
  fieldsPerSection: 10,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionElements: 25,
  contextElements: 10,
  optionText: 75,
  optionValue: 150,
  overflowOptions: 5,
  imageAltText: 2000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  viewTitle: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  plainTextInput: 3000,
  placeholder: 150,
} as const;
