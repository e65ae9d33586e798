import type { FrameSectionLayout } from '../../sim/page-api.ts';

/** Offset of field `name` within one thing's floats of `section`, or -1 when the kind lacks it. */
export function fieldOffset(section: FrameSectionLayout, name: string): number {
  return section.fields.indexOf(name);
}

/** The section of kind `kind` in a frame layout, or undefined. */
export function sectionOf(layout: readonly FrameSectionLayout[], kind: string): FrameSectionLayout | undefined {
  return layout.find((s) => s.kind === kind);
}
