import type { Tags } from './types.ts';

/** How many names of each kind a digest or a reply shows; the Analysis keeps them all. */
export const SHOWN_TAGS = 6;

/** The most salient few of each kind (the engines list tags most salient first). */
export function topTags(tags: Tags, limit = SHOWN_TAGS): Tags {
  return {
    people: tags.people.slice(0, limit),
    organizations: tags.organizations.slice(0, limit),
    places: tags.places.slice(0, limit),
    topics: tags.topics.slice(0, limit),
  };
}
