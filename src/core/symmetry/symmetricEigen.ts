// Eigen-decomposition of a small symmetric matrix given as rows: a view onto the one shared Jacobi solver.
import { type SymmetricEigen, symmetricEigen as jacobi } from '../hereditary/symmetricEigen';

export type { SymmetricEigen };

/** Eigenvalues ascending with unit eigenvectors, for a matrix given as an array of rows. */
export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  return jacobi(matrix.flat(), matrix.length);
}
