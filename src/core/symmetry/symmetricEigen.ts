// Eigen-decomposition of a small symmetric matrix given as rows: a view onto the one shared Jacobi solver.
import { symmetricEigen as jacobi, type SymmetricEigen } from '../hereditary/symmetricEigen';

export type { SymmetricEigen };

/** Eigenvalues ascending with unit eigenvectors, for a matrix given as an array of rows. */
export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  return jacobi(matrix.flat(), matrix.length);
}
