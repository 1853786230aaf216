import type { APIRoute } from 'astro';
import { formats, getProfile, publishing, site } from '../data/site.ts';
import { getTalks } from '../data/talks.ts';
import { talksCalendar, talksCalendarName } from '../lib/ics.ts';
import { calendarTalks } from '../lib/talks.ts';

/** iCalendar feed of upcoming and recent talks, for organisers and assistants to subscribe to. */
export const GET: APIRoute = async () => {
  const [talks, profile] = await Promise.all([getTalks(), getProfile()]);
  const body = talksCalendar(calendarTalks(talks, publishing.now), {
    site,
    formats,
    now: publishing.now,
    name: talksCalendarName(profile.name),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
