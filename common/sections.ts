/**
 * The window's sections, the one list (commands.ts makes its schema of it). Here, without zod, so that the window's
 * first open need not load zod to read the section asked for in its URL (docs/performance.md, "The window").
 */
export const sectionNames = ['presets', 'upcoming', 'recent', 'usage', 'settings'] as const;
export type SectionName = (typeof sectionNames)[number];

export const isSection = (value: unknown): value is SectionName => (sectionNames as readonly unknown[]).includes(value);
