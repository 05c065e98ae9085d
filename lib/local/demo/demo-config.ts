import { readFileSync } from 'node:fs';
import { ConfigFile } from '../../config/schema';

/** Sample feeds shipped with the project, served on loopback for `npm start -- --demo`. */
export const DEMO_FEEDS: Record<string, { file: string; contentType: string }> = {
  '/northgate-local-news.xml': { file: 'northgate-local-news.xml', contentType: 'application/rss+xml; charset=utf-8' },
  '/community-posts.atom': { file: 'community-posts.atom', contentType: 'application/atom+xml; charset=utf-8' },
};

/** An invented Ofsted provider page (report-card layout, two areas needing attention) for the demo's Northgate Park. */
export const DEMO_OFSTED_PAGE = { path: '/provider/21/137001', urn: '137001', file: 'ofsted-northgate-park.html', contentType: 'text/html; charset=utf-8' };

export function readDemoFeed(file: string): Buffer {
  return readFileSync(new URL(file, import.meta.url));
}

/**
 * The demo trust: two invented schools, each watching the demo feeds served at `feedBase`. With `ofsted`,
 * Northgate Park also has its URN and watches the demo Ofsted page (`npm start -- --demo` turns it on).
 */
export function demoConfig(feedBase: string, options: { ofsted?: boolean } = {}): ConfigFile {
  const ofsted = options.ofsted ? { urn: DEMO_OFSTED_PAGE.urn, feeds: [...Object.keys(DEMO_FEEDS).map((path) => ({ source: 'rss' as const, url: `${feedBase}${path}` })), { source: 'ofsted' as const, url: `${feedBase}${DEMO_OFSTED_PAGE.path}` }] } : {};
  const feeds = Object.keys(DEMO_FEEDS).map((path) => ({ source: 'rss' as const, url: `${feedBase}${path}` }));
  return ConfigFile.parse({
    trusts: [
      {
        id: 'demo-trust',
        name: 'Fenland Demo Learning Trust',
        schools: [
          {
            id: 'northgate-park',
            name: 'Northgate Park Academy',
            aliases: ['Northgate Park'],
            context: ['Harlow Fen', 'academy', 'pupils', 'parents'],
            exclude: ['Northgate Park Retail'],
            recipients: ['head@northgate.example'],
            // what the school publishes itself: quoting these is never flagged as a leak
            publicFacts: { phones: ['01632 960100'], addresses: ['14 Fen Lane, Harlow Fen HF3 2QP'], postcodes: ['HF3 2QP'], websites: ['www.northgate.example'] },
            feeds,
            ...ofsted,
          },
          {
            id: 'st-brendans',
            name: "St Brendan's Catholic Primary School",
            aliases: ["St Brendan's Catholic Primary", "St Brendan's"],
            context: ['primary', 'pupils', 'Year', 'nativity', 'school'],
            exclude: ["St Brendan's Church"],
            recipients: ['head@stbrendans.example', 'dsl@stbrendans.example'],
            feeds,
          },
        ],
      },
    ],
  });
}
