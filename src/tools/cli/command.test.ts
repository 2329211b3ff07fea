import { describe, expect, it } from 'vitest';
import { main } from './liangzhao';
import { UsageError, parseArgs } from './command';

const SPEC = { strings: ['url', 'lang'], booleans: ['json'], repeatable: ['blacklist'] };
const parse = (...args: string[]) => {
  const { flags, booleans, positionals } = parseArgs(args, SPEC);
  return { flags: Object.fromEntries(flags), booleans: [...booleans], positionals };
};
const usageError = (...args: string[]) => {
  try {
    parseArgs(args, SPEC);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${args.join(' ')}`);
};

describe('parseArgs', () => {
  it('reads --name value, --name=value, booleans and positionals in any order', () => {
    expect(parse('page.html', '--url', 'https://a.example/', '--json', '--lang=en')).toEqual({
      flags: { url: ['https://a.example/'], lang: ['en'] },
      booleans: ['json'],
      positionals: ['page.html'],
    });
  });

  it('keeps every value of a repeatable flag, in order', () => {
    expect(parse('--blacklist', 'a.csv', '--blacklist=b.csv').flags).toEqual({ blacklist: ['a.csv', 'b.csv'] });
  });

  it('takes the next argument as the value, whatever it looks like; an empty inline value is a value', () => {
    expect(parse('--url', '--json').flags).toEqual({ url: ['--json'] });
    expect(parse('--url', '-5').flags).toEqual({ url: ['-5'] });
    expect(parse('--url=', 'x')).toEqual({ flags: { url: [''] }, booleans: [], positionals: ['x'] });
  });

  it('reads everything after -- as positionals; a lone or single dash is a positional', () => {
    expect(parse('--', '--url', 'x').positionals).toEqual(['--url', 'x']);
    expect(parse('-', '-x', '-abc').positionals).toEqual(['-', '-x', '-abc']);
  });

  it('refuses unknown flags, missing values, values on booleans and a single flag given twice', () => {
    expect(usageError('--urk', 'x')).toBe('unknown option --urk');
    expect(usageError('---url')).toBe('unknown option ---url');
    expect(usageError('--json=yes')).toBe('unknown option --json');
    expect(usageError('--url')).toBe('--url needs a value');
    expect(usageError('--url', 'a', '--url=b')).toBe('--url given twice');
  });
});

describe('liangzhao usage errors', () => {
  it('prints the message and the usage and exits 2', async () => {
    let err = '';
    const code = await main(['scan', 'page.html', '--jsn'], { out: () => undefined, err: (text) => void (err += text) });
    expect(code).toBe(2);
    expect(err).toMatch(/^liangzhao scan: unknown option --jsn\n\nusage: liangzhao scan/);
  });
});
