import { z } from 'zod';

// What the model must return, as zod schemas. The same schemas give the JSON Schema sent with
// `response_format: json_schema` (strict mode: every property required, no extra properties), so the
// request and the validation can never disagree.

const text = z.string();

export const analysisOutput = z.object({
  summary: z.array(text),
  tags: z.object({
    people: z.array(text),
    organizations: z.array(text),
    places: z.array(text),
    topics: z.array(text),
  }),
  quotes: z.array(z.object({ text, speaker: z.string().nullable() })),
  timeline: z.array(
    z.object({
      expression: text,
      type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']),
      value: text,
      event: text,
    }),
  ),
});
export type AnalysisOutput = z.infer<typeof analysisOutput>;

export const summaryOutput = z.object({ summary: z.array(text).refine((list) => list.length > 0, 'give at least one sentence') });
export type SummaryOutput = z.infer<typeof summaryOutput>;

// Sentence numbers are plain numbers in the JSON Schema (zod's int() adds 2^53 bounds that some local
// servers' grammar compilers reject); integrality is checked here and reported back to the model.
export const answerOutput = z
  .object({
    answered: z.boolean(),
    answer: text,
    citations: z.array(z.number().refine(Number.isInteger, 'sentence numbers are whole numbers')),
  })
  .superRefine((value, ctx) => {
    if (value.answered && value.citations.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['citations'], message: 'an answer must cite at least one sentence number' });
    }
    if (value.answered && value.answer.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'answered is true but the answer is empty' });
    }
  });
export type AnswerOutput = z.infer<typeof answerOutput>;

/** A named output format: its zod schema and the JSON Schema the request carries. */
export interface OutputFormat<T> {
  name: string;
  schema: z.ZodType<T>;
  jsonSchema: Record<string, unknown>;
}

export function outputFormat<T>(name: string, schema: z.ZodType<T>): OutputFormat<T> {
  const { $schema: _drop, ...jsonSchema } = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return { name, schema, jsonSchema };
}

export const ANALYSIS_FORMAT = outputFormat('news_analysis', analysisOutput);
export const SUMMARY_FORMAT = outputFormat('news_summary', summaryOutput);
export const ANSWER_FORMAT = outputFormat('news_answer', answerOutput);

/** zod issues as short lines the model can act on ("quotes.0.speaker: expected string, received number"). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n');
}
