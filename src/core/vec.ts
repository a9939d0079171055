// Small 2D vector type and helpers shared by the core (2×2 matrices live in linalg.ts, angles in angles.ts).

export type Vec2 = readonly [number, number];

export const norm2 = (x: number, y: number): number => Math.sqrt(x * x + y * y);
