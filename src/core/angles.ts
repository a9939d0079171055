// Angles: radians everywhere inside the project; degrees only at the edges (URL, CLI, report, labels), converted here.

/** Degrees → radians (edges only: a link, a CLI flag, a label read back). */
export const degToRad = (degrees: number): number => (degrees * Math.PI) / 180;

/** Radians → degrees (edges only: the report, the link, a label). */
export const radToDeg = (radians: number): number => (radians * 180) / Math.PI;

/** Wrap an angle to (−π, π]. */
export const wrapAngle = (a: number): number => {
  const t = Math.atan2(Math.sin(a), Math.cos(a));
  return t === -Math.PI ? Math.PI : t;
};

/** Wrap degrees to [0, 360). */
export const wrapDegrees = (d: number): number => ((d % 360) + 360) % 360;
