/** The tool the pointer works with on the drawing. */
export type EditorTool = { kind: 'brush'; ch: string } | { kind: 'select' } | { kind: 'pan' } | { kind: 'plan-ref' } | { kind: 'plan-move' };
