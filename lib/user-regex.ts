import { RE2JS, RE2JSSyntaxException } from 're2js';

/**
 * Regular expressions typed by users, compiled with RE2 (the re2js port): matching takes time
 * linear in the text, whatever the pattern, unlike JavaScript's backtracking RegExp where `(a+)+$`
 * on 30 characters blocks the event loop for seconds. Pure: the browser checks a filter with the
 * same engine as the server, so both agree on what is valid.
 */

/** What the UI tells users about the syntax. */
export const USER_REGEX_SYNTAX = 'RE2 syntax: no backreferences or lookaround; (?i) ignores case';

/**
 * Linear is not free: when RE2's DFA gives up, each character costs up to one step per instruction
 * of the compiled program (3–5 ms per instruction on a 64 KiB value, measured with re2js 2.10 on
 * patterns built for it, so up to about a second at this cap). Real filters compile to well under
 * 100 instructions (a UUID is 40) and run on the DFA; `.{200}` is 202. Counted repetitions such as
 * `\pL{1000}` grow programs into the thousands and are refused.
 */
export const MAX_PROGRAM_SIZE = 250;

export type UserRegex = { ok: true; test: (text: string) => boolean } | { ok: false; problem: string };

// Users re-apply the same filter, and the server checks it before opening the tail and again to
// match: a few compiled patterns are kept so neither compiles twice.
const cache = new Map<string, UserRegex>();
const CACHE_SIZE = 32;

const LOOKAROUND = ['(?=', '(?!', '(?<=', '(?<!'];

function syntaxProblem(error: RE2JSSyntaxException): string {
  const fragment = error.getPattern() ?? '';
  const backreference = error.getDescription() === 'invalid escape sequence' && /^\\[1-9k]/.test(fragment);
  const lookaround = LOOKAROUND.some((start) => fragment.startsWith(start));
  const hint = backreference ? ' (RE2 has no backreferences)' : lookaround ? ' (RE2 has no lookahead or lookbehind)' : '';
  return `Invalid regular expression: ${error.getDescription()}${fragment ? `: \`${fragment}\`` : ''}${hint}`;
}

function compile(pattern: string): UserRegex {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (error) {
    if (error instanceof RE2JSSyntaxException) return { ok: false, problem: syntaxProblem(error) };
    return { ok: false, problem: `Invalid regular expression: ${(error as Error).message}` };
  }
  const size = re.programSize();
  if (size > MAX_PROGRAM_SIZE) {
    return {
      ok: false,
      problem:
        `Regular expression too complex: it compiles to ${size} instructions, at most ${MAX_PROGRAM_SIZE} are allowed ` +
        '(large counted repetitions like {1000} cost the most)',
    };
  }
  // RE2JS's test() searches anywhere in the text, as RegExp.prototype.test does.
  return { ok: true, test: (text) => re.test(text) };
}

/** Compiles a user's pattern, or says in one sentence why it cannot be used. */
export function compileUserRegex(pattern: string): UserRegex {
  const known = cache.get(pattern);
  if (known) return known;
  const compiled = compile(pattern);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(pattern, compiled);
  return compiled;
}
