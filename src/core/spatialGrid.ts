// A uniform 2D bucket grid over sample points: radius and k-nearest queries without an O(N²) scan.

export class SpatialGrid {
  readonly cell: number;
  private readonly minX: number;
  private readonly minY: number;
  private readonly nx: number;
  private readonly ny: number;
  /** Point indices sorted by cell; cellStart[c]..cellStart[c+1] are the points of cell c. */
  private readonly order: Int32Array;
  private readonly cellStart: Int32Array;

  constructor(
    readonly points: Float64Array,
    readonly count: number,
    cell: number,
  ) {
    this.cell = cell;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < count; i++) {
      const x = points[2 * i];
      const y = points[2 * i + 1];
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
    if (count === 0) minX = minY = maxX = maxY = 0;
    this.minX = minX;
    this.minY = minY;
    this.nx = Math.max(1, Math.floor((maxX - minX) / cell) + 1);
    this.ny = Math.max(1, Math.floor((maxY - minY) / cell) + 1);
    const cells = this.nx * this.ny;
    const counts = new Int32Array(cells + 1);
    const cellOf = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const c = this.cellIndex(points[2 * i], points[2 * i + 1]);
      cellOf[i] = c;
      counts[c + 1]++;
    }
    for (let c = 0; c < cells; c++) counts[c + 1] += counts[c];
    this.cellStart = counts.slice();
    const fill = counts.slice(0, cells);
    this.order = new Int32Array(count);
    for (let i = 0; i < count; i++) this.order[fill[cellOf[i]]++] = i;
  }

  private cellIndex(x: number, y: number): number {
    const cx = Math.min(this.nx - 1, Math.max(0, Math.floor((x - this.minX) / this.cell)));
    const cy = Math.min(this.ny - 1, Math.max(0, Math.floor((y - this.minY) / this.cell)));
    return cy * this.nx + cx;
  }

  /** Calls visit(index, squaredDistance) for every point within `radius` of (x, y). */
  forEachWithin(x: number, y: number, radius: number, visit: (index: number, d2: number) => void): void {
    const r2 = radius * radius;
    const span = Math.ceil(radius / this.cell);
    const cx = Math.floor((x - this.minX) / this.cell);
    const cy = Math.floor((y - this.minY) / this.cell);
    const x0 = Math.max(0, cx - span);
    const x1 = Math.min(this.nx - 1, cx + span);
    const y0 = Math.max(0, cy - span);
    const y1 = Math.min(this.ny - 1, cy + span);
    const pts = this.points;
    for (let gy = y0; gy <= y1; gy++) {
      for (let gx = x0; gx <= x1; gx++) {
        const c = gy * this.nx + gx;
        for (let k = this.cellStart[c]; k < this.cellStart[c + 1]; k++) {
          const i = this.order[k];
          const dx = pts[2 * i] - x;
          const dy = pts[2 * i + 1] - y;
          const d2 = dx * dx + dy * dy;
          if (d2 <= r2) visit(i, d2);
        }
      }
    }
  }

  /** Indices of the k nearest points (growing the search radius as needed), nearest first. */
  nearest(x: number, y: number, k: number): number[] {
    let radius = this.cell;
    const want = Math.min(k, this.count);
    for (let tries = 0; tries < 64; tries++) {
      const found: [number, number][] = [];
      this.forEachWithin(x, y, radius, (i, d2) => found.push([i, d2]));
      if (found.length >= want) {
        found.sort((a, b) => a[1] - b[1]);
        return found.slice(0, want).map((f) => f[0]);
      }
      radius *= 2;
    }
    return [];
  }
}
