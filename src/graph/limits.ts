/** Limits that stop hostile or broken files before they cost memory or time. */
export const LIMITS = {
  /** Largest graph file accepted, in characters. */
  fileChars: 8_000_000,
  nodes: 2_000,
  edges: 8_000,
  idChars: 64,
  nameChars: 200,
  descriptionChars: 5_000,
  /** Any other string inside params (data URLs of user images are the big ones). */
  stringChars: 2_000_000,
  arrayItems: 10_000,
  /** Nesting depth of any JSON value in the file. */
  depth: 12,
} as const;
