import type OpenAI from 'openai';
import { openaiModule } from './openai-module.ts';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { Logger } from '../core/logger.ts';
import { describeIssues, type OutputFormat } from './schemas.ts';

export type StructuredOutputMode = 'json_schema' | 'json_object' | 'none';

export interface ModelClientOptions {
  apiKey: string;
  /** An OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio); OpenAI's own when unset. */
  baseURL?: string;
  model: string;
  mode: StructuredOutputMode;
  /** Time limit of one HTTP attempt (the SDK retries a time-out like a 5xx). */
  timeoutMs: number;
  /** The SDK's own retries of 408/409/429/5xx and time-outs, honouring retry-after(-ms). */
  maxRetries: number;
  /** The SDK's own notices (retries, warnings) go here instead of the console. */
  logger?: Logger;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface JsonRequest<T> {
  system: string;
  user: string;
  format: OutputFormat<T>;
  /** Checks beyond the schema (cited sentence numbers exist ...): a message for the model, or null. */
  check?: (value: T) => string | null;
  /** Called after every completion, valid or not: each one was paid for. */
  onUsage: (usage: TokenUsage) => Promise<void>;
}

/** The model's reply was not valid twice in a row (the second time after being shown its error). */
export class InvalidModelOutputError extends Error {
  override readonly name = 'InvalidModelOutputError';
}

/** The model declined to answer (OpenAI's `refusal`); asking again will not help. */
export class ModelRefusalError extends Error {
  override readonly name = 'ModelRefusalError';
}

/** Chat completions through the openai SDK, with structured output, zod validation and one corrective retry. */
export class ModelClient {
  private readonly openai: OpenAI;

  constructor(private readonly options: ModelClientOptions) {
    this.openai = new (openaiModule().default)({
      apiKey: options.apiKey,
      // Explicit values: the SDK would otherwise read OPENAI_BASE_URL / OPENAI_ORG_ID / OPENAI_PROJECT_ID
      // from process.env itself, and only src/config.ts reads the environment.
      baseURL: options.baseURL ?? 'https://api.openai.com/v1',
      organization: null,
      project: null,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
      ...(options.logger ? { logger: sdkLogger(options.logger), logLevel: 'info' as const } : { logLevel: 'off' as const }),
    });
  }

  get model(): string {
    return this.options.model;
  }

  /** What the prompt's `{{format}}` says: servers without json_schema only see the schema in the prompt. */
  formatInstructions(format: OutputFormat<unknown>): string {
    if (this.options.mode === 'json_schema') return 'Reply with the JSON object only.';
    return `Reply with one JSON object and nothing else (no prose, no code fences), matching this JSON Schema:\n${JSON.stringify(format.jsonSchema)}`;
  }

  async json<T>(request: JsonRequest<T>): Promise<T> {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: request.system },
      { role: 'user', content: request.user },
    ];
    let problem = '';
    for (let attempt = 0; attempt < 2; attempt++) {
      const reply = await this.complete(messages, request.format);
      await request.onUsage(reply.usage);
      const result = validate(reply.content, request.format.schema, request.check);
      if (result.ok) return result.value;
      if (reply.truncated) result.error = `the reply was cut off at the length limit; write less. ${result.error}`;
      problem = result.error;
      // Shown its own reply and what is wrong with it, a model usually fixes it in one go.
      messages.push(
        { role: 'assistant', content: reply.content.slice(0, 8000) },
        { role: 'user', content: `That reply is not valid:\n${problem}\nReply again with the corrected JSON object only.` },
      );
    }
    throw new InvalidModelOutputError(`the model's reply was not valid after a retry: ${problem}`);
  }

  private async complete(
    messages: ChatCompletionMessageParam[],
    format: OutputFormat<unknown>,
  ): Promise<{ content: string; usage: TokenUsage; truncated: boolean }> {
    const params: ChatCompletionCreateParamsNonStreaming = { model: this.options.model, messages };
    if (this.options.mode === 'json_schema') {
      params.response_format = { type: 'json_schema', json_schema: { name: format.name, schema: format.jsonSchema, strict: true } };
    } else if (this.options.mode === 'json_object') {
      params.response_format = { type: 'json_object' };
    }
    const response = await this.openai.chat.completions.create(params);
    const choice = response.choices[0];
    const message = choice?.message;
    if (message?.refusal) throw new ModelRefusalError(`the model refused: ${message.refusal.slice(0, 200)}`);
    const content = message?.content ?? '';
    const usage: TokenUsage = response.usage
      ? { promptTokens: response.usage.prompt_tokens, completionTokens: response.usage.completion_tokens }
      : // Some local servers leave usage out; an estimate keeps budgets meaningful.
        { promptTokens: estimateTokens(messages.map((m) => String(m.content ?? '')).join('\n')), completionTokens: estimateTokens(content) };
    return { content, usage, truncated: choice?.finish_reason === 'length' };
  }
}

// The SDK's info lines (a retry, its reason) are debug detail for us; its warnings and errors stay what they are.
function sdkLogger(logger: Logger) {
  const at =
    (level: 'error' | 'warn' | 'debug') =>
    (message: string, ...details: unknown[]) =>
      logger[level]({ sdk: 'openai', details: details.length ? details : undefined }, message);
  return { error: at('error'), warn: at('warn'), info: at('debug'), debug: at('debug') };
}

/** About four characters a token for English prose; used for chunking and when a server reports no usage. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

export function validate<T>(content: string, schema: z.ZodType<T>, check?: (value: T) => string | null): Validation<T> {
  let data: unknown;
  try {
    data = JSON.parse(extractJson(content));
  } catch (error) {
    return { ok: false, error: `it is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  const problem = check?.(parsed.data) ?? null;
  return problem ? { ok: false, error: problem } : { ok: true, value: parsed.data };
}

/** The JSON inside a reply: without a reasoning model's <think> block, code fences or words around it. */
export function extractJson(content: string): string {
  const text = content.replace(/<think>[\s\S]*?<\/think>/g, '').trim();
  const fenced = /^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i.exec(text);
  if (fenced) return fenced[1]!.trim();
  if (text.startsWith('{')) return text;
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  return first >= 0 && last > first ? text.slice(first, last + 1) : text;
}
