// The story sections below the first screen (score, symmetry, discovery race, reuse): their own chunk, drawn after it.
import { StaleRegion } from '../StaleRegion';
import { DiscoverySection } from './DiscoverySection';
import { ReuseSection } from './ReuseSection';
import { ScoreSection } from './ScoreSection';
import { SymmetrySection } from './SymmetrySection';

export default function Stories() {
  return (
    <StaleRegion>
      <div className="stories">
        <ScoreSection />
        <SymmetrySection />
        <DiscoverySection />
        <ReuseSection />
      </div>
    </StaleRegion>
  );
}
