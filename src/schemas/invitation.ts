import { z } from 'astro/zod';
import { dateField, textField } from './fields.ts';
import { organiserField, TALK_FORMATS } from './talk.ts';

/** What an organiser asks for: the talk formats, and `other` for what is none of them (a jury, a judging panel). */
export const INVITATION_FORMATS = [...TALK_FORMATS, 'other'] as const;
export type InvitationFormat = (typeof INVITATION_FORMATS)[number];

/** Where an invitation stands. Every one is evidence, a declined one too. */
export const INVITATION_OUTCOMES = ['pending', 'accepted', 'declined'] as const;
export type InvitationOutcome = (typeof INVITATION_OUTCOMES)[number];

const oneOf = (values: readonly string[]) => `expected one of ${values.join(', ')}`;

/**
 * `content/invitations/*.md`: one invitation to speak, as it was asked. Private evidence: no page of
 * its own; `/impact/` counts them per quarter and says how many were accepted. The body is for the
 * person's own notes and is never published.
 */
export const invitationSchema = z
  .strictObject({
    /** The event, for example "Energy Futures Week 2027". */
    event: textField('the event’s name'),
    /** Who asked: a person or an organisation, with an optional website. */
    organiser: organiserField,
    /** When the invitation arrived. */
    asked: dateField,
    /** When the event takes place, if known. Optional. */
    eventDate: dateField.optional(),
    /** What was asked for: a talk format, or `other`. */
    format: z.enum(INVITATION_FORMATS, { error: oneOf(INVITATION_FORMATS) }),
    /** Who would be listening. Optional. */
    audience: z
      .strictObject(
        {
          /** How many people, as the organiser said. Optional. */
          size: z.number({ error: 'expected a number of people, for example 300' }).int().positive().optional(),
          /** Who they are, for example "Community energy groups and council officers". Optional. */
          description: textField('who the audience is').optional(),
        },
        { error: 'expected the audience as `size` and/or `description`' },
      )
      .optional(),
    /** `pending`, `accepted` or `declined`. Default: pending. */
    outcome: z.enum(INVITATION_OUTCOMES, { error: oneOf(INVITATION_OUTCOMES) }).default('pending'),
    /** Why it was accepted or declined, in a few words. Optional. */
    reason: textField('the reason').optional(),
    /** The talk it became: a file name in `content/talks/` without `.md`; written by `./hub new talk --from-invitation`. Optional. */
    talk: z.string({ error: 'expected a talk’s file name, for example energy-futures-week-2027' }).trim().min(1).optional(),
  })
  .superRefine((invitation, ctx) => {
    // A talk came of it only if it was accepted: otherwise one of the two fields is a slip.
    if (invitation.talk !== undefined && invitation.outcome !== 'accepted') {
      ctx.addIssue({
        code: 'custom',
        message: `names a talk but the outcome is ${invitation.outcome} — set \`outcome: accepted\` or remove \`talk\``,
        path: ['talk'],
      });
    }
  });

export type InvitationData = z.output<typeof invitationSchema>;
