import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { LAST_FILING, hostilePage } from '../../tests/bench/hostile-pages';
import { cutDeepNesting } from './nesting-cut';
import { scanSnapshot } from './snapshot';

describe('cutDeepNesting', () => {
  it('leaves serialized HTML within the depth alone', () => {
    const html = '<div><p class="a>b" title=\'<div>\'>x<br><img src="y"></p><!-- <div><div><div> --><script>if (a<b) "<div><div>"</script><style>p>i{}</style></div>';
    expect(cutDeepNesting(html, 2)).toEqual({ html, cut: false });
  });

  it('cuts at the first element past the depth', () => {
    const html = '<div><div><div><span>deep</span></div></div></div><p>after</p>';
    expect(cutDeepNesting(html, 3)).toEqual({ html: '<div><div><div>', cut: true });
    expect(cutDeepNesting(html, 4).cut).toBe(false);
  });

  it('a snapshot nested 20,000 deep by script is read to the cut, and says it was read in part', () => {
    const html = hostilePage('nesting', 20_000);
    const body = /<body>[\s\S]*<\/body>/.exec(html)![0];
    const scan = scanSnapshot({ parts: [{ kind: 'document', head: '<head></head>', body }], truncated: false }, (h) => parseHTML(h).document as unknown as Document, { url: 'https://shop.example.cn/' });
    expect(scan.facts.partial).toBe('depth');
    expect(scan.facts.identifiers.map((i) => i.value)).not.toContain(LAST_FILING);
  });
});
