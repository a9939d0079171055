// Copies the current shareable link (the hash always mirrors the settings).
import { useState } from 'react';

export function CopyLinkButton() {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 2000);
  };
  return (
    <button type="button" className="copy-link" onClick={copy} data-testid="copy-link">
      {copied === 'copied'
        ? 'Link copied'
        : copied === 'failed'
          ? 'Copy failed — use the address bar'
          : 'Copy link'}
    </button>
  );
}
