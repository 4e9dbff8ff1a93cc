import type { ReactNode } from 'react';
import { PageHeading } from '../../ui';

/** A screen: its h1 and its content. */
export function SectionPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="section-page">
      <PageHeading>{title}</PageHeading>
      {children}
    </div>
  );
}
